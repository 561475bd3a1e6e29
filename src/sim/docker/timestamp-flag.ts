/**
 * `--since` and `--until` values as the docker CLI reads them (moby api/types/time GetTimestamp):
 * a Go duration before now (`10m`, `1h30m`, truncated to the second), an RFC 3339 date or time in
 * any of the layouts it guesses from the text (local time is the host's UTC), or Unix seconds
 * with an optional fraction. Errors carry Go's own wording, since the CLI prints them as they are.
 */
import type { Instant } from './container-logs';

const UNITS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** time.ParseDuration, in ms; undefined when Go would not parse it. */
function goDuration(value: string): number | undefined {
  const m = /^([-+]?)((?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/.exec(value);
  if (!m) return value === '0' ? 0 : undefined;
  let total = 0;
  for (const part of m[2].matchAll(/(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g))
    total += Number(part[1]) * UNITS[part[2]];
  return m[1] === '-' ? -total : total;
}

/** The layout GetTimestamp picks for `value` (Go reference-time notation). */
function layoutFor(value: string): string {
  const local = !(/[zZ+]/.test(value) || value.split('-').length - 1 === 3);
  if (value.includes('.'))
    return local ? '2006-01-02T15:04:05.999999999' : '2006-01-02T15:04:05.999999999Z07:00';
  if (value.includes('T')) {
    let colons = value.split(':').length - 1;
    if (!local && !/[zZ]/.test(value) && colons > 0) colons--;
    const time = ['2006-01-02T15', '2006-01-02T15:04', '2006-01-02T15:04:05'][Math.min(colons, 2)];
    return local ? time : `${time}Z07:00`;
  }
  return local ? '2006-01-02' : '2006-01-02Z07:00';
}

const ELEMENTS = ['.999999999', 'Z07:00', '2006', '01', '02', '15', '04', '05'];
const daysIn = (y: number, mo: number) =>
  mo === 2
    ? y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(mo)
      ? 30
      : 31;

type Parsed = { ok: true; value: Instant } | { ok: false; error: string };

/** time.Parse of the few layouts above, with Go's ParseError texts. */
function goParse(layout: string, value: string): Parsed {
  const q = JSON.stringify;
  const bad = (elem: string, rest: string): Parsed => ({
    ok: false,
    error: `parsing time ${q(value)} as ${q(layout)}: cannot parse ${q(rest)} as ${q(elem)}`,
  });
  const range = (what: string): Parsed => ({
    ok: false,
    error: `parsing time ${q(value)}: ${what} out of range`,
  });
  const f = { y: 0, mo: 1, d: 1, h: 0, mi: 0, s: 0, nanos: 0, offset: 0 };
  let rest = value;
  let i = 0;
  while (i < layout.length) {
    const elem = ELEMENTS.find((e) => layout.startsWith(e, i));
    if (!elem) {
      let lit = '';
      while (i < layout.length && !ELEMENTS.some((e) => layout.startsWith(e, i)))
        lit += layout[i++];
      if (!rest.startsWith(lit)) return bad(lit, rest);
      rest = rest.slice(lit.length);
      continue;
    }
    i += elem.length;
    const hold = rest;
    if (elem === 'Z07:00') {
      const z = /^(?:Z|([+-])(\d\d):(\d\d))/.exec(rest);
      if (!z) return bad(elem, hold);
      if (z[1]) f.offset = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]));
      rest = rest.slice(z[0].length);
      continue;
    }
    if (elem !== '.999999999') {
      const m = (elem === '2006' ? /^\d{4}/ : elem === '15' ? /^\d\d?/ : /^\d\d/).exec(rest);
      if (!m) return bad(elem, hold);
      rest = rest.slice(m[0].length);
      const n = Number(m[0]);
      const limits: Record<string, [keyof typeof f, number, number, string]> = {
        '2006': ['y', 0, 9999, 'year'],
        '01': ['mo', 1, 12, 'month'],
        '02': ['d', 0, 31, 'day'],
        '15': ['h', 0, 23, 'hour'],
        '04': ['mi', 0, 59, 'minute'],
        '05': ['s', 0, 59, 'second'],
      };
      const [field, lo, hi, name] = limits[elem];
      if (n < lo || n > hi) return range(name);
      f[field] = n;
      // After the seconds a fraction may follow even when the layout has none (Go's special case).
      if (elem !== '05' || layout.startsWith('.', i)) continue;
    }
    const frac = /^[.,](\d+)/.exec(rest);
    if (frac) {
      f.nanos = Number(frac[1].slice(0, 9).padEnd(9, '0'));
      rest = rest.slice(frac[0].length);
    }
  }
  if (rest) return { ok: false, error: `parsing time ${q(value)}: extra text: ${q(rest)}` };
  if (f.d < 1 || f.d > daysIn(f.y, f.mo)) return range('day');
  const ms = Date.UTC(f.y, f.mo - 1, f.d, f.h, f.mi, f.s) - f.offset * 60_000;
  return { ok: true, value: { ms: ms + Math.floor(f.nanos / 1e6), nanos: f.nanos % 1e6 } };
}

/** `--since`/`--until` as an instant, relative to the client's clock `now`. */
export function parseTimestampFlag(value: string, now: number): Parsed {
  const d = value !== '0' ? goDuration(value) : undefined;
  if (d !== undefined)
    return { ok: true, value: { ms: Math.floor((now - d) / 1000) * 1000, nanos: 0 } };
  const parsed = goParse(layoutFor(value), value);
  if (parsed.ok || value.includes('-')) return parsed;
  const unix = /^(-?\d+)(?:\.(\d+))?$/.exec(value);
  if (!unix)
    return {
      ok: false,
      error: `failed to parse value as time or duration: ${JSON.stringify(value)}`,
    };
  const nanos = Number((unix[2] ?? '').slice(0, 9).padEnd(9, '0'));
  return {
    ok: true,
    value: { ms: Number(unix[1]) * 1000 + Math.floor(nanos / 1e6), nanos: nanos % 1e6 },
  };
}
