/**
 * The labs both sides draw, built through the engine's real path (`createWorld` + `runLine`,
 * exactly what typing the commands does) before any timer starts.
 */
import { createWorld, runLine } from '../../src/sim';
import type { Trace, World } from '../../src/sim';
import { SCENARIO } from './protocol';

export interface Fixture {
  /** 20 networks, 500 containers. */
  readonly big: World;
  /** The same first 200 containers: the animation figure's lab. */
  readonly anim: World;
  /** A ping between two containers of `anim`, the packet the animation figure moves. */
  readonly trace: Trace;
  /** The commands the add-one figure runs on `big`, one after the other. */
  readonly addLines: readonly string[];
}

// `-dit`, not `-d`: busybox's default command is `sh`, which exits at once without a terminal
// (as on real Docker), and an exited container has no interface to draw.
function run(world: World, line: string): World {
  const r = runLine(world, line);
  if (r.output.exitCode !== 0) throw new Error(`bench setup: ${line}: ${r.output.stderr}`);
  return r.world;
}

export function buildFixture(): Fixture {
  let world = createWorld(1);
  for (let k = 0; k < SCENARIO.networks; k++) world = run(world, `docker network create net${k}`);
  let anim: World | undefined;
  for (let i = 0; i < SCENARIO.bigLab; i++) {
    if (i === SCENARIO.animLab) anim = world;
    world = run(
      world,
      `docker run -dit --name c${i} --network net${i % SCENARIO.networks} busybox`,
    );
  }
  if (!anim) throw new Error('bench setup: the animation lab was never reached');
  // c0 and c20 share net0, so the packet crosses both veths and the bridge, out and back.
  const ping = runLine(anim, 'docker exec c0 ping -c 1 c20');
  if (!ping.trace) throw new Error('bench setup: ping gave no trace');
  return {
    big: world,
    anim,
    trace: ping.trace,
    addLines: Array.from(
      { length: SCENARIO.adds },
      (_, k) => `docker run -dit --name extra${k} --network net${3 + 4 * k} busybox`,
    ),
  };
}
