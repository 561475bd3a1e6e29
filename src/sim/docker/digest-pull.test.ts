import { describe, expect, it } from 'vitest';
import { last, pushed, pushedDigest } from './registry-testing';

const digest = pushedDigest(pushed);
const layer = /\n([0-9a-f]{12}): Pushed/.exec(last(pushed).stdout)![1];
const gone = [...pushed, 'docker rmi busybox localhost:5000/busybox'];
const pinned = `localhost:5000/busybox@${digest}`;
const zeros = `sha256:${'0'.repeat(64)}`;
const tagsAndDigests = "docker image inspect --format '{{json .RepoTags}} {{json .RepoDigests}}'";

describe('docker pull NAME@DIGEST from the lab’s registry', () => {
  const pulled = [...gone, `docker pull ${pinned}`];

  it('pulls the manifest the push printed, as moby reports a digest pull', () => {
    expect(last(pulled)).toMatchObject({
      stdout: `${pinned}: Pulling from busybox\n${layer}: Pull complete \nDigest: ${digest}\nStatus: Downloaded newer image for ${pinned}\n${pinned}\n`,
      stderr: '',
      exitCode: 0,
    });
    expect(last([...gone, `docker pull -q ${pinned}`]).stdout).toBe(`${pinned}\n`);
  });

  it('names the image by its digest only: no tag, TAG <none>, the digest in --digests', () => {
    expect(last([...pulled, `${tagsAndDigests} ${pinned}`]).stdout).toBe(`[] ["${pinned}"]\n`);
    expect(
      last([...pulled, 'docker images --format "{{.Repository}} {{.Tag}}" localhost:5000/busybox'])
        .stdout,
    ).toBe('localhost:5000/busybox <none>\n');
    expect(last([...pulled, 'docker images --digests localhost:5000/busybox']).stdout).toMatch(
      new RegExp(`\nlocalhost:5000/busybox +<none> +${digest} +[0-9a-f]{12} `),
    );
  });

  it('is up to date the second time, and a tag pull then tags it without fetching layers', () => {
    expect(last([...pulled, `docker pull ${pinned}`]).stdout).toBe(
      `${pinned}: Pulling from busybox\nDigest: ${digest}\nStatus: Image is up to date for ${pinned}\n${pinned}\n`,
    );
    const tagged = [...pulled, 'docker pull localhost:5000/busybox'];
    expect(last(tagged).stdout).toBe(
      `Using default tag: latest\nlatest: Pulling from busybox\nDigest: ${digest}\nStatus: Downloaded newer image for localhost:5000/busybox:latest\nlocalhost:5000/busybox:latest\n`,
    );
    expect(last([...tagged, `${tagsAndDigests} ${pinned}`]).stdout).toBe(
      `["localhost:5000/busybox:latest"] ["${pinned}"]\n`,
    );
  });

  it('gives the registry’s errors for an unknown digest and an unknown repository', () => {
    expect(last([...gone, `docker pull localhost:5000/busybox@${zeros}`])).toMatchObject({
      stdout: '',
      stderr: `Error response from daemon: manifest for localhost:5000/busybox@${zeros} not found: manifest unknown: manifest unknown\n`,
      exitCode: 1,
    });
    expect(last([...gone, `docker pull localhost:5000/nope@${digest}`]).stderr).toBe(
      'Error response from daemon: repository localhost:5000/nope not found: name unknown: repository name not known to registry\n',
    );
  });
});

