/**
 * Docker's default IPAM (moby v27 libnetwork/ipams/defaultipam): predefined pools handed out
 * first-fit (the lowest free pool, so a removed network's subnet is reused at once), and inside a
 * subnet the lowest free address, with the network and broadcast addresses reserved.
 */
import type { Cidr, Ipv4 } from '../model';
import { err, ok, type Result } from '../result';
import {
  blockContains,
  blockOf,
  blocksOverlap,
  blockSize,
  blockToCidr,
  cidrBlock,
  intToIp,
  ipToInt,
  type Block,
} from './ipv4';

/** moby libnetwork/ipamutils: 172.17–172.31 as /16s, then 192.168.0.0/16 as /20s. */
export const PREDEFINED_POOLS: readonly Cidr[] = [
  ...Array.from({ length: 15 }, (_, i) => `172.${17 + i}.0.0/16`),
  ...Array.from({ length: 16 }, (_, i) => `192.168.${i * 16}.0/20`),
];

/** The lowest predefined pool that overlaps nothing in use (other networks, host routes). */
export function allocatePool(inUse: readonly Cidr[]): Result<Cidr> {
  const used = inUse.map(cidrBlock);
  const free = PREDEFINED_POOLS.find((p) => !used.some((u) => blocksOverlap(u, cidrBlock(p))));
  return free ? ok(free) : err('all predefined address pools have been fully subnetted');
}

export function poolOverlaps(subnet: Cidr, inUse: readonly Cidr[]): boolean {
  const b = cidrBlock(subnet);
  return inUse.some((u) => blocksOverlap(b, cidrBlock(u)));
}

/**
 * The lowest free address of `range` (or the whole subnet) that is not the subnet's network or
 * broadcast address and not already taken.
 */
export function allocateAddress(
  subnet: Cidr,
  taken: ReadonlySet<Ipv4>,
  range?: Cidr,
): Result<Ipv4> {
  const net = cidrBlock(subnet);
  const pool: Block = range ? cidrBlock(range) : net;
  const first = Math.max(pool.base, net.base + 1);
  const last = Math.min(pool.base + blockSize(pool) - 1, net.base + blockSize(net) - 2);
  const used = new Set([...taken].map(ipToInt));
  for (let n = first; n <= last; n++) if (!used.has(n)) return ok(intToIp(n));
  return err("no available IPv4 addresses on this network's address pools");
}

export function subnetContains(subnet: Cidr, ip: Ipv4): boolean {
  return blockContains(cidrBlock(subnet), ip);
}

/** `10.1.2.3/16` -> `10.1.0.0/16`. */
export function canonicalSubnet(ip: Ipv4, prefix: number): Cidr {
  return blockToCidr(blockOf(ip, prefix));
}

export function isNetworkOrBroadcast(subnet: Cidr, ip: Ipv4): boolean {
  const b = cidrBlock(subnet);
  const n = ipToInt(ip);
  return n === b.base || n === b.base + blockSize(b) - 1;
}
