/** Lesson 6 (seeds 002, 003): published ports (DNAT, docker-proxy) and the way out (MASQUERADE). */
import type { Lesson } from './lesson';

const k = (key: string) => `ports-nat.${key}`;
const outboundPing = 'docker run --rm busybox ping -c 1 -W 1 8.8.8.8';

export const portsNat: Lesson = {
  id: 'ports-nat',
  titleKey: k('title'),
  goalKey: k('goal'),
  summaryKey: k('summary'),
  steps: [
    {
      textKey: k('s1.text'),
      command: 'docker run -d --name web -p 8080:80 nginx',
      lookKey: k('s1.look'),
      checks: [
        {
          descriptionKey: k('s1.c1'),
          probe: 'docker port web',
          expect: { stdoutIncludes: '80/tcp -> 0.0.0.0:8080' },
        },
      ],
    },
    {
      textKey: k('s2.text'),
      command: 'iptables -t nat -S DOCKER',
      checks: [
        {
          descriptionKey: k('s2.c1'),
          probe: 'iptables -t nat -S DOCKER',
          expect: { stdoutIncludes: '--dport 8080 -j DNAT --to-destination 172.17.0.' },
        },
      ],
    },
    {
      textKey: k('s3.text'),
      command: 'netstat -nltp',
      checks: [
        {
          descriptionKey: k('s3.c1'),
          probe: 'netstat -nltp',
          expect: { stdoutMatches: '0\\.0\\.0\\.0:8080 .*docker-proxy' },
        },
      ],
    },
    {
      textKey: k('s4.text'),
      lookKey: k('s4.look'),
      checks: [
        {
          descriptionKey: k('s4.c1'),
          probe: "ssh 10.0.2.20 curl -s -o /dev/null -w '%{http_code}\\n' http://10.0.2.15:8080",
          expect: { stdoutIncludes: '200' },
        },
      ],
      question: {
        promptKey: k('q1.prompt'),
        choices: [
          { key: k('q1.yes'), correct: true },
          { key: k('q1.no'), correct: false },
        ],
        reveal: 'ssh 10.0.2.20 curl -s http://10.0.2.15:8080',
        explanationKey: k('q1.explain'),
      },
    },
    {
      textKey: k('s5.text'),
      command: 'docker run -d --name web2 -P nginx',
      checks: [
        {
          descriptionKey: k('s5.c1'),
          probe: 'docker port web2',
          expect: { stdoutMatches: '^80/tcp -> 0\\.0\\.0\\.0:\\d+$' },
        },
      ],
    },
    {
      textKey: k('s6.text'),
      command: 'iptables -t nat -S POSTROUTING',
      checks: [
        {
          descriptionKey: k('s6.c1'),
          probe: 'iptables -t nat -S POSTROUTING',
          expect: { stdoutIncludes: '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE' },
        },
      ],
    },
    {
      textKey: k('s7.text'),
      command: 'sysctl -w net.ipv4.ip_forward=0',
      checks: [
        {
          descriptionKey: k('s7.c1'),
          probe: 'sysctl net.ipv4.ip_forward',
          expect: { stdoutIncludes: 'net.ipv4.ip_forward = 0' },
        },
      ],
      question: {
        promptKey: k('q2.prompt'),
        choices: [
          { key: k('q2.yes'), correct: false },
          { key: k('q2.no'), correct: true },
        ],
        reveal: outboundPing,
        explanationKey: k('q2.explain'),
      },
    },
    {
      textKey: k('s8.text'),
      command: 'sysctl -w net.ipv4.ip_forward=1',
      checks: [
        {
          descriptionKey: k('s8.c1'),
          probe: 'sysctl net.ipv4.ip_forward',
          expect: { stdoutIncludes: 'net.ipv4.ip_forward = 1' },
        },
        { descriptionKey: k('s8.c2'), probe: outboundPing, expect: { exitCode: 0 } },
      ],
    },
  ],
};
