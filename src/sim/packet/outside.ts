/**
 * The world outside the host: a LAN client beside the host's eth0, and a few public hosts behind
 * the LAN gateway (the internet). Reachable only through the host's eth0, so container traffic to
 * them always shows the host's MASQUERADE. TTLs are what a reply has left when it reaches the
 * host: the far end's initial TTL (64 for Linux, 128 for some public resolvers) minus the
 * routers on the way (fabricated but plausible; the docs show an internet host at ttl=41).
 */
import type { Ipv4 } from '../model';

export interface OutsideHost {
  readonly ip: Ipv4;
  /** Names the public DNS answers for this address; the first is the canonical name. */
  readonly names: readonly string[];
  /** PTR record, when the address has one. */
  readonly ptr?: string;
  /** TTL of its replies as they arrive at the host's eth0. */
  readonly ttlAtHost: number;
  /** Round-trip time from the host, in microseconds. */
  readonly rttUs: readonly [number, number];
  /** Answers DNS queries (a public resolver). */
  readonly resolver?: boolean;
  /** On the LAN itself (no router in between). */
  readonly lan?: boolean;
  /** Serves a web site on ports 80 and 443. */
  readonly web?: boolean;
}

/** A public web site: answers ping, and HTTP on 80 and HTTPS on 443. */
function web(
  ip: Ipv4,
  names: readonly string[],
  ttlAtHost: number,
  rttUs: readonly [number, number],
): OutsideHost {
  return { ip, names, ttlAtHost, rttUs, web: true };
}

export const OUTSIDE_HOSTS: readonly OutsideHost[] = [
  {
    ip: '8.8.8.8',
    names: ['dns.google'],
    ptr: 'dns.google',
    ttlAtHost: 114,
    rttUs: [28000, 36000],
    resolver: true,
  },
  {
    ip: '8.8.4.4',
    names: [],
    ptr: 'dns.google',
    ttlAtHost: 114,
    rttUs: [28000, 36000],
    resolver: true,
  },
  {
    ip: '114.114.114.114',
    names: [],
    ptr: 'public1.114dns.com',
    ttlAtHost: 72,
    rttUs: [20000, 30000],
    resolver: true,
  },
  {
    ip: '223.5.5.5',
    names: [],
    ptr: 'public1.alidns.com',
    ttlAtHost: 115,
    rttUs: [20000, 28000],
    resolver: true,
  },
  // `www.baidu.com` is a CNAME: getaddrinfo's canonical name is `www.a.shifen.com`.
  {
    ip: '110.242.68.66',
    names: ['www.a.shifen.com', 'www.baidu.com', 'baidu.com'],
    ttlAtHost: 51,
    rttUs: [24000, 38000],
    web: true,
  },
  {
    ip: '93.184.215.14',
    names: ['example.com', 'www.example.com'],
    ttlAtHost: 52,
    rttUs: [30000, 40000],
    web: true,
  },
  {
    ip: '1.1.1.1',
    names: ['one.one.one.one'],
    ptr: 'one.one.one.one',
    ttlAtHost: 56,
    rttUs: [8000, 14000],
    resolver: true,
  },
  // The names tutorials ping and fetch, each at one fixed address in its owner's real range.
  web('142.250.72.14', ['google.com'], 116, [9000, 15000]),
  web('142.250.72.4', ['www.google.com'], 116, [9000, 15000]),
  web('140.82.112.3', ['github.com'], 52, [28000, 36000]),
  web('141.193.213.20', ['docker.com', 'www.docker.com'], 55, [30000, 40000]),
  web('44.219.3.189', ['hub.docker.com'], 48, [80000, 95000]),
  web('54.236.113.205', ['registry-1.docker.io'], 48, [80000, 95000]),
  web('104.16.132.229', ['cloudflare.com', 'www.cloudflare.com'], 57, [8000, 14000]),
  web('113.108.81.189', ['qq.com', 'www.qq.com'], 52, [24000, 36000]),
  web('47.103.24.173', ['bilibili.com', 'www.bilibili.com'], 50, [26000, 38000]),
  web('106.11.249.99', ['aliyun.com', 'www.aliyun.com'], 51, [22000, 34000]),
  web('140.249.32.202', ['mirrors.aliyun.com'], 51, [22000, 34000]),
  web('151.101.2.132', ['debian.map.fastlydns.net', 'deb.debian.org'], 57, [9000, 16000]),
  web('91.189.91.82', ['archive.ubuntu.com'], 50, [180000, 220000]),
  web('151.101.110.133', ['dl-cdn.alpinelinux.org'], 57, [9000, 16000]),
  web('151.101.0.223', ['pypi.org'], 57, [9000, 16000]),
  web('104.16.24.34', ['registry.npmjs.org'], 57, [8000, 14000]),
  { ip: '10.0.2.20', names: [], ttlAtHost: 64, rttUs: [300, 900], lan: true },
];

/** The LAN client used for published-port tests (not in DNS). */
export const LAN_CLIENT: Ipv4 = '10.0.2.20';

export function outsideHostAt(ip: Ipv4): OutsideHost | undefined {
  return OUTSIDE_HOSTS.find((o) => o.ip === ip);
}

/** What a public resolver answers for `name`: its address and canonical name, or NXDOMAIN. */
export function publicDnsAnswer(name: string): { ip: Ipv4; canonical: string } | undefined {
  const wanted = name.toLowerCase().replace(/\.$/, '');
  const o = OUTSIDE_HOSTS.find((x) => !x.lan && x.names.includes(wanted));
  return o ? { ip: o.ip, canonical: o.names[0] ?? wanted } : undefined;
}

export function publicPtr(ip: Ipv4): string | undefined {
  return outsideHostAt(ip)?.ptr;
}
