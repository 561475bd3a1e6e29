/** Lesson 7 (seeds 002, 004): wiring a `--network none` container into docker0 by hand. */
import type { Lesson } from './lesson';
import { reaches } from './probes';

const k = (key: string) => `by-hand.${key}`;
const inNetns = (command: string) => `ip netns exec $PID ${command}`;

export const byHand: Lesson = {
  id: 'by-hand',
  titleKey: k('title'),
  goalKey: k('goal'),
  summaryKey: k('summary'),
  steps: [
    {
      textKey: k('s1.text'),
      command: 'docker run -dit --name box busybox',
      checks: [
        {
          descriptionKey: k('s1.c1'),
          probe: "docker inspect -f '{{.State.Running}}' box",
          expect: { stdoutIncludes: 'true' },
        },
      ],
    },
    {
      textKey: k('s2.text'),
      command: 'docker run -dit --name lonely --network none busybox',
      lookKey: k('s2.look'),
      checks: [
        {
          descriptionKey: k('s2.c1'),
          probe: "docker inspect -f '{{.HostConfig.NetworkMode}}' lonely",
          expect: { stdoutIncludes: 'none' },
        },
      ],
    },
    {
      textKey: k('s3.text'),
      command: "PID=$(docker inspect -f '{{.State.Pid}}' lonely)",
      checks: [
        { descriptionKey: k('s3.c1'), probe: 'echo "$PID"', expect: { stdoutMatches: '^\\d+$' } },
      ],
    },
    {
      textKey: k('s4.text'),
      command: 'mkdir -p /var/run/netns && ln -s /proc/$PID/ns/net /var/run/netns/$PID',
      checks: [
        {
          descriptionKey: k('s4.c1'),
          probe: inNetns('ip -br link'),
          expect: { exitCode: 0, stdoutIncludes: 'lo' },
        },
      ],
    },
    {
      textKey: k('s5.text'),
      command: 'ip link add vetha type veth peer name vethb',
      lookKey: k('s5.look'),
      checks: [
        {
          descriptionKey: k('s5.c1'),
          probe: 'ip link show vetha',
          expect: { exitCode: 0, stdoutIncludes: 'vetha@' },
        },
      ],
    },
    {
      textKey: k('s6.text'),
      command: 'brctl addif docker0 vetha && ip link set vetha up',
      checks: [
        {
          descriptionKey: k('s6.c1'),
          probe: 'ip link show vetha',
          expect: { stdoutMatches: ',UP[,>].* master docker0 ' },
        },
      ],
    },
    {
      textKey: k('s7.text'),
      command: 'ip link set vethb netns $PID',
      lookKey: k('s7.look'),
      checks: [
        {
          descriptionKey: k('s7.c1'),
          probe: 'docker exec lonely ip -br link',
          expect: { stdoutMatches: '^(vethb|eth0)@if' },
        },
      ],
    },
    {
      textKey: k('s8.text'),
      command: `${inNetns('ip link set dev vethb name eth0')} && ${inNetns('ip link set eth0 up')}`,
      checks: [
        {
          descriptionKey: k('s8.c1'),
          probe: 'docker exec lonely ip -br link',
          expect: { stdoutMatches: '^eth0@if\\d+\\s+UP' },
        },
      ],
    },
    {
      textKey: k('s9.text'),
      command: `${inNetns('ip addr add 172.17.0.100/16 dev eth0')} && ${inNetns('ip route add default via 172.17.0.1')}`,
      checks: [
        {
          descriptionKey: k('s9.c1'),
          probe: 'docker exec lonely ip -br addr',
          expect: { stdoutIncludes: '172.17.0.100/16' },
        },
        {
          descriptionKey: k('s9.c2'),
          probe: 'docker exec lonely ip route',
          expect: { stdoutIncludes: 'default via 172.17.0.1' },
        },
      ],
    },
    {
      textKey: k('s10.text'),
      command: "docker network inspect -f '{{json .Containers}}' bridge",
      lookKey: k('s10.look'),
      checks: [
        reaches(k('s10.c1'), 'box', '172.17.0.100'),
        {
          descriptionKey: k('s10.c2'),
          probe: "docker network inspect -f '{{json .Containers}}' bridge",
          expect: { exitCode: 0, stdoutExcludes: '"lonely"' },
        },
      ],
      question: {
        promptKey: k('q.prompt'),
        choices: [
          { key: k('q.yes'), correct: true },
          { key: k('q.no'), correct: false },
        ],
        reveal: 'docker exec box ping -c 1 172.17.0.100',
        explanationKey: k('q.explain'),
      },
    },
  ],
};
