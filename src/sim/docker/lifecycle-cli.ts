import type { DockerHandler } from './cli';
import { failure } from '../shell/process';

const todo: DockerHandler = (p, _args, path) => failure(p.world, `${path}: not simulated yet`);
export const dockerStart = todo;
export const dockerStop = todo;
export const dockerRestart = todo;
export const dockerRm = todo;
