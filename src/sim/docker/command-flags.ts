/**
 * Each docker command's flags, keyed as `DOCKER_COMMAND_TREE` names the command a line runs: the
 * very lists the handlers parse, so what Tab offers is what the command takes.
 */
import { COMPOSE_FLAGS } from '../compose/flags';
import { ATTACH_FLAGS } from './attach-cli';
import { BUILD_FLAGS } from './build-flags';
import { HISTORY_FLAGS } from './history-cli';
import { EXEC_FLAGS } from './exec-cli';
import type { FlagSpec } from './flags';
import { COMMIT_FLAGS, IMAGES_FLAGS, PULL_FLAGS } from './image-cli';
import { INFO_FLAGS } from './info-cli';
import { INSPECT_FLAGS } from './inspect-cli';
import { RM_FLAGS, START_FLAGS, STOP_FLAGS } from './lifecycle-cli';
import { VERSION_FLAGS } from './misc-cli';
import { LOGS_FLAGS } from './logs-cli';
import {
  NETWORK_CONNECT_FLAGS,
  NETWORK_DISCONNECT_FLAGS,
  NETWORK_INSPECT_FLAGS,
  NETWORK_RM_FLAGS,
} from './network-cli';
import { NETWORK_CREATE_FLAGS } from './network-create';
import { NETWORK_LS_FLAGS } from './network-ls';
import { PS_FLAGS } from './ps-cli';
import { UPDATE_FLAGS } from './rename-cli';
import { RUN_FLAGS } from './run-options';
import { KILL_FLAGS } from './signal-cli';
import { PRUNE_FLAGS, SYSTEM_DF_FLAGS, SYSTEM_PRUNE_FLAGS } from './system-cli';
import { STATS_FLAGS } from './top-stats-cli';
import { IMAGE_PRUNE_FLAGS, RMI_FLAGS } from './rmi-cli';
import { LOAD_FLAGS, SAVE_FLAGS } from './save-load-cli';
import { PUSH_FLAGS } from './push-cli';
import { SEARCH_FLAGS } from './search-cli';
import { LOGIN_FLAGS } from './login-cli';
import { CP_FLAGS } from './cp-cli';
import { EXPORT_FLAGS } from './diff-export-cli';
import {
  VOLUME_CREATE_FLAGS,
  VOLUME_INSPECT_FLAGS,
  VOLUME_LS_FLAGS,
  VOLUME_PRUNE_FLAGS,
  VOLUME_RM_FLAGS,
} from './volume-cli';

import { NODE_INSPECT_FLAGS, NODE_LS_FLAGS } from '../swarm/node-cli';
import {
  SWARM_INIT_FLAGS,
  SWARM_JOIN_FLAGS,
  SWARM_JOIN_TOKEN_FLAGS,
  SWARM_LEAVE_FLAGS,
} from '../swarm/swarm-cli';

/** Commands whose handlers parse no flag of their own (only `--help`). */
const NONE: readonly FlagSpec[] = [];

export const DOCKER_FLAGS: Readonly<Record<string, readonly FlagSpec[]>> = {
  run: RUN_FLAGS,
  create: RUN_FLAGS,
  start: START_FLAGS,
  stop: STOP_FLAGS,
  restart: STOP_FLAGS,
  rm: RM_FLAGS,
  ps: PS_FLAGS,
  inspect: INSPECT_FLAGS,
  port: NONE,
  logs: LOGS_FLAGS,
  images: IMAGES_FLAGS,
  commit: COMMIT_FLAGS,
  exec: EXEC_FLAGS,
  version: VERSION_FLAGS,
  pull: PULL_FLAGS,
  attach: ATTACH_FLAGS,
  kill: KILL_FLAGS,
  pause: NONE,
  unpause: NONE,
  rename: NONE,
  top: NONE,
  stats: STATS_FLAGS,
  wait: NONE,
  update: UPDATE_FLAGS,
  info: INFO_FLAGS,
  compose: COMPOSE_FLAGS,
  build: BUILD_FLAGS,
  history: HISTORY_FLAGS,
  'network ls': NETWORK_LS_FLAGS,
  'network list': NETWORK_LS_FLAGS,
  'network create': NETWORK_CREATE_FLAGS,
  'network rm': NETWORK_RM_FLAGS,
  'network remove': NETWORK_RM_FLAGS,
  'network inspect': NETWORK_INSPECT_FLAGS,
  'network connect': NETWORK_CONNECT_FLAGS,
  'network disconnect': NETWORK_DISCONNECT_FLAGS,
  'network prune': PRUNE_FLAGS,
  'swarm init': SWARM_INIT_FLAGS,
  'swarm join': SWARM_JOIN_FLAGS,
  'swarm join-token': SWARM_JOIN_TOKEN_FLAGS,
  'swarm leave': SWARM_LEAVE_FLAGS,
  'node ls': NODE_LS_FLAGS,
  'node list': NODE_LS_FLAGS,
  'node inspect': NODE_INSPECT_FLAGS,
  'system info': INFO_FLAGS,
  'system df': SYSTEM_DF_FLAGS,
  'system prune': SYSTEM_PRUNE_FLAGS,
  // The lab refuses `docker system events` before reading its flags.
  'system events': NONE,
  'container prune': PRUNE_FLAGS,
  tag: NONE,
  rmi: RMI_FLAGS,
  save: SAVE_FLAGS,
  load: LOAD_FLAGS,
  push: PUSH_FLAGS,
  search: SEARCH_FLAGS,
  login: LOGIN_FLAGS,
  logout: NONE,
  'image prune': IMAGE_PRUNE_FLAGS,
  cp: CP_FLAGS,
  diff: NONE,
  export: EXPORT_FLAGS,
  'volume create': VOLUME_CREATE_FLAGS,
  'volume ls': VOLUME_LS_FLAGS,
  'volume list': VOLUME_LS_FLAGS,
  'volume inspect': VOLUME_INSPECT_FLAGS,
  'volume rm': VOLUME_RM_FLAGS,
  'volume remove': VOLUME_RM_FLAGS,
  'volume prune': VOLUME_PRUNE_FLAGS,
};
