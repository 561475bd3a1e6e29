/**
 * Lesson 10 (issue 12, seed 001's underlay drivers): containers as peers on the host's LAN. A
 * macvlan child of eth0 per container, reached by the LAN but not by its own host until mac0; then
 * ipvlan, whose children share eth0's MAC (l2) or are routed by the host's kernel (l3).
 */
import type { Lesson } from './lesson';
import { pingFrom, reaches } from './probes';

const k = (key: string) => `macvlan-ipvlan.${key}`;

/** One ping that waits at most a second, from a shell on the first host or through `ssh`. */
const ping = (to: string) => `ping -c 1 -W 1 ${to}`;
const fromLan = (to: string) => `ssh 10.0.2.20 ${ping(to)}`;
const fromHost2 = (to: string) => `ssh host2 ${ping(to)}`;

const MACVLAN =
  'docker network create -d macvlan --subnet 10.0.2.0/24 --gateway 10.0.2.2 --ip-range 10.0.2.128/25 -o parent=eth0 mv';
const IPVLAN_L2 =
  'docker network create -d ipvlan --subnet 10.0.2.0/24 --gateway 10.0.2.2 --ip-range 10.0.2.192/27 -o parent=eth0 -o ipvlan_mode=l2 iv';
const IPVLAN_L3 =
  'docker network create -d ipvlan --subnet 192.168.214.0/24 -o parent=eth0 -o ipvlan_mode=l3 l3net';

const networks = "docker network ls --format '{{.Name}} {{.Driver}}'";
const answers = (to: string) => ({ exitCode: 0, stdoutIncludes: `64 bytes from ${to}` });

export const macvlanIpvlan: Lesson = {
  id: 'macvlan-ipvlan',
  titleKey: k('title'),
  goalKey: k('goal'),
  summaryKey: k('summary'),
  steps: [
    {
      textKey: k('s1.text'),
      command: MACVLAN,
      checks: [
        { descriptionKey: k('s1.c1'), probe: networks, expect: { stdoutIncludes: 'mv macvlan' } },
      ],
    },
    {
      textKey: k('s2.text'),
      command:
        'docker run -dit --name m1 --network mv --ip 10.0.2.130 busybox\ndocker run -dit --name m2 --network mv --ip 10.0.2.131 busybox',
      lookKey: k('s2.look'),
      checks: [
        {
          descriptionKey: k('s2.c1'),
          probe: 'docker exec m1 ip addr show eth0',
          expect: { stdoutMatches: '^\\d+: eth0@if2: [^]*inet 10\\.0\\.2\\.130/24 ' },
        },
        {
          descriptionKey: k('s2.c2'),
          probe: 'docker exec m2 ip addr show eth0',
          expect: { stdoutIncludes: 'inet 10.0.2.131/24 ' },
        },
      ],
    },
    {
      textKey: k('s3.text'),
      command: `docker exec m1 ping -c 1 10.0.2.131\n${fromLan('10.0.2.130')}\ndocker exec m1 ip neigh`,
      checks: [
        reaches(k('s3.c1'), 'm1', '10.0.2.131'),
        { descriptionKey: k('s3.c2'), probe: fromLan('10.0.2.130'), expect: answers('10.0.2.130') },
        {
          descriptionKey: k('s3.c3'),
          probe: 'docker exec m1 ip neigh',
          expect: { stdoutIncludes: '10.0.2.20 dev eth0 lladdr 52:54:00:6b:2e:14' },
        },
      ],
    },
    {
      textKey: k('s4.text'),
      lookKey: k('s4.look'),
      checks: [
        {
          descriptionKey: k('s4.c1'),
          probe: ping('10.0.2.130'),
          expect: { stdoutIncludes: 'Destination Host Unreachable' },
        },
      ],
      question: {
        promptKey: k('q1.prompt'),
        choices: [
          { key: k('q1.yes'), correct: false },
          { key: k('q1.no'), correct: true },
          { key: k('q1.firewall'), correct: false },
        ],
        reveal: ping('10.0.2.130'),
        explanationKey: k('q1.explain'),
      },
    },
    {
      textKey: k('s5.text'),
      command: [
        'ip link add mac0 link eth0 type macvlan mode bridge',
        'ip addr add 10.0.2.50/32 dev mac0',
        'ip link set mac0 up',
        'ip route add 10.0.2.128/25 dev mac0',
        'ping -c 1 10.0.2.130',
      ].join('\n'),
      lookKey: k('s5.look'),
      checks: [
        { descriptionKey: k('s5.c1'), probe: ping('10.0.2.130'), expect: answers('10.0.2.130') },
      ],
    },
    {
      textKey: k('s6.text'),
      command: 'docker rm -f m1 m2\ndocker network rm mv\nip link del mac0',
      checks: [
        { descriptionKey: k('s6.c1'), probe: networks, expect: { stdoutExcludes: 'macvlan' } },
        { descriptionKey: k('s6.c2'), probe: 'ip link show mac0', expect: { exitCode: 1 } },
      ],
    },
    {
      textKey: k('s7.text'),
      command: `${IPVLAN_L2}\ndocker run -dit --name i1 --network iv busybox\ndocker run -dit --name i2 --network iv busybox`,
      lookKey: k('s7.look'),
      checks: [
        {
          descriptionKey: k('s7.c1'),
          probe: "docker inspect -f '{{.NetworkSettings.Networks.iv.IPAddress}}' i1 i2",
          expect: { stdoutIncludes: '10.0.2.192\n10.0.2.193' },
        },
      ],
    },
    {
      textKey: k('s8.text'),
      command: `${fromLan('10.0.2.192')}\n${pingFrom('i2', '10.0.2.192')}`,
      checks: [
        { descriptionKey: k('s8.c1'), probe: fromLan('10.0.2.192'), expect: answers('10.0.2.192') },
        reaches(k('s8.c2'), 'i2', '10.0.2.192'),
      ],
      question: {
        promptKey: k('q2.prompt'),
        choices: [
          { key: k('q2.own'), correct: false },
          { key: k('q2.parent'), correct: true },
          { key: k('q2.none'), correct: false },
        ],
        reveal: 'docker exec i2 ip neigh',
        explanationKey: k('q2.explain'),
      },
    },
    {
      textKey: k('s9.text'),
      command: `docker rm -f i1 i2\ndocker network rm iv\n${IPVLAN_L3}\ndocker run -dit --name r1 --network l3net busybox\ndocker exec r1 ip route`,
      checks: [
        {
          descriptionKey: k('s9.c1'),
          probe: 'docker exec r1 ip route',
          expect: { stdoutMatches: '^default dev eth0 ' },
        },
      ],
    },
    {
      textKey: k('s10.text'),
      command: 'lab add-host host2',
      lookKey: k('s10.look'),
      checks: [
        {
          descriptionKey: k('s10.c1'),
          probe: fromHost2('192.168.214.2'),
          expect: { stdoutIncludes: '100% packet loss' },
        },
      ],
      question: {
        promptKey: k('q3.prompt'),
        choices: [
          { key: k('q3.yes'), correct: false },
          { key: k('q3.no'), correct: true },
        ],
        reveal: fromHost2('192.168.214.2'),
        explanationKey: k('q3.explain'),
      },
    },
    {
      textKey: k('s11.text'),
      command: `ssh host2 ip route add 192.168.214.0/24 via 10.0.2.15\nssh host2 ping -c 1 192.168.214.2`,
      checks: [
        {
          descriptionKey: k('s11.c1'),
          probe: fromHost2('192.168.214.2'),
          expect: answers('192.168.214.2'),
        },
      ],
    },
  ],
};
