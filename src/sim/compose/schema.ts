/**
 * The part of the compose-spec JSON schema (compose-go v2.4.7 schema/compose-spec.json) the lab
 * checks before anything else: which keys exist where (`additionalProperties: false`, `x-`
 * extensions allowed) and the type of the keys whose schema names a plain type. compose-go
 * reports the most specific failure (the deepest field; a type error wins a tie) as
 * `<field> Additional property <key> is not allowed` or `<field> must be a <type>`
 * (schema/schema.go getMostSpecificError). Keys the schema types with `oneOf` (command,
 * environment, networks, …) are only walked, not type-checked: gojsonschema's choice of words
 * there depends on its scoring of the alternatives.
 */

type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null';

interface Shape {
  /** The schema's `type`; unset for `oneOf` definitions. */
  readonly types?: readonly JsonType[];
  /** Known keys of an object (anything else but `x-…` is an additional property). */
  readonly keys?: Readonly<Record<string, Shape>>;
  /** Objects keyed by the user (`services`, `networks`). */
  readonly anyKey?: Shape;
  readonly items?: Shape;
}

const ANY: Shape = {};
const STRING: Shape = { types: ['string'] };
const BOOL_OR_STRING: Shape = { types: ['boolean', 'string'] };
const STRINGS: Shape = { types: ['array'], items: STRING };

const SERVICE_KEYS = [
  'annotations', 'attach', 'blkio_config', 'cap_drop', 'cgroup', 'cgroup_parent', 'configs',
  'cpu_count', 'cpu_percent', 'cpu_period', 'cpu_quota', 'cpu_rt_period', 'cpu_rt_runtime',
  'cpu_shares', 'cpus', 'cpuset', 'credential_spec', 'develop', 'device_cgroup_rules', 'devices',
  'dns_opt', 'dns_search', 'env_file', 'environment', 'extends', 'extra_hosts', 'gpus', 'group_add',
  'healthcheck', 'init', 'ipc', 'isolation', 'label_file', 'labels', 'logging', 'mac_address',
  'mem_limit', 'mem_reservation', 'mem_swappiness', 'memswap_limit', 'oom_kill_disable',
  'oom_score_adj', 'pid', 'pids_limit', 'platform', 'post_start', 'pre_stop', 'profiles',
  'read_only', 'runtime', 'secrets', 'security_opt', 'shm_size', 'stop_grace_period',
  'stop_signal', 'storage_opt', 'sysctls', 'tmpfs', 'ulimits', 'user', 'userns_mode', 'uts',
  'volumes_from', 'command', 'entrypoint', 'dns', 'build',
]; // prettier-ignore

const DEPLOY: Shape = {
  types: ['object', 'null'],
  keys: {
    endpoint_mode: STRING,
    labels: ANY,
    mode: STRING,
    placement: ANY,
    replicas: { types: ['integer', 'string'] },
    resources: ANY,
    restart_policy: ANY,
    rollback_config: ANY,
    update_config: ANY,
  },
};

const PORT: Shape = {
  keys: {
    name: STRING,
    mode: STRING,
    host_ip: STRING,
    target: { types: ['integer', 'string'] },
    published: { types: ['string', 'integer'] },
    protocol: STRING,
    app_protocol: STRING,
  },
};

const SERVICE_NETWORK: Shape = {
  types: ['object', 'null'],
  keys: {
    aliases: STRINGS,
    ipv4_address: STRING,
    ipv6_address: STRING,
    link_local_ips: STRINGS,
    mac_address: STRING,
    driver_opts: ANY,
    priority: { types: ['number'] },
  },
};

const SERVICE: Shape = {
  types: ['object'],
  keys: {
    ...Object.fromEntries(SERVICE_KEYS.map((k) => [k, ANY])),
    image: STRING,
    container_name: STRING,
    hostname: STRING,
    domainname: STRING,
    network_mode: STRING,
    restart: STRING,
    working_dir: STRING,
    pull_policy: STRING,
    ports: { types: ['array'], items: PORT },
    expose: { types: ['array'] },
    links: STRINGS,
    external_links: STRINGS,
    cap_add: STRINGS,
    volumes: { types: ['array'] },
    networks: { anyKey: SERVICE_NETWORK, items: STRING },
    depends_on: {
      anyKey: { types: ['object'], keys: { condition: STRING, restart: ANY, required: ANY } },
    },
    deploy: DEPLOY,
    scale: { types: ['integer', 'string'] },
    tty: BOOL_OR_STRING,
    stdin_open: BOOL_OR_STRING,
    privileged: BOOL_OR_STRING,
  },
};

