/**
 * Which object the inspector describes for a selection: a device, a port or a DNS badge is
 * shown through the container, network or host it belongs to. Views come from the engine.
 */
import type { View, World } from '../../sim';
import { inspectViews } from '../../store';
import { parseRef, type ObjectRef } from '../../graph/refs';

export interface Inspected {
  readonly kind: 'host' | 'container' | 'network';
  readonly name: string;
  /** The ref menus and selection use for it. */
  readonly ref: ObjectRef;
}

function containerByNetns(world: World, netns: string): string | undefined {
  for (const c of world.hosts[world.terminal.host].docker.containers.values())
    if (c.netns === netns) return c.name;
  return undefined;
}

export function inspectedOf(world: World, ref: ObjectRef | undefined): Inspected {
  const host: Inspected = { kind: 'host', name: world.terminal.host, ref: 'host' };
  const p = ref ? parseRef(ref) : undefined;
  const docker = world.hosts[world.terminal.host].docker;
  const has = (name: string) => [...docker.containers.values()].some((c) => c.name === name);
  const hasNet = (name: string) => [...docker.networks.values()].some((n) => n.name === name);
  const asContainer = (name: string | undefined): Inspected =>
    name && has(name) ? { kind: 'container', name, ref: `container:${name}` } : host;
  switch (p?.kind) {
    case 'container':
      return asContainer(p.name);
    case 'network':
    case 'dns': {
      const name = p.kind === 'network' ? p.name : p.network;
      return hasNet(name) ? { kind: 'network', name, ref: `network:${name}` } : host;
    }
    case 'netns':
    case 'device':
      return asContainer(containerByNetns(world, p.netns));
    default:
      return host;
  }
}

export function viewsOf(world: World, what: Inspected): View[] {
  return inspectViews(world, what);
}
