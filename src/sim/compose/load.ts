/**
 * From the shell's directory to a project (compose-go cli/options.go and loader.go): `-f` files
 * or the first of compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml found in the
 * directory or above it; YAML read, schema-checked, named (`-p`, then top-level `name:`, then the
 * directory's base name, lowercased and stripped to `[a-z0-9_-]`), then normalized. Errors carry
 * compose's exit code: 14 when a file is missing, 15 when one is wrong.
 */
import type { Host } from '../model';
import { resolvePath } from '../linux/file-tree';
import { own } from '../own';
import { err, ok, type Result } from '../result';
import { parseDotEnv } from './dotenv';
import { interpolate } from './interpolate';
import { normalizeProject } from './normalize';
import type { ComposeProject } from './project';
import { validateSchema } from './schema';
import { readYaml } from './yaml-errors';

/** cli/options.go DefaultFileNames, in compose-go's order of preference. */
export const DEFAULT_FILE_NAMES = [
  'compose.yaml',
  'compose.yml',
  'docker-compose.yml',
  'docker-compose.yaml',
];

export interface LoadOptions {
  /** `-f` as typed, relative to `pwd`. */
  readonly files: readonly string[];
  /** `-p` / `--project-name`. */
  readonly projectName?: string;
  readonly pwd: string;
  /** The environment `docker compose` runs in: the shell's exported variables. */
  readonly environment: Readonly<Record<string, string>>;
  /** `--env-file` as typed; none means the project directory's `.env`, when there is one. */
  readonly envFiles: readonly string[];
}

export interface LoadFailure {
  readonly message: string;
  readonly exitCode: number;
}

export interface Loaded {
  readonly project: ComposeProject;
  /** logrus warnings compose prints before it acts (`WARN[0000] …`). */
  readonly warnings: readonly string[];
}

const FILE_NOT_FOUND = 14;
const PARSE_FAILURE = 15;

/** The host's files, by absolute path. */
export function hostFileReader(host: Host): (path: string) => string | undefined {
  return (path) => own(host.files, normalizePath(path));
}

const normalizePath = (path: string) => resolvePath('/', path);

const dirOf = (path: string) => path.slice(0, path.lastIndexOf('/')) || '/';
const baseOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** loader.NormalizeProjectName. */
export const normalizeProjectName = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[_-]+/, '');

function locate(
  read: (p: string) => string | undefined,
  o: LoadOptions,
): Result<string[], LoadFailure> {
  if (o.files.length)
    return ok(o.files.map((f) => normalizePath(f.startsWith('/') ? f : `${o.pwd}/${f}`)));
  for (let dir = normalizePath(o.pwd); ; dir = dirOf(dir)) {
    const found = DEFAULT_FILE_NAMES.map((n) => normalizePath(`${dir}/${n}`)).find(
      (p) => read(p) !== undefined,
    );
    if (found) return ok([found]);
    if (dir === '/')
      return err({
        message: 'no configuration file provided: not found',
        exitCode: FILE_NOT_FOUND,
      });
  }
}

/**
 * cli.WithOsEnv then WithEnvFiles/WithDotEnv: the shell's variables win over the env files',
 * which are read in order, each seeing the ones before it.
 */
function projectEnvironment(
  read: (p: string) => string | undefined,
  o: LoadOptions,
  workingDir: string,
  warn: (w: string) => void,
): Result<Record<string, string>, LoadFailure> {
  const files = o.envFiles.length
    ? o.envFiles.map((f) => normalizePath(f.startsWith('/') ? f : `${o.pwd}/${f}`))
    : [`${workingDir}/.env`].filter((f) => read(normalizePath(f)) !== undefined);
  const fromFiles: Record<string, string> = {};
  for (const file of files) {
    const text = read(file);
    if (text === undefined)
      return err({ message: `Couldn't find env file: ${file}`, exitCode: PARSE_FAILURE });
    const lookup = (k: string) => own(o.environment, k) ?? own(fromFiles, k);
    const parsed = parseDotEnv(text, lookup, warn);
    if (!parsed.ok)
      return err({ message: `failed to read ${file}: ${parsed.error}`, exitCode: PARSE_FAILURE });
    Object.assign(fromFiles, parsed.value);
  }
  return ok({ ...fromFiles, ...o.environment });
}

