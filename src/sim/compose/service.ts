/**
 * One service entry of a compose file, normalized as compose-go's loader does it: short syntax
 * expanded to the long one (ports, depends_on, networks), strings split like a shell
 * (`command: ping -c 3 db`), lists and mappings (`environment`, `labels`) made one shape, and
 * `env_file` read from the project directory.
 */
import { parsePortSpec } from '../docker/port-spec';
import { own } from '../own';
import { err, ok, type Result } from '../result';
import { parseDotEnv } from './dotenv';
import type {
  ComposeService,
  DependsOnCondition,
  ServiceDependency,
  ServiceNetwork,
  ServiceBuild,
  ServicePort,
} from './project';

type Raw = Record<string, unknown>;

/**
 * What reading a service may need: files relative to the project directory, and the project's
 * environment (shell and `.env`) that env files and bare `environment` names are resolved from.
 */
export interface ServiceContext {
  readonly workingDir: string;
  readonly readFile: (absolute: string) => string | undefined;
  readonly environment: Readonly<Record<string, string>>;
  readonly warn: (warning: string) => void;
}

const asRecord = (v: unknown): Raw =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {};

/** A YAML value as the string compose-go's mapstructure decoding makes of a scalar. */
const text = (v: unknown): string =>
  v !== null && typeof v === 'object' ? JSON.stringify(v) : `${v as string | number | boolean}`;

export const scalar = (v: unknown): string | undefined =>
  v === null || v === undefined ? undefined : text(v);

export const stringList = (v: unknown): string[] =>
  v === null || v === undefined ? [] : Array.isArray(v) ? v.map(text) : [text(v)];

export const isTrue = (v: unknown): boolean => v === true || v === 'true';

/** mattn/go-shellwords as compose-go uses it for string commands: quotes and backslashes. */
export function shellSplit(s: string): string[] {
  const words: string[] = [];
  let word = '';
  let started = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < s.length) word += s[++i];
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      started = true;
    } else if (ch === '\\' && i + 1 < s.length) {
      word += s[++i];
      started = true;
    } else if (/\s/.test(ch)) {
      if (started || word) words.push(word);
      word = '';
      started = false;
    } else word += ch;
  }
  if (started || word) words.push(word);
  return words;
}

function command(v: unknown): string[] | undefined {
  if (v === null || v === undefined) return undefined;
  return Array.isArray(v) ? v.map(text) : shellSplit(text(v));
}

/** list_or_dict: `["A=1", "B"]` or `{A: 1, B: null}`; a bare name has no value (null). */
export function keyValues(v: unknown): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (Array.isArray(v))
    for (const item of v.map(text)) {
      const eq = item.indexOf('=');
      out[eq < 0 ? item : item.slice(0, eq)] = eq < 0 ? null : item.slice(eq + 1);
    }
  else for (const [k, val] of Object.entries(asRecord(v))) out[k] = scalar(val) ?? null;
  return out;
}

function ports(v: unknown): Result<ServicePort[]> {
  const out: ServicePort[] = [];
  for (const item of Array.isArray(v) ? v : []) {
    if (item !== null && typeof item === 'object') {
      const r = item as Raw;
      const published = scalar(r.published);
      const hostIp = scalar(r.host_ip);
      out.push({
        mode: r.mode === 'host' ? 'host' : 'ingress',
        ...(hostIp ? { hostIp } : {}),
        target: Number(r.target),
        ...(published ? { published } : {}),
        protocol: r.protocol === 'udp' ? 'udp' : 'tcp',
      });
      continue;
    }
    // The short syntax is docker's -p syntax, ranges expanded to one entry per port.
    const parsed = parsePortSpec(String(item));
    if (!parsed.ok) return parsed;
    for (const b of parsed.value) {
      const [target = '0', proto = 'tcp'] = b.containerPort.split('/');
      out.push({
        mode: 'ingress',
        ...(b.hostIp ? { hostIp: b.hostIp } : {}),
        target: Number(target),
        ...(b.hostPort ? { published: b.hostPort } : {}),
        protocol: proto === 'udp' ? 'udp' : 'tcp',
      });
    }
  }
  return ok(out);
}

function networks(v: unknown): ServiceNetwork[] {
  const bare = (key: string): ServiceNetwork => ({ key, aliases: [], priority: 0, bare: true });
  if (Array.isArray(v)) return v.map((k) => bare(String(k)));
  return Object.entries(asRecord(v)).map(([key, cfg]) => {
    if (cfg === null || cfg === undefined) return bare(key);
    const r = asRecord(cfg);
    const ipv4 = scalar(r.ipv4_address);
    return {
      key,
      aliases: stringList(r.aliases),
      ...(ipv4 ? { ipv4Address: ipv4 } : {}),
      priority: Number(r.priority ?? 0),
      bare: false,
    };
  });
}

const CONDITIONS = new Set([
  'service_started',
  'service_healthy',
  'service_completed_successfully',
]);

