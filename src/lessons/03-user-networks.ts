/** Lesson 3 (seeds 000, 002): a user-defined network brings Docker's embedded DNS. */
import type { Lesson } from './lesson';
import { reaches, attached } from './probes';

const k = (key: string) => `user-networks.${key}`;

export const userNetworks: Lesson = {
  id: 'user-networks',
  titleKey: k('title'),
  goalKey: k('goal'),
  summaryKey: k('summary'),
  steps: [
    {
      textKey: k('s1.text'),
      command: 'docker network create mynet',
      lookKey: k('s1.look'),
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
      command: 'docker run -dit --name db1 --network mynet --network-alias db busybox',
      lookKey: k('s2.look'),
      checks: [
        attached(k('s2.c1'), 'db1', 'mynet'),
        {
          descriptionKey: k('s2.c2'),
          probe: "docker inspect -f '{{json .NetworkSettings.Networks.mynet.Aliases}}' db1",
          expect: { stdoutIncludes: '"db"' },
        },
      ],
    },
    {
      textKey: k('s3.text'),
      command: 'docker run -dit --name app1 --network mynet busybox',
      checks: [attached(k('s3.c1'), 'app1', 'mynet'), reaches(k('s3.c2'), 'app1', 'db1')],
      question: {
        promptKey: k('q.prompt'),
        choices: [
          { key: k('q.yes'), correct: true },
          { key: k('q.no'), correct: false },
        ],
        reveal: 'docker exec app1 ping -c 1 db1',
        explanationKey: k('q.explain'),
      },
    },
    {
      textKey: k('s4.text'),
      command: 'docker exec app1 cat /etc/resolv.conf',
      checks: [
        {
          descriptionKey: k('s4.c1'),
          probe: 'docker exec app1 cat /etc/resolv.conf',
          expect: { stdoutIncludes: 'nameserver 127.0.0.11' },
        },
      ],
    },
    {
      textKey: k('s5.text'),
      command: 'docker exec app1 ping -c 1 db',
      lookKey: k('s5.look'),
      checks: [reaches(k('s5.c1'), 'app1', 'db')],
    },
    {
      textKey: k('s6.text'),
      command: 'docker exec app1 nslookup 172.18.0.2',
      checks: [
        {
          descriptionKey: k('s6.c1'),
          probe: 'docker exec app1 nslookup 172.18.0.2',
          expect: { stdoutIncludes: 'name = db1.mynet' },
        },
      ],
    },
  ],
};
