import type { DockerHandler } from './cli';
import { failure } from '../shell/process';

export const dockerInspect: DockerHandler = (p, _args, path) =>
  failure(p.world, `${path}: not simulated yet`);
