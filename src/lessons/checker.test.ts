import { describe, expect, it } from 'vitest';
import { createWorld, replay, runLine, type World } from '../sim';
import { atHostPrompt, checkStep, lessonScript, stepScript, type CheckResult } from './checker';
import { LESSONS, lessonById } from './index';
import type { Trace } from '../sim/packet/trace';
import type { Lesson, Step } from './lesson';

const worldAfter = (lines: readonly string[]): World => replay(lines).world;
const failing = (results: readonly CheckResult[]) =>
  results.filter((r) => !r.passed).map((r) => r.check.descriptionKey);
const lesson = (id: string): Lesson => {
  const found = lessonById(id);
  if (!found) throw new Error(`no lesson ${id}`);
  return found;
};
const step = (id: string, n: number): Step => {
  const found = lesson(id).steps[n - 1];
  if (!found) throw new Error(`no step ${n} in ${id}`);
  return found;
};

// Commands that change the world: without them, their step's checks must notice.
const WRITES =
  /^(docker (run|rm|swarm init|network (create|connect))|sysctl -w|ip (link|route (add|replace))|brctl|mkdir|PID=|ip netns exec|lab add-host|ssh host2(\n| iptables -I| ip (link|route) add))/;

describe('every lesson, followed by the book', () => {
  for (const l of LESSONS) {
    it(`${l.id}: each step's checks pass right after the step`, () => {
      let world = createWorld(1);
      l.steps.forEach((s, i) => {
        for (const line of stepScript(s)) world = runLine(world, line).world;
        expect(failing(checkStep(world, s)), `step ${i + 1}`).toEqual([]);
      });
    });

    it(`${l.id}: a step's checks fail when its command was skipped`, () => {
      const script: string[] = [];
      for (const s of l.steps) {
        if (s.command && WRITES.test(s.command)) {
          const results = checkStep(worldAfter(script), s);
          expect(failing(results).length, s.textKey).toBeGreaterThan(0);
        }
        script.push(...stepScript(s));
      }
    });
  }

  it('has eleven lessons with unique ids, each with a question and a check', () => {
    expect(LESSONS).toHaveLength(11);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(11);
    for (const l of LESSONS) {
      expect(
        l.steps.some((s) => s.question),
        l.id,
      ).toBe(true);
      expect(
        l.steps.some((s) => s.checks.length > 0),
        l.id,
      ).toBe(true);
      for (const q of l.steps.flatMap((s) => (s.question ? [s.question] : [])))
        expect(
          q.choices.filter((c) => c.correct),
          l.id,
        ).toHaveLength(1);
    }
  });

  it('looks lessons up only by their own ids', () => {
    expect(lessonById('link')?.id).toBe('link');
    expect(lessonById('toString')).toBeUndefined();
    expect(lessonById('')).toBeUndefined();
  });
});

