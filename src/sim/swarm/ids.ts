/**
 * swarmkit's identifiers: identity.NewID() is a random 128-bit number in base 36, zero-padded to
 * 25 characters; a join token (ca.GenerateJoinToken) is `SWMTKN-1-<root CA digest, base 36, 50
 * characters>-<secret, 25 characters>`, and ParseJoinToken checks exactly that shape.
 */
import type { Rng } from '../rng';
import type { SwarmCluster, SwarmRole } from '../model';

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

function base36(rng: Rng, n: number, first: string = BASE36): string {
  let s = rng.pick([...first]);
  while (s.length < n) s += rng.pick([...BASE36]);
  return s;
}

/** 2^128 in base 36 starts with `f`: a 25-character id never starts past it. */
export const newSwarmId = (rng: Rng): string => base36(rng, 25, '0123456789abcdef');

export const newRootDigest = (rng: Rng): string => base36(rng, 50, '0123456789abcdef');

export function joinToken(c: SwarmCluster, role: SwarmRole): string {
  return `SWMTKN-1-${c.rootDigest}-${role === 'manager' ? c.managerSecret : c.workerSecret}`;
}

/** ca.ParseJoinToken's shape check (v1 tokens: four dash-separated parts of fixed lengths). */
export function isWellFormedToken(token: string): boolean {
  const parts = token.split('-');
  return (
    parts.length === 4 &&
    parts[0] === 'SWMTKN' &&
    parts[1] === '1' &&
    parts[2].length === 50 &&
    parts[3].length === 25
  );
}
