/** The Linux userland the tutorials use (ip, cat, hostname, …), one module per tool family. */
import type { Program } from '../shell/process';

export const LINUX_PROGRAMS: Readonly<Record<string, Program>> = {};
