/**
 * /etc/docker/daemon.json as dockerd v27 reads it at start (moby daemon/config
 * getConflictFreeConfiguration): Go's encoding/json checks the syntax first, then every key must
 * be a dockerd option, then the values are decoded into the Config struct. Any failure stops the
 * daemon with `unable to configure the Docker daemon with file …: <error>`.
 */
import type { AddressPool } from '../model';
import { isIpv4, parseCidr } from '../net/ipv4';
import { err, ok, type Result } from '../result';
import { parseJson, type Json } from './go-json';

export const DAEMON_JSON = '/etc/docker/daemon.json';

/** The settings the lab models; other valid keys are accepted and have no effect here. */
export interface DaemonFileConfig {
  readonly bip?: string;
  readonly fixedCidr?: string;
  readonly mtu?: number;
  readonly defaultGateway?: string;
  readonly dns?: readonly string[];
  readonly addressPools?: readonly AddressPool[];
  readonly iptables?: boolean;
  readonly ipForward?: boolean;
  readonly insecureRegistries?: readonly string[];
  readonly registryMirrors?: readonly string[];
}

/** dockerd's flags (v27), which are also the keys daemon.json may use. */
const KNOWN_KEYS = new Set(
  (
    'allow-nondistributable-artifacts api-cors-header authorization-plugins bip bip6 bridge builder ' +
    'cdi-spec-dirs cgroup-parent containerd containerd-namespace containerd-plugins-namespace ' +
    'cpu-rt-period cpu-rt-runtime data-root debug default-address-pools default-cgroupns-mode ' +
    'default-gateway default-gateway-v6 default-ipc-mode default-network-opts default-runtime ' +
    'default-shm-size default-ulimits dns dns-opts dns-search exec-opts exec-root experimental ' +
    'features fixed-cidr fixed-cidr-v6 group host-gateway-ip hosts http-proxy https-proxy icc ' +
    'init init-path insecure-registries ip ip-forward ip-forward-no-drop ip-masq ip6tables ' +
    'iptables ipv6 labels live-restore log-driver log-format log-level log-opts ' +
    'max-concurrent-downloads max-concurrent-uploads max-download-attempts metrics-addr mtu ' +
    'no-new-privileges no-proxy node-generic-resources oom-score-adjust pidfile proxies raw-logs ' +
    'registry-mirrors runtimes seccomp-profile selinux-enabled shutdown-timeout storage-driver ' +
    'storage-opts swarm-default-advertise-addr tls tlscacert tlscert tlskey tlsverify ' +
    'userland-proxy userland-proxy-path userns-remap'
  ).split(' '),
);

const kindOf = (v: Json): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'array'
      : typeof v === 'object'
        ? 'object'
        : typeof v === 'boolean'
          ? 'bool'
          : typeof v;

const typeError = (v: Json, key: string, goType: string): string =>
  `json: cannot unmarshal ${kindOf(v)} into Go struct field Config.${key} of type ${goType}`;

/** net.IP's UnmarshalText, which the `dns` and `default-gateway` fields go through. */
function ipField(v: Json, key: string, goType: string): Result<string> {
  if (typeof v !== 'string') return err(typeError(v, key, goType));
  return isIpv4(v) ? ok(v) : err(`invalid IP address: ${v}`);
}

