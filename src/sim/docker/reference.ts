/**
 * Image references as docker-cli parses them (github.com/distribution/reference v0.6 and
 * opencontainers/go-digest): `ParseNormalizedNamed` for `docker pull`, `ParseAnyReference` for
 * `docker run`/`create`, which also take an image ID. The errors are theirs, word for word.
 */
import { own } from '../own';

/** A parsed reference: its familiar repository (`nginx`, `localhost:5000/ubuntu`), tag, digest. */
export interface NamedRef {
  readonly repo: string;
  readonly tag?: string;
  readonly digest?: string;
}

export type ParsedRef =
  { readonly ok: true; readonly ref: NamedRef } | { readonly ok: false; readonly error: string };

const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const NAME_AND_TAG = new RegExp(`^${NAME}(?::${TAG})?$`);
const IMAGE_ID = /^[a-f0-9]{64}$/;

/** A name with an optional tag, as `docker build -t` and `docker push` take it (no digest). */
export const isValidImageRef = (ref: string): boolean => NAME_AND_TAG.test(ref);

/** Hex lengths of the algorithms go-digest knows. */
const DIGEST_SIZES: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

/** go-digest's Digest.Validate: why `d` is no digest, or undefined. */
export function digestProblem(d: string): string | undefined {
  const i = d.indexOf(':');
  if (i <= 0 || i + 1 === d.length) return 'invalid checksum digest format';
  const size = own(DIGEST_SIZES, d.slice(0, i));
  const hex = d.slice(i + 1);
  if (size === undefined)
    return new RegExp(`^${DIGEST}$`).test(d)
      ? 'unsupported digest algorithm'
      : 'invalid checksum digest format';
  if (hex.length !== size) return 'invalid checksum digest length';
  return /^[a-f0-9]+$/.test(hex) ? undefined : 'invalid checksum digest format';
}

/**
 * reference.splitDockerDomain: the registry a name lives in and its path there (`docker.io` +
 * `library/nginx`, `localhost:5000` + `ubuntu`), `library/` added on Docker Hub.
 */
export function splitRegistry(name: string): { domain: string; path: string } {
  const slash = name.indexOf('/');
  if (slash === -1) return { domain: 'docker.io', path: `library/${name}` };
  const first = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  const isDomain =
    first === 'localhost' ||
    first === 'index.docker.io' ||
    /[.:]/.test(first) ||
    first.toLowerCase() !== first;
  const domain = !isDomain || first === 'index.docker.io' ? 'docker.io' : first;
  const path = isDomain ? rest : name;
  return {
    domain,
    path: domain === 'docker.io' && !path.includes('/') ? `library/${path}` : path,
  };
}

/** reference.ParseNormalizedNamed, as `docker pull` uses it. */
export function parseNamed(s: string): ParsedRef {
  if (IMAGE_ID.test(s))
    return {
      ok: false,
      error: `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`,
    };
  const { domain, path: remainder } = splitRegistry(s);
  const colon = remainder.indexOf(':');
  const remote = colon === -1 ? remainder : remainder.slice(0, colon);
  if (remote.toLowerCase() !== remote)
    return {
      ok: false,
      error: `invalid reference format: repository name (${remote}) must be lowercase`,
    };
  const m = REFERENCE.exec(`${domain}/${remainder}`);
  if (!m)
    return {
      ok: false,
      error: REFERENCE.test(`${domain}/${remainder}`.toLowerCase())
        ? 'repository name must be lowercase'
        : 'invalid reference format',
    };
  const [, name = '', tag, digest] = m;
  const path = name.slice(domain.length + 1);
  if (path.length > 255)
    return { ok: false, error: 'repository name must not be more than 255 characters' };
  const problem = digest === undefined ? undefined : digestProblem(digest);
  if (problem) return { ok: false, error: problem };
  const repo =
    domain === 'docker.io' ? path.replace(/^library\/(?=[^/]+$)/, '') : `${domain}/${path}`;
  return {
    ok: true,
    ref: { repo, ...(tag !== undefined ? { tag } : {}), ...(digest ? { digest } : {}) },
  };
}

/** reference.ParseAnyReference, as `docker run`/`create` use it: an image ID passes too. */
export function referenceProblem(s: string): string | undefined {
  if (IMAGE_ID.test(s) || (s.includes(':') && digestProblem(s) === undefined)) return undefined;
  const parsed = parseNamed(s);
  return parsed.ok ? undefined : parsed.error;
}

/** reference.FamiliarString after TagNameOnly: `nginx:latest`, `ubuntu:24.04@sha256:…`, `ubuntu@sha256:…`. */
export const familiarString = (ref: NamedRef): string =>
  `${ref.repo}${ref.tag !== undefined ? `:${ref.tag}` : ref.digest ? '' : ':latest'}${ref.digest ? `@${ref.digest}` : ''}`;

/** docker-cli's line before `docker run`/`create` pull an image the daemon lacks. */
export function notFoundLine(ref: string): string {
  const named = parseNamed(ref);
  return `Unable to find image '${named.ok ? familiarString(named.ref) : ref}' locally\n`;
}
