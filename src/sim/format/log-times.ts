/**
 * Clock readings as programs write them into their logs and headers, all in UTC (the containers'
 * and the host's zone): docker's `-t` stamps, nginx's, Apache's, MySQL's, Redis's, Tomcat's and
 * HTTP's `Date:`. `ms` is milliseconds since the epoch; `nanos` the nanoseconds within it.
 */
import { utcFields } from './units';

export const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `Thu`: 1970-01-01 was a Thursday. */
export const weekday = (ms: number): string => DAYS[(Math.floor(ms / 86_400_000) + 4) % 7];

/** `2026-01-15`, `08:00:02`: the date and time-of-day fields most formats are built from. */
function fields(ms: number) {
  const t = utcFields(ms);
  return {
    ...t,
    date: `${t.y}-${pad(t.mo)}-${pad(t.d)}`,
    clock: `${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}`,
    mon: MONTHS[t.mo - 1],
  };
}

/** Sub-second digits: milliseconds (3), micro (6) or nano (9). */
const fraction = (ms: number, nanos: number, digits: 3 | 6 | 9) =>
  pad((ms % 1000) * 1_000_000 + nanos, 9).slice(0, digits);

/** jsonmessage.RFC3339NanoFixed, the stamp `docker logs -t` puts before each line. */
export function rfc3339NanoFixed(ms: number, nanos: number): string {
  const f = fields(ms);
  return `${f.date}T${f.clock}.${fraction(ms, nanos, 9)}Z`;
}

/** nginx's error log: `2026/01/15 08:00:02`. */
export const nginxErrorTime = (ms: number): string => {
  const f = fields(ms);
  return `${f.y}/${pad(f.mo)}/${pad(f.d)} ${f.clock}`;
};

/** `$time_local` and Apache's `%t`: `15/Jan/2026:08:00:02 +0000`. */
export const commonLogTime = (ms: number): string => {
  const f = fields(ms);
  return `${pad(f.d)}/${f.mon}/${f.y}:${f.clock} +0000`;
};

/** Apache's error log (`%{cu}t`): `Thu Jan 15 08:00:02.123456 2026`. */
export const apacheErrorTime = (ms: number, nanos: number): string => {
  const f = fields(ms);
  return `${weekday(ms)} ${f.mon} ${pad(f.d)} ${f.clock}.${fraction(ms, nanos, 6)} ${f.y}`;
};

/** mysqld's error log (log_timestamps=UTC): `2026-01-15T08:00:02.123456Z`. */
export const mysqldTime = (ms: number, nanos: number): string => {
  const f = fields(ms);
  return `${f.date}T${f.clock}.${fraction(ms, nanos, 6)}Z`;
};

/** `date --rfc-3339=seconds`, as the MySQL image's entrypoint stamps its notes. */
export const rfc3339Seconds = (ms: number): string => {
  const f = fields(ms);
  return `${f.date} ${f.clock}+00:00`;
};

/** Redis's log: `15 Jan 2026 08:00:02.123`. */
export const redisTime = (ms: number): string => {
  const f = fields(ms);
  return `${pad(f.d)} ${f.mon} ${f.y} ${f.clock}.${fraction(ms, 0, 3)}`;
};

/** java.util.logging's OneLineFormatter in Tomcat: `15-Jan-2026 08:00:02.123`. */
export const tomcatTime = (ms: number): string => {
  const f = fields(ms);
  return `${pad(f.d)}-${f.mon}-${f.y} ${f.clock}.${fraction(ms, 0, 3)}`;
};

/** RFC 7231 IMF-fixdate, as every server here writes `Date:`. */
export const httpDate = (ms: number): string => {
  const f = fields(ms);
  return `${weekday(ms)}, ${pad(f.d)} ${f.mon} ${f.y} ${f.clock} GMT`;
};
