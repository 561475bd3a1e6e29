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

const PREDEFINED_BLOCKS = PREDEFINED_POOLS.map((p) => ({ cidr: p, block: cidrBlock(p) }));

/**
 * The lowest predefined pool that overlaps nothing in use (other networks, host routes). With
 * daemon.json's `default-address-pools`, those replace the predefined ones: each base is cut into
 * subnets of its `size`, tried in order.
 */
export function allocatePool(
  inUse: readonly Cidr[],
  pools?: readonly { readonly base: Cidr; readonly size: number }[],
): Result<Cidr> {
  const used = inUse.map(cidrBlock);
  if (pools?.length) {
    for (const { base, size } of pools) {
      const b = cidrBlock(base);
      const step = 2 ** (32 - size);
      for (let n = b.base; n < b.base + blockSize(b); n += step) {
        const candidate = blockOf(intToIp(n), size);
        if (!used.some((u) => blocksOverlap(u, candidate))) return ok(blockToCidr(candidate));
      }
    }
    return err('all predefined address pools have been fully subnetted');
  }
  const free = PREDEFINED_BLOCKS.find(
    ({ block }) => !used.some((u) => blocksOverlap(u, block)),
  )?.cidr;
  return free ? ok(free) : err('all predefined address pools have been fully subnetted');
}

export function poolOverlaps(subnet: Cidr, inUse: readonly Cidr[]): boolean {
  const b = cidrBlock(subnet);
  return inUse.some((u) => blocksOverlap(b, cidrBlock(u)));
}

/** Index of the first element >= n in an ascending array. */
function lowerBound(sorted: readonly number[], n: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * IPAM's record of a network: allocated addresses as ascending 32-bit integers (libnetwork's
 * bitmap). The new record is frozen, so Immer passes over it whole instead of visiting each entry
 * when the command ends; it is copied by spreading, which V8 does fast for a frozen array (slice
 * and toSpliced take a slow path there).
 */
export function withAllocation(
  sorted: readonly number[],
  ip: Ipv4,
  allocate: boolean,
): readonly number[] {
  const n = ipToInt(ip);
  const i = lowerBound(sorted, n);
  const taken = sorted[i] === n;
  const next = [...sorted];
  if (allocate && !taken) next.splice(i, 0, n);
  if (!allocate && taken) next.splice(i, 1);
  return Object.freeze(next);
}

/**
 * The first address at or after `n` that `sorted` (ascending, distinct) does not hold: a binary
 * search along the run of taken addresses that starts at `n`, so a full /16 costs no more than an
 * empty one.
 */
function endOfRun(sorted: readonly number[], n: number): number {
  const start = lowerBound(sorted, n);
  let lo = start;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === n + (mid - start)) lo = mid + 1;
    else hi = mid;
  }
  return n + (lo - start);
}

export function isAllocated(sorted: readonly number[], ip: Ipv4): boolean {
  const n = ipToInt(ip);
  return sorted[lowerBound(sorted, n)] === n;
}

/**
 * The lowest free address of `range` (or the whole subnet) that is not the subnet's network or
 * broadcast address, not `reserved` (the gateway) and not in the ascending `allocated` record.
 */
export function allocateAddress(
  subnet: Cidr,
  reserved: ReadonlySet<Ipv4>,
  range?: Cidr,
  allocated: readonly number[] = [],
): Result<Ipv4> {
  const net = cidrBlock(subnet);
  const pool: Block = range ? cidrBlock(range) : net;
  const first = Math.max(pool.base, net.base + 1);
  const last = Math.min(pool.base + blockSize(pool) - 1, net.base + blockSize(net) - 2);
  const skip = new Set([...reserved].map(ipToInt));
  let n = first;
  while (n <= last) {
    n = endOfRun(allocated, n);
    if (!skip.has(n)) break;
    n++;
  }
  if (n <= last) return ok(intToIp(n));
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
