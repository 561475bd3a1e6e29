/** `docker compose`'s global flags: data the engine keeps for Tab, while Compose itself loads later (sim/parts.ts). */
import type { FlagSpec } from '../docker/flags';

export const COMPOSE_FLAGS: readonly FlagSpec[] = [
  { long: 'file', short: 'f', type: 'list' },
  { long: 'project-name', short: 'p', type: 'string' },
  { long: 'project-directory', type: 'string' },
  { long: 'progress', type: 'string' },
  { long: 'ansi', type: 'string' },
  { long: 'env-file', type: 'list' },
  { long: 'profile', type: 'list' },
  { long: 'parallel', type: 'string' },
  { long: 'compatibility', type: 'bool' },
  { long: 'dry-run', type: 'bool' },
  { long: 'all-resources', type: 'bool' },
  { long: 'version', short: 'v', type: 'bool' },
];
