/**
 * Lesson 9 (issue 11): seeds 003 and 004 in one story. An image is built from a Dockerfile whose
 * RUN really installs ping, then moved through a registry the learner runs in a container: by
 * localhost it works, by the host's LAN address Docker refuses plain HTTP until daemon.json lists
 * it under insecure-registries and the daemon restarts.
 */
import type { Lesson } from './lesson';
import { pingFrom } from './probes';

const k = (key: string) => `images.${key}`;

const DOCKERFILE = `cat > Dockerfile <<'EOF'
FROM tomcat
RUN apt-get update && apt-get install -y iputils-ping iproute2
EOF`;

const DAEMON_JSON = `cat > /etc/docker/daemon.json <<'EOF'
{
  "insecure-registries": ["10.0.2.15:5000"]
}
EOF`;

const running = "docker ps --format '{{.Names}}'";
const t2Address = "$(docker inspect -f '{{.NetworkSettings.IPAddress}}' t2)";

export const buildAndShip: Lesson = {
  id: 'images',
  titleKey: k('title'),
  goalKey: k('goal'),
  summaryKey: k('summary'),
  steps: [
    {
      textKey: k('s1.text'),
      command: DOCKERFILE,
      checks: [
        {
          descriptionKey: k('s1.c1'),
          probe: 'cat Dockerfile',
          expect: { stdoutIncludes: 'iputils-ping' },
        },
      ],
    },
    {
      textKey: k('s2.text'),
      command: 'docker build -t tomcat-ping .',
      checks: [
        {
          descriptionKey: k('s2.c1'),
          probe: 'docker images tomcat-ping',
          expect: { stdoutMatches: '^tomcat-ping +latest ' },
        },
      ],
    },
    {
      textKey: k('s3.text'),
      command: 'docker run -d -P --name t1 tomcat-ping\ndocker run -d --name t2 tomcat-ping',
      lookKey: k('s3.look'),
      checks: [
        {
          descriptionKey: k('s3.c1'),
          probe: pingFrom('t1', t2Address),
          expect: { exitCode: 0 },
        },
      ],
      question: {
        promptKey: k('q1.prompt'),
        choices: [
          { key: k('q1.yes'), correct: false },
          { key: k('q1.no'), correct: true },
        ],
        reveal: pingFrom('t1', 't2'),
        explanationKey: k('q1.explain'),
      },
    },
    {
      textKey: k('s4.text'),
      command: 'docker run -d -p 5000:5000 --restart always --name registry registry:2',
      lookKey: k('s4.look'),
      checks: [
        {
          descriptionKey: k('s4.c1'),
          probe: 'curl -s localhost:5000/v2/',
          expect: { exitCode: 0, stdoutIncludes: '{}' },
        },
      ],
    },
    {
      textKey: k('s5.text'),
      command:
        'docker tag tomcat-ping localhost:5000/tomcat-ping\ndocker push localhost:5000/tomcat-ping',
      checks: [
        {
          descriptionKey: k('s5.c1'),
          probe: 'curl -s localhost:5000/v2/_catalog',
          expect: { stdoutIncludes: 'tomcat-ping' },
        },
      ],
    },
    {
      textKey: k('s6.text'),
      command: 'docker tag tomcat-ping 10.0.2.15:5000/tomcat-ping:v1',
      checks: [
        {
          descriptionKey: k('s6.c1'),
          probe: 'docker images 10.0.2.15:5000/tomcat-ping',
          expect: { stdoutMatches: '^10\\.0\\.2\\.15:5000/tomcat-ping +v1 ' },
        },
      ],
      question: {
        promptKey: k('q2.prompt'),
        choices: [
          { key: k('q2.yes'), correct: false },
          { key: k('q2.no'), correct: true },
        ],
        reveal: 'docker push 10.0.2.15:5000/tomcat-ping:v1',
        explanationKey: k('q2.explain'),
      },
    },
    {
      textKey: k('s7.text'),
      command: `${DAEMON_JSON}\nsystemctl restart docker`,
      checks: [
        {
          descriptionKey: k('s7.c1'),
          probe: 'docker info',
          expect: { stdoutIncludes: '10.0.2.15:5000' },
        },
        {
          descriptionKey: k('s7.c2'),
          probe: running,
          expect: { stdoutIncludes: 'registry' },
        },
      ],
    },
    {
      textKey: k('s8.text'),
      command: 'docker push 10.0.2.15:5000/tomcat-ping:v1',
      checks: [
        {
          descriptionKey: k('s8.c1'),
          probe: 'curl -s 10.0.2.15:5000/v2/tomcat-ping/tags/list',
          expect: { stdoutIncludes: '"v1"' },
        },
      ],
    },
  ],
};
