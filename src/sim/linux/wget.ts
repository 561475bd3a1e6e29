/**
 * busybox `wget` (busybox and alpine images): `wget -qO- URL` prints the page, `wget URL` saves it
 * as index.html (the last path component, or index.html). Texts from busybox networking/wget.c and
 * libbb/progress.c: `Connecting to HOST (IP:PORT)`, `saving to 'F'` / `writing to stdout`, the
 * progress line, `'F' saved` / `written to stdout`; failures `bad address 'x'`, `can't connect to
 * remote host (IP): <errno>`, `server returned error: <status line>`.
 *
 * The progress line is the final redraw (busybox starts it with `\r`, which a terminal shows as
 * nothing): the file name in 20 columns, the percentage, a bar of (terminal width 80 - 49) = 31
 * stars, the size, and `--:--:-- ETA` because the transfer took under a second. A container's
 * files are not modelled, so the saved file cannot be read back.
 */
import { headerBlock } from '../packet/http';
import { fetchHttp, parseHttpUrl } from '../packet/http-fetch';
import { failure, output, written, type Process, type ProcessResult } from '../shell/process';
import { isBusybox, whereIs } from './place';

interface WgetOptions {
  quiet: boolean;
  out?: string;
  url?: string;
}

const USAGE =
  'Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n' +
  '\t[--post-data STR | --post-file FILE] [-Y on/off]\n' +
  '\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n';

function parseArgs(argv: readonly string[]): WgetOptions | { error: string } {
  const o: WgetOptions = { quiet: false };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quiet') o.quiet = true;
    else if (a.startsWith('--output-document=')) o.out = a.slice(18);
    else if (!a.startsWith('-') || a === '-') o.url ??= a;
    else
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (f === 'q') o.quiet = true;
        else if ('OoPYUTt'.includes(f)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (v === undefined) return { error: `wget: option requires an argument -- '${f}'` };
          if (f === 'O') o.out = v;
          break;
        } else if (!'cS'.includes(f)) return { error: `wget: invalid option -- '${f}'` };
      }
  }
  return o;
}

/** libbb/progress.c's last redraw of a finished transfer. */
export function progressLine(name: string, bytes: number): string {
  let size = bytes;
  let unit = 0;
  while (size >= 100000) {
    unit++;
    size = Math.floor(size / 1024);
  }
  const shown = name.length > 20 ? name.slice(0, 20) : name.padEnd(20);
  return `${shown} 100% |${'*'.repeat(31)}|${String(size).padStart(6)}${' kMGTPEZY'[unit]} --:--:-- ETA\n`;
}

const ERRNO = {
  refused: 'Connection refused',
  timeout: 'Connection timed out',
  unreachable: 'Network is unreachable',
  'host-unreachable': 'No route to host',
} as const;

export function wget(p: Process): ProcessResult {
  if (!isBusybox(whereIs(p).userland))
    return failure(p.world, `bash: ${p.argv[0]}: command not found`, 127);
  const o = parseArgs(p.argv);
  if ('error' in o) return failure(p.world, `${o.error}\n${USAGE}`, 1);
  if (!o.url) return failure(p.world, USAGE, 1);
  const url = parseHttpUrl(o.url);
  if (!url) return failure(p.world, `wget: not an http or ftp url: ${o.url}`, 1);
  // busybox wget's G.user_agent.
  const r = fetchHttp(p, url, 'GET', { name: 'wget (busybox)', userAgent: 'Wget' });
  const done = (res: ProcessResult): ProcessResult => ({ ...res, trace: r.trace });
  if (r.kind === 'no-address') return done(failure(r.world, `wget: bad address '${url.host}'`, 1));
  let stderr = o.quiet ? '' : `Connecting to ${url.host} (${r.ip}:${url.port})\n`;
  if (r.kind === 'connect-failed') {
    const why = r.proxyFailed ? 'error getting response: Connection reset by peer' : undefined;
    const text = why ?? `can't connect to remote host (${r.ip}): ${ERRNO[r.failure]}`;
    return done(output(r.world, '', `${stderr}wget: ${text}\n`, 1));
  }
  const reply = r.reply;
  if (reply.kind !== 'http')
    return done(output(r.world, '', `${stderr}wget: error getting response\n`, 1));
  if (reply.status >= 400 || (reply.status > 204 && reply.status < 300)) {
    const statusLine = headerBlock(reply).split('\r\n')[0];
    return done(output(r.world, '', `${stderr}wget: server returned error: ${statusLine}\n`, 1));
  }
  const toStdout = o.out === '-';
  const name = o.out ?? (url.path.split('/').pop() || 'index.html');
  const bytes = new TextEncoder().encode(reply.body).length;
  // The body reaches stdout while the progress bar runs; its last frame and the note follow.
  const after = o.quiet
    ? ''
    : progressLine(toStdout ? '-' : (name.split('/').pop() ?? name), bytes) +
      (toStdout ? 'written to stdout\n' : `'${name}' saved\n`);
  if (!o.quiet) stderr += toStdout ? 'writing to stdout\n' : `saving to '${name}'\n`;
  return done({
    world: r.world,
    exitCode: 0,
    ...written(['stderr', stderr], ['stdout', toStdout ? reply.body : ''], ['stderr', after]),
  });
}
