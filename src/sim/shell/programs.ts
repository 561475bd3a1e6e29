/** Every program the lab can run, by name. Whether a container has it is the image's business. */
import { docker } from '../docker/cli';
import { lab } from '../lab/lab-cli';
import { LINUX_PROGRAMS } from '../linux/programs';
import type { Program } from './process';
import { sh } from './sh';

export { BUILTINS } from './builtins';

export const PROGRAMS: Readonly<Record<string, Program>> = {
  docker,
  lab,
  ...LINUX_PROGRAMS,
  sh,
  bash: sh,
  ash: sh,
};
