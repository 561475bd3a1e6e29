import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { terminalText } from '../shell/process';
import { hostOf } from '../world';

/** Writes a Dockerfile in /root/app with echo lines, then runs `lines` there. */
const inApp = (dockerfile: readonly string[], lines: readonly string[]) =>
  replay([
    'mkdir app',
    'cd app',
    ...dockerfile.map((l, i) => `echo '${l}' ${i ? '>>' : '>'} Dockerfile`),
    ...lines,
  ]);
const shown = (dockerfile: readonly string[], lines: readonly string[]) => {
  const t = inApp(dockerfile, lines).transcript.at(-1)!;
  return { text: terminalText(t), stdout: t.stdout, exitCode: t.exitCode };
};

describe('docker build errors, as buildx and the legacy builder print them', () => {
  it('a context path that does not exist', () => {
    expect(shown([], ['docker build nosuch'])).toMatchObject({
      text: 'ERROR: unable to prepare context: path "nosuch" not found\n',
      exitCode: 1,
    });
  });

  it('a missing Dockerfile', () => {
    expect(shown([], ['docker build .']).text).toBe(
      '#0 building with "default" instance using docker driver\n\n' +
        '#1 [internal] load build definition from Dockerfile\n' +
        '#1 transferring dockerfile: 2B done\n#1 DONE 0.0s\n' +
        'ERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory\n',
    );
    expect(shown([], ['DOCKER_BUILDKIT=0 docker build .']).text).toContain(
      'unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /root/app/Dockerfile: no such file or directory\n',
    );
  });

  it('an unknown instruction, with the lines around it', () => {
    expect(shown(['FROM nginx', 'RUNN x'], ['docker build .']).text).toContain(
      'Dockerfile:2\n--------------------\n   1 |     FROM nginx\n   2 | >>> RUNN x\n   3 |     \n--------------------\n' +
        'ERROR: failed to solve: dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)\n',
    );
  });

  it('a base image that does not exist', () => {
    const r = shown(['FROM nosuchimage'], ['docker build --progress=plain .']);
    expect(r.text).toContain(
      '#2 ERROR: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed\n',
    );
    expect(r.text).toMatch(
      /ERROR: failed to solve: nosuchimage: failed to resolve source metadata for docker.io\/library\/nosuchimage:latest: pull access denied/,
    );
    expect(shown(['FROM nosuchimage'], ['DOCKER_BUILDKIT=0 docker build .']).text).toMatch(
      /Step 1\/1 : FROM nosuchimage\npull access denied for nosuchimage, repository does not exist/,
    );
  });

  it('COPY of a file the context does not have', () => {
    const r = shown(['FROM busybox', 'COPY missing.txt /x'], ['docker build --progress=plain .']);
    expect(r.text).toMatch(
      /ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref moby::[0-9a-z]{25}: "\/missing.txt": not found\n$/,
    );
    expect(
      shown(['FROM busybox', 'COPY missing.txt /x'], ['DOCKER_BUILDKIT=0 docker build .']).text,
    ).toContain(
      'COPY failed: file not found in build context or excluded by .dockerignore: stat missing.txt: file does not exist\n',
    );
  });

  it('a RUN that fails stops the build with its exit code and output', () => {
    const file = ['FROM busybox', 'RUN echo about to fail && exit 3'];
    const r = shown(file, ['docker build --progress=plain .']);
    expect(r.exitCode).toBe(1);
    expect(r.text).toContain(
      '#5 [2/2] RUN echo about to fail && exit 3\n#5 0.050 about to fail\n' +
        '#5 ERROR: process "/bin/sh -c echo about to fail && exit 3" did not complete successfully: exit code: 3\n' +
        '------\n > [2/2] RUN echo about to fail && exit 3:\n0.050 about to fail\n------\n',
    );
    expect(shown(file, ['DOCKER_BUILDKIT=0 docker build .']).text).toMatch(
      / ---> Running in [0-9a-f]{12}\nabout to fail\nThe command '\/bin\/sh -c echo about to fail && exit 3' returned a non-zero code: 3\n$/,
    );
    const { world } = inApp(file, ['docker build -t never .']);
    expect([...hostOf(world).docker.images.values()].some((i) => i.repo === 'never')).toBe(false);
    expect(hostOf(world).docker.containers.size).toBe(0);
  });

  it('DOCKER_BUILDKIT must be a boolean', () => {
    expect(shown(['FROM busybox'], ['DOCKER_BUILDKIT=maybe docker build .']).text).toBe(
      'DOCKER_BUILDKIT environment variable expects boolean value: strconv.ParseBool: parsing "maybe": invalid syntax\n',
    );
  });
});

