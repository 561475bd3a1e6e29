/**
 * `docker compose config`: the normalized project as compose-go's Project.MarshalYAML writes it
 * (yaml.v3, two-space indent, block sequences indented under their key): struct fields in the
 * Go types' order, map keys sorted, empty values left out, service names not repeated inside.
 */
import { Document } from 'yaml';
import { resolvePath } from '../linux/file-tree';
import type { ComposeNetwork, ComposeProject, ComposeService, ServicePort } from './project';

const sorted = <V>(entries: readonly (readonly [string, V])[]): Record<string, V> =>
  Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** `omitempty`: drop undefined, empty strings, false, empty lists and empty maps. */
function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => {
      if (v === undefined || v === '' || v === false) return false;
      if (Array.isArray(v)) return v.length > 0;
      if (v !== null && typeof v === 'object') return Object.keys(v).length > 0;
      return true;
    }),
  );
}

const port = (p: ServicePort) =>
  compact({
    mode: p.mode,
    host_ip: p.hostIp,
    target: p.target,
    published: p.published,
    protocol: p.protocol,
  });

function service(s: ComposeService, project: ComposeProject): Record<string, unknown> {
  return compact({
    build:
      s.build !== undefined
        ? compact({
            context: resolvePath(project.workingDir, s.build.context),
            dockerfile: s.build.dockerfile,
            args: sorted(Object.entries(s.build.args)),
            target: s.build.target,
          })
        : undefined,
    cap_add: s.capAdd,
    command: s.command,
    container_name: s.containerName,
    depends_on: sorted(
      s.dependsOn.map((d) => [
        d.service,
        compact({ condition: d.condition, restart: d.restart, required: d.required }),
      ]),
    ),
    dns: s.dns,
    domainname: s.domainname,
    entrypoint: s.entrypoint,
    environment: sorted(Object.entries(s.environment)),
    env_file: s.envFiles.map((path) => ({ path, required: true })),
    expose: s.expose,
    external_links: s.externalLinks,
    extra_hosts: s.extraHosts.map((h) => h.replace(':', '=')),
    hostname: s.hostname,
    image: s.image,
    labels: sorted(Object.entries(s.labels)),
    links: s.links,
    network_mode: s.networkMode,
    networks: sorted(
      s.networks.map((n) => [
        n.key,
        n.bare
          ? null
          : compact({
              priority: n.priority || undefined,
              aliases: n.aliases,
              ipv4_address: n.ipv4Address,
            }),
      ]),
    ),
    ports: s.ports.map(port),
    privileged: s.privileged,
    restart: s.restart,
    scale: s.scale !== 1 ? s.scale : undefined,
    stdin_open: s.stdinOpen,
    tty: s.tty,
    volumes: s.volumes,
    working_dir: s.workingDir,
  });
}

const network = (n: ComposeNetwork) =>
  compact({
    name: n.name,
    driver: n.driver,
    driver_opts: sorted(Object.entries(n.driverOpts)),
    ipam: n.ipam.length
      ? {
          config: n.ipam.map((p) =>
            compact({ subnet: p.subnet, gateway: p.gateway, ip_range: p.ipRange }),
          ),
        }
      : undefined,
    external: n.external,
    internal: n.internal,
    attachable: n.attachable,
    labels: sorted(Object.entries(n.labels)),
  });

export function projectYaml(project: ComposeProject): string {
  const model = compact({
    name: project.name,
    services: sorted(project.services.map((s) => [s.name, service(s, project)])),
    networks: sorted(project.networks.map((n) => [n.key, network(n)])),
    volumes: sorted(
      project.volumes.map((v) => [v.key, compact({ name: v.name, external: v.external })]),
    ),
  });
  return new Document(model).toString({ indent: 2, indentSeq: true, lineWidth: 0 });
}