function decode(o: { [k: string]: Json }): Result<DaemonFileConfig> {
  const c: {
    -readonly [K in keyof DaemonFileConfig]: DaemonFileConfig[K];
  } = {};
  const str = (key: string): Result<string | undefined> => {
    const v = o[key];
    if (v === undefined || v === null) return ok(undefined);
    return typeof v === 'string' ? ok(v) : err(typeError(v, key, 'string'));
  };
  const bool = (key: string): Result<boolean | undefined> => {
    const v = o[key];
    if (v === undefined || v === null) return ok(undefined);
    return typeof v === 'boolean' ? ok(v) : err(typeError(v, key, 'bool'));
  };
  const bip = str('bip');
  if (!bip.ok) return bip;
  if (bip.value) c.bip = bip.value;
  const fixed = str('fixed-cidr');
  if (!fixed.ok) return fixed;
  if (fixed.value) c.fixedCidr = fixed.value;
  const mtu = o.mtu;
  if (mtu !== undefined && mtu !== null) {
    if (typeof mtu !== 'number' || !Number.isInteger(mtu)) return err(typeError(mtu, 'mtu', 'int'));
    c.mtu = mtu;
  }
  const gw = o['default-gateway'];
  if (gw !== undefined && gw !== null && gw !== '') {
    const r = ipField(gw, 'default-gateway', 'net.IP');
    if (!r.ok) return r;
    c.defaultGateway = r.value;
  }
  const dns = o.dns;
  if (dns !== undefined && dns !== null) {
    if (!Array.isArray(dns)) return err(typeError(dns, 'dns', '[]net.IP'));
    const list: string[] = [];
    for (const d of dns) {
      const r = ipField(d, 'dns', 'net.IP');
      if (!r.ok) return r;
      list.push(r.value);
    }
    c.dns = list;
  }
  const pools = o['default-address-pools'];
  if (pools !== undefined && pools !== null) {
    const r = decodePools(pools);
    if (!r.ok) return r;
    c.addressPools = r.value;
  }
  const iptables = bool('iptables');
  if (!iptables.ok) return iptables;
  if (iptables.value !== undefined) c.iptables = iptables.value;
  const forward = bool('ip-forward');
  if (!forward.ok) return forward;
  if (forward.value !== undefined) c.ipForward = forward.value;
  for (const [key, field] of [
    ['insecure-registries', 'insecureRegistries'],
    ['registry-mirrors', 'registryMirrors'],
  ] as const) {
    const v = o[key];
    if (v === undefined || v === null) continue;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
      return err(
        typeError(
          Array.isArray(v) ? (v.find((x) => typeof x !== 'string') ?? null) : v,
          key,
          Array.isArray(v) ? 'string' : '[]string',
        ),
      );
    c[field] = v;
  }
  return ok(c);
}

/** opts.PoolsOpt: a list of `{"base": CIDR, "size": prefix length}`. */
function decodePools(v: Json): Result<AddressPool[]> {
  if (!Array.isArray(v)) return err(typeError(v, 'default-address-pools', 'opts.PoolsOpt'));
  const pools: AddressPool[] = [];
  for (const p of v) {
    if (p === null || typeof p !== 'object' || Array.isArray(p))
      return err(typeError(p, 'default-address-pools', 'ipamutils.NetworkToSplit'));
    const base = p.base;
    const size = p.size;
    if (typeof base !== 'string' || !parseCidr(base))
      return err(`invalid CIDR address: ${typeof base === 'string' ? base : JSON.stringify(base)}`);
    if (typeof size !== 'number' || !Number.isInteger(size))
      return err(typeError(size ?? null, 'size', 'int'));
    if (size < parseCidr(base)!.prefix || size > 32)
      return err(`invalid pools size: ${size} (base ${base})`);
    pools.push({ base, size });
  }
  return ok(pools);
}

/** The file's settings, or dockerd's complaint about it (empty or missing file: no settings). */
export function readDaemonConfig(text: string | undefined): Result<DaemonFileConfig> {
  const wrap = (e: string) =>
    err(`unable to configure the Docker daemon with file ${DAEMON_JSON}: ${e}`);
  if (text === undefined || text.trim() === '') return ok({});
  const parsed = parseJson(text.trim());
  if (!parsed.ok) return wrap(parsed.error);
  const o = parsed.value;
  if (o === null || typeof o !== 'object' || Array.isArray(o))
    return wrap(
      `json: cannot unmarshal ${kindOf(o)} into Go value of type map[string]interface {}`,
    );
  const unknown = Object.keys(o).filter((k) => !KNOWN_KEYS.has(k));
  if (unknown.length)
    return wrap(
      `the following directives don't match any configuration option: ${unknown.join(', ')}`,
    );
  const decoded = decode(o);
  return decoded.ok ? decoded : wrap(decoded.error);
}
