/** The Linux userland the tutorials use (ip, cat, hostname, …), one module per tool family. */
import type { Program } from '../shell/process';
import { ip } from './ip';

export const LINUX_PROGRAMS: Readonly<Record<string, Program>> = {
  ip,
};
