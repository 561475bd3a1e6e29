/**
 * `docker info`'s Swarm section (docker-cli v27.5.1 cli/command/system/info.go printSwarmInfo):
 * a manager shows the cluster's settings, swarmkit's defaults; every node its address and the
 * managers it knows.
 */
import type { World } from '../model';
import { hostOf } from '../world';
import { SWARM_PORT } from './advertise';
import { nodeOf } from './cluster';

export function swarmInfoLines(world: World, host: string): string[] {
  const local = hostOf(world, host).docker.swarm;
  if (!local) return [' Swarm: inactive'];
  if (local.state === 'pending')
    return [' Swarm: pending', '  NodeID: ', '  Is Manager: false', '  Node Address: '];
  const node = nodeOf(world, host);
  const cluster = world.swarm;
  const managers = (cluster?.nodes ?? []).filter((n) => n.role === 'manager' && !n.down);
  const lines = [
    ' Swarm: active',
    `  NodeID: ${local.nodeId}`,
    `  Is Manager: ${node?.role === 'manager'}`,
  ];
  if (node?.role === 'manager' && cluster)
    lines.push(
      `  ClusterID: ${cluster.id}`,
      `  Managers: ${managers.length}`,
      `  Nodes: ${cluster.nodes.length}`,
      // Each pool is followed by two spaces (the CLI joins them that way).
      '  Default Address Pool: 10.0.0.0/8  ',
      '  SubnetSize: 24',
      '  Data Path Port: 4789',
      '  Orchestration:',
      '   Task History Retention Limit: 5',
      '  Raft:',
      '   Snapshot Interval: 10000',
      '   Number of Old Snapshots to Retain: 0',
      '   Heartbeat Tick: 1',
      '   Election Tick: 10',
      '  Dispatcher:',
      '   Heartbeat Period: 5 seconds',
      '  CA Configuration:',
      '   Expiry Duration: 3 months',
      '   Force Rotate: 0',
      '  Autolock Managers: false',
      '  Root Rotation In Progress: false',
    );
  lines.push(`  Node Address: ${node?.addr ?? ''}`);
  const addrs = managers.map((m) => `${m.addr}:${SWARM_PORT}`).sort();
  if (addrs.length) lines.push('  Manager Addresses:', ...addrs.map((a) => `   ${a}`));
  return lines;
}
