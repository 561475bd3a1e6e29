/** Lesson 1 (seeds 000, 002): docker0 is a bridge; every container gets a veth pair on it. */
import type { Lesson } from './lesson';

const k = (key: string) => `docker0-veth.${key}`;
const vethPorts = 'brctl show docker0 | grep -c veth';

export const docker0Veth: Lesson = {
  id: 'docker0-veth',
  titleKey: k('title'),
  goalKey: k('goal'),
  summaryKey: k('summary'),
  steps: [
    {
      textKey: k('s1.text'),
      command: 'ip -br addr show docker0',
      lookKey: k('s1.look'),
      checks: [
        {
          descriptionKey: k('s1.c1'),
          probe: 'ip -br addr show docker0',
          expect: { exitCode: 0, stdoutIncludes: '172.17.0.1/16' },
        },
      ],
    },
    {
      textKey: k('s2.text'),
      command: 'docker run -dit --name box1 busybox',
      lookKey: k('s2.look'),
      checks: [
        {
          descriptionKey: k('s2.c1'),
          probe: "docker inspect -f '{{.State.Running}}' box1",
          expect: { stdoutIncludes: 'true' },
        },
        { descriptionKey: k('s2.c2'), probe: vethPorts, expect: { stdoutMatches: '^1$' } },
      ],
    },
    {
      textKey: k('s3.text'),
      command: 'docker exec box1 ip -br addr',
      lookKey: k('s3.look'),
      checks: [
        {
          descriptionKey: k('s3.c1'),
          probe: 'docker exec box1 ip -br addr',
          expect: { stdoutMatches: '^eth0@if\\d+\\s+UP\\s+172\\.17\\.' },
        },
      ],
    },
    {
      textKey: k('s4.text'),
      command: 'docker run -dit --name box2 busybox',
      lookKey: k('s4.look'),
      checks: [{ descriptionKey: k('s4.c1'), probe: vethPorts, expect: { stdoutMatches: '^2$' } }],
      question: {
        promptKey: k('q.prompt'),
        choices: [
          { key: k('q.yes'), correct: true },
          { key: k('q.no'), correct: false },
          { key: k('q.nat'), correct: false },
        ],
        reveal: 'docker exec box2 ping -c 1 172.17.0.2',
        explanationKey: k('q.explain'),
      },
    },
    {
      textKey: k('s5.text'),
      command: 'docker rm -f box2',
      lookKey: k('s5.look'),
      checks: [
        { descriptionKey: k('s5.c1'), probe: 'docker inspect box2', expect: { exitCode: 1 } },
        { descriptionKey: k('s5.c2'), probe: vethPorts, expect: { stdoutMatches: '^1$' } },
      ],
    },
  ],
};
