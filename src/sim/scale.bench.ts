/**
 * `npm run bench`: a command's cost follows what it changes, not the size of the lab. Each group
 * runs one command in a 10- and a 1,000-container world; Vitest's summary prints the ratio
 * ("… faster than …"), which should stay within 2×.
 */
import { bench, describe } from 'vitest';
import { createWorld, runLine, type World } from './index';
import { sendInWorld } from './packet/walk';
import { hostOf } from './world';

function worldWith(containers: number): World {
  let w = createWorld();
  w = runLine(w, 'docker network create big').world;
  for (let i = 0; i < containers; i++)
    w = runLine(w, `docker run -dit --name c${i} ${i % 2 ? '--network big ' : ''}busybox`).world;
  return w;
}

const sizes = [10, 1000] as const;
const worlds = new Map(sizes.map((n) => [n, worldWith(n)]));
const options = { time: 300, warmupTime: 100 };

/** `prepare` does the lookups a bench should not time and returns the timed step. */
function perSize(title: string, prepare: (w: World) => () => void) {
  describe(`${title}: 1,000 vs 10 containers`, () => {
    for (const n of sizes) bench(`${title}, ${n} containers`, prepare(worlds.get(n)!), options);
  });
}

const line = (command: string) => (w: World) => () => void runLine(w, command);
perSize('docker run', line('docker run -dit --name newcomer busybox'));
perSize('docker network connect', line('docker network connect big c0'));
perSize('docker rm -f', line('docker rm -f c2'));
perSize('ping trace', (w) => {
  const from = [...hostOf(w).docker.containers.values()].find((c) => c.name === 'c0')!;
  return () =>
    void sendInWorld(w, w.terminal.host, from.netns!, { proto: 'icmp', dst: '172.17.0.3' });
});
