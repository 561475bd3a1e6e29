/**
 * A validated compose file as a project (compose-go loader normalize.go, validate.go, and
 * compose's ToProject): services on `default` unless they name networks or a network_mode,
 * engine names for networks and volumes, the resources no service uses dropped
 * (WithoutUnnecessaryResources), then the consistency checks with their words.
 */
import { err, ok, type Result } from '../result';
import type { ComposeNetwork, ComposeProject, ComposeService, ComposeVolume } from './project';
import { isTrue, keyValues, normalizeService, scalar, type ServiceContext } from './service';

type Raw = Record<string, unknown>;

const asRecord = (v: unknown): Raw =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {};

const INVALID = 'invalid compose project';

function network(project: string, key: string, value: unknown): ComposeNetwork {
  const r = asRecord(value);
  const external = isTrue(r.external) || (r.external !== null && typeof r.external === 'object');
  const name = scalar(r.name) ?? (external ? key : `${project}_${key}`);
  const driver = scalar(r.driver);
  const ipam = asRecord(r.ipam);
  const pools = (Array.isArray(ipam.config) ? ipam.config : []).map((c) => {
    const p = asRecord(c);
    const [subnet, ipRange, gateway] = [p.subnet, p.ip_range, p.gateway].map(scalar);
    return {
      ...(subnet ? { subnet } : {}),
      ...(ipRange ? { ipRange } : {}),
      ...(gateway ? { gateway } : {}),
    };
  });
  const labels = keyValues(r.labels);
  return {
    key,
    name,
    ...(driver ? { driver } : {}),
    driverOpts: Object.fromEntries(
      Object.entries(asRecord(r.driver_opts)).map(([k, v]) => [k, String(v)]),
    ),
    ipam: pools,
    external,
    internal: isTrue(r.internal),
    attachable: isTrue(r.attachable),
    labels: Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, v ?? ''])),
  };
}

/** A named volume's key in a `volume`-type mount (`data:/var/lib/x`), or null for binds. */
function namedVolume(spec: string): string | null {
  const [source = '', target] = spec.startsWith('volume:')
    ? spec.split(':').slice(1)
    : spec.split(':');
  if (target === undefined || source === '' || /^[./~]/.test(source) || source.startsWith('bind'))
    return null;
  return source;
}

/** validate.go checkConsistency, service by service (in name order: compose's is a map walk). */
function checkConsistency(p: ComposeProject): Result<void> {
  const names = new Set(p.services.map((s) => s.name));
  for (const s of p.services) {
    if (!s.image && s.build === undefined)
      return err(
        `service "${s.name}" has neither an image nor a build context specified: ${INVALID}`,
      );
    for (const n of s.networks)
      if (!p.networks.some((x) => x.key === n.key))
        return err(`service "${s.name}" refers to undefined network ${n.key}: ${INVALID}`);
    for (const d of s.dependsOn)
      if (!names.has(d.service))
        return err(`service "${s.name}" depends on undefined service "${d.service}": ${INVALID}`);
    if (s.networkMode?.startsWith('service:')) {
      const target = s.networkMode.slice('service:'.length);
      if (!names.has(target))
        return err(`service "${target}" not found for network_mode 'service:${target}'`);
    }
    for (const v of s.volumes) {
      const key = namedVolume(v);
      if (key && !p.volumes.some((x) => x.key === key))
        return err(`service "${s.name}" refers to undefined volume ${key}: ${INVALID}`);
    }
    // compose-go prints the attribute and the service swapped in this one message.
    if (s.scale > 1 && s.containerName !== undefined)
      return err(
        `services.scale: can't set container_name and ${s.name} as container name must be unique: ${INVALID}`,
      );
  }
  return ok(undefined);
}

export interface ProjectMeta extends ServiceContext {
  readonly name: string;
  readonly configFiles: readonly string[];
}

export function normalizeProject(dict: Raw, meta: ProjectMeta): Result<ComposeProject> {
  const services: ComposeService[] = [];
  const rawServices = asRecord(dict.services);
  for (const key of Object.keys(rawServices).sort()) {
    const raw = asRecord(rawServices[key]);
    if (raw.network_mode !== undefined && raw.networks !== undefined)
      return err(
        `service ${key} declares mutually exclusive \`network_mode\` and \`networks\`: ${INVALID}`,
      );
    const s = normalizeService(key, rawServices[key], meta);
    if (!s.ok) return s;
    const onDefault = !s.value.networks.length && s.value.networkMode === undefined;
    services.push(
      onDefault
        ? { ...s.value, networks: [{ key: 'default', aliases: [], priority: 0, bare: true }] }
        : s.value,
    );
  }
  const declared = asRecord(dict.networks);
  const used = new Set(services.flatMap((s) => s.networks.map((n) => n.key)));
  // Declared networks no service uses are dropped; `default` exists as soon as one is on it.
  const keys = Object.keys(declared).filter((k) => used.has(k));
  if (used.has('default') && !keys.includes('default')) keys.push('default');
  const networks = keys.sort().map((k) => network(meta.name, k, declared[k]));
  const rawVolumes = asRecord(dict.volumes);
  const mounted = new Set(services.flatMap((s) => s.volumes.map(namedVolume)));
  const volumes: ComposeVolume[] = Object.keys(rawVolumes)
    .sort()
    .filter((k) => mounted.has(k))
    .map((k) => {
      const r = asRecord(rawVolumes[k]);
      const external = isTrue(r.external);
      return { key: k, name: scalar(r.name) ?? (external ? k : `${meta.name}_${k}`), external };
    });
  const project: ComposeProject = {
    name: meta.name,
    workingDir: meta.workingDir,
    configFiles: meta.configFiles,
    services,
    networks,
    volumes,
  };
  const consistent = checkConsistency(project);
  return consistent.ok ? ok(project) : consistent;
}
