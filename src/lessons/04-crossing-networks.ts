/** Lesson 4 (seed 000): networks are isolated; `docker network connect` adds a second leg. */
import type { Lesson } from './lesson';
import { networksOf, pingFrom, reaches, attached } from './probes';

const k = (key: string) => `crossing-networks.${key}`;

export const crossingNetworks: Lesson = {
  id: 'crossing-networks',
  titleKey: k('title'),
  goalKey: k('goal'),
  summaryKey: k('summary'),
  steps: [
    {
      textKey: k('s1.text'),
      command: 'docker network create mynet',
      checks: [
        {
          descriptionKey: k('s1.c1'),
          probe: "docker network inspect -f '{{.Driver}}' mynet",
          expect: { stdoutIncludes: 'bridge' },
        },
      ],
    },
    {
      textKey: k('s2.text'),
      command: 'docker run -dit --name tomcat-net-01 --network mynet busybox',
      checks: [attached(k('s2.c1'), 'tomcat-net-01', 'mynet')],
    },
    {
      textKey: k('s3.text'),
      command: 'docker run -dit --name tomcat01 busybox',
      lookKey: k('s3.look'),
      checks: [
        {
          descriptionKey: k('s3.c1'),
          probe: networksOf('tomcat01'),
          expect: { stdoutMatches: '^bridge $' },
        },
      ],
    },
    {
      textKey: k('s4.text'),
      lookKey: k('s4.look'),
      checks: [
        {
          descriptionKey: k('s4.c1'),
          probe: pingFrom('tomcat01', '172.18.0.2'),
          expect: { stdoutIncludes: '100% packet loss' },
        },
      ],
      question: {
        promptKey: k('q.prompt'),
        choices: [
          { key: k('q.yes'), correct: false },
          { key: k('q.no'), correct: true },
        ],
        reveal: pingFrom('tomcat01', '172.18.0.2'),
        explanationKey: k('q.explain'),
      },
    },
    {
      textKey: k('s5.text'),
      command: 'docker network connect mynet tomcat01',
      lookKey: k('s5.look'),
      checks: [
        {
          descriptionKey: k('s5.c1'),
          probe: networksOf('tomcat01'),
          expect: { stdoutIncludes: 'bridge mynet' },
        },
        reaches(k('s5.c2'), 'tomcat01', 'tomcat-net-01'),
      ],
    },
    {
      textKey: k('s6.text'),
      command: 'docker exec tomcat01 ip -br addr',
      lookKey: k('s6.look'),
      checks: [
        {
          descriptionKey: k('s6.c1'),
          probe: 'docker exec tomcat01 ip -br addr',
          expect: { stdoutMatches: '^eth1@if\\d+\\s+UP\\s+172\\.18\\.' },
        },
      ],
    },
  ],
};
