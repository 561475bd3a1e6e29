/** IPv4 arithmetic behind small domain-named functions (ipaddr.js does the parsing). */
import ipaddr from 'ipaddr.js';
import type { Cidr, Ipv4 } from '../model';

export interface Block {
  /** Network address as an unsigned 32-bit integer. */
  readonly base: number;
  readonly prefix: number;
}

/** ipaddr.js's isValidFourPartDecimal (dotted decimal, no leading zeros, octets ≤ 255) as one
 * regular expression: it runs for every /etc/hosts line and route a packet walk reads. */
const FOUR_PART_DECIMAL =
  /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export function isIpv4(s: string): boolean {
  return FOUR_PART_DECIMAL.test(s);
}

/** For addresses already validated (isIpv4); plain arithmetic, as it runs for every allocation. */
export function ipToInt(ip: Ipv4): number {
  const [a = 0, b = 0, c = 0, d = 0] = ip.split('.').map(Number);
  return ((a * 256 + b) * 256 + c) * 256 + d;
}

export function intToIp(n: number): Ipv4 {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

const size = (prefix: number) => 2 ** (32 - prefix);

/** Parses `a.b.c.d/n`; returns the address as given (which may have host bits set). */
export function parseCidr(cidr: string): { ip: Ipv4; prefix: number } | null {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(cidr);
  if (!m || !isIpv4(m[1])) return null;
  const prefix = Number(m[2]);
  if (prefix > 32) return null;
  return { ip: m[1], prefix };
}

export function blockOf(ip: Ipv4, prefix: number): Block {
  const n = ipToInt(ip);
  return { base: n - (n % size(prefix)), prefix };
}

export function cidrBlock(cidr: Cidr): Block {
  const p = parseCidr(cidr);
  if (!p) throw new Error(`not a CIDR: ${cidr}`);
  return blockOf(p.ip, p.prefix);
}

export function blockToCidr(b: Block): Cidr {
  return `${intToIp(b.base)}/${b.prefix}`;
}

export function blockContains(b: Block, ip: Ipv4): boolean {
  const n = ipToInt(ip);
  return n >= b.base && n < b.base + size(b.prefix);
}

export function blocksOverlap(a: Block, b: Block): boolean {
  return a.base < b.base + size(b.prefix) && b.base < a.base + size(a.prefix);
}

export function broadcastOf(b: Block): Ipv4 {
  return intToIp(b.base + size(b.prefix) - 1);
}

export function blockSize(b: Block): number {
  return size(b.prefix);
}

export function netmaskOf(prefix: number): Ipv4 {
  return intToIp(prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);
}

/** `255.255.0.0` -> 16; null when the mask is not contiguous. */
export function prefixOfNetmask(mask: string): number | null {
  if (!isIpv4(mask)) return null;
  try {
    return ipaddr.IPv4.parse(mask).prefixLengthFromSubnetMask();
  } catch {
    return null;
  }
}

/** Docker (v24–v27) derives the MAC from the IPv4 address: 02:42 followed by its four octets. */
export function macFromIp(ip: Ipv4): string {
  return ['02', '42', ...ip.split('.').map((o) => Number(o).toString(16).padStart(2, '0'))].join(
    ':',
  );
}
