/**
 * A mount as `docker run` asks for it: `-v SPEC` (ParseMountRaw in volume/mounts linux_parser.go)
 * and `--mount type=…,source=…,target=…` (opts/mount.go), with the daemon's checks and texts.
 */
import { err, ok, type Result } from '../result';

/** A mount as the user asked for it (`-v`, `--mount`, or an image's VOLUME). */
export interface MountRequest {
  readonly type: 'volume' | 'bind';
  /** Volume name or host path; empty for an anonymous volume. */
  readonly source: string;
  readonly target: string;
  readonly readOnly: boolean;
  readonly mode: string;
  /** The `-v` spelling, for HostConfig.Binds. */
  readonly bind?: string;
  readonly viaMount?: boolean;
}

const MODES = new Set([
  'ro',
  'rw',
  'z',
  'Z',
  'nocopy',
  'shared',
  'rshared',
  'slave',
  'rslave',
  'private',
  'rprivate',
]);

const validMode = (mode: string): boolean =>
  mode === '' || mode.split(',').every((m) => MODES.has(m));

/** `-v SPEC` as ParseMountRaw reads it; errors are the daemon's. */
export function parseVolumeSpec(raw: string): Result<MountRequest> {
  const parts = raw.split(':');
  const invalid = `invalid volume specification: '${raw}'`;
  if (parts[0] === '' || parts.length > 3) return err(invalid);
  if (parts.length === 2 && validMode(parts[1])) return err(invalid);
  const [first = '', second, mode = ''] = parts;
  if (!validMode(mode)) return err(`invalid mode: ${mode}`);
  const source = second === undefined ? '' : first;
  const target = second ?? first;
  const type = source.startsWith('/') ? 'bind' : 'volume';
  const readOnly = mode.split(',').includes('ro');
  const req: MountRequest = {
    type,
    source,
    target,
    readOnly,
    mode,
    ...(source ? { bind: raw } : {}),
  };
  const problem = checkMount(req);
  return problem ? err(`${invalid}: ${problem}`) : ok(req);
}

/** validateMountConfigImpl's checks on the target (and a bind's source). */
export function checkMount(m: MountRequest): string | null {
  const config = (e: string) => `invalid mount config for type "${m.type}": ${e}`;
  if (m.target === '') return config('field Target must not be empty');
  if (m.target.replace(/\/+$/, '') === '')
    return config("invalid specification: destination can't be '/'");
  if (!m.target.startsWith('/'))
    return config(`invalid mount path: '${m.target}' mount path must be absolute`);
  if (m.type === 'bind' && m.source === '') return config('field Source must not be empty');
  if (m.type === 'volume' && m.source === '' && m.readOnly)
    return config('must not set ReadOnly mode when using anonymous volumes');
  return null;
}

/** `--mount type=…,source=…,target=…[,readonly]`, checked as opts/mount.go and the daemon do. */
export function parseMountFlag(value: string): Result<MountRequest> {
  let type = 'volume';
  let source = '';
  let target = '';
  let readOnly = false;
  for (const field of value.split(',')) {
    const [key = '', val] = field.split('=', 2);
    const k = key.toLowerCase();
    if (val === undefined && (k === 'readonly' || k === 'ro')) readOnly = true;
    else if (val === undefined) return err(`invalid field '${field}' must be a key=value pair`);
    else if (k === 'type') type = val;
    else if (k === 'source' || k === 'src') source = val;
    else if (k === 'target' || k === 'destination' || k === 'dst') target = val;
    else if (k === 'readonly' || k === 'ro') readOnly = val === 'true' || val === '1';
    else return err(`unexpected key '${key}' in '${field}'`);
  }
  if (type !== 'volume' && type !== 'bind')
    return err(`invalid mount config for type "${type}": mount type unknown`);
  const req: MountRequest = { type, source, target, readOnly, mode: '', viaMount: true };
  return ok(req);
}
