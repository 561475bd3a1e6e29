import type { DockerHandler } from './cli';
import { failure } from '../shell/process';

const todo: DockerHandler = (p, _args, path) => failure(p.world, `${path}: not simulated yet`);
export const NETWORK_COMMANDS: Readonly<Record<string, DockerHandler>> = {
  ls: todo,
  create: todo,
  rm: todo,
  inspect: todo,
  connect: todo,
  disconnect: todo,
  prune: todo,
};
