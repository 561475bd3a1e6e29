/**
 * `ip route`, `ip neigh` and `ip netns` listings. iproute2 names the origin of connected routes
 * (`proto kernel`) and flags routes over a device without carrier (`linkdown`); busybox prints
 * neither and puts two spaces before `src` (networking/libiproute/iproute.c print_route).
 */
import type { Host } from '../model';
import type { IpDialect } from './ip-addr';
import { mainRoutes } from './link-state';

export function listRoutes(h: Host, netns: string, dialect: IpDialect): string {
  return mainRoutes(h, netns)
    .map((r) => {
      let s = `${r.dst} `;
      if (r.via) s += `via ${r.via} `;
      s += `dev ${r.dev} `;
      if (r.src)
        s +=
          dialect === 'iproute2'
            ? `proto kernel scope link src ${r.src} `
            : `scope link  src ${r.src} `;
      else if (!r.via) s += 'scope link ';
      if (r.linkdown && dialect === 'iproute2') s += 'linkdown ';
      return `${s}\n`;
    })
    .join('');
}

/** Named namespaces (`ip netns add`, or a symlink under /var/run/netns); Docker's are unnamed. */
export function listNamedNetns(h: Host): string {
  return [...h.netns.values()]
    .filter((n) => n.name)
    .reverse()
    .map((n) => `${n.name}\n`)
    .join('');
}
