/**
 * Compose's progress output (docker/compose v2.32.4 pkg/progress), on stderr. On a terminal the
 * tty writer redraws a frame every 100 ms; what stays on screen is the last frame, which is what
 * the lab prints: `[+] Running 3/3`, then one line per resource — spinner or ✔/!/✘, the id and
 * text padded to the longest, the status text, and the elapsed time flush with the right margin.
 * Without a terminal (or `--progress plain`) every event is one line ` <id> <text> <status>`.
 * The lab's terminal has no size of its own, so frames are laid out for a classic 80×24 one;
 * times are simulated, so they are the same on every replay.
 */

export type EventStatus = 'working' | 'done' | 'warning' | 'error';

export interface ProgressEvent {
  readonly id: string;
  readonly parentId?: string;
  readonly text?: string;
  readonly status: EventStatus;
  readonly statusText?: string;
}

export type ProgressMode = 'tty' | 'plain' | 'quiet';

/** One progress session (one `progress.Run`): its title and its events with their times (ms). */
export interface Progress {
  readonly title: string;
  readonly events: { readonly event: ProgressEvent; readonly at: number }[];
  now: number;
}

export const startProgress = (title: string): Progress => ({ title, events: [], now: 0 });

/** Records `event` `afterMs` after the previous one. */
export function emit(p: Progress, event: ProgressEvent, afterMs = 0): void {
  p.now += afterMs;
  p.events.push({ event, at: p.now });
}

/** progress/event.go constructors: Working or Done with their status words. */
export const working = (id: string, statusText: string): ProgressEvent => ({
  id,
  status: 'working',
  statusText,
});
export const done = (id: string, statusText: string): ProgressEvent => ({
  id,
  status: 'done',
  statusText,
});

const COLUMNS = 80;
const ROWS = 24;
const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const PERCENT_CHARS = [...'⠀⡀⣀⣄⣤⣦⣶⣷⣿'];

interface Shown {
  id: string;
  parentId: string;
  text: string;
  status: EventStatus;
  statusText: string;
  start: number;
  end: number | null;
  percent: number;
}

/** ttyWriter.event: the first event fixes the start; a change to a final status stops the clock. */
function collect(p: Progress): { order: string[]; shown: Map<string, Shown> } {
  const order: string[] = [];
  const shown = new Map<string, Shown>();
  for (const { event: e, at } of p.events) {
    if (!order.includes(e.id)) order.push(e.id);
    const last = shown.get(e.id);
    const final = e.status !== 'working';
    if (!last) {
      shown.set(e.id, {
        id: e.id,
        parentId: e.parentId ?? '',
        text: e.text ?? '',
        status: e.status,
        statusText: e.statusText ?? '',
        start: at,
        end: e.status === 'done' || e.status === 'error' ? at : null,
        percent: final ? 100 : 0,
      });
      continue;
    }
    if (final && last.status !== e.status) last.end = at;
    last.status = e.status;
    last.text = e.text ?? '';
    last.statusText = e.statusText ?? '';
    if (final) last.percent = 100;
    if (!last.parentId || !e.parentId) last.parentId = e.parentId ?? '';
  }
  return { order, shown };
}

function spinner(e: Shown, now: number): string {
  if (e.status === 'done') return '✔';
  if (e.status === 'warning') return '!';
  if (e.status === 'error') return '✘';
  // The spinner moves on at each 100 ms redraw once it is older than 100 ms.
  return SPINNER[Math.max(0, Math.floor((now - e.start) / 100) - 1) % SPINNER.length];
}

function lineText(
  e: Shown,
  all: readonly Shown[],
  pad: string,
  statusPadding: number,
  now: number,
): string {
  const end = e.status === 'working' ? now : (e.end ?? e.start);
  const children = e.status === 'working' ? all.filter((c) => c.parentId === e.id) : [];
  const bar = children.map((c) => PERCENT_CHARS[((PERCENT_CHARS.length - 1) * c.percent) / 100]);
  // No layer sizes are simulated, so the byte counts compose would add are never shown.
  const txt = bar.length ? `${e.id} [${bar.join('')}] ${e.text}` : `${e.id} ${e.text}`;
  const padding = Math.max(0, statusPadding - txt.length);
  const maxStatus = COLUMNS - txt.length - statusPadding - 15;
  const status =
    maxStatus > 0 && e.statusText.length > maxStatus
      ? `${e.statusText.slice(0, maxStatus)}...`
      : e.statusText;
  const text = `${pad} ${spinner(e, now)} ${txt}${' '.repeat(padding)} ${status}`;
  const timer = `${((end - e.start) / 1000).toFixed(1)}s `;
  const gap = COLUMNS - [...text].length - timer.length;
  return `${text}${' '.repeat(Math.max(0, gap))}${timer}\n`;
}

function renderTty(p: Progress): string {
  const { order, shown } = collect(p);
  if (!order.length) return '';
  const all = order.map((id) => shown.get(id)!);
  const finished = all.filter((e) => e.status !== 'working').length;
  let statusPadding = 0;
  for (const e of all) {
    statusPadding = Math.max(statusPadding, `${e.id} ${e.text}`.length);
    // ttyWriter.print narrows the padding by two for every child line, as it is indented by two.
    if (e.parentId) statusPadding -= 2;
  }
  const skipChildren = all.length > ROWS - 2;
  let out = `[+] ${p.title} ${finished}/${all.length}\n`;
  for (const e of all) {
    if (e.parentId) continue;
    out += lineText(e, all, '', statusPadding, p.now);
    if (skipChildren) continue;
    for (const c of all)
      if (c.parentId === e.id) out += lineText(c, all, '  ', statusPadding, p.now);
  }
  return out;
}

/** plainWriter.Event: fmt.Fprintln(out, prefix, e.ID, e.Text, e.StatusText) with an empty prefix. */
const renderPlain = (p: Progress): string =>
  p.events.map(({ event: e }) => ` ${e.id} ${e.text ?? ''} ${e.statusText ?? ''}\n`).join('');

export function renderProgress(p: Progress, mode: ProgressMode): string {
  if (mode === 'quiet') return '';
  return mode === 'tty' ? renderTty(p) : renderPlain(p);
}

/** logrus's text formatter on a terminal: level, seconds since start, message. */
export const warnLine = (message: string): string => `WARN[0000] ${message}\n`;
