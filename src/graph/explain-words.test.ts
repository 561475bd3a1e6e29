import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGolden } from '../sim/golden';
import { lessonScript } from '../lessons/checker';
import { LESSONS } from '../lessons';
import { englishLeft, namesOf, runScript, sentencesOf } from './explain-words.testing';

const USER_NETWORK = [
  'docker network create mynet',
  'docker run -d --name alpha --network mynet busybox sleep 1d',
  'docker run -d --name beta --network mynet busybox sleep 1d',
];
const MACVLAN = [
  'docker network create -d macvlan --subnet 10.0.2.0/24 --gateway 10.0.2.2 --ip-range 10.0.2.128/25 -o parent=eth0 -o macvlan_mode=bridge mv',
  'docker run -d --name m1 --network mv busybox sleep 3600',
  'docker run -d --name m2 --network mv busybox sleep 3600',
];

/** The last line's trace, worded in both languages, with the world's names. */
function worded(lines: readonly string[]) {
  const { world, traces } = runScript(lines);
  const last = traces.at(-1)!;
  expect(last.line).toBe(lines.at(-1));
  return {
    en: sentencesOf(world, last.trace, 'en'),
    zh: sentencesOf(world, last.trace, 'zh'),
    names: namesOf(world),
  };
}

const arpLine = (s: readonly { event: { kind: string }; text: string }[]) =>
  s.find((x) => x.event.kind === 'arp')!.text;

/** No English word is left in any Chinese sentence but names, devices, addresses and terms. */
function expectChinese(zh: ReturnType<typeof worded>['zh'], names: ReadonlySet<string>) {
  for (const { event, text } of zh) expect(englishLeft(text, event, names), text).toEqual([]);
}

