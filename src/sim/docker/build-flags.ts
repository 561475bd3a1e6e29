/** `docker build`'s flags: data the engine keeps for Tab, while the builder itself loads later (sim/parts.ts). */
import type { FlagSpec } from './flags';

export const BUILD_FLAGS: readonly FlagSpec[] = [
  { long: 'tag', short: 't', type: 'list' },
  { long: 'file', short: 'f', type: 'string' },
  { long: 'build-arg', type: 'list' },
  { long: 'no-cache', type: 'bool' },
  { long: 'target', type: 'string' },
  { long: 'quiet', short: 'q', type: 'bool' },
  { long: 'progress', type: 'string' },
  { long: 'pull', type: 'bool' },
  { long: 'rm', type: 'bool' },
  { long: 'force-rm', type: 'bool' },
  { long: 'network', type: 'string' },
  { long: 'platform', type: 'string' },
  { long: 'label', type: 'list' },
  { long: 'load', type: 'bool' },
];