describe('checkStep on a learner who did something else', () => {
  it('--link left out: the link and the ping by name fail, with the reason', () => {
    const world = worldAfter([
      'docker run -dit --name tomcat02 busybox',
      'docker run -dit --name tomcat03 busybox',
    ]);
    const results = checkStep(world, step('link', 2));
    expect(failing(results)).toEqual(['link.s2.c1', 'link.s2.c2']);
    expect(results[0]?.failure).toBe('stdoutIncludes');
    expect(results[0]?.detail).toBe('[]');
    expect(results[1]?.failure).toBe('exitCode');
    expect(results[1]?.detail).toContain("bad address 'tomcat02'");
  });

  it('a container on the default bridge instead of mynet cannot use the DNS', () => {
    const world = worldAfter([
      'docker network create mynet',
      'docker run -dit --name db1 --network mynet --network-alias db busybox',
      'docker run -dit --name app1 busybox',
    ]);
    expect(failing(checkStep(world, step('user-networks', 3)))).toEqual([
      'user-networks.s3.c1',
      'user-networks.s3.c2',
    ]);
  });

  it('box2 kept instead of removed: it still exists and its veth stays on docker0', () => {
    const l = lesson('docker0-veth');
    const world = worldAfter(lessonScript(l).filter((line) => line !== 'docker rm -f box2'));
    expect(failing(checkStep(world, step('docker0-veth', 5)))).toEqual([
      'docker0-veth.s5.c1',
      'docker0-veth.s5.c2',
    ]);
  });

  it('the wrong address by hand: lonely is up but unreachable at 172.17.0.100', () => {
    const script = lessonScript(lesson('by-hand')).map((line) =>
      line.replace('172.17.0.100/16', '172.17.0.200/16'),
    );
    const results = checkStep(worldAfter(script), step('by-hand', 10));
    expect(failing(results)).toEqual(['by-hand.s10.c1']);
    expect(results[0]?.detail).toContain('100% packet loss');
  });

  it('a learner left on host2 is still checked from the first host', () => {
    const onHost2 = worldAfter([
      'lab add-host host2',
      'docker run -dit --name a1 busybox',
      'ssh host2',
    ]);
    expect(onHost2.terminal.host).toBe('host2');
    const home = atHostPrompt(onHost2);
    expect(home.terminal.host).toBe(createWorld(1).terminal.host);
    expect(home.terminal.outer).toBeUndefined();
    expect(runLine(home, 'docker ps --format {{.Names}}').output.stdout).toBe('a1\n');
    expect(failing(checkStep(onHost2, step('two-hosts', 1)))).toEqual([]);
  });

  it('a ping over a host-gw route is dropped until host2 admits eth0 -> docker0', () => {
    const lines = lessonScript(lesson('two-hosts'));
    const before = lines.slice(0, lines.indexOf('ssh host2 iptables -nvL FORWARD'));
    const results = checkStep(worldAfter(before), step('two-hosts', 5));
    expect(failing(results)).toEqual(['two-hosts.s5.c1']);
    expect(results[0]?.detail).toContain('100% packet loss');
  });

  it('through the hand-made tunnel, the ping rides in UDP 4789, VNI 42, even beside the overlay', () => {
    // Docker's own vxlan device passes through the host namespace under another name: the
    // learner's vxlan0 and the routes through it outlive the swarm part of the lesson.
    const { world } = replay(lessonScript(lesson('two-hosts')));
    const { trace } = runLine(world, 'docker exec a1 ping -c 1 172.31.0.2');
    const events = (trace as Trace).events;
    expect(events.find((e) => e.kind === 'vxlan-encap')).toMatchObject({
      dev: 'vxlan0',
      vni: 42,
      inner: { dst: '172.31.0.2' },
      outer: { src: '10.0.2.15', dst: '10.0.2.16', dstPort: 4789 },
    });
    expect(events.find((e) => e.kind === 'vxlan-decap')).toMatchObject({ dev: 'vxlan0', vni: 42 });
  });

  it('the host reaches its macvlan child only through mac0, and only with a route', () => {
    const lines = lessonScript(lesson('macvlan-ipvlan'));
    const upToMac0 = lines.slice(0, lines.indexOf('docker rm -f m1 m2'));
    const noRoute = upToMac0.filter((line) => line !== 'ip route add 10.0.2.128/25 dev mac0');
    const results = checkStep(worldAfter(noRoute), step('macvlan-ipvlan', 5));
    expect(failing(results)).toEqual(['macvlan-ipvlan.s5.c1']);
    expect(failing(checkStep(worldAfter(upToMac0), step('macvlan-ipvlan', 5)))).toEqual([]);
  });

  it('checks leave the world untouched and look from the host prompt', () => {
    const inShell = worldAfter([
      'docker run -dit --name tomcat02 busybox',
      'docker exec -it tomcat02 sh',
    ]);
    const before = JSON.stringify(inShell.terminal);
    expect(failing(checkStep(inShell, step('link', 1)))).toEqual([]);
    expect(JSON.stringify(inShell.terminal)).toBe(before);
    expect(atHostPrompt(inShell).terminal.shells).toEqual([]);
    const atHost = worldAfter([]);
    expect(atHostPrompt(atHost)).toBe(atHost);
  });
});