describe('the trace in Chinese names who answered, who received and why, in Chinese', () => {
  it('a ping by name on a user network', () => {
    const { en, zh, names } = worded([...USER_NETWORK, 'docker exec alpha ping -c 1 beta']);
    expect(arpLine(en)).toBe(
      'ARP on eth0: who has 172.18.0.3? container beta answers: ' +
        `${/answers: (\S+)\.$/.exec(arpLine(en))![1]}.`,
    );
    expect(arpLine(zh)).toMatch(/^在 eth0 上发 ARP：谁是 172\.18\.0\.3？容器 beta 回答：/);
    expect(zh.find((s) => s.event.kind === 'delivered')!.text).toBe(
      '送达 beta（172.18.0.3）：内核直接回复 ICMP echo reply。',
    );
    expect(en.find((s) => s.event.kind === 'delivered')!.text).toBe(
      'Delivered to beta (172.18.0.3): kernel (ICMP echo reply).',
    );
    expect(en.at(-1)!.text).toBe('The answer is back in alpha (172.18.0.2): ping.');
    expectChinese(zh, names);
  });

  it('a ping to the gateway: the bridge answers for the host', () => {
    const { en, zh, names } = worded([...USER_NETWORK, 'docker exec alpha ping -c 1 172.18.0.1']);
    expect(arpLine(en)).toMatch(/\? br-[0-9a-f]{12} \(the host\) answers: /);
    expect(arpLine(zh)).toMatch(/？br-[0-9a-f]{12}（宿主机） ?回答：/);
    expectChinese(zh, names);
  });

  it('a ping to a LAN host', () => {
    const { en, zh, names } = worded([
      'docker run -d --name web busybox sleep 1d',
      'docker exec web ping -c 1 10.0.2.20',
    ]);
    const arps = (s: typeof en) => s.filter((x) => x.event.kind === 'arp').map((x) => x.text);
    expect(arps(en)).toContain(
      'ARP on eth0: who has 10.0.2.20? LAN host 10.0.2.20 answers: ' +
        `${/answers: (\S+)\.$/.exec(arps(en).find((a) => a.includes('LAN host'))!)![1]}.`,
    );
    expect(arps(zh).some((a) => a.includes('局域网主机 10.0.2.20 回答'))).toBe(true);
    expectChinese(zh, names);
  });

  it('the two-host VXLAN ping of the two-hosts lesson names b1 on host2', () => {
    const lesson = LESSONS.find((l) => l.id === 'two-hosts')!;
    const { traces } = runScript(lessonScript(lesson));
    const vxlan = traces
      .filter(
        (t) =>
          t.line === 'docker exec a1 ping -c 1 172.31.0.2' &&
          t.trace.verdict === 'delivered' &&
          t.trace.events.some((e) => e.kind === 'vxlan-encap'),
      )
      .at(-1)!;
    const zh = sentencesOf(vxlan.world, vxlan.trace, 'zh');
    const en = sentencesOf(vxlan.world, vxlan.trace, 'en');
    const encap = zh.find((s) => s.event.kind === 'vxlan-encap')!.text;
    expect(encap).toMatch(
      /（VTEP 取自(这个 MAC 的 bridge fdb 表项|设备的 remote 参数|全零 FDB 表项，即泛洪)）/,
    );
    // On host2 the container is named as host2 knows it, not by its sandbox id.
    const far = en.filter((s) => 'host' in s.event && s.event.host === 'host2');
    expect(far.length).toBeGreaterThan(0);
    expect(far.some((s) => s.text.includes('Delivered to b1 (172.31.0.2)'))).toBe(true);
    expect(zh.some((s) => s.text.startsWith('送达 b1（172.31.0.2）'))).toBe(true);
    expectChinese(zh, namesOf(vxlan.world));
  });

  it('a macvlan ping, and the parent that cannot reach its child', () => {
    const ping = worded([...MACVLAN, 'docker exec m1 ping -c 1 10.0.2.129']);
    expect(arpLine(ping.en)).toMatch(/\? eth0 of container m2 \(macvlan on docker-host\) answers/);
    expect(arpLine(ping.zh)).toMatch(/？docker-host 上 容器 m2 的 eth0（macvlan 接口） ?回答：/);
    expectChinese(ping.zh, ping.names);

    const parent = worded([...MACVLAN, 'ping -c 1 -W 1 10.0.2.128']);
    const drop = parent.en.at(-1)!;
    expect(drop.event.kind === 'dropped' && drop.event.explanation).toBeTruthy();
    // The English sentence is the engine's own, word for word.
    expect(drop.text).toBe(
      `Dropped at eth0 of the host: ${drop.event.kind === 'dropped' ? drop.event.explanation : ''}.`,
    );
    expect(parent.zh.at(-1)!.text).toContain('是本机 eth0 的子接口');
    expectChinese(parent.zh, parent.names);
  });
});

describe('every trace a lesson shows reads in Chinese', () => {
  for (const lesson of LESSONS)
    it(lesson.id, () => {
      for (const { line, trace, world } of runScript(lessonScript(lesson)).traces) {
        const names = namesOf(world);
        for (const { event, text } of sentencesOf(world, trace, 'zh'))
          expect(englishLeft(text, event, names), `${line}: ${text}`).toEqual([]);
      }
    });
});

describe('every trace of the seeds’ tutorials and the multi-host transcripts reads in Chinese', () => {
  const dir = new URL('../sim/__golden__/', import.meta.url);
  const files = readdirSync(dir).filter((f) =>
    /seed|macvlan|vxlan|overlay|lan-client|two-hosts|nat/.test(f),
  );
  for (const file of files)
    it(file, () => {
      const lines = parseGolden(readFileSync(new URL(file, dir), 'utf8')).map((b) => b.command);
      for (const { line, trace, world } of runScript(lines).traces) {
        const names = namesOf(world);
        for (const { event, text } of sentencesOf(world, trace, 'zh'))
          expect(englishLeft(text, event, names), `${line}: ${text}`).toEqual([]);
      }
    });
});