function projectNameFor(
  o: LoadOptions,
  env: Readonly<Record<string, string>>,
  dicts: readonly Record<string, unknown>[],
  workingDir: string,
): Result<string, LoadFailure> {
  if (o.projectName !== undefined) {
    if (normalizeProjectName(o.projectName) !== o.projectName)
      return err({
        message: `invalid project name "${o.projectName}": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number`,
        exitCode: PARSE_FAILURE,
      });
    return ok(o.projectName);
  }
  // COMPOSE_PROJECT_NAME, from the shell or the .env file, comes before the file's `name:`.
  const fromEnv = normalizeProjectName(own(env, 'COMPOSE_PROJECT_NAME') ?? '');
  if (fromEnv) return ok(fromEnv);
  const named = dicts
    .map((d) => normalizeProjectName(typeof d.name === 'string' ? d.name : ''))
    .filter(Boolean);
  const name = named.at(-1) ?? normalizeProjectName(baseOf(workingDir));
  return name
    ? ok(name)
    : err({ message: 'project name must not be empty', exitCode: PARSE_FAILURE });
}

export function loadProject(host: Host, o: LoadOptions): Result<Loaded, LoadFailure> {
  const read = hostFileReader(host);
  const files = locate(read, o);
  if (!files.ok) return files;
  const dicts: Record<string, unknown>[] = [];
  const warnings: string[] = [];
  const workingDir = dirOf(files.value[0]);
  const env = projectEnvironment(read, o, workingDir, (w) => warnings.push(w));
  if (!env.ok) return env;
  const lookup = (k: string) => own(env.value, k);
  for (const file of files.value) {
    const text = read(file);
    if (text === undefined)
      return err({
        message: `open ${file}: no such file or directory`,
        exitCode: FILE_NOT_FOUND,
      });
    const parsed = readYaml(text);
    if (!parsed.ok) return err({ message: parsed.error, exitCode: PARSE_FAILURE });
    if (!parsed.value) continue;
    const interpolated = interpolate(parsed.value, lookup);
    if (!interpolated.ok) return err({ message: interpolated.error, exitCode: PARSE_FAILURE });
    warnings.push(...interpolated.value.warnings);
    const dict = interpolated.value.value;
    const invalid = validateSchema(dict);
    if (invalid) return err({ message: `validating ${file}: ${invalid}`, exitCode: PARSE_FAILURE });
    if ('version' in dict)
      warnings.push(
        `${file}: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion`,
      );
    dicts.push(dict);
  }
  if (!dicts.length) return err({ message: 'empty compose file', exitCode: PARSE_FAILURE });
  const name = projectNameFor(o, env.value, dicts, workingDir);
  if (!name.ok) return name;
  // Later files override earlier ones key by key, as compose-go's merge does for the common case.
  const merged = mergeDicts(dicts);
  const project = normalizeProject(merged, {
    name: name.value,
    workingDir,
    configFiles: files.value,
    readFile: read,
    environment: env.value,
    warn: (w) => warnings.push(w),
  });
  if (!project.ok) return err({ message: project.error, exitCode: exitCodeOf(project.error) });
  return ok({ project: project.value, warnings });
}

/** A missing env file is a file-not-found failure; the rest are parse failures. */
const exitCodeOf = (message: string) =>
  message.endsWith('no such file or directory') ? FILE_NOT_FOUND : PARSE_FAILURE;

function mergeDicts(dicts: readonly Record<string, unknown>[]): Record<string, unknown> {
  const isMap = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  const merge = (a: unknown, b: unknown): unknown => {
    if (!isMap(a) || !isMap(b)) return b;
    const out: Record<string, unknown> = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = k in a ? merge(a[k], v) : v;
    return out;
  };
  return dicts.reduce<Record<string, unknown>>(
    (acc, d) => merge(acc, d) as Record<string, unknown>,
    {},
  );
}
