/** Lesson 5 (seeds 001, 003, 004): the four network modes of `docker run --network`. */
import type { Lesson } from './lesson';

const k = (key: string) => `network-modes.${key}`;

export const networkModes: Lesson = {
  id: 'network-modes',
  titleKey: k('title'),
  goalKey: k('goal'),
  summaryKey: k('summary'),
  steps: [
    {
      textKey: k('s1.text'),
      command: 'docker run -dit --name web busybox',
      lookKey: k('s1.look'),
      checks: [
        {
          descriptionKey: k('s1.c1'),
          probe: 'docker exec web ip -br addr',
          expect: { stdoutMatches: '^eth0@if\\d+\\s+UP\\s+172\\.17\\.0\\.2/16' },
        },
      ],
    },
    {
      textKey: k('s2.text'),
      command: 'docker run -dit --name hostnet --network host busybox',
      lookKey: k('s2.look'),
      checks: [
        {
          descriptionKey: k('s2.c1'),
          probe: 'docker exec hostnet ip -br addr',
          expect: { stdoutIncludes: '10.0.2.15/24' },
        },
      ],
    },
    {
      textKey: k('s3.text'),
      command: 'docker run -dit --name lonely --network none busybox',
      checks: [
        {
          descriptionKey: k('s3.c1'),
          probe: 'docker exec lonely ip -br link',
          expect: { exitCode: 0, stdoutExcludes: 'eth0' },
        },
      ],
      question: {
        promptKey: k('q.prompt'),
        choices: [
          { key: k('q.yes'), correct: false },
          { key: k('q.no'), correct: true },
        ],
        reveal: 'docker exec lonely ping -c 1 8.8.8.8',
        explanationKey: k('q.explain'),
      },
    },
    {
      textKey: k('s4.text'),
      command: 'docker run -dit --name sidecar --network container:web busybox',
      lookKey: k('s4.look'),
      checks: [
        {
          descriptionKey: k('s4.c1'),
          probe: 'docker exec sidecar ip -br addr',
          expect: { stdoutIncludes: '172.17.0.2/16' },
        },
        {
          descriptionKey: k('s4.c2'),
          probe: "docker inspect -f '{{.HostConfig.NetworkMode}}' sidecar",
          expect: { stdoutIncludes: 'container:' },
        },
      ],
    },
  ],
};