describe('docker pull NAME@DIGEST from the lab’s Docker Hub', () => {
  const hub = ['docker pull nginx:alpine'];
  const nginx = /Digest: (sha256:[0-9a-f]{64})/.exec(last(hub).stdout)![1];

  it('knows the digest it reported for a tag and serves that image, untagged', () => {
    expect(last([...hub, `docker pull nginx@${nginx}`]).stdout).toBe(
      `docker.io/library/nginx@${nginx}: Pulling from library/nginx\nDigest: ${nginx}\nStatus: Image is up to date for nginx@${nginx}\ndocker.io/library/nginx@${nginx}\n`,
    );
    const again = [...hub, 'docker rmi nginx:alpine', `docker pull nginx@${nginx}`];
    const out = last(again).stdout;
    expect(out).toMatch(
      new RegExp(
        `^docker\\.io/library/nginx@${nginx}: Pulling from library/nginx\n([0-9a-f]{12}: Pull complete \n)+Digest: ${nginx}\nStatus: Downloaded newer image for nginx@${nginx}\ndocker\\.io/library/nginx@${nginx}\n$`,
      ),
    );
    expect(last([...again, `${tagsAndDigests} nginx@${nginx}`]).stdout).toBe(
      `[] ["nginx@${nginx}"]\n`,
    );
  });

  it('has no manifest for any other digest, and no such repository for unknown names', () => {
    expect(last([`docker pull nginx@${zeros}`])).toMatchObject({
      stderr: `Error response from daemon: manifest for nginx@${zeros} not found: manifest unknown: manifest unknown\n`,
      exitCode: 1,
    });
    expect(last([`docker pull nosuchimage@${zeros}`]).stderr).toBe(
      "Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
    );
  });

  it('asks the daemon for NAME@DIGEST alone when a tag comes before the digest', () => {
    const both = `nginx:alpine@${nginx}`;
    const out = last([`docker pull ${both}`]).stdout;
    expect(out).toContain(
      `Status: Downloaded newer image for nginx@${nginx}\ndocker.io/library/${both}\n`,
    );
    expect(last([`docker pull ${both}`, 'docker images --format "{{.Tag}}" nginx']).stdout).toBe(
      '<none>\n',
    );
    expect(last([`docker create ${both}`]).stderr).toMatch(
      new RegExp(`^Unable to find image '${both}' locally\n`),
    );
  });

  it('refuses malformed digests with docker-cli’s own errors', () => {
    expect(last(['docker pull nginx@sha256:abc'])).toMatchObject({
      stdout: '',
      stderr: 'invalid reference format\n',
      exitCode: 1,
    });
    expect(last([`docker pull nginx@sha256:${'a'.repeat(40)}`]).stderr).toBe(
      'invalid checksum digest length\n',
    );
  });
});

describe('docker run and create with a digest reference', () => {
  it('pulls what is not local after the "Unable to find image" line', () => {
    const r = last([...gone, `docker run --rm ${pinned} echo hi`]);
    expect(r.stdout).toBe('hi\n');
    expect(r.stderr).toBe(
      `Unable to find image '${pinned}' locally\n${pinned}: Pulling from busybox\n${layer}: Pull complete \nDigest: ${digest}\nStatus: Downloaded newer image for ${pinned}\n`,
    );
    const busybox = /Digest: (sha256:[0-9a-f]{64})/.exec(last(['docker pull busybox']).stdout)![1];
    const hub = last([`docker create busybox@${busybox}`]);
    expect(hub.stderr).toMatch(
      new RegExp(
        `^Unable to find image 'busybox@${busybox}' locally\ndocker\\.io/library/busybox@${busybox}: Pulling from library/busybox\n[0-9a-f]{12}: Pull complete \nDigest: ${busybox}\nStatus: Downloaded newer image for busybox@${busybox}\n$`,
      ),
    );
    expect(hub.stdout).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it('fails as docker-cli and the daemon do', () => {
    expect(last([...gone, `docker create localhost:5000/busybox@${zeros}`])).toMatchObject({
      stderr: `Unable to find image 'localhost:5000/busybox@${zeros}' locally\ndocker: Error response from daemon: manifest for localhost:5000/busybox@${zeros} not found: manifest unknown: manifest unknown.\nSee 'docker create --help'.\n`,
      exitCode: 125,
    });
    expect(last(['docker run --rm busybox@sha256:abc'])).toMatchObject({
      stderr: "docker: invalid reference format.\nSee 'docker run --help'.\n",
      exitCode: 125,
    });
  });

  it('builds FROM a digest reference', () => {
    const built = last([
      ...gone,
      "cat > Dockerfile <<'EOF'",
      `FROM ${pinned}`,
      'CMD ["echo", "pinned"]',
      'EOF',
      'docker build -q -t pinned .',
      'docker run --rm pinned',
    ]);
    expect(built.stdout).toBe('pinned\n');
  });
});

describe('docker tag and commit with a digest reference', () => {
  it('tags the image a digest names, and refuses a digest as the new name', () => {
    const pulled = [...gone, `docker pull -q ${pinned}`, `docker tag ${pinned} ubuntu:pinned`];
    expect(last(pulled).exitCode).toBe(0);
    expect(last([...pulled, `${tagsAndDigests} ubuntu:pinned`]).stdout).toBe(
      `["ubuntu:pinned"] ["${pinned}"]\n`,
    );
    expect(last([...gone, `docker tag registry:2 mine@${digest}`])).toMatchObject({
      stderr: 'refusing to create a tag with a digest reference\n',
      exitCode: 1,
    });
    expect(last([...gone, `docker commit registry mine@${digest}`]).stderr).toBe(
      'refusing to create a tag with a digest reference\n',
    );
  });
});
