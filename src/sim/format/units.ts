/** docker/go-units as docker-cli uses it: human durations ("About a minute") and sizes ("4.27MB"). */

export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hoursFloat = ms / 3_600_000;
  const hours = Math.floor(hoursFloat + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(Math.floor(hoursFloat) / 24 / 365)} years`;
}

/** Go's `%.3g` (or `%.<precision>g`) of `size` in decimal units, e.g. 4270000 -> `4.27MB`. */
export function humanSize(size: number, precision = 3): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let i = 0;
  let v = size;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${Number(v.toPrecision(precision))}${units[i]}`;
}

/** go-units BytesSize: `%.4g` in binary units, e.g. 3831525376 -> `3.568GiB`. */
export function bytesSize(size: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let i = 0;
  let v = size;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number(v.toPrecision(4))}${units[i]}`;
}

/** UTC calendar fields of an instant (Howard Hinnant's days-to-civil; no Date object needed). */
export function utcFields(ms: number): {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
} {
  const days = Math.floor(ms / 86_400_000);
  const rem = ms - days * 86_400_000;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mo = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (mo <= 2 ? 1 : 0);
  return {
    y,
    mo,
    d,
    h: Math.floor(rem / 3_600_000),
    mi: Math.floor(rem / 60_000) % 60,
    s: Math.floor(rem / 1000) % 60,
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** RFC3339Nano in UTC as Go prints it, the fraction trimmed of trailing zeros. */
export function rfc3339Nano(ms: number, extraNanos: number): string {
  const t = utcFields(ms);
  const nanos = pad((ms % 1000) * 1_000_000 + (extraNanos % 1_000_000), 9).replace(/0+$/, '');
  return `${t.y}-${pad(t.mo)}-${pad(t.d)}T${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}${nanos ? `.${nanos}` : ''}Z`;
}

/** Go's time.Time.String() in UTC, as `{{.CreatedAt}}` prints it in `ps` and `images`. */
export function goTimeString(ms: number): string {
  const t = utcFields(ms);
  return `${t.y}-${pad(t.mo)}-${pad(t.d)} ${pad(t.h)}:${pad(t.mi)}:${pad(t.s)} +0000 UTC`;
}
