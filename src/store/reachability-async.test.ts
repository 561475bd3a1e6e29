import { describe, expect, it } from 'vitest';
import { createWorld, runLine } from '../sim';
import { reachabilityOf } from './probes';
import { reachabilityLater } from './reachability-async';

describe('reachabilityLater', () => {
  it('answers what the synchronous probe answers, once per world, without a worker', async () => {
    let world = createWorld();
    for (const line of ['docker run -dit --name web busybox', 'docker run -dit --name db busybox'])
      world = runLine(world, line).world;
    const later = reachabilityLater(world);
    expect(reachabilityLater(world)).toBe(later);
    const result = await later;
    expect(result?.containers).toEqual(['web', 'db']);
    expect(result).toBe(reachabilityOf(world));
  });
});