function dependsOn(v: unknown): ServiceDependency[] {
  if (Array.isArray(v))
    return v.map((s) => ({
      service: String(s),
      condition: 'service_started',
      restart: false,
      required: true,
    }));
  return Object.entries(asRecord(v)).map(([service, cfg]) => {
    const r = asRecord(cfg);
    const condition = scalar(r.condition) ?? 'service_started';
    return {
      service,
      condition: (CONDITIONS.has(condition) ? condition : 'service_started') as DependsOnCondition,
      restart: isTrue(r.restart),
      required: r.required === undefined ? true : isTrue(r.required),
    };
  });
}

/** `host:ip`, `host=ip` or `{host: ip}`: docker's `host:ip` form. */
function extraHosts(v: unknown): string[] {
  if (Array.isArray(v)) return v.map((e) => String(e).replace('=', ':'));
  return Object.entries(asRecord(v)).flatMap(([host, ip]) =>
    stringList(ip).map((a) => `${host}:${a}`),
  );
}

function volumes(v: unknown): string[] {
  return (Array.isArray(v) ? v : []).map((item) => {
    if (item === null || typeof item !== 'object') return String(item);
    const r = item as Raw;
    return [r.type, r.source, r.target].map((x) => scalar(x) ?? '').join(':');
  });
}

function environment(
  raw: Raw,
  ctx: ServiceContext,
): Result<{
  env: Record<string, string | null>;
  files: string[];
}> {
  const files = stringList(raw.env_file).map((f) =>
    f.startsWith('/') ? f : `${ctx.workingDir}/${f.replace(/^\.\//, '')}`,
  );
  let env: Record<string, string | null> = {};
  for (const f of files) {
    const text = ctx.readFile(f);
    if (text === undefined)
      return err(`env file ${f} not found: stat ${f}: no such file or directory`);
    const parsed = parseDotEnv(text, (k) => own(ctx.environment, k), ctx.warn);
    if (!parsed.ok) return err(`failed to read ${f}: ${parsed.error}`);
    env = { ...env, ...parsed.value };
  }
  // WithServicesEnvironmentResolved: a bare name takes the project environment's value, if any.
  const listed = Object.entries(keyValues(raw.environment)).map(
    ([k, v]) => [k, v ?? own(ctx.environment, k) ?? null] as const,
  );
  return ok({ env: { ...env, ...Object.fromEntries(listed) }, files });
}

/** `build: ./dir` or the long form; compose-go's defaults: context `.`, dockerfile `Dockerfile`. */
function buildConfig(v: unknown, ctx: ServiceContext): ServiceBuild {
  const r = typeof v === 'string' ? { context: v } : asRecord(v);
  const target = scalar(r.target);
  const args = Object.entries(keyValues(r.args)).map(
    ([k, val]) => [k, val ?? own(ctx.environment, k) ?? null] as const,
  );
  return {
    context: scalar(r.context) ?? '.',
    dockerfile: scalar(r.dockerfile) ?? 'Dockerfile',
    args: Object.fromEntries(args),
    ...(target !== undefined ? { target } : {}),
  };
}

export function normalizeService(
  name: string,
  value: unknown,
  ctx: ServiceContext,
): Result<ComposeService> {
  const raw = asRecord(value);
  const p = ports(raw.ports);
  if (!p.ok) return p;
  const env = environment(raw, ctx);
  if (!env.ok) return env;
  const deploy = asRecord(raw.deploy);
  const scale = raw.scale ?? deploy.replicas;
  if (raw.scale !== undefined && deploy.replicas !== undefined && raw.scale !== deploy.replicas)
    return err(
      `services.${name}: can't set distinct values on 'scale' and 'deploy.replicas': invalid compose project`,
    );
  const labels = keyValues(raw.labels);
  const cmd = command(raw.command);
  const entrypoint = command(raw.entrypoint);
  const opt = (key: string, v: unknown) => {
    const s = scalar(v);
    return s === undefined ? {} : { [key]: s };
  };
  return ok({
    name,
    ...opt('image', raw.image),
    ...(raw.build !== undefined && raw.build !== null
      ? { build: buildConfig(raw.build, ctx) }
      : {}),
    ...(cmd ? { command: cmd } : {}),
    ...(entrypoint ? { entrypoint } : {}),
    environment: env.value.env,
    envFiles: env.value.files,
    ports: p.value,
    expose: stringList(raw.expose),
    networks: raw.networks === undefined ? [] : networks(raw.networks),
    ...opt('networkMode', raw.network_mode),
    links: stringList(raw.links),
    externalLinks: stringList(raw.external_links),
    dependsOn: dependsOn(raw.depends_on),
    ...opt('hostname', raw.hostname),
    ...opt('domainname', raw.domainname),
    ...opt('containerName', raw.container_name),
    ...opt('restart', raw.restart),
    dns: stringList(raw.dns),
    extraHosts: extraHosts(raw.extra_hosts),
    labels: Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, v ?? ''])),
    scale: scale === undefined ? 1 : Number(scale),
    volumes: volumes(raw.volumes),
    tty: isTrue(raw.tty),
    stdinOpen: isTrue(raw.stdin_open),
    ...opt('workingDir', raw.working_dir),
    privileged: isTrue(raw.privileged),
    capAdd: stringList(raw.cap_add),
    healthcheck: raw.healthcheck !== undefined && !isTrue(asRecord(raw.healthcheck).disable),
  });
}
