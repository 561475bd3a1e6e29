/**
 * Lesson 8 (issue 13): Compose makes the user-defined network itself, `<project>_default`, and
 * puts each service's name on it as a DNS alias; a second, `internal: true` network keeps a
 * database away from the proxy and from the internet. Files are written with a here-document,
 * the line the lab's editor types too.
 */
import type { Lesson } from './lesson';
import { attached, pingFrom, reaches } from './probes';

const k = (key: string) => `compose.${key}`;

const DEMO = `cat > compose.yaml <<'EOF'
name: demo
services:
  web:
    image: nginx
    networks:
      default:
        aliases: [www]
  app:
    image: busybox
    command: sleep 3600
EOF`;

const SHOP = `cat > compose.yaml <<'EOF'
name: shop
services:
  proxy:
    image: busybox
    command: sleep 3600
    networks: [front]
  app:
    image: busybox
    command: sleep 3600
    networks: [front, back]
  db:
    image: busybox
    command: sleep 3600
    networks: [back]
networks:
  front: {}
  back:
    internal: true
EOF`;

/** The pre-network way, on the default bridge: db is legacy-db's alias through --link. */
const LEGACY =
  'docker run -d --name legacy-db busybox sleep 3600 && docker run -d --name legacy-app --link legacy-db:db busybox sleep 3600';

const networkNames = "docker network ls --format '{{.Name}}'";

export const compose: Lesson = {
  id: 'compose',
  titleKey: k('title'),
  goalKey: k('goal'),
  summaryKey: k('summary'),
  steps: [
    {
      textKey: k('s1.text'),
      command: DEMO,
      checks: [
        {
          descriptionKey: k('s1.c1'),
          probe: 'cat compose.yaml',
          expect: { stdoutIncludes: 'name: demo' },
        },
      ],
    },
    {
      textKey: k('s2.text'),
      command: 'docker compose up -d',
      lookKey: k('s2.look'),
      checks: [
        {
          descriptionKey: k('s2.c1'),
          probe: networkNames,
          expect: { stdoutIncludes: 'demo_default' },
        },
        attached(k('s2.c2'), 'demo-web-1', 'demo_default'),
      ],
    },
    {
      textKey: k('s3.text'),
      command: 'docker compose exec app ping -c 1 web',
      checks: [reaches(k('s3.c1'), 'demo-app-1', 'web')],
      question: {
        promptKey: k('q1.prompt'),
        choices: [
          { key: k('q1.yes'), correct: true },
          { key: k('q1.no'), correct: false },
        ],
        reveal: 'docker compose exec app ping -c 1 demo-web-1',
        explanationKey: k('q1.explain'),
      },
    },
    {
      textKey: k('s4.text'),
      command:
        "docker inspect -f '{{json .NetworkSettings.Networks.demo_default.Aliases}}' demo-web-1",
      lookKey: k('s4.look'),
      checks: [reaches(k('s4.c1'), 'demo-app-1', 'www')],
    },
    {
      textKey: k('s5.text'),
      command: 'docker compose down',
      checks: [
        {
          descriptionKey: k('s5.c1'),
          probe: networkNames,
          expect: { stdoutExcludes: 'demo_default' },
        },
      ],
    },
    {
      textKey: k('s6.text'),
      command: SHOP,
      checks: [
        {
          descriptionKey: k('s6.c1'),
          probe: 'cat compose.yaml',
          expect: { stdoutIncludes: 'internal: true' },
        },
      ],
    },
    {
      textKey: k('s7.text'),
      command: 'docker compose up -d',
      lookKey: k('s7.look'),
      checks: [reaches(k('s7.c1'), 'shop-proxy-1', 'app'), reaches(k('s7.c2'), 'shop-app-1', 'db')],
      question: {
        promptKey: k('q2.prompt'),
        choices: [
          { key: k('q2.yes'), correct: false },
          { key: k('q2.no'), correct: true },
        ],
        reveal: 'docker compose exec proxy ping -c 1 -W 1 db',
        explanationKey: k('q2.explain'),
      },
    },
    {
      textKey: k('s8.text'),
      command: 'docker compose exec db ping -c 1 -W 1 8.8.8.8',
      checks: [
        {
          descriptionKey: k('s8.c1'),
          probe: pingFrom('shop-db-1', '8.8.8.8'),
          expect: { stdoutIncludes: 'PING 8.8.8.8', stdoutExcludes: 'bytes from' },
        },
        reaches(k('s8.c2'), 'shop-proxy-1', '8.8.8.8'),
      ],
    },
    {
      textKey: k('s9.text'),
      command: 'docker compose exec proxy cat /etc/hosts',
      checks: [reaches(k('s9.c1'), 'shop-proxy-1', 'shop-app-1')],
    },
    // Side by side: the same name, db, answered from a file (--link) and by a server (compose).
    {
      textKey: k('s10.text'),
      command: LEGACY,
      lookKey: k('s10.look'),
      checks: [
        {
          descriptionKey: k('s10.c1'),
          probe: 'docker exec legacy-app cat /etc/hosts',
          expect: { stdoutMatches: '^172\\.17\\.0\\.\\d+\\tdb ' },
        },
      ],
    },
    {
      textKey: k('s11.text'),
      command: 'docker exec legacy-app ping -c 1 db',
      lookKey: k('s11.look'),
      checks: [
        reaches(k('s11.c1'), 'legacy-app', 'db'),
        {
          descriptionKey: k('s11.c2'),
          probe: 'docker exec legacy-app cat /etc/resolv.conf',
          expect: { stdoutExcludes: '127.0.0.11' },
        },
      ],
    },
    {
      textKey: k('s12.text'),
      command: 'docker compose exec app ping -c 1 db',
      lookKey: k('s12.look'),
      checks: [
        reaches(k('s12.c1'), 'shop-app-1', 'db'),
        {
          descriptionKey: k('s12.c2'),
          probe: 'docker exec shop-app-1 cat /etc/resolv.conf',
          expect: { stdoutIncludes: 'nameserver 127.0.0.11' },
        },
      ],
      question: {
        promptKey: k('q3.prompt'),
        choices: [
          { key: k('q3.yes'), correct: false },
          { key: k('q3.no'), correct: true },
        ],
        reveal: 'docker exec shop-app-1 cat /etc/hosts',
        explanationKey: k('q3.explain'),
      },
    },
  ],
};
