/**
 * Lesson 11 (issue 12, seed 001's nodes): containers on two hosts. Each host's docker0 gets a
 * subnet of its own, as flannel plans them, then the hosts route each other's subnet (flannel's
 * host-gw) and admit the forwarded traffic that Docker's FORWARD policy drops. Then the same
 * subnets through a VXLAN tunnel built by hand, as flannel's vxlan backend does; last, Docker's
 * own swarm overlay, which builds such a tunnel per network and resolves names across the hosts.
 */
import type { Check, Lesson } from './lesson';
import { pingFrom, reaches } from './probes';

const k = (key: string) => `two-hosts.${key}`;

const DAEMON_JSON = `ssh host2
cat > /etc/docker/daemon.json <<EOF
{ "bip": "172.31.0.1/16" }
EOF
systemctl restart docker`;

const docker0Of = (host: string) => `ssh ${host} ip -4 -br addr show docker0`;
const addressOf = (name: string) => `docker inspect -f '{{.NetworkSettings.IPAddress}}' ${name}`;
const ADMIT = 'iptables -I DOCKER-USER -i eth0 -o docker0 -j ACCEPT';
const ADMIT_VXLAN = 'iptables -I DOCKER-USER -i vxlan0 -o docker0 -j ACCEPT';

/** A VTEP on a host's eth0 (VNI 42, the IANA port), its tunnel address, flooding to the peer. */
const vtep = (local: string, address: string, peer: string) => [
  `ip link add vxlan0 type vxlan id 42 dstport 4789 dev eth0 local ${local}`,
  `ip addr add ${address}/24 dev vxlan0`,
  'ip link set vxlan0 up',
  `bridge fdb append 00:00:00:00:00:00 dev vxlan0 dst ${peer}`,
];
const onHost2 = (lines: readonly string[]) => lines.map((line) => `ssh host2 ${line}`);

/** A container on host2 gets an echo reply, asked from the first host through ssh. */
const reachesOnHost2 = (descriptionKey: string, from: string, to: string): Check => ({
  ...reaches(descriptionKey, from, to),
  probe: `ssh host2 ${pingFrom(from, to)}`,
});

