/**
 * `npm run bench`: the engine's speed targets: `docker run` into a 1,000-container world
 * (≤ 0.5 ms median), replaying a 200-command log (≤ 150 ms median), and a ping's trace across a
 * 1,000-container world (≤ 0.5 ms median).
 */
import { bench, describe } from 'vitest';
import { createWorld, replay, runLine, type World } from './index';
import { sendInWorld } from './packet/walk';
import { hostOf } from './world';

function worldWith(containers: number): World {
  let w = createWorld();
  w = runLine(w, 'docker network create big').world;
  for (let i = 0; i < containers; i++)
    w = runLine(w, `docker run -dit --name c${i} ${i % 2 ? '--network big ' : ''}busybox`).world;
  return w;
}

const big = worldWith(1000);

const log200: string[] = [];
for (let i = 0; log200.length < 200; i++) {
  log200.push(
    `docker run -dit --name t${i} busybox`,
    `docker network create n${i}`,
    `docker network connect n${i} t${i}`,
    `docker exec t${i} ip addr`,
    `docker stop t${i}`,
  );
}

describe('engine', () => {
  bench('docker run into a 1,000-container world', () => {
    runLine(big, 'docker run -dit --name newcomer busybox');
  });

  const from = [...hostOf(big).docker.containers.values()].find((c) => c.name === 'c0')!;
  bench('ping trace between two containers in a 1,000-container world', () => {
    sendInWorld(big, big.terminal.host, from.netns!, { proto: 'icmp', dst: '172.17.0.3' });
  });

  bench('replay a 200-command log', () => {
    replay(log200.slice(0, 200));
  });
});
