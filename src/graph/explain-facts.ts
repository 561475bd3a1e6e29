/**
 * The facts a trace event carries as data, worded as phrases a sentence takes as parameters: who
 * answered an ARP request, who took the packet, why macvlan or VXLAN dropped it, the walker's
 * pseudo-devices. Each phrase is a key in the `trace` namespace, so it reads in every language.
 */
import type { ArpAnswerer, DropCause, Receiver, TraceEvent } from '../sim';
import type { Explanation, Param, PlaceName } from './explain';

type Dropped = Extract<TraceEvent, { kind: 'dropped' }>;

export const phrase = (key: string, params: Record<string, Param> = {}): Explanation => ({
  key,
  params,
});

/** Who answered an ARP request on `host` (the event's): a phrase. */
export function answerer(a: ArpAnswerer, place: PlaceName, host?: string): Explanation {
  const who = place.who ?? place;
  switch (a.kind) {
    case 'netns':
      return phrase('event.answerer.netns', { who: who(a.netns, host) });
    case 'bridge':
      return phrase('event.answerer.bridge', { bridge: a.bridge, host: place('host', host) });
    case 'lan-gateway':
      return phrase('event.answerer.lanGateway', { ip: a.ip });
    case 'lan-host':
      return phrase('event.answerer.lanHost', { ip: a.ip });
    case 'lab-host': {
      const key = a.docker === 'this' ? 'thisDocker' : a.docker === 'other' ? 'otherDocker' : 'nic';
      return phrase(`event.answerer.${key}`, { dev: a.dev, host: a.host });
    }
    case 'child':
      return a.netns === 'host'
        ? phrase('event.answerer.hostChild', { dev: a.dev, link: a.link, host: a.host })
        : phrase('event.answerer.child', {
            dev: a.dev,
            link: a.link,
            host: a.host,
            who: who(a.netns, a.host),
          });
    case 'neighbour':
      return phrase('event.answerer.neighbour', { dev: a.dev });
    case 'vxlan-proxy':
      return phrase('event.answerer.proxy', { dev: a.dev });
    case 'tunnel-device':
      return phrase('event.answerer.tunnelDevice', { dev: a.dev, host: a.host });
    case 'tunnel-bridge':
      return phrase('event.answerer.tunnelBridge', {
        bridge: a.bridge,
        host: a.host,
        port: a.port,
      });
    case 'tunnel-netns':
      return phrase('event.answerer.tunnelNetns', {
        who: who(a.netns, a.host),
        host: a.host,
        port: a.port,
      });
  }
}

/** Who took a delivered packet: a phrase. */
export function receiver(r: Receiver | undefined): Param {
  switch (r?.kind) {
    case undefined:
      return '';
    case 'program':
    case 'outside':
      return r.name;
    case 'echo-reply':
      return phrase('event.receiver.echoReply');
    case 'kernel':
      return phrase('event.receiver.kernel', { name: r.of });
    case 'listener':
      return phrase('event.receiver.listener', {
        comm: r.comm,
        pid: String(r.pid),
        address: r.address,
      });
    case 'reset':
      return phrase('event.receiver.reset', { address: r.address, port: String(r.port) });
    case 'refused':
      return phrase('event.receiver.refused', { client: r.client });
  }
}

/** Why macvlan/ipvlan or VXLAN dropped it (after the drop's `who`, its ARP target). */
export function cause(c: DropCause, e: Dropped, who: string, place: PlaceName): Explanation {
  const arp = { who, at: e.at };
  switch (c.kind) {
    case 'child-to-parent':
    case 'parent-to-child': {
      const key = c.kind === 'child-to-parent' ? 'childToParent' : 'parentToChild';
      return phrase(`event.cause.${key}`, {
        ...arp,
        link: c.link,
        child: c.child,
        parent: c.parent,
      });
    }
    case 'sibling-mode':
      return phrase(`event.cause.${c.mode}`, { ...arp, link: c.link });
    case 'ipvlan-host':
      return phrase('event.cause.ipvlanHost', { ...arp, dst: c.dst });
    case 'no-bridge-port':
      return phrase('event.cause.noBridgePort', {
        bridge: c.bridge,
        mac: c.mac,
        dst: c.dst,
        place: (place.who ?? place)(e.netns, e.host),
      });
    case 'no-fdb':
      return phrase('event.cause.noFdb', { dev: c.dev, mac: c.mac });
    case 'no-vni':
      return phrase('event.cause.noVni', { vni: String(c.vni), port: String(c.port) });
    case 'no-socket':
      return phrase('event.cause.noSocket', { port: String(c.port) });
    case 'other-mac':
      return phrase('event.cause.otherMac', { mac: c.mac, dev: c.dev, devMac: c.devMac });
  }
}

/** How a vxlan device chose the VTEP: a phrase's key. */
export const VIA = {
  fdb: 'event.vxlan.via.fdb',
  remote: 'event.vxlan.via.remote',
  flood: 'event.vxlan.via.flood',
};

/** The pseudo-devices and steps the walker names for what is no device: phrases. */
const PSEUDO: Readonly<Record<string, string>> = {
  internet: 'event.pseudo.internet',
  lan: 'event.pseudo.lan',
  route: 'event.pseudo.route',
};
export const deviceOf = (netns: string, dev: string): Param =>
  (netns === 'outside' || dev === 'route') && PSEUDO[dev] ? phrase(PSEUDO[dev]) : dev;
