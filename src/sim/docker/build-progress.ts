/**
 * What BuildKit shows of a build (moby/buildkit util/progress/progressui): the vertices it ran,
 * printed `--progress=plain` as `#N …` blocks, or as the final frame of the TTY display
 * (`[+] Building 1.2s (6/6) FINISHED`, one ` => ` line per vertex and status, 80 columns); then the
 * failed vertex's logs and the Dockerfile lines at fault (solver/errdefs/source.go).
 */

/** One vertex of the build graph as the progress display knows it. */
export interface Vertex {
  readonly name: string;
  /** Status lines, `transferring dockerfile: 97B` (their own timing is not shown here). */
  readonly statuses: readonly string[];
  /** Output lines, each with its time since the vertex started. */
  readonly logs: readonly (readonly [number, string])[];
  readonly seconds: number;
  readonly cached?: boolean;
  readonly error?: string;
}

const secs = (s: number) => `${s.toFixed(1)}s`;

/** `--progress=plain`: each vertex's name, statuses, logs, then DONE, CACHED or ERROR. */
export function plainProgress(vertices: readonly Vertex[]): string {
  const blocks = vertices.map((v, i) => {
    const n = `#${i + 1}`;
    const lines = [`${n} ${v.name}`];
    for (const s of v.statuses) lines.push(`${n} ${s} done`);
    for (const [t, text] of v.logs) lines.push(`${n} ${t.toFixed(3)} ${text}`);
    if (v.error) lines.push(`${n} ERROR: ${v.error}`);
    else lines.push(v.cached ? `${n} CACHED` : `${n} DONE ${secs(v.seconds)}`);
    return lines.join('\n');
  });
  return `#0 building with "default" instance using docker driver\n\n${blocks.join('\n\n')}\n`;
}

const WIDTH = 80;
const align = (left: string, right: string, width: number) =>
  `${left.padEnd(width - right.length - 1)} ${right}`;

/** The TTY display's last frame, as a terminal 80 columns wide is left showing it. */
export function ttyProgress(vertices: readonly Vertex[]): string {
  const total = vertices.reduce((n, v) => n + v.seconds, 0);
  const head = `[+] Building ${secs(total)} (${vertices.length}/${vertices.length}) FINISHED`;
  const lines = [align(head, 'docker:default', WIDTH - 1)];
  const job = (name: string, seconds: number) => {
    const timer = ` ${secs(seconds < 0.05 ? 0 : seconds)}`;
    const room = WIDTH - ' => '.length - timer.length - 2;
    lines.push(align(` => ${name.slice(0, room)}`, timer, WIDTH - 1));
  };
  for (const v of vertices) {
    const prefix = v.error ? 'ERROR ' : v.cached ? 'CACHED ' : '';
    job(`${prefix}${v.name}`, v.seconds);
    for (const s of v.statuses) job(`=> ${s}`, 0);
  }
  return `${lines.join('\n')}\n`;
}

/** printErrorLogs: the failed vertex's name and its output, between dashes. */
export function errorLogs(v: Vertex): string {
  const logs = v.logs.map(([t, text]) => `${t.toFixed(3)} ${text}\n`).join('');
  return `------\n > ${v.name}:\n${logs}------\n`;
}

/**
 * The Dockerfile lines around an instruction, `>>>` marking it: two lines of context each side
 * for a multi-line instruction, four for a single line (split on `\n`, so a final newline counts).
 */
export function sourceExcerpt(file: string, text: string, start: number, end: number): string {
  const lines = text.split('\n');
  const pad = start === end ? 4 : 2;
  let from = start;
  let to = Math.min(end, lines.length);
  for (let p = 0; p < pad; p++) {
    if (from > 1) {
      from--;
      p++;
    }
    if (to !== lines.length) {
      to++;
      p++;
    }
  }
  const out = [`${file}:${start}`, '--------------------'];
  for (let i = from; i <= to; i++)
    out.push(
      ` ${String(i).padStart(3)} | ${i >= start && i <= end ? '>>>' : '   '} ${lines[i - 1]}`,
    );
  out.push('--------------------');
  return `${out.join('\n')}\n`;
}
