/**
 * Test fixtures for the Linux tools: build a world from a command log, add user networks and
 * connections straight through the daemon, and run a program inside a container as
 * `docker exec` would. Used only by the *.test.ts files beside it.
 */
import { castDraft } from 'immer';
import { createWorld, replay } from '../index';
import type { World } from '../model';
import { joinEndpoint } from '../docker/endpoint';
import { createNetwork } from '../docker/networks';
import { runLine } from '../shell/run-line';
import type { Output } from '../shell/process';
import { spawn } from '../shell/spawn';
import { ctxFor, hostOf, updateHost } from '../world';

export const lab = (lines: readonly string[]): World => replay(lines).world;

export function containerId(world: World, name: string): string {
  const c = [...hostOf(world).docker.containers.values()].find((x) => x.name === name);
  if (!c) throw new Error(`no container ${name}`);
  return c.id;
}

/** Runs argv inside a running container, as `docker exec NAME argv…` does. */
export function execIn(world: World, name: string, argv: readonly string[], stdin = ''): Output {
  const place = { host: world.terminal.host, containerId: containerId(world, name) };
  const r = spawn(world, place, argv, { stdin, tty: false, via: 'exec' }, ctxFor(world));
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}

/** Runs a script from a fresh lab and returns the last line's full result, trace included. */
export function traced(lines: readonly string[]): ReturnType<typeof runLine> {
  let world = createWorld();
  let r = runLine(world, lines[0] ?? '');
  for (const l of lines) {
    r = runLine(world, l);
    world = r.world;
  }
  return r;
}

/** A Debian container `name` (run with `flags`) with `pkg` installed through apt, as a learner would. */
export const debianWith = (name: string, pkg: string, flags = ''): string[] => [
  `docker run -dit --name ${name} ${flags}debian`,
  `docker exec ${name} apt-get update`,
  `docker exec ${name} apt-get install -y ${pkg}`,
];

/** Runs a line on the host's shell and returns the world after it. */
export function onHost(world: World, line: string): { world: World; output: Output } {
  return runLine(world, line);
}

/**
 * `docker network create [--subnet S] NAME`: through the CLI once it is simulated, else straight
 * through the daemon, so these tests do not wait on the CLI work.
 */
export function addNetwork(world: World, name: string, subnet?: string): World {
  const viaCli = runLine(
    world,
    `docker network create ${subnet ? `--subnet ${subnet} ` : ''}${name}`,
  );
  if (viaCli.output.exitCode === 0) return viaCli.world;
  const r = updateHost(world, world.terminal.host, (h) => {
    const n = createNetwork(
      h,
      {
        name,
        driver: 'bridge',
        ipam: subnet ? [{ subnet }] : [],
        internal: false,
        attachable: false,
        options: {},
        labels: {},
      },
      ctxFor(world),
    );
    return n.ok ? { ok: true, value: undefined } : n;
  });
  if (!r.ok) throw new Error(r.error);
  return r.world;
}

/** `docker network connect NET CTR` for a running container (CLI first, as above). */
export function connect(world: World, net: string, ctr: string): World {
  const viaCli = runLine(world, `docker network connect ${net} ${ctr}`);
  if (viaCli.output.exitCode === 0) return viaCli.world;
  const id = containerId(world, ctr);
  const r = updateHost(world, world.terminal.host, (h) => {
    const n = [...h.docker.networks.values()].find((x) => x.name === net);
    const c = h.docker.containers.get(id);
    if (!n || !c) return { ok: false, error: 'missing' };
    c.endpoints.push(castDraft({ networkId: n.id, networkName: n.name, aliases: [], links: [] }));
    const j = joinEndpoint(h, c, c.endpoints.length - 1, ctxFor(world));
    return j.ok ? { ok: true, value: undefined } : j;
  });
  if (!r.ok) throw new Error(r.error);
  return r.world;
}
