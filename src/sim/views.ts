/**
 * What the inspector shows for a selected object: each view is a command a learner could type on
 * the host and exactly what it prints. The text comes from running that very command through
 * `runLine` on a throwaway copy of the world, so it is byte-identical to the terminal by
 * construction; the caller's world is never changed. When a container's image has no `ip`
 * (nginx, redis…), its addresses and routes are shown as a learner would then see them: from the
 * host, entering its namespace with `nsenter`.
 */
import type { Container, Host, World } from './model';
import { findContainer } from './docker/lookup';
import { renderHostsFile } from './linux/hosts-file';
import { listRoutes } from './linux/ip-route';
import { netnsOfContainer } from './linux/place';
import { runLine } from './shell/run-line';
import { hostOf } from './world';
import { shellWord } from './shell/quote';

export interface View {
  /** The command line that prints `text`, as the block's title. */
  readonly command: string;
  readonly text: string;
}

/** The state, image and network mode of a container at a glance. */
const SUMMARY_TEMPLATE =
  'State: {{.State.Status}}  Image: {{.Config.Image}}  NetworkMode: {{.HostConfig.NetworkMode}}';
/** One line per network the container is on: what `docker inspect` says of that endpoint. */
const NETWORKS_TEMPLATE =
  '{{range $name, $ep := .NetworkSettings.Networks}}{{$name}}: IP {{$ep.IPAddress}}/{{$ep.IPPrefixLen}}' +
  '  gateway {{$ep.Gateway}}  MAC {{$ep.MacAddress}}{{with $ep.Aliases}}  aliases {{join . ", "}}{{end}}' +
  '{{println}}{{end}}';
const ENV_TEMPLATE = '{{range .Config.Env}}{{println .}}{{end}}';

/**
 * Runs `line` as if typed at the host's own prompt (`host`, else the terminal's), leaving `world`
 * as it was.
 */
function typed(world: World, line: string, host = world.terminal.host): View {
  const atHost: World = {
    ...world,
    terminal: { ...world.terminal, host, shells: [], pending: undefined },
  };
  const { output } = runLine(atHost, line);
  return { command: line, text: output.stdout + output.stderr };
}

/** `docker inspect` summary, addresses, routes, name resolution files and environment. */
export function containerViews(world: World, name: string, on?: string): View[] {
  const host = hostOf(world, on);
  const c = findContainer(host.docker, name);
  if (!c) return [];
  const n = shellWord(name);
  const views = [typed(world, `docker inspect -f ${shellWord(SUMMARY_TEMPLATE)} ${n}`, on)];
  if (c.endpoints.length > 0)
    views.push(typed(world, `docker inspect -f ${shellWord(NETWORKS_TEMPLATE)} ${n}`, on));
  if (netnsOfContainer(c) === undefined) {
    views.push(typed(world, `docker inspect -f ${shellWord(ENV_TEMPLATE)} ${n}`, on));
    return views;
  }
  const tools = host.docker.images.get(c.imageId)?.tools ?? [];
  const enter = tools.includes('ip') ? `docker exec ${n}` : `nsenter -t ${c.state.pid} -n`;
  views.push(
    typed(world, `${enter} ip addr`, on),
    typed(world, `${enter} ip route`, on),
    typed(world, `docker exec ${n} cat /etc/hosts`, on),
    typed(world, `docker exec ${n} cat /etc/resolv.conf`, on),
    typed(world, `docker exec ${n} env`, on),
  );
  return views;
}

/** `docker network inspect`, and the iptables rules that mention the network's bridge. */
export function networkViews(world: World, name: string, on?: string): View[] {
  const host = hostOf(world, on);
  const network = [...host.docker.networks.values()].find((x) => x.name === name);
  if (!network) return [];
  const views = [typed(world, `docker network inspect ${shellWord(name)}`, on)];
  if (network.bridge) {
    views.push(
      typed(world, `iptables -t nat -S | grep ${network.bridge}`, on),
      typed(world, `iptables -S | grep ${network.bridge}`, on),
    );
  }
  return views;
}

/** The host's NAT and filter tables, its routes and whether it forwards packets at all. */
export function hostViews(world: World, on?: string): View[] {
  return [
    typed(world, 'iptables -t nat -S', on),
    typed(world, 'iptables -S', on),
    typed(world, 'ip route', on),
    typed(world, 'sysctl net.ipv4.ip_forward', on),
  ];
}

/** A container's /etc/hosts as `cat` prints it, for the kernel-state diff. */
export const hostsFileOf = (host: Host, c: Container): string => renderHostsFile(host, c);

/** `ip route` lines of one namespace of `host` (iproute2), for the kernel-state diff. */
export function routeLinesOf(host: Host, netns: string): string[] {
  return listRoutes(host, netns, 'iproute2')
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '');
}
