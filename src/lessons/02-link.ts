/** Lesson 2 (seed 000): --link writes one /etc/hosts line, in one direction only. */
import type { Lesson } from './lesson';
import { pingFrom, reaches } from './probes';

const k = (key: string) => `link.${key}`;

export const link: Lesson = {
  id: 'link',
  titleKey: k('title'),
  goalKey: k('goal'),
  summaryKey: k('summary'),
  steps: [
    {
      textKey: k('s1.text'),
      command: 'docker run -dit --name tomcat02 busybox',
      lookKey: k('s1.look'),
      checks: [
        {
          descriptionKey: k('s1.c1'),
          probe: "docker inspect -f '{{.State.Running}}' tomcat02",
          expect: { stdoutIncludes: 'true' },
        },
      ],
    },
    {
      textKey: k('s2.text'),
      command: 'docker run -dit --name tomcat03 --link tomcat02 busybox',
      lookKey: k('s2.look'),
      checks: [
        {
          descriptionKey: k('s2.c1'),
          probe: "docker inspect -f '{{.HostConfig.Links}}' tomcat03",
          expect: { stdoutIncludes: '/tomcat02:/tomcat03/tomcat02' },
        },
        reaches(k('s2.c2'), 'tomcat03', 'tomcat02'),
      ],
    },
    {
      textKey: k('s3.text'),
      command: 'docker exec tomcat03 cat /etc/hosts',
      lookKey: k('s3.look'),
      checks: [
        {
          descriptionKey: k('s3.c1'),
          probe: 'docker exec tomcat03 cat /etc/hosts',
          expect: { stdoutMatches: '^172\\.17\\.\\S+\\ttomcat02\\b' },
        },
      ],
    },
    {
      textKey: k('s4.text'),
      command: 'docker exec tomcat02 cat /etc/hosts',
      checks: [
        {
          descriptionKey: k('s4.c1'),
          probe: 'docker exec tomcat02 cat /etc/hosts',
          expect: { exitCode: 0, stdoutExcludes: 'tomcat03' },
        },
      ],
      question: {
        promptKey: k('q.prompt'),
        choices: [
          { key: k('q.yes'), correct: false },
          { key: k('q.no'), correct: true },
        ],
        reveal: pingFrom('tomcat02', 'tomcat03'),
        explanationKey: k('q.explain'),
      },
    },
    {
      textKey: k('s5.text'),
      command: 'docker exec tomcat03 env',
      lookKey: k('s5.look'),
      checks: [
        {
          descriptionKey: k('s5.c1'),
          probe: 'docker exec tomcat03 env',
          expect: { stdoutIncludes: 'TOMCAT02_NAME=/tomcat03/tomcat02' },
        },
      ],
    },
  ],
};
