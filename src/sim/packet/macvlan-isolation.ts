/**
 * The kernel's macvlan/ipvlan isolation rules (drivers/net/macvlan.c, ipvlan_core.c): which two
 * stations of one segment never exchange frames, and how the engine tells why.
 */
import { isChild, sameHost, type Station } from './macvlan-stations';
import type { IsolationCause } from './trace-facts';

/** Why `from` cannot reach `to` on their shared segment, or undefined when the frame passes. */
export function blocked(from: Station, to: Station): IsolationCause | undefined {
  if (!sameHost(from, to)) return undefined;
  const fromChild = isChild(from.link);
  const toChild = isChild(to.link);
  if (fromChild && !toChild && to.link.ifindex === from.parent && to.netns === 'host')
    return {
      kind: 'child-to-parent',
      link: from.link.kind,
      child: from.link.name,
      parent: to.link.name,
    };
  if (!fromChild && toChild && to.parent === from.link.ifindex && from.netns === 'host')
    return {
      kind: 'parent-to-child',
      link: to.link.kind,
      child: to.link.name,
      parent: from.link.name,
    };
  if (fromChild && toChild && from.parent === to.parent) {
    const fm = from.link.stacked?.flag ?? from.link.stacked?.mode;
    const tm = to.link.stacked?.flag ?? to.link.stacked?.mode;
    if (fm === 'private' || tm === 'private')
      return { kind: 'sibling-mode', link: from.link.kind, mode: 'private' };
    if (fm === 'vepa' || tm === 'vepa')
      return { kind: 'sibling-mode', link: from.link.kind, mode: 'vepa' };
  }
  return undefined;
}

/** The kernel's rule that kept the frame back, as the engine tells it. */
export function isolationText(c: IsolationCause): string {
  switch (c.kind) {
    case 'child-to-parent':
      return `${c.parent} is the parent of ${c.link} ${c.child}: the kernel never passes a child's frames up to its own parent (they leave through the parent's queue onto the wire, and the switch does not send them back)`;
    case 'parent-to-child':
      return `${c.link} ${c.child} is a child of this host's ${c.parent}: the kernel never delivers the parent's own frames to its children (they go straight out to the wire, and the switch does not send them back); a macvlan interface on the host (ip link add mac0 link ${c.parent} type macvlan mode bridge, an address, a route) reaches it`;
    case 'sibling-mode':
      return c.mode === 'private'
        ? `${c.link} private mode: children of the same parent never exchange frames`
        : `${c.link} vepa mode: frames between siblings go out to the LAN switch, which does not send them back (no hairpin)`;
    case 'ipvlan-host':
      return `${c.dst} belongs to the host itself, which ipvlan children cannot reach`;
  }
}
