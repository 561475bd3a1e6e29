import { describe, expect, it } from 'vitest';
import { digestProblem, parseNamed, referenceProblem } from './reference';

const hex64 = 'c3b37fff8a4c0e8fe62eb18a0f9a94813e313611350e696572049dde92a1f1c4';

describe('docker-cli’s reference parser', () => {
  it('splits the familiar repository, the tag and the digest', () => {
    expect(parseNamed('nginx')).toEqual({ ok: true, ref: { repo: 'nginx' } });
    expect(parseNamed('docker.io/library/nginx:alpine')).toEqual({
      ok: true,
      ref: { repo: 'nginx', tag: 'alpine' },
    });
    expect(parseNamed(`localhost:5000/ubuntu@sha256:${hex64}`)).toEqual({
      ok: true,
      ref: { repo: 'localhost:5000/ubuntu', digest: `sha256:${hex64}` },
    });
    expect(parseNamed(`ubuntu:24.04@sha256:${hex64}`)).toEqual({
      ok: true,
      ref: { repo: 'ubuntu', tag: '24.04', digest: `sha256:${hex64}` },
    });
    expect(parseNamed('library/ubuntu')).toMatchObject({ ref: { repo: 'ubuntu' } });
    expect(parseNamed('bitnami/redis')).toMatchObject({ ref: { repo: 'bitnami/redis' } });
  });

  it('gives distribution/reference’s and go-digest’s errors word for word', () => {
    const error = (s: string) => {
      const r = parseNamed(s);
      return r.ok ? undefined : r.error;
    };
    // Fewer than 32 hex digits: the reference pattern itself fails.
    expect(error('nginx@sha256:abc')).toBe('invalid reference format');
    expect(error(`nginx@sha256:${hex64.slice(0, 40)}`)).toBe('invalid checksum digest length');
    // The pattern takes upper-case hex; go-digest does not.
    expect(error(`nginx@sha256:${hex64.toUpperCase()}`)).toBe('invalid checksum digest format');
    // The lower-case check runs on everything before the first colon, digest included.
    expect(error(`nginx@SHA256:${hex64}`)).toBe(
      'invalid reference format: repository name (library/nginx@SHA256) must be lowercase',
    );
    expect(error(`nginx@sha256:${hex64.slice(0, 63)}G`)).toBe('invalid reference format');
    expect(error(`nginx@md5:${hex64.slice(0, 32)}`)).toBe('unsupported digest algorithm');
    expect(error('Nginx')).toBe(
      'invalid reference format: repository name (library/Nginx) must be lowercase',
    );
    expect(error('localhost:5000/Ubuntu')).toBe(
      'invalid reference format: repository name (Ubuntu) must be lowercase',
    );
    expect(error('nginx::a')).toBe('invalid reference format');
    expect(error(hex64)).toBe(
      `invalid repository name (${hex64}), cannot specify 64-byte hexadecimal strings`,
    );
  });

  it('lets `docker run` name an image by its ID', () => {
    expect(referenceProblem(hex64)).toBeUndefined();
    expect(referenceProblem(`sha256:${hex64}`)).toBeUndefined();
    expect(referenceProblem('276c2d899a8d')).toBeUndefined();
    expect(referenceProblem('busybox@sha256:abc')).toBe('invalid reference format');
  });

  it('validates digests as go-digest does', () => {
    expect(digestProblem(`sha256:${hex64}`)).toBeUndefined();
    expect(digestProblem('sha256:')).toBe('invalid checksum digest format');
    expect(digestProblem(`sha512:${hex64}`)).toBe('invalid checksum digest length');
    expect(digestProblem(`sha256:${hex64.toUpperCase()}`)).toBe('invalid checksum digest format');
  });
});
