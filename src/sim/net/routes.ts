/** A namespace's routing table: routes added and removed by hand, and those a device takes along. */
import type { Route } from '../model';
import { plain, type HostDraft } from './host-draft';

export function addRoute(h: HostDraft, netns: string, route: Route): void {
  h.netns.get(netns)?.routes.push(route);
}

export function removeRoute(h: HostDraft, netns: string, route: Route): void {
  const ns = h.netns.get(netns);
  if (!ns) return;
  const i = plain(ns.routes).findIndex((r) => r.dst === route.dst && r.dev === route.dev);
  if (i >= 0) ns.routes.splice(i, 1);
}

/** Routes through the device go when it goes down or loses its last address (fib_disable_ip). */
export function flushRoutesVia(h: HostDraft, netns: string, dev: string): void {
  const ns = h.netns.get(netns);
  if (ns && plain(ns.routes).some((r) => r.dev === dev))
    ns.routes = plain(ns.routes).filter((r) => r.dev !== dev);
}
