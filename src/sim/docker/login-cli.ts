/**
 * `docker login` and `docker logout` (docker/cli v27.5.1 registry/login.go, logout.go). Without a
 * credential helper the CLI keeps the credentials base64-encoded in ~/.docker/config.json and warns
 * so. A registry the lab runs (`registry:2`, no auth) is pinged through the host's datapath; Docker
 * Hub, out of the lab's reach, takes any name and password.
 */
import { failure, written, type ProcessResult } from '../shell/process';
import { editTree, readAt } from '../linux/file-tree';
import type { DockerHandler } from './cli';
import { checkArgs, flagError } from './cli-errors';
import { own } from '../own';
import { parseFlags, type FlagSpec } from './flags';
import { dialRegistry } from './registry-client';

const INDEX_SERVER = 'https://index.docker.io/v1/';
const CONFIG = '/root/.docker/config.json';

export const LOGIN_FLAGS: readonly FlagSpec[] = [
  { long: 'username', short: 'u', type: 'string' },
  { long: 'password', short: 'p', type: 'string' },
  { long: 'password-stdin', type: 'bool' },
];

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(text: string): string {
  const bytes = [...new TextEncoder().encode(text)];
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += b === undefined ? '=' : B64[(n >> 6) & 63];
    out += c === undefined ? '=' : B64[n & 63];
  }
  return out;
}

/** The `auths` of config.json; a file the lab cannot read counts as none. */
function auths(text: string | undefined): Record<string, { auth: string }> {
  try {
    const o = JSON.parse(text ?? '{}') as { auths?: Record<string, { auth: string }> };
    return typeof o.auths === 'object' && o.auths !== null ? o.auths : {};
  } catch {
    return {};
  }
}

/** config.json as the CLI writes it: Go's MarshalIndent with tabs. */
const configJson = (a: Record<string, { auth: string }>) =>
  `${JSON.stringify({ auths: a }, null, '\t')}`;

const UNENCRYPTED = `WARNING! Your password will be stored unencrypted in ${CONFIG}.
Configure a credential helper to remove this warning. See
https://docs.docker.com/engine/reference/commandline/login/#credential-stores

`;

export const dockerLogin: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, LOGIN_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  if (parsed.value.args.length > 1)
    return checkArgs(p.world, path, parsed.value.args, { exactly: 1 })!;
  const f = parsed.value;
  const user = f.strings.get('username');
  let password = f.strings.get('password');
  const fromStdin = f.bools.has('password-stdin');
  let warn = '';
  if (password !== undefined) {
    warn = 'WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n';
    if (fromStdin)
      return failure(p.world, `${warn}--password and --password-stdin are mutually exclusive`);
  }
  if (fromStdin) {
    if (user === undefined)
      return failure(p.world, 'Must provide --username with --password-stdin');
    password = p.stdin.replace(/\r?\n$/, '');
  }
  if (user === undefined || !password)
    return failure(
      p.world,
      `${warn}lab: docker login asks for the username and password at the keyboard, which the lab cannot; give them as -u NAME -p PASSWORD (or --password-stdin)`,
    );
  const server =
    f.args[0] && f.args[0] !== 'docker.io'
      ? f.args[0].replace(/^https?:\/\//, '').replace(/\/.*$/, '')
      : '';
  let world = p.world;
  let trace: ProcessResult['trace'];
  if (server) {
    const dial = dialRegistry(world, p.place.host, server);
    if (!dial.ok)
      return {
        ...failure(dial.world, `${warn}Error response from daemon: ${dial.error}`),
        ...(dial.trace ? { trace: dial.trace } : {}),
      };
    world = dial.world;
    trace = dial.trace;
  }
  const key = server || INDEX_SERVER;
  const host = { host: p.place.host };
  const saved = {
    ...auths(readAt(world, host, CONFIG)),
    [key]: { auth: base64(`${user}:${password}`) },
  };
  world = editTree(world, host, {
    mkdirs: ['/root/.docker'],
    write: { [CONFIG]: configJson(saved) },
  });
  return {
    ...written(['stderr', warn + UNENCRYPTED], ['stdout', 'Login Succeeded\n']),
    world,
    exitCode: 0,
    ...(trace ? { trace } : {}),
  };
};

export const dockerLogout: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, [], true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  if (parsed.value.args.length > 1)
    return checkArgs(p.world, path, parsed.value.args, { exactly: 1 })!;
  const given = parsed.value.args[0];
  const key = given ? given.replace(/^https?:\/\//, '').replace(/\/.*$/, '') : INDEX_SERVER;
  const host = { host: p.place.host };
  const text = readAt(p.world, host, CONFIG);
  const a = auths(text);
  const world =
    text !== undefined && own(a, key) !== undefined
      ? editTree(p.world, host, {
          write: {
            [CONFIG]: configJson(Object.fromEntries(Object.entries(a).filter(([k]) => k !== key))),
          },
        })
      : p.world;
  return { ...written(['stdout', `Removing login credentials for ${key}\n`]), world, exitCode: 0 };
};