describe('what a build makes', () => {
  it('RUN apt-get install really adds the program; EXPOSE feeds -P and docker port', () => {
    const file = [
      'FROM tomcat',
      'RUN apt-get update && apt-get install -y iputils-ping',
      'EXPOSE 8081',
    ];
    const { transcript } = inApp(file, [
      'docker build -t tomping -q .',
      'docker run -d -P --name t1 tomping',
      'docker port t1',
      'docker exec t1 ping -c 1 172.17.0.1',
    ]);
    expect(transcript.at(-4)!.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(transcript.at(-2)!.stdout).toBe(
      '8080/tcp -> 0.0.0.0:32768\n8080/tcp -> [::]:32768\n8081/tcp -> 0.0.0.0:32769\n8081/tcp -> [::]:32769\n',
    );
    expect(transcript.at(-1)!.stdout).toContain('1 packets transmitted, 1 received');
  });

  it('ENV, ARG, WORKDIR, COPY, LABEL, USER, CMD and ENTRYPOINT end up in the image', () => {
    const { world, transcript } = replay([
      'mkdir -p /root/site/sub',
      'cd /root/site',
      'echo hello > index.html',
      'echo nested > sub/a.txt',
      'echo secret > .env',
      'echo .env > .dockerignore',
      "cat > Dockerfile <<'EOF'",
      'FROM busybox',
      'ARG GREETING=hi',
      'ENV APP_HOME=/srv/app MSG=$GREETING',
      'WORKDIR $APP_HOME',
      'COPY . .',
      'LABEL team=lab',
      'USER nobody',
      'ENTRYPOINT ["sh", "-c"]',
      'CMD ["cat index.html"]',
      'EOF',
      'docker build --build-arg GREETING=hello -t site .',
      'docker image inspect --format "{{json .Config.Env}} {{.Config.WorkingDir}} {{json .Config.Labels}} {{.Config.User}}" site',
      'docker run --rm --entrypoint ls site /srv/app /srv/app/sub',
      'docker run --rm --entrypoint cat site /srv/app/.env',
    ]);
    expect(transcript.at(-3)!.stdout).toBe(
      '["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","APP_HOME=/srv/app","MSG=hello"] /srv/app {"team":"lab"} nobody\n',
    );
    expect(transcript.at(-2)!.stdout).toContain('index.html');
    expect(transcript.at(-2)!.stdout).toContain('a.txt');
    expect(transcript.at(-1)!.stderr).toBe(
      "cat: can't open '/srv/app/.env': No such file or directory\n",
    );
    const site = [...hostOf(world).docker.images.values()].find((i) => i.repo === 'site')!;
    expect(site.entrypoint).toEqual(['sh', '-c']);
    expect(site.cmd).toEqual(['cat index.html']);
  });

  it('stages: COPY --from takes a file built in an earlier stage; --target stops at a stage', () => {
    const file = [
      'FROM busybox AS builder',
      'RUN echo artifact > /out.txt',
      'FROM alpine',
      'COPY --from=builder /out.txt /app/out.txt',
    ];
    const r = inApp(file, [
      'docker build --progress=plain -t two .',
      'docker run --rm two cat /app/out.txt',
    ]);
    expect(r.transcript.at(-1)!.stdout).toBe('artifact\n');
    expect(terminalText(r.transcript.at(-2)!)).toContain(
      '#6 [builder 2/2] RUN echo artifact > /out.txt',
    );
    expect(terminalText(r.transcript.at(-2)!)).toContain(
      '[stage-1 2/2] COPY --from=builder /out.txt /app/out.txt',
    );
    const t = shown(file, [
      'docker build --target builder -t first .',
      'docker run --rm first cat /out.txt',
    ]);
    expect(t.stdout).toBe('artifact\n');
    expect(shown(file, ['docker build --target nope .']).text).toMatch(
      /ERROR: failed to solve: target stage "nope" could not be found\n$/,
    );
  });

  it('several -t name one image; rebuilding is CACHED and --no-cache runs again', () => {
    const file = ['FROM busybox', 'RUN echo once'];
    const { world, transcript } = inApp(file, [
      'docker build -t a:1 -t b:2 .',
      'docker build --progress=plain -t a:1 .',
      'docker build --progress=plain --no-cache -t a:1 .',
      'docker images',
    ]);
    expect(transcript.at(-3)!.stderr).toContain('#5 CACHED');
    expect(transcript.at(-2)!.stderr).toContain('#5 0.050 once');
    const rows = transcript.at(-1)!.stdout.split('\n').slice(1, -1);
    // --no-cache made a new image: a:1 moved to it, b:2 stayed with the first.
    const [a, b, base] = rows.map((r) => r.split(/ +/));
    expect([a[0], a[1], b[0], b[1], base[0]]).toEqual(['a', '1', 'b', '2', 'busybox']);
    expect(a[2]).not.toBe(b[2]);
    expect(hostOf(world).docker.containers.size).toBe(0);
  });

  it('docker image build and docker buildx build are the same command', () => {
    expect(shown(['FROM busybox'], ['docker image build -q .']).stdout).toMatch(/^sha256:/);
    expect(shown(['FROM busybox'], ['docker buildx build -q .']).stdout).toMatch(/^sha256:/);
  });
});
