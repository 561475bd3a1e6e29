/**
 * Which object a selection is about, for the inspector and the context menu alike: a device, a
 * namespace, a port or a DNS badge is shown through the container, network or host it belongs to.
 */
import type { World } from '../../sim';
import { containerRef, HOST_REF, networkRef, parseRef, type ObjectRef } from '../../graph/refs';

export interface Inspected {
  readonly kind: 'host' | 'container' | 'network';
  readonly name: string;
  /** The ref menus and selection use for it. */
  readonly ref: ObjectRef;
}

const hostOf = (world: World): Inspected => ({
  kind: 'host',
  name: world.terminal.host,
  ref: HOST_REF,
});

/** The container, network or host `ref` stands for; undefined if it names nothing that exists. */
export function subjectOf(world: World, ref: ObjectRef): Inspected | undefined {
  const docker = world.hosts[world.terminal.host].docker;
  const containers = [...docker.containers.values()];
  const container = (name: string | undefined): Inspected | undefined =>
    name !== undefined && containers.some((c) => c.name === name)
      ? { kind: 'container', name, ref: containerRef(name) }
      : undefined;
  const p = parseRef(ref);
  switch (p?.kind) {
    case 'host':
      return hostOf(world);
    case 'container':
      return container(p.name);
    case 'network':
    case 'dns': {
      const name = p.kind === 'network' ? p.name : p.network;
      return [...docker.networks.values()].some((n) => n.name === name)
        ? { kind: 'network', name, ref: networkRef(name) }
        : undefined;
    }
    case 'netns':
    case 'device':
      if (p.netns === 'host') return hostOf(world);
      return container(containers.find((c) => c.netns === p.netns)?.name);
    default:
      return undefined;
  }
}

/** What the inspector describes: the selection's subject, else the host. */
export const inspectedOf = (world: World, ref: ObjectRef | undefined): Inspected =>
  (ref === undefined ? undefined : subjectOf(world, ref)) ?? hostOf(world);
