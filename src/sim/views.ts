/**
 * What the inspector shows for a selected object: each view is a command a learner could type on
 * the host and exactly what it prints. The text comes from running that very command through
 * `runLine` on a throwaway copy of the world, so it is byte-identical to the terminal by
 * construction; the caller's world is never changed. The one exception is a container's
 * `ip addr`/`ip route` when its image has no `ip` (nginx, redis…): a learner would then enter its
 * namespace from the host with `nsenter`, which prints the host's iproute2 output for it.
 */
import type { Container, Host, World } from './model';
import { listLinks } from './linux/ip-addr';
import { renderHostsFile } from './linux/hosts-file';
import { listRoutes } from './linux/ip-route';
import { netnsOfContainer } from './linux/place';
import { runLine } from './shell/run-line';
import { hostOf } from './world';

export interface View {
  /** The command line that prints `text`, as the block's title. */
  readonly command: string;
  readonly text: string;
}

/** The state, image and network mode of a container at a glance. */
export const SUMMARY_TEMPLATE =
  'State: {{.State.Status}}  Image: {{.Config.Image}}  NetworkMode: {{.HostConfig.NetworkMode}}';
/** One line per network the container is on: what `docker inspect` says of that endpoint. */
export const NETWORKS_TEMPLATE =
  '{{range $name, $ep := .NetworkSettings.Networks}}{{$name}}: IP {{$ep.IPAddress}}/{{$ep.IPPrefixLen}}' +
  '  gateway {{$ep.Gateway}}  MAC {{$ep.MacAddress}}{{with $ep.Aliases}}  aliases {{join . ", "}}{{end}}' +
  '{{println}}{{end}}';
const ENV_TEMPLATE = '{{range .Config.Env}}{{println .}}{{end}}';

/** Runs `line` as if typed at the host's own prompt, leaving `world` as it was. */
function typed(world: World, line: string): View {
  const atHost: World = {
    ...world,
    terminal: { ...world.terminal, shells: [], pending: undefined },
  };
  const { output } = runLine(atHost, line);
  return { command: line, text: output.stdout + output.stderr };
}

/** A word for bash: single-quoted unless it is plain. */
const quote = (word: string): string =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;

function findContainer(host: Host, name: string): Container | undefined {
  for (const c of host.docker.containers.values()) if (c.name === name) return c;
  return undefined;
}

/** `docker inspect` summary, addresses, routes, name resolution files and environment. */
export function containerViews(world: World, name: string): View[] {
  const host = hostOf(world);
  const c = findContainer(host, name);
  if (!c) return [];
  const n = quote(name);
  const views = [typed(world, `docker inspect -f ${quote(SUMMARY_TEMPLATE)} ${n}`)];
  if (c.endpoints.length > 0)
    views.push(typed(world, `docker inspect -f ${quote(NETWORKS_TEMPLATE)} ${n}`));
  const netns = netnsOfContainer(c);
  if (netns === undefined) {
    views.push(typed(world, `docker inspect -f ${quote(ENV_TEMPLATE)} ${n}`));
    return views;
  }
  const tools = host.docker.images.get(c.imageId)?.tools ?? [];
  if (tools.includes('ip')) {
    views.push(typed(world, `docker exec ${n} ip addr`), typed(world, `docker exec ${n} ip route`));
  } else {
    views.push(...nsenterViews(host, c, netns));
  }
  views.push(
    typed(world, `docker exec ${n} cat /etc/hosts`),
    typed(world, `docker exec ${n} cat /etc/resolv.conf`),
    typed(world, `docker exec ${n} env`),
  );
  return views;
}

/** iproute2 on the host, inside the container's namespace (util-linux `nsenter -n`). */
function nsenterViews(host: Host, c: Container, netns: string): View[] {
  const pid = c.state.pid;
  const links = listLinks(host, netns, {
    dialect: 'iproute2',
    linkOnly: false,
    brief: false,
    upOnly: false,
  });
  return [
    { command: `nsenter -t ${pid} -n ip addr`, text: links.ok ? links.text : '' },
    { command: `nsenter -t ${pid} -n ip route`, text: listRoutes(host, netns, 'iproute2') },
  ];
}

/** `docker network inspect`, and the iptables rules that mention the network's bridge. */
export function networkViews(world: World, name: string): View[] {
  const host = hostOf(world);
  const network = [...host.docker.networks.values()].find((x) => x.name === name);
  if (!network) return [];
  const views = [typed(world, `docker network inspect ${quote(name)}`)];
  if (network.bridge) {
    views.push(
      typed(world, `iptables -t nat -S | grep ${network.bridge}`),
      typed(world, `iptables -S | grep ${network.bridge}`),
    );
  }
  return views;
}

/** The host's NAT and filter tables, its routes and whether it forwards packets at all. */
export function hostViews(world: World): View[] {
  return [
    typed(world, 'iptables -t nat -S'),
    typed(world, 'iptables -S'),
    typed(world, 'ip route'),
    typed(world, 'sysctl net.ipv4.ip_forward'),
  ];
}

/** A container's /etc/hosts as `cat` prints it, for the kernel-state diff. */
export function hostsFileOf(world: World, name: string): string | undefined {
  const host = hostOf(world);
  const c = findContainer(host, name);
  return c ? renderHostsFile(host, c) : undefined;
}

/** `ip route` lines of one namespace (iproute2), for the kernel-state diff. */
export function routeLinesOf(world: World, netns: string): string[] {
  return listRoutes(hostOf(world), netns, 'iproute2')
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '');
}
