import type { DockerHandler } from './cli';
import { failure } from '../shell/process';

const todo: DockerHandler = (p, _args, path) => failure(p.world, `${path}: not simulated yet`);
export const dockerCommit = todo;
export const dockerImages = todo;
export const dockerLogs = todo;
export const dockerPort = todo;
export const dockerPull = todo;
export const dockerVersion = todo;
