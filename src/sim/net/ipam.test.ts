import { describe, expect, it } from 'vitest';
import { allocateAddress, allocatePool, PREDEFINED_POOLS } from './ipam';
import { intToIp, ipToInt, macFromIp } from './ipv4';
import fc from 'fast-check';

describe('predefined pools (moby v27 first-fit)', () => {
  it('lists 172.17-31 as /16 then 192.168.0.0/16 as /20s', () => {
    expect(PREDEFINED_POOLS).toHaveLength(31);
    expect(PREDEFINED_POOLS[0]).toBe('172.17.0.0/16');
    expect(PREDEFINED_POOLS[14]).toBe('172.31.0.0/16');
    expect(PREDEFINED_POOLS[15]).toBe('192.168.0.0/20');
    expect(PREDEFINED_POOLS[16]).toBe('192.168.16.0/20');
  });

  it('gives the lowest pool that overlaps nothing in use', () => {
    expect(allocatePool(['172.17.0.0/16'])).toEqual({ ok: true, value: '172.18.0.0/16' });
    expect(allocatePool(['172.17.0.0/16', '172.19.0.0/16'])).toEqual({
      ok: true,
      value: '172.18.0.0/16',
    });
    expect(allocatePool(['172.16.0.0/12'])).toEqual({ ok: true, value: '192.168.0.0/20' });
  });

  it('skips a pool that a user subnet overlaps', () => {
    expect(allocatePool(['172.17.0.0/16', '172.18.5.0/24'])).toEqual({
      ok: true,
      value: '172.19.0.0/16',
    });
  });

  it('says so when every pool is taken', () => {
    expect(allocatePool(['172.16.0.0/12', '192.168.0.0/16'])).toEqual({
      ok: false,
      error: 'all predefined address pools have been fully subnetted',
    });
  });
});

describe('addresses inside a subnet', () => {
  it('hands out the lowest free address, never .0 or the broadcast', () => {
    expect(allocateAddress('172.17.0.0/16', new Set(['172.17.0.1']))).toEqual({
      ok: true,
      value: '172.17.0.2',
    });
    expect(allocateAddress('172.17.0.0/16', new Set(['172.17.0.1', '172.17.0.3']))).toEqual({
      ok: true,
      value: '172.17.0.2',
    });
    expect(allocateAddress('10.0.0.0/30', new Set(['10.0.0.1', '10.0.0.2'])).ok).toBe(false);
  });

  it('skips the run of taken addresses, the gateway and a full pool as a linear scan would', () => {
    const base = ipToInt('10.9.0.0');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { maxLength: 16 }),
        fc.integer({ min: 0, max: 15 }),
        (offsets, gateway) => {
          const taken = offsets.map((o) => base + o).sort((a, b) => a - b);
          const reserved = new Set([intToIp(base + gateway)]);
          let expected: string | undefined;
          for (let n = base + 1; n <= base + 14 && !expected; n++)
            if (!taken.includes(n) && !reserved.has(intToIp(n))) expected = intToIp(n);
          const r = allocateAddress('10.9.0.0/28', reserved, undefined, taken);
          expect(r.ok ? r.value : undefined).toBe(expected);
        },
      ),
    );
  });

  it('allocates from --ip-range when given', () => {
    expect(allocateAddress('172.28.0.0/16', new Set(['172.28.0.1']), '172.28.5.0/24')).toEqual({
      ok: true,
      value: '172.28.5.0',
    });
  });
});

describe('MAC addresses (Docker v24-v27)', () => {
  it('derives 02:42 + the IPv4 octets', () => {
    expect(macFromIp('172.17.0.2')).toBe('02:42:ac:11:00:02');
    expect(macFromIp('192.168.0.3')).toBe('02:42:c0:a8:00:03');
  });
});
