/**
 * What must hold in every world a command log can produce. Used by the property tests after every
 * step; a violation is a bug in the core, never a learner's mistake.
 */
import type { Host, World } from './model';
import { isNetworkOrBroadcast, subnetContains } from './net/ipam';
import { intToIp } from './net/ipv4';
import { Table } from './table';

function hostInvariants(h: Host): string[] {
  const problems: string[] = [];
  const containers = [...h.docker.containers.values()];
  // Addresses: unique per network, inside its subnet, never the network or broadcast address.
  for (const n of [...h.docker.networks.values()]) {
    const subnet = n.ipam.config[0]?.subnet;
    const seen = new Map<string, string>();
    for (const c of containers)
      for (const e of c.endpoints) {
        const ip = e.joined?.ip;
        if (e.networkId !== n.id || !ip) continue;
        if (seen.has(ip))
          problems.push(`${ip} given to both ${seen.get(ip)} and ${c.name} on ${n.name}`);
        seen.set(ip, c.name);
        if (subnet && (!subnetContains(subnet, ip) || isNetworkOrBroadcast(subnet, ip)))
          problems.push(`${c.name} has ${ip} outside ${subnet} usable range`);
      }
  }
  // IPAM's own record agrees with the endpoints that hold addresses.
  // A swarm network's addresses are the managers' to give (every node's endpoints count).
  for (const [netId, ips] of Object.entries(h.docker.ipamAllocations)) {
    if (h.docker.networks.get(netId)?.scope === 'swarm') continue;
    const held = containers.flatMap((c) =>
      c.endpoints.flatMap((e) => [
        ...(e.networkId === netId && e.joined?.ip ? [e.joined.ip] : []),
        // An overlay endpoint's hidden way out, on docker_gwbridge.
        ...(e.joined?.gw?.networkId === netId ? [e.joined.gw.ip] : []),
      ]),
    );
    const sandbox = h.docker.swarm?.sandboxIp;
    if (sandbox && h.docker.networks.get(netId)?.name === 'docker_gwbridge') held.push(sandbox);
    if ([...ips].map(intToIp).sort().join() !== held.sort().join())
      problems.push(`IPAM record of ${netId.slice(0, 12)} disagrees with endpoints`);
  }
  // The big collections stay Tables: a Map put in their place would make every command copy it.
  for (const [what, t] of Object.entries({
    namespaces: h.netns,
    containers: h.docker.containers,
    names: h.docker.names,
  }))
    if (!(t instanceof Table)) problems.push(`the ${what} are no longer a Table`);
  // The name registry holds exactly the containers, each name to its container's id.
  if (h.docker.names.size !== containers.length)
    problems.push(
      `name registry holds ${h.docker.names.size} names for ${containers.length} containers`,
    );
  for (const c of containers)
    if (h.docker.names.get(c.name) !== c.id) problems.push(`name registry has lost ${c.name}`);
  // The clocked-process index holds every container whose main process acts with the clock.
  for (const c of containers)
    if (c.main && !h.docker.clocked?.includes(c.id))
      problems.push(`${c.name}'s main process is missing from the clock's index`);
  // Joined endpoints belong to live networks, running containers and existing interfaces.
  for (const c of containers) {
    const running = c.state.status === 'running';
    for (const e of c.endpoints) {
      if (!e.joined) continue;
      if (!running)
        problems.push(`${c.name} is ${c.state.status} but still joined to ${e.networkName}`);
      if (!h.docker.networks.get(e.networkId))
        problems.push(`${c.name} joined to removed network ${e.networkName}`);
      // The interface itself may be gone: a learner can delete or move it by hand (`ip link del
      // vethXXX` takes both ends). Docker does not notice, so its record then names a missing
      // interface, as on a real host; only the namespace it lives in must exist.
      if (e.joined.ifindex && !h.netns.get(c.netns ?? ''))
        problems.push(`${c.name}'s interface for ${e.networkName} lives in a missing netns`);
    }
    if (running && c.netns && !h.netns.get(c.netns))
      problems.push(`${c.name} runs in a missing netns`);
    // An image in use cannot vanish: a container's files and tools come from it.
    if (!h.docker.images.has(c.imageId)) problems.push(`${c.name} runs a missing image`);
    // A build's containers are its own business: none outlives the build.
    if (c.hostConfig.autoRemove && c.name.startsWith('buildkit_'))
      problems.push(`build container ${c.name} was left behind`);
    if (!running && c.ports.length) problems.push(`${c.name} is stopped but holds ports`);
    // The freezer only holds a live task: a stopped container cannot stay paused.
    if (!running && c.state.paused) problems.push(`${c.name} is ${c.state.status} but paused`);
    // A main process acting with the clock lives only as long as its container runs.
    if (!running && c.main)
      problems.push(`${c.name} is ${c.state.status} but its main process runs`);
    // The log is written in time order, and nothing is written after the process ended.
    const logs = c.logs ?? [];
    if (
      logs.some(
        (e, i) =>
          i > 0 &&
          (e.time < logs[i - 1].time ||
            (e.time === logs[i - 1].time && e.nanos <= logs[i - 1].nanos)),
      )
    )
      problems.push(`${c.name}'s log goes back in time`);
    const last = logs.at(-1);
    if (!running && last && c.state.finishedAt !== null && last.time > c.state.finishedAt)
      problems.push(`${c.name} logged after it exited`);
    if (containers.some((o) => o !== c && o.name === c.name))
      problems.push(`two containers are named ${c.name}`);
    // A volume in use cannot vanish: the container's files under its mount live there.
    for (const m of c.mounts ?? [])
      if (m.name && !h.docker.volumes?.has(m.name))
        problems.push(`${c.name} mounts missing volume ${m.name.slice(0, 12)}`);
  }
  // What is removed takes its files along: nothing stays under a volume the daemon forgot.
  for (const path of [...Object.keys(h.files), ...(h.dirs ?? [])]) {
    const volume = /^\/var\/lib\/docker\/volumes\/([^/]+)/.exec(path)?.[1];
    if (volume && !h.docker.volumes?.has(volume)) problems.push(`${path} outlived its volume`);
  }
  // veth pairs: both ends present, each pointing at the other.
  for (const ns of [...h.netns.values()])
    for (const l of ns.links) {
      if (l.kind !== 'veth' || !l.peer) continue;
      const peer = h.netns.get(l.peer.netns)?.links.find((x) => x.ifindex === l.peer!.ifindex);
      if (!peer) problems.push(`veth ${l.name} in ${ns.id} has no peer`);
      else if (peer.peer?.ifindex !== l.ifindex || peer.peer.netns !== ns.id)
        problems.push(`veth ${l.name} and ${peer.name} do not point at each other`);
    }
  // Published host ports: never bound twice.
  const bound = new Set<string>();
  for (const c of containers)
    for (const p of c.ports) {
      const key = `${p.proto}/${p.hostPort}`;
      if (bound.has(key)) problems.push(`host port ${key} bound twice`);
      bound.add(key);
    }
  // Rules go away with their owners.
  for (const r of h.iptables.rules) {
    if (
      r.owner.startsWith('ctr:') &&
      h.docker.containers.get(r.owner.slice(4))?.state.status !== 'running'
    )
      problems.push(`rule "${r.spec}" outlived its container`);
    if (r.owner.startsWith('net:') && !h.docker.networks.get(r.owner.slice(4)))
      problems.push(`rule "${r.spec}" outlived its network`);
  }
  return problems;
}

export function checkInvariants(world: World): string[] {
  return Object.values(world.hosts).flatMap(hostInvariants);
}
