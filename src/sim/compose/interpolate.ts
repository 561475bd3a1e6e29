/**
 * Variable interpolation in compose files (compose-go v2.4.7 template/template.go and
 * interpolation/interpolation.go): `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:+alt}`, `${VAR+alt}`, `${VAR:?err}`, `${VAR?err}` and `$$`, in every string of the YAML
 * before it is validated. An unset plain variable is a logrus warning and a blank string; a
 * required one stops the load. Values at typed keys (`ports[].target`, `tty`, `internal`…) are
 * cast afterwards, as the loader's interpolateTypeCastMapping does.
 */
import { err, ok, type Result } from '../result';

/** A variable's value, or undefined when it is not set at all. */
export type Lookup = (name: string) => string | undefined;

type Substituted = Result<string, SubstituteError>;

type SubstituteError =
  | { readonly kind: 'invalid'; readonly template: string }
  | { readonly kind: 'required'; readonly message: string };

const NAME = /^[_a-z][_a-z0-9]*/i;
/** The braced form as compose-go's pattern accepts it: a name, then `}` or an operator, text and a `}`. */
const BRACED = /^\$\{([_a-z][_a-z0-9]*)(?::?[-+?](.*))?\}/i;

/** getFirstBraceClosingIndex: the `}` that closes the first `{`, a `{` skipping the next byte. */
function closingBrace(s: string): number {
  let open = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '}' && --open === 0) return i;
    if (s[i] === '{') {
      open++;
      i++;
    }
  }
  return -1;
}

/** `${NAME<op>arg}` with an operator: what it stands for, warnings going to `warn`. */
function withOperator(inner: string, lookup: Lookup, warn: (w: string) => void): Substituted {
  const name = NAME.exec(inner)![0];
  const rest = inner.slice(name.length);
  const op = rest.startsWith(':') ? rest.slice(0, 2) : rest.slice(0, 1);
  const arg = substitute(rest.slice(op.length), lookup, warn);
  if (!arg.ok) return arg;
  const value = lookup(name);
  const empty = value === undefined || (op.startsWith(':') && value === '');
  switch (op) {
    case ':-':
    case '-':
      return ok(empty ? arg.value : value);
    case ':+':
    case '+':
      return ok(empty ? (value ?? '') : arg.value);
    default:
      return empty
        ? err({
            kind: 'required',
            message: `required variable ${name} is missing a value${arg.value ? `: ${arg.value}` : ''}`,
          })
        : ok(value);
  }
}

/** template.Substitute: the first error stops the value; warnings are reported in order. */
export function substitute(
  template: string,
  lookup: Lookup,
  warn: (w: string) => void,
): Substituted {
  let out = '';
  let i = 0;
  const plain = (name: string) => {
    const value = lookup(name);
    if (value === undefined)
      warn(`The "${name}" variable is not set. Defaulting to a blank string.`);
    return value ?? '';
  };
  while (i < template.length) {
    const dollar = template.indexOf('$', i);
    if (dollar < 0) break;
    out += template.slice(i, dollar);
    const next = template.slice(dollar + 1);
    const name = NAME.exec(next)?.[0];
    if (next.startsWith('$')) {
      out += '$';
      i = dollar + 2;
    } else if (name) {
      out += plain(name);
      i = dollar + 1 + name.length;
    } else if (next.startsWith('{')) {
      const line = template.slice(dollar).split('\n')[0];
      const m = BRACED.exec(line);
      if (!m) return err({ kind: 'invalid', template });
      if (m[2] === undefined) {
        out += plain(m[1]);
        i = dollar + m[0].length;
        continue;
      }
      const close = closingBrace(line);
      const end = close < 0 ? m[0].length - 1 : close;
      const r = withOperator(line.slice(2, end), lookup, warn);
      if (!r.ok) return r;
      out += r.value;
      i = dollar + end + 1;
    } else {
      out += '$';
      i = dollar + 1;
    }
  }
  return ok(out + template.slice(i));
}

type Cast = (s: string) => Result<unknown>;

const toInt: Cast = (s) =>
  /^[+-]?\d+$/.test(s) ? ok(Number(s)) : err(`strconv.Atoi: parsing "${s}": invalid syntax`);

/** compose-go's toBoolean: YAML 1.1's words, any case. */
const toBoolean: Cast = (s) => {
  const v = s.toLowerCase();
  if (['y', 'yes', 'true', 'on'].includes(v)) return ok(true);
  if (['n', 'no', 'false', 'off'].includes(v)) return ok(false);
  return err(`invalid boolean: ${s}`);
};

/** The interpolateTypeCastMapping entries the lab's keys meet; `*` is any key, `[]` any item. */
const CASTS: readonly (readonly [string, Cast])[] = [
  ['services.*.deploy.replicas', toInt],
  ['services.*.healthcheck.retries', toInt],
  ['services.*.healthcheck.disable', toBoolean],
  ['services.*.ports.[].target', toInt],
  ['services.*.privileged', toBoolean],
  ['services.*.read_only', toBoolean],
  ['services.*.scale', toInt],
  ['services.*.stdin_open', toBoolean],
  ['services.*.tty', toBoolean],
  ['networks.*.external', toBoolean],
  ['networks.*.internal', toBoolean],
  ['networks.*.attachable', toBoolean],
  ['networks.*.enable_ipv6', toBoolean],
  ['volumes.*.external', toBoolean],
];

function castFor(path: readonly string[]): Cast | undefined {
  const hit = CASTS.find(([pattern]) => {
    const parts = pattern.split('.');
    return parts.length === path.length && parts.every((p, i) => p === '*' || p === path[i]);
  });
  return hit?.[1];
}

export interface Interpolated {
  readonly value: Record<string, unknown>;
  readonly warnings: readonly string[];
}

/** interpolation.Interpolate over a whole file: strings substituted, then cast where typed. */
export function interpolate(dict: Record<string, unknown>, lookup: Lookup): Result<Interpolated> {
  const warnings: string[] = [];
  const warn = (w: string) => warnings.push(w);
  const walk = (v: unknown, path: string[]): Result<unknown> => {
    if (typeof v === 'string') {
      const s = substitute(v, lookup, warn);
      const at = path.join('.');
      if (!s.ok)
        return err(
          s.error.kind === 'invalid'
            ? `invalid interpolation format for ${at}.\nYou may need to escape any $ with another $.\n${s.error.template}`
            : `error while interpolating ${at}: ${s.error.message}`,
        );
      const cast = castFor(path);
      if (!cast) return ok(s.value);
      const c = cast(s.value);
      return c.ok
        ? c
        : err(`error while interpolating ${at}: failed to cast to expected type: ${c.error}`);
    }
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      for (const item of v) {
        const r = walk(item, [...path, '[]']);
        if (!r.ok) return r;
        out.push(r.value);
      }
      return ok(out);
    }
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) {
        const r = walk(item, [...path, k]);
        if (!r.ok) return r;
        out[k] = r.value;
      }
      return ok(out);
    }
    return ok(v);
  };
  const r = walk(dict, []);
  return r.ok ? ok({ value: r.value as Record<string, unknown>, warnings }) : r;
}