export const twoHosts: Lesson = {
  id: 'two-hosts',
  titleKey: k('title'),
  goalKey: k('goal'),
  summaryKey: k('summary'),
  steps: [
    {
      textKey: k('s1.text'),
      command: 'lab add-host host2',
      lookKey: k('s1.look'),
      checks: [
        {
          descriptionKey: k('s1.c1'),
          probe: docker0Of('host2'),
          expect: { stdoutIncludes: '172.17.0.1/16' },
        },
      ],
    },
    {
      textKey: k('s2.text'),
      command: DAEMON_JSON,
      checks: [
        {
          descriptionKey: k('s2.c1'),
          probe: docker0Of('host2'),
          expect: { stdoutIncludes: '172.31.0.1/16' },
        },
      ],
    },
    {
      textKey: k('s3.text'),
      command: 'docker run -dit --name b1 busybox\nexit\ndocker run -dit --name a1 busybox',
      lookKey: k('s3.look'),
      checks: [
        {
          descriptionKey: k('s3.c1'),
          probe: `ssh host2 ${addressOf('b1')}`,
          expect: { stdoutMatches: '^172\\.31\\.0\\.2$' },
        },
        {
          descriptionKey: k('s3.c2'),
          probe: addressOf('a1'),
          expect: { stdoutMatches: '^172\\.17\\.0\\.2$' },
        },
      ],
    },
    {
      textKey: k('s4.text'),
      command: 'ip route add 172.31.0.0/16 via 10.0.2.16',
      checks: [
        {
          descriptionKey: k('s4.c1'),
          probe: 'ip route',
          expect: { stdoutIncludes: '172.31.0.0/16 via 10.0.2.16 dev eth0' },
        },
      ],
      question: {
        promptKey: k('q1.prompt'),
        choices: [
          { key: k('q1.yes'), correct: false },
          { key: k('q1.gateway'), correct: false },
          { key: k('q1.forward'), correct: true },
        ],
        reveal: pingFrom('a1', '172.31.0.2'),
        explanationKey: k('q1.explain'),
      },
    },
    {
      textKey: k('s5.text'),
      command: `ssh host2 iptables -nvL FORWARD\nssh host2 ${ADMIT}\ndocker exec a1 ping -c 1 172.31.0.2`,
      lookKey: k('s5.look'),
      checks: [reaches(k('s5.c1'), 'a1', '172.31.0.2')],
    },
    {
      textKey: k('s6.text'),
      command: `ssh host2 ip route add 172.17.0.0/16 via 10.0.2.15\n${ADMIT}\nssh host2 docker exec b1 ping -c 1 172.17.0.2`,
      checks: [reachesOnHost2(k('s6.c1'), 'b1', '172.17.0.2')],
    },
    {
      textKey: k('s7.text'),
      command: vtep('10.0.2.15', '10.42.0.1', '10.0.2.16').join('\n'),
      lookKey: k('s7.look'),
      checks: [
        {
          descriptionKey: k('s7.c1'),
          probe: 'ip -d link show vxlan0',
          expect: { stdoutMatches: 'mtu 1450 [^]*vxlan id 42 local 10\\.0\\.2\\.15 dev eth0 ' },
        },
        {
          descriptionKey: k('s7.c2'),
          probe: 'bridge fdb show dev vxlan0',
          expect: { stdoutIncludes: '00:00:00:00:00:00 dst 10.0.2.16 self permanent' },
        },
      ],
    },
    {
      textKey: k('s8.text'),
      command: [
        ...onHost2(vtep('10.0.2.16', '10.42.0.2', '10.0.2.15')),
        'ping -c 1 10.42.0.2',
      ].join('\n'),
      lookKey: k('s8.look'),
      checks: [
        {
          descriptionKey: k('s8.c1'),
          probe: 'ping -c 1 -W 1 10.42.0.2',
          expect: { exitCode: 0 },
        },
      ],
    },
    {
      textKey: k('s9.text'),
      command:
        'ip route replace 172.31.0.0/16 via 10.42.0.2 dev vxlan0\nssh host2 ip route replace 172.17.0.0/16 via 10.42.0.1 dev vxlan0',
      checks: [
        {
          descriptionKey: k('s9.c1'),
          probe: 'ip route',
          expect: { stdoutIncludes: '172.31.0.0/16 via 10.42.0.2 dev vxlan0' },
        },
        {
          descriptionKey: k('s9.c2'),
          probe: 'ssh host2 ip route',
          expect: { stdoutIncludes: '172.17.0.0/16 via 10.42.0.1 dev vxlan0' },
        },
      ],
      question: {
        promptKey: k('q2.prompt'),
        choices: [
          { key: k('q2.yes'), correct: false },
          { key: k('q2.mtu'), correct: false },
          { key: k('q2.rule'), correct: true },
        ],
        reveal: pingFrom('a1', '172.31.0.2'),
        explanationKey: k('q2.explain'),
      },
    },
    {
      textKey: k('s10.text'),
      command: `ssh host2 ${ADMIT_VXLAN}\n${ADMIT_VXLAN}\ndocker exec a1 ping -c 1 172.31.0.2`,
      lookKey: k('s10.look'),
      checks: [
        reaches(k('s10.c1'), 'a1', '172.31.0.2'),
        reachesOnHost2(k('s10.c2'), 'b1', '172.17.0.2'),
      ],
    },
    {
      textKey: k('s11.text'),
      command: [
        'docker swarm init --advertise-addr 10.0.2.15',
        'TOKEN=$(docker swarm join-token -q worker)',
        'ssh host2 docker swarm join --token $TOKEN 10.0.2.15:2377',
        'docker node ls',
      ].join('\n'),
      lookKey: k('s11.look'),
      checks: [
        {
          descriptionKey: k('s11.c1'),
          probe: 'docker node ls',
          expect: { stdoutMatches: ' host2 +Ready +Active ' },
        },
        {
          descriptionKey: k('s11.c2'),
          probe: 'ssh host2 docker network ls',
          expect: {
            stdoutMatches: ' docker_gwbridge +bridge +local$[^]* ingress +overlay +swarm$',
          },
        },
      ],
    },
    {
      textKey: k('s12.text'),
      command: [
        'docker network create -d overlay --attachable ov',
        'docker run -dit --name c1 --network ov busybox',
        'ssh host2 docker run -dit --name c2 --network ov busybox',
        'docker exec c1 ip addr',
      ].join('\n'),
      lookKey: k('s12.look'),
      checks: [
        {
          descriptionKey: k('s12.c1'),
          probe: 'docker exec c1 ip addr',
          expect: { stdoutMatches: '^\\d+: eth0@if\\d+: .* mtu 1450 [^]*inet 10\\.0\\.1\\.2/24 ' },
        },
        {
          descriptionKey: k('s12.c2'),
          probe: 'ssh host2 docker network ls',
          expect: { stdoutMatches: ' ov +overlay +swarm$' },
        },
      ],
      question: {
        promptKey: k('q3.prompt'),
        choices: [
          { key: k('q3.yes'), correct: true },
          { key: k('q3.dns'), correct: false },
          { key: k('q3.rule'), correct: false },
        ],
        reveal: 'docker exec c1 ping -c 1 c2',
        explanationKey: k('q3.explain'),
      },
    },
    {
      textKey: k('s13.text'),
      command: 'docker exec c1 ip route\nssh host2 docker exec c2 ping -c 1 c1',
      lookKey: k('s13.look'),
      checks: [reaches(k('s13.c1'), 'c1', 'c2'), reachesOnHost2(k('s13.c2'), 'c2', 'c1')],
    },
  ],
};
