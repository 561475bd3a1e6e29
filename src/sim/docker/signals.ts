/**
 * Signal names as moby/sys/signal parses them for `docker kill -s` (a number, or a Linux name
 * with or without `SIG`, any case), and what the container's PID 1 does with one: PID 1 in a
 * PID namespace gets no default action, so only SIGKILL always ends it.
 */
const LINUX_SIGNALS: Readonly<Record<string, number>> = {
  HUP: 1,
  INT: 2,
  QUIT: 3,
  ILL: 4,
  TRAP: 5,
  ABRT: 6,
  IOT: 6,
  BUS: 7,
  FPE: 8,
  KILL: 9,
  USR1: 10,
  SEGV: 11,
  USR2: 12,
  PIPE: 13,
  ALRM: 14,
  TERM: 15,
  STKFLT: 16,
  CHLD: 17,
  CLD: 17,
  CONT: 18,
  STOP: 19,
  TSTP: 20,
  TTIN: 21,
  TTOU: 22,
  URG: 23,
  XCPU: 24,
  XFSZ: 25,
  VTALRM: 26,
  PROF: 27,
  WINCH: 28,
  IO: 29,
  POLL: 29,
  PWR: 30,
  SYS: 31,
};

export const SIGKILL = 9;

/** `Invalid signal: X` as ParseSignal words it; numbers pass unless 0 or not a Linux signal. */
export function parseSignal(
  raw: string,
): { ok: true; value: number } | { ok: false; error: string } {
  if (/^-?\d+$/.test(raw)) {
    const n = Number(raw);
    if (n === 0) return { ok: false, error: `Invalid signal: ${raw}` };
    // ValidSignalForPlatform: real-time signals 34..64 are Linux signals too.
    if (n < 1 || n > 64 || n === 32 || n === 33)
      return { ok: false, error: `the linux daemon does not support signal ${n}` };
    return { ok: true, value: n };
  }
  const n = LINUX_SIGNALS[raw.toUpperCase().replace(/^SIG/, '')];
  return n === undefined ? { ok: false, error: `Invalid signal: ${raw}` } : { ok: true, value: n };
}

/** Signals an image's own server treats as "shut down" (nginx: TERM/INT fast, QUIT graceful). */
const SHUTDOWN = new Set([2, 3, 15]);

/**
 * The main process's exit code after `signal`, or null when it keeps running: SIGKILL → 137;
 * the image's own server ends on TERM/INT/QUIT as it does for `docker stop` (0 if it exits
 * cleanly, else 128+signal as the JVM does); anything else, and any signal to a PID 1 that
 * installed no handler (a shell, `sleep`), is ignored.
 */
export function exitAfterSignal(
  signal: number,
  ownServer: boolean,
  cleanStopCode: number,
): number | null {
  if (signal === SIGKILL) return 128 + SIGKILL;
  if (!ownServer || !SHUTDOWN.has(signal)) return null;
  return cleanStopCode === 0 ? 0 : 128 + signal;
}
