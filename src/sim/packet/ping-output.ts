/**
 * What `ping` prints, in the two dialects the lab has: iputils (the host, Debian/Ubuntu images with
 * iputils-ping) and busybox (busybox and alpine images). Times are integer microseconds, formatted
 * as the C sources do with integer division (iputils ping_common.c / ping.c, busybox ping.c).
 */

/** iputils reply time: 3 decimals below 1 ms, 2 below 10 ms, 1 below 100 ms, none above. */
export function iputilsTime(us: number): string {
  const ms = Math.floor(us / 1000);
  const rest = us % 1000;
  if (us < 1000) return `${ms}.${String(rest).padStart(3, '0')}`;
  if (us < 10000) return `${ms}.${String(Math.floor(rest / 10)).padStart(2, '0')}`;
  if (us < 100000) return `${ms}.${Math.floor(rest / 100)}`;
  return `${ms}`;
}

const ms3 = (us: number) => `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;

/** `%g` of a float, as printf prints the loss percentage (6 significant digits, no trailing 0s). */
function percentG(x: number): string {
  const f = Math.fround(x);
  return String(Number(f.toPrecision(6)));
}

export interface PingSummary {
  /** Name in the statistics header (canonical name, or the address given). */
  readonly name: string;
  readonly transmitted: number;
  readonly rtts: readonly number[];
  readonly errors: number;
  readonly elapsedMs: number;
}

export function iputilsStatistics(s: PingSummary): string {
  const received = s.rtts.length;
  let line = `${s.transmitted} packets transmitted, ${received} received`;
  if (s.errors) line += `, +${s.errors} errors`;
  if (s.transmitted)
    line += `, ${percentG(((s.transmitted - received) * 100) / s.transmitted)}% packet loss, time ${s.elapsedMs}ms`;
  let out = `--- ${s.name} ping statistics ---\n${line}\n`;
  if (received) {
    // ping_common.c finish(): sums in µs, integer averages, mdev = llsqrt(tsum2/n - (tsum/n)^2).
    const sum = s.rtts.reduce((a, b) => a + b, 0);
    const sum2 = s.rtts.reduce((a, b) => a + b * b, 0);
    const avg = Math.floor(sum / received);
    const mdev = Math.floor(Math.sqrt(Math.max(0, Math.floor(sum2 / received) - avg * avg)));
    out += `rtt min/avg/max/mdev = ${ms3(Math.min(...s.rtts))}/${ms3(avg)}/${ms3(Math.max(...s.rtts))}/${ms3(mdev)} ms\n`;
  }
  return out;
}

export function busyboxStatistics(s: PingSummary): string {
  const received = s.rtts.length;
  const loss = s.transmitted ? Math.floor(((s.transmitted - received) * 100) / s.transmitted) : 0;
  let out = `--- ${s.name} ping statistics ---\n${s.transmitted} packets transmitted, ${received} packets received, ${loss}% packet loss\n`;
  if (received) {
    const avg = Math.floor(s.rtts.reduce((a, b) => a + b, 0) / received);
    out += `round-trip min/avg/max = ${ms3(Math.min(...s.rtts))}/${ms3(avg)}/${ms3(Math.max(...s.rtts))} ms\n`;
  }
  return out;
}

export const busyboxTime = ms3;
