/**
 * `curl`: an HTTP GET (or HEAD with -I) through the simulated network, printed as the curl of the
 * place prints it. The versions matter for the error texts: the CentOS Stream 9 host has curl
 * 7.76.1 (`Failed to connect to H port P: Connection refused`), Debian bookworm images 7.88.1 and
 * Ubuntu noble 8.5.0 (`… after N ms: Couldn't connect to server`, lib/connect.c after the 7.87
 * connection-filter rewrite), Alpine's 8.12 (`Could not connect to server`), centos:7 7.29.0.
 *
 * A SYN nobody answers is given up by the kernel after tcp_syn_retries=6 (1+2+…+64 = 127 s), long
 * before curl's own 300 s default: the lab prints that outcome at once with a simulated elapsed
 * time of 127 s plus a few ms (deterministic per line). `-m`/`--connect-timeout N` end it at N s.
 */
import { hostOf } from '../world';
import type { Image } from '../model';
import { headerBlock } from '../packet/http';
import { fetchHttp, parseHttpUrl, type FetchResult } from '../packet/http-fetch';
import {
  concatOutputs,
  output,
  withStreams,
  written,
  type Process,
  type ProcessResult,
} from '../shell/process';
import { parseCurlArgs } from './curl-options';
import { whereIs } from './place';

type Style = '7.29' | '7.76' | 'modern';
interface Flavour {
  readonly version: string;
  readonly style: Style;
  /** curl 8.6+ spells its error strings `Could not`. */
  readonly couldnt: string;
}

function flavourOf(p: Process): Flavour {
  const w = whereIs(p);
  const image: Image | undefined = w.container
    ? w.host.docker.images.get(w.container.imageId)
    : undefined;
  if (!image) return { version: '7.76.1', style: '7.76', couldnt: "Couldn't" };
  if (image.repo === 'centos') return { version: '7.29.0', style: '7.29', couldnt: "Couldn't" };
  if (image.flavour === 'centos') return { version: '7.76.1', style: '7.76', couldnt: "Couldn't" };
  if (image.flavour === 'alpine')
    return { version: '8.12.1', style: 'modern', couldnt: 'Could not' };
  if (image.repo === 'ubuntu' || image.repo === 'tomcat')
    return { version: '8.5.0', style: 'modern', couldnt: "Couldn't" };
  return { version: '7.88.1', style: 'modern', couldnt: "Couldn't" };
}

const HELP_HINT = "curl: try 'curl --help' or 'curl --manual' for more information\n";

/** curl's max5data(): a byte count or speed in at most 5 characters. */
export function max5(n: number): string {
  const k = 1024;
  const m = k * k;
  if (n < 100000) return String(n).padStart(5);
  if (n < 10000 * k) return `${Math.floor(n / k)}k`.padStart(5);
  if (n < 100 * m)
    return `${String(Math.floor(n / m)).padStart(2)}.${Math.floor((n % m) / (m / 10))}M`;
  return `${Math.floor(n / m)}M`.padStart(5);
}

const METER_HEAD =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

function meterLine(bytes: number, speed: number, spentS?: number): string {
  const pct = bytes > 0 ? '100' : '  0';
  const spent =
    spentS === undefined
      ? '--:--:--'
      : `${String(Math.floor(spentS / 3600)).padStart(2)}:${String(Math.floor(spentS / 60) % 60).padStart(2, '0')}:${String(spentS % 60).padStart(2, '0')}`;
  return (
    `${pct} ${max5(bytes)}  ${pct} ${max5(bytes)}    0 ${max5(0)}  ${max5(speed)}  ${max5(0)} ` +
    `--:--:-- ${spent} --:--:-- ${max5(speed)}\n`
  );
}

function connectError(
  fl: Flavour,
  r: Extract<FetchResult, { kind: 'connect-failed' }>,
  host: string,
  port: number,
  elapsedMs: number,
  timeoutS: number | undefined,
): { text: string; code: number } {
  if (r.proxyFailed) return { text: 'Recv failure: Connection reset by peer', code: 56 };
  const errno = {
    refused: 'Connection refused',
    timeout: 'Connection timed out',
    unreachable: 'Network is unreachable',
    'host-unreachable': 'No route to host',
  }[r.failure];
  if (r.failure === 'timeout' && timeoutS !== undefined) {
    const ms = Math.round(timeoutS * 1000) + 1;
    return fl.style === 'modern'
      ? {
          text: `Failed to connect to ${host} port ${port} after ${ms} ms: Timeout was reached`,
          code: 28,
        }
      : { text: `Connection timed out after ${ms} milliseconds`, code: 28 };
  }
  const code = r.failure === 'timeout' && fl.style === 'modern' ? 28 : 7;
  if (fl.style === '7.29') return { text: `Failed connect to ${host}:${port}; ${errno}`, code };
  if (fl.style === '7.76')
    return { text: `Failed to connect to ${host} port ${port}: ${errno}`, code };
  return {
    text: `Failed to connect to ${host} port ${port} after ${elapsedMs} ms: ${fl.couldnt} connect to server`,
    code,
  };
}

function writeOut(fmt: string, code: number, ip: string | undefined, port: number): string {
  return fmt
    .replace(/%\{http_code\}|%\{response_code\}/g, String(code).padStart(3, '0'))
    .replace(/%\{remote_ip\}/g, ip ?? '')
    .replace(/%\{remote_port\}/g, ip ? String(port) : '0')
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t');
}

