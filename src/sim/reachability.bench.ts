/**
 * `npm run bench`: the reachability matrix of 20 containers (380 pairs, by IP and by name) should
 * stay well under 200 ms, since the UI recomputes it whenever the world changes.
 */
import { bench, describe } from 'vitest';
import { createWorld, runLine, type World } from './index';
import { reachability } from './reachability';

function worldWith(containers: number): World {
  let w = createWorld();
  w = runLine(w, 'docker network create mynet').world;
  for (let i = 0; i < containers; i++)
    w = runLine(w, `docker run -dit --name c${i} ${i % 2 ? '--network mynet ' : ''}busybox`).world;
  return w;
}

const twenty = worldWith(20);

describe('reachability', () => {
  bench('20 containers × 20, by IP and by name', () => {
    reachability(twenty);
  });
});
