/**
 * Which object a selection is about, for the inspector and the context menu alike: a device, a
 * namespace, a port or a DNS badge is shown through the container, network or host it belongs to.
 * A ref drawn on another lab host carries that host's `@NAME/` prefix (graph/peer-hosts.ts).
 */
import type { World } from '../../sim';
import {
  containerRef,
  HOST_REF,
  netnsRef,
  networkRef,
  parseRef,
  type ObjectRef,
} from '../../graph/refs';
import { prefixOf } from '../../graph/peer-hosts';

export interface Inspected {
  readonly kind: 'host' | 'container' | 'network';
  readonly name: string;
  /** The ref menus and selection use for it. */
  readonly ref: ObjectRef;
  /** The lab host it lives on, when that is not the one the terminal is on. */
  readonly host?: string;
}

const hostOf = (world: World): Inspected => ({
  kind: 'host',
  name: world.terminal.host,
  ref: HOST_REF,
});

/** The container, network or host `ref` stands for; undefined if it names nothing that exists. */
export function subjectOf(world: World, ref: ObjectRef): Inspected | undefined {
  const prefix = prefixOf(ref);
  const hostname = prefix ? prefix.slice(1, -1) : world.terminal.host;
  const docker = world.hosts[hostname]?.docker;
  if (!docker) return undefined;
  const on = prefix ? { host: hostname } : {};
  const theHost: Inspected = prefix
    ? { kind: 'host', name: hostname, ref: `${prefix}${netnsRef('host')}`, ...on }
    : hostOf(world);
  const containers = [...docker.containers.values()];
  const container = (name: string | undefined): Inspected | undefined =>
    name !== undefined && containers.some((c) => c.name === name)
      ? { kind: 'container', name, ref: `${prefix}${containerRef(name)}`, ...on }
      : undefined;
  const p = parseRef(ref.slice(prefix.length));
  switch (p?.kind) {
    case 'host':
      return theHost;
    case 'container':
      return container(p.name);
    case 'network':
    case 'dns': {
      const name = p.kind === 'network' ? p.name : p.network;
      return [...docker.networks.values()].some((n) => n.name === name)
        ? { kind: 'network', name, ref: `${prefix}${networkRef(name)}`, ...on }
        : undefined;
    }
    case 'netns':
    case 'device':
      if (p.netns === 'host') return theHost;
      return container(containers.find((c) => c.netns === p.netns)?.name);
    default:
      return undefined;
  }
}

/** What the inspector describes: the selection's subject, else the host. */
export const inspectedOf = (world: World, ref: ObjectRef | undefined): Inspected =>
  (ref === undefined ? undefined : subjectOf(world, ref)) ?? hostOf(world);