const NETWORK: Shape = {
  types: ['object', 'null'],
  keys: {
    name: STRING,
    driver: STRING,
    driver_opts: ANY,
    ipam: {
      types: ['object'],
      keys: {
        driver: STRING,
        config: {
          types: ['array'],
          items: {
            types: ['object'],
            keys: { subnet: STRING, ip_range: STRING, gateway: STRING, aux_addresses: ANY },
          },
        },
        options: ANY,
      },
    },
    external: ANY,
    internal: BOOL_OR_STRING,
    attachable: BOOL_OR_STRING,
    labels: ANY,
    enable_ipv6: BOOL_OR_STRING,
  },
};

const VOLUME: Shape = {
  types: ['object', 'null'],
  keys: { name: STRING, driver: STRING, driver_opts: ANY, external: ANY, labels: ANY },
};

const ROOT: Shape = {
  keys: {
    version: STRING,
    name: STRING,
    include: ANY,
    services: { types: ['object'], anyKey: SERVICE },
    networks: { types: ['object'], anyKey: NETWORK },
    volumes: { types: ['object'], anyKey: VOLUME },
    secrets: ANY,
    configs: ANY,
  },
};

/** compose-spec's pattern for service, network and volume keys. */
const KEY_RE = /^[a-zA-Z0-9._-]+$/;

function typeOf(v: unknown): JsonType {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'string';
  return 'object';
}

/** gojsonschema's "number" accepts integers too. */
const accepts = (types: readonly JsonType[], t: JsonType) =>
  types.includes(t) || (t === 'integer' && types.includes('number'));

/** schema.go humanReadableType: `[a,b,c]` -> "a, b or c"; object and array get YAML's words. */
function humanType(types: readonly JsonType[]): string {
  const word = (t: JsonType) => (t === 'object' ? 'mapping' : t === 'array' ? 'list' : t);
  if (types.length === 1) return word(types[0]);
  return `${types.slice(0, -1).map(word).join(', ')} or ${word(types[types.length - 1])}`;
}

interface Failure {
  readonly field: string;
  readonly message: string;
  readonly invalidType: boolean;
}

function walk(value: unknown, shape: Shape, field: string, out: Failure[]): void {
  const t = typeOf(value);
  if (shape.types && !accepts(shape.types, t)) {
    out.push({ field, message: `must be a ${humanType(shape.types)}`, invalidType: true });
    return;
  }
  const at = (key: string) => (field === '(root)' ? key : `${field}.${key}`);
  if (t === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k.startsWith('x-')) continue;
      const known = shape.keys?.[k];
      if (known) walk(v, known, at(k), out);
      else if (shape.anyKey && KEY_RE.test(k)) walk(v, shape.anyKey, at(k), out);
      else if (shape.keys || shape.anyKey)
        out.push({ field, message: `Additional property ${k} is not allowed`, invalidType: false });
    }
  }
  if (t === 'array' && shape.items)
    (value as unknown[]).forEach((v, i) => walk(v, shape.items!, at(String(i)), out));
}

const depth = (f: Failure) => (f.field === '(root)' ? 1 : f.field.split('.').length);

/** The error compose-go reports for `dict`, or null when it fits the schema. */
export function validateSchema(dict: Record<string, unknown>): string | null {
  const failures: Failure[] = [];
  walk(dict, ROOT, '(root)', failures);
  let best: Failure | undefined;
  for (const f of failures) {
    if (!best || depth(f) > depth(best)) best = f;
    else if (depth(f) === depth(best) && f.invalidType && !best.invalidType) best = f;
  }
  return best ? `${best.field} ${best.message}` : null;
}
