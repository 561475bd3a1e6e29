/**
 * docker-cli's flag grammar (spf13/pflag as cobra configures it): `-dit`, `-p80:80`, `--name=x`,
 * `--name x`, repeated list flags, `--` to stop, and for run/create/exec no flags after the
 * first positional argument (SetInterspersed(false)).
 */
import { err, ok, type Result } from '../result';

export interface FlagSpec {
  readonly long: string;
  readonly short?: string;
  readonly type: 'bool' | 'string' | 'list';
  /** Other long names meaning the same flag (`--net` for `--network`). */
  readonly aliases?: readonly string[];
}

export interface ParsedFlags {
  readonly bools: ReadonlySet<string>;
  readonly strings: ReadonlyMap<string, string>;
  readonly lists: ReadonlyMap<string, readonly string[]>;
  readonly args: readonly string[];
}

const HELP: FlagSpec = { long: 'help', type: 'bool' };

export function parseFlags(
  argv: readonly string[],
  specs: readonly FlagSpec[],
  interspersed: boolean,
): Result<ParsedFlags> {
  const all = [...specs, HELP];
  const byLong = new Map<string, FlagSpec>();
  for (const s of all) {
    byLong.set(s.long, s);
    for (const a of s.aliases ?? []) byLong.set(a, s);
  }
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short as string, s]));
  const bools = new Set<string>();
  const strings = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const args: string[] = [];
  const set = (spec: FlagSpec, value: string): Result<void> => {
    if (spec.type === 'bool') {
      if (value === 'true' || value === '1') bools.add(spec.long);
      else if (value === 'false' || value === '0') bools.delete(spec.long);
      else
        return err(
          `invalid argument "${value}" for "${spec.short ? `-${spec.short}, ` : ''}--${spec.long}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`,
        );
    } else if (spec.type === 'string') strings.set(spec.long, value);
    else lists.set(spec.long, [...(lists.get(spec.long) ?? []), value]);
    return ok(undefined);
  };

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const spec = byLong.get(name);
      if (!spec) return err(`unknown flag: --${name}`);
      if (eq >= 0) {
        const r = set(spec, a.slice(eq + 1));
        if (!r.ok) return r;
      } else if (spec.type === 'bool') bools.add(spec.long);
      else {
        if (i + 1 >= argv.length) return err(`flag needs an argument: --${name}`);
        const r = set(spec, argv[++i]);
        if (!r.ok) return r;
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const spec = byShort.get(c);
        if (!spec) return err(`unknown shorthand flag: '${c}' in ${a}`);
        if (spec.type === 'bool') {
          if (a[j + 1] === '=') {
            const r = set(spec, a.slice(j + 2));
            if (!r.ok) return r;
            break;
          }
          bools.add(spec.long);
          continue;
        }
        let value = a.slice(j + 1);
        if (value.startsWith('=')) value = value.slice(1);
        else if (value === '') {
          if (i + 1 >= argv.length) return err(`flag needs an argument: '${c}' in -${c}`);
          value = argv[++i];
        }
        const r = set(spec, value);
        if (!r.ok) return r;
        break;
      }
      continue;
    }
    args.push(a);
    if (!interspersed) {
      args.push(...argv.slice(i + 1));
      break;
    }
  }
  return ok({ bools, strings, lists, args });
}

/**
 * `--filter name=value` options grouped by name (lower-cased), as docker-cli's filters.ParseFlag
 * reads them; the error is the flag parser's text for an option without `=`.
 */
export function filterArgs(raws: readonly string[]): Result<Map<string, string[]>> {
  const byKey = new Map<string, string[]>();
  for (const raw of raws) {
    const eq = raw.indexOf('=');
    if (eq < 0)
      return err(
        `invalid argument "${raw}" for "-f, --filter" flag: bad format of filter (expected name=value)`,
      );
    const key = raw.slice(0, eq).trim().toLowerCase();
    byKey.set(key, [...(byKey.get(key) ?? []), raw.slice(eq + 1).trim()]);
  }
  return ok(byKey);
}