export function curl(p: Process): ProcessResult {
  const o = parseCurlArgs(p.argv);
  if ('error' in o) return output(p.world, '', `${o.error}\n${HELP_HINT}`, o.code);
  if (!o.url) return output(p.world, '', `curl: no URL specified!\n${HELP_HINT}`, 2);
  const fl = flavourOf(p);
  const url = parseHttpUrl(o.url);
  const quietErrors = o.silent && !o.showError;
  // curl reports the error, then writes -w's text (tool_operate.c post_per_transfer).
  const fail = (text: string, code: number, world = p.world, stdout = ''): ProcessResult => ({
    world,
    exitCode: code,
    ...written(['stderr', quietErrors ? '' : `curl: (${code}) ${text}\n`], ['stdout', stdout]),
  });
  const before = (res: ProcessResult, stderr: string): ProcessResult =>
    withStreams(res, concatOutputs({ stdout: '', stderr }, res));
  if (!url) return fail('URL using bad/illegal format or missing URL', 3);
  const meter = o.output !== undefined && !o.silent && !o.verbose;
  const r = fetchHttp(p, url, o.head ? 'HEAD' : 'GET', {
    name: `curl ${fl.version}`,
    userAgent: `curl/${fl.version}`,
  });
  const withTrace = (res: ProcessResult): ProcessResult => ({ ...res, trace: r.trace });
  let stderr = meter ? METER_HEAD : '';
  const wo = (code: number, ip?: string) =>
    o.writeOut ? writeOut(o.writeOut, code, ip, url.port) : '';
  if (r.kind === 'no-address') {
    if (meter) stderr += meterLine(0, 0);
    const e = fl.style === '7.29' ? `; Name or service not known` : '';
    const res = fail(`Could not resolve host: ${url.host}${e}`, 6, r.world, wo(0));
    return withTrace(before(res, stderr));
  }
  const verbose: string[] = [];
  if (o.verbose) verbose.push(`*   Trying ${r.ip}:${url.port}...`);
  if (r.kind === 'connect-failed') {
    const timedOut = r.failure === 'timeout';
    const elapsed = timedOut
      ? o.timeoutS !== undefined
        ? Math.round(o.timeoutS * 1000) + 1
        : 127000 + p.ctx.rng.int(3, 60)
      : r.failure === 'host-unreachable'
        ? 3000 + p.ctx.rng.int(50, 120)
        : 0;
    if (meter) stderr += meterLine(0, 0, timedOut ? Math.floor(elapsed / 1000) : undefined);
    const e = connectError(fl, r, url.host, url.port, elapsed, o.timeoutS);
    if (o.verbose) verbose.push(`* ${e.text}`, '* Closing connection 0');
    const res = fail(e.text, e.code, r.world, wo(0, r.ip));
    const v = verbose.length ? `${verbose.join('\n')}\n` : '';
    return withTrace(before(res, stderr + v));
  }
  const reply = r.reply;
  if (reply.kind === 'empty' || reply.kind === 'not-http') {
    if (meter) stderr += meterLine(0, 0);
    const [text, code] =
      reply.kind === 'empty'
        ? ['Empty reply from server', 52]
        : ['Received HTTP/0.9 when not allowed', 1];
    const res = fail(text, code, r.world, wo(0, r.ip));
    return withTrace(before(res, stderr));
  }
  const headers = headerBlock(reply).replace(/\r\n/g, '\n');
  const body = o.head ? '' : reply.body;
  if (o.verbose) {
    const hostHeader = url.explicitPort ? `${url.host}:${url.port}` : url.host;
    verbose.push(
      `* Connected to ${url.host} (${r.ip}) port ${url.port} (#0)`,
      `> ${o.head ? 'HEAD' : 'GET'} ${url.path} HTTP/1.1`,
      `> Host: ${hostHeader}`,
      `> User-Agent: curl/${fl.version}`,
      '> Accept: */*',
      '> ',
      '* Mark bundle as not supporting multiuse',
      ...headers
        .split('\n')
        .slice(0, -1)
        .map((l) => `< ${l}`),
    );
  }
  if (o.fail && reply.status >= 400) {
    const res = fail(`The requested URL returned error: ${reply.status}`, 22, r.world);
    return withTrace(before(res, stderr));
  }
  const payload = (o.head || o.include ? headers : '') + body;
  let world = r.world;
  let stdout = '';
  if (o.output === undefined || o.output === '-') stdout = payload;
  else if (o.output !== '/dev/null' && !p.place.containerId) {
    // Only the host's files are modelled; a container's writable layer is not.
    const path = o.output.startsWith('/') ? o.output : `/root/${o.output}`;
    const h = hostOf(world, p.place.host);
    world = {
      ...world,
      hosts: { ...world.hosts, [p.place.host]: { ...h, files: { ...h.files, [path]: payload } } },
    };
  }
  let after = '';
  if (meter) {
    const bytes = new TextEncoder().encode(payload).length;
    const us = p.ctx.rng.int(400, 1200);
    after = meterLine(bytes, Math.floor((bytes * 1e6) / us));
  }
  if (o.verbose) after += `* Connection #0 to host ${url.host} left intact\n`;
  const v = verbose.length ? `${verbose.join('\n')}\n` : '';
  // The meter's header and -v's exchange come first, the body as it arrives, then the
  // meter's last frame and -v's goodbye, then -w's text.
  return withTrace({
    world,
    exitCode: 0,
    ...written(
      ['stderr', stderr + v],
      ['stdout', stdout],
      ['stderr', after],
      ['stdout', wo(reply.status, r.ip)],
    ),
  });
}
