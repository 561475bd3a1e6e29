import { describe, expect, it } from 'vitest';
import { createWorld, runLine } from '../index';
import { hostOf } from '../world';
import { lab } from './testing';

const APP = `
services:
  web:
    build:
      context: ./web
      args:
        GREETING: \${GREETING:-hello}
      target: final
    depends_on: [cache]
  cache:
    image: busybox
    command: sleep 3600
`;

/** A context directory with a two-stage Dockerfile, made the way a learner would. */
function withContext() {
  let w = createWorld();
  for (const line of [
    'mkdir -p web',
    'printf \'FROM busybox AS base\\nARG GREETING=hi\\nRUN echo "$GREETING" > /greeting\\nFROM base AS final\\nCOPY index.html /www/\\nCMD ["sleep", "3600"]\\n\' > web/Dockerfile',
    'echo hello > web/index.html',
  ])
    w = runLine(w, line).world;
  return w;
}

describe('compose build', () => {
  it('up builds a missing image as <project>-<service>, prefixing BuildKit vertices with the service', () => {
    const { world, outputs } = lab(
      APP,
      ['docker compose up -d', 'docker compose exec web cat /greeting'],
      withContext(),
    );
    const up = outputs[0];
    expect(up.exitCode).toBe(0);
    expect(up.stdout).toMatch(/^\[\+\] Building [\d.]+s \(\d+\/\d+\) FINISHED +docker:default\n/);
    expect(up.stdout).toContain(' => [web internal] load build definition from Dockerfile');
    expect(up.stdout).toContain(' => [web base 2/2] RUN echo "$GREETING" > /greeting');
    expect(up.stdout).toContain(' => => naming to docker.io/library/root-web:latest');
    expect(up.stderr).toMatch(/\[\+\] Running 4\/4\n ✔ web +Built/);
    expect(outputs[1].stdout).toBe('hello\n');
    const images = [...hostOf(world).docker.images.values()].map((i) => `${i.repo}:${i.tag}`);
    expect(images).toContain('root-web:latest');
  });

  it('up builds only what is missing; --build rebuilds and keeps a container whose image is unchanged', () => {
    const { outputs } = lab(
      APP,
      ['docker compose up -d', 'docker compose up -d', 'docker compose up -d --build'],
      withContext(),
    );
    expect(outputs[1].stdout).toBe('');
    expect(outputs[2].stdout).toContain('CACHED [web base 2/2]');
    expect(outputs[2].stderr).toContain('Container root-web-1    Running');
  });

  it('a changed context rebuilds to a new image and up replaces the container', () => {
    const { world, outputs } = lab(
      APP,
      [
        'docker compose up -d',
        'echo changed > web/index.html',
        'docker compose build web',
        'docker compose up -d',
        'export GREETING=bonjour',
        'docker compose up -d --build',
        'docker compose exec web cat /greeting',
      ],
      withContext(),
    );
    expect(outputs[2].stderr).toMatch(/^\[\+\] Building 1\/1\n ✔ web {2}Built/);
    // Recreated, then started: the frame keeps the last status of the line.
    expect(outputs[3].stderr).toContain('Container root-web-1    Started');
    expect(outputs[6].stdout).toBe('bonjour\n');
    const web = [...hostOf(world).docker.containers.values()].find((c) => c.name === 'root-web-1')!;
    const image = [...hostOf(world).docker.images.values()].find((i) => i.repo === 'root-web')!;
    expect(web.imageId).toBe(image.id);
  });

  it('compose build takes --build-arg over the file, and -q prints nothing', () => {
    const { outputs } = lab(
      APP,
      [
        'docker compose build -q --build-arg GREETING=cli web',
        'docker compose up -d',
        'docker compose exec web cat /greeting',
      ],
      withContext(),
    );
    expect(outputs[0]).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(outputs[1].stdout).toBe('');
    expect(outputs[2].stdout).toBe('cli\n');
  });

  it('a failing build stops up with BuildKit details and compose exit code 17', () => {
    const { outputs } = lab('services:\n  web:\n    build: .\n', [
      "printf 'FROM busybox\\nRUN exit 3\\n' > Dockerfile",
      'docker compose up -d',
    ]);
    expect(outputs[1].exitCode).toBe(17);
    expect(outputs[1].stdout).toContain('ERROR [web 2/2] RUN exit 3');
    expect(outputs[1].stderr).toBe(
      'failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3\n',
    );
  });
});
