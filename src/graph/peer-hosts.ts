/**
 * The lab's other Docker hosts (`lab add-host`), each drawn as its own host box on the LAN with
 * its own docker0 and containers. The terminal's host keeps the plain ids (the trace player and
 * the inspector name its objects); another host's elements are the same projection with every
 * id, parent, end and ref prefixed `@NAME/`, so its docker0 never meets the first one's. The
 * layout places each host's picture on its own, then side by side, left to right.
 */
import type { Host } from '../sim';
import {
  FLOOR_ID,
  HOST_BOX_CLASS,
  HOST_ID,
  node,
  OUTSIDE_ID,
  type GraphElement,
  type GraphText,
} from './elements';
import { projectContainers } from './project-containers';
import { projectHostNetns } from './project-host';
import { projectUnderlay } from './project-underlay';

export const peerPrefix = (hostname: string): string => `@${hostname}/`;

/** The prefix of a peer host's element id, or '' for the terminal's host and the LAN. */
export function prefixOf(id: string): string {
  return id.startsWith('@') ? id.slice(0, id.indexOf('/') + 1) : '';
}

const PREFIXED = ['id', 'parent', 'source', 'target', 'ref', 'peer'] as const;

function renamed(e: GraphElement, rename: (id: string) => string): GraphElement {
  const data: Record<string, unknown> = { ...e.data };
  for (const k of PREFIXED) {
    const v = e.data[k];
    if (v !== undefined) data[k] = rename(v);
  }
  return { ...e, data: data as unknown as GraphElement['data'] };
}

/** The host box, its floor, its interfaces, bridges and containers, all under `@NAME/`. */
export function projectPeerHost(host: Host, text: GraphText): GraphElement[] {
  const nodes: GraphElement[] = [
    node(HOST_ID, 'netns', `host ${host.hostname}`, { ref: HOST_ID }, [HOST_BOX_CLASS]),
    node(FLOOR_ID, 'floor', '', { parent: HOST_ID }),
  ];
  const edges: GraphElement[] = [];
  projectHostNetns(host, text, nodes, edges);
  projectContainers(host, text, nodes, edges);
  projectUnderlay(host, text, nodes, edges);
  const prefix = peerPrefix(host.hostname);
  // Its eth0 hangs on the one LAN every host shares.
  return [...nodes, ...edges].map((e) =>
    renamed(e, (id) => (id === OUTSIDE_ID ? id : `${prefix}${id}`)),
  );
}

/** A peer's elements with the prefix taken off again, for laying them out like the first host. */
export function unprefixed(elements: readonly GraphElement[], prefix: string): GraphElement[] {
  return elements.map((e) =>
    renamed(e, (id) => (id.startsWith(prefix) ? id.slice(prefix.length) : id)),
  );
}
