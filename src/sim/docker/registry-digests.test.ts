import { describe, expect, it } from 'vitest';
import { traced } from '../linux/testing';
import { last, pushed, pushedDigest } from './registry-testing';

const repoDigests = "docker image inspect --format '{{json .RepoDigests}}' localhost:5000/busybox";

describe('digest references', () => {
  it('a push adds repo@<manifest digest> beside the digest the Hub pull left', () => {
    const digest = pushedDigest(pushed);
    const shown = JSON.parse(last([...pushed, repoDigests]).stdout) as string[];
    expect(shown).toHaveLength(2);
    expect(shown[0]).toMatch(/^busybox@sha256:[0-9a-f]{64}$/);
    expect(shown[1]).toBe(`localhost:5000/busybox@${digest}`);
  });

  it('rmi of a repository’s last tag untags its digest references, then deletes the image', () => {
    const digest = pushedDigest(pushed);
    const gone = [...pushed, 'docker rmi busybox localhost:5000/busybox'];
    const pulled = [...gone, 'docker pull localhost:5000/busybox'];
    expect(JSON.parse(last([...pulled, repoDigests]).stdout)).toEqual([
      `localhost:5000/busybox@${digest}`,
    ]);
    const r = last([...pulled, 'docker rmi localhost:5000/busybox']);
    expect(r.stdout).toMatch(
      new RegExp(
        `^Untagged: localhost:5000/busybox:latest\nUntagged: localhost:5000/busybox@${digest}\n(Deleted: sha256:[0-9a-f]{64}\n)+$`,
      ),
    );
    expect(
      last([...pulled, 'docker rmi localhost:5000/busybox', 'docker images -q -a']).stdout,
    ).toBe(last([...pulled, 'docker images -q registry']).stdout);
  });

  it('a tag moved away leaves a row only the digest names; dangling once it has no tag', () => {
    const moved = [...pushed, 'docker pull alpine', 'docker tag alpine localhost:5000/busybox'];
    const rows = last([...moved, 'docker images --format "{{.Repository}} {{.Tag}}"']).stdout;
    expect(rows.split('\n')).toContain('localhost:5000/busybox <none>');
    // Still tagged busybox:latest, the image is not dangling.
    const digest = pushedDigest(pushed);
    expect(last([...moved, 'docker images --digests -f dangling=true']).stdout).not.toContain(
      digest,
    );
    const untagged = [...moved, 'docker rmi busybox'];
    expect(last([...untagged, 'docker images --digests -f dangling=true']).stdout).toMatch(
      new RegExp(`\nlocalhost:5000/busybox +<none> +${digest} `),
    );
    expect(last([...untagged, 'docker images -f dangling=false']).stdout).toMatch(
      /\nlocalhost:5000\/busybox +<none> /,
    );
    // Without --digests, a {{.Digest}} column shows a tag's digests but not a digest-only row's.
    const formatted = last([...moved, 'docker images --format "{{.Tag}}={{.Digest}}" busybox']);
    expect(formatted.stdout).toMatch(/^latest=sha256:[0-9a-f]{64}\n$/);
  });
});

describe('a digest reference by name', () => {
  const hub = ['docker pull ubuntu'];
  const digest = /Digest: (sha256:[0-9a-f]{64})/.exec(last(hub).stdout)![1];

  it('finds the image, and rmi takes that reference alone, leaving the tag', () => {
    const id = last([...hub, 'docker image inspect --format {{.Id}} ubuntu']).stdout;
    expect(last([...hub, `docker image inspect --format {{.Id}} ubuntu@${digest}`]).stdout).toBe(
      id,
    );
    const untagged = [...hub, `docker rmi ubuntu@${digest}`];
    expect(last(untagged).stdout).toBe(`Untagged: ubuntu@${digest}\n`);
    expect(last([...untagged, "docker images --format '{{.Tag}} {{.Digest}}' ubuntu"]).stdout).toBe(
      'latest <none>\n',
    );
    expect(last([...untagged, `docker rmi ubuntu@${digest}`])).toMatchObject({
      stderr: `Error response from daemon: No such image: ubuntu@${digest}\n`,
      exitCode: 1,
    });
    // Pulling the tag again records the digest again, as every pull does.
    const again = [...untagged, 'docker pull ubuntu'];
    expect(last(again).stdout).toContain(`Digest: ${digest}\nStatus: Image is up to date`);
    expect(last([...again, "docker images --format '{{.Digest}}' ubuntu"]).stdout).toBe(
      `${digest}\n`,
    );
  });
});

describe('docker run of an image only the registry has', () => {
  const gone = [...pushed, 'docker rmi busybox localhost:5000/busybox'];

  it('pulls it through the datapath, with the progress on stderr, then runs it', () => {
    const digest = pushedDigest(pushed);
    const r = last([...gone, 'docker run --rm localhost:5000/busybox echo hi']);
    expect(r.stdout).toBe('hi\n');
    expect(r.stderr).toMatch(
      new RegExp(
        `^Unable to find image 'localhost:5000/busybox:latest' locally\nlatest: Pulling from busybox\n[0-9a-f]{12}: Pull complete \nDigest: ${digest}\nStatus: Downloaded newer image for localhost:5000/busybox:latest\n$`,
      ),
    );
    expect(traced([...gone, 'docker create localhost:5000/busybox']).trace?.verdict).toBe(
      'delivered',
    );
  });

  it('fails as the daemon does for a missing tag, an unknown repository, a stopped registry', () => {
    const tag = last([...gone, 'docker run --rm localhost:5000/busybox:1.36 true']);
    expect(tag).toMatchObject({
      stderr:
        "Unable to find image 'localhost:5000/busybox:1.36' locally\ndocker: Error response from daemon: manifest for localhost:5000/busybox:1.36 not found: manifest unknown: manifest unknown.\nSee 'docker run --help'.\n",
      exitCode: 125,
    });
    expect(last([...gone, 'docker create localhost:5000/nope']).stderr).toContain(
      'Error response from daemon: repository localhost:5000/nope not found: name unknown: repository name not known to registry',
    );
    const stopped = last([...gone, 'docker stop registry', 'docker run localhost:5000/busybox']);
    expect(stopped.stderr).toContain(
      'docker: Error response from daemon: Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused.',
    );
  });
});
