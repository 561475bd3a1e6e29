import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import type { Container, World } from '../model';
import { hostOf } from '../world';
import { resolveName, reverseName } from './dns';

const lab = (lines: string[]) => replay(lines).world;
const ctr = (w: World, name: string): Container =>
  [...hostOf(w).docker.containers.values()].find((c) => c.name === name)!;

describe('embedded DNS (127.0.0.11)', () => {
  const w = lab([
    'docker network create mynet',
    'docker network create other',
    'docker run -dit --name web --network mynet --network-alias www busybox',
    'docker run -dit --name api --network mynet --link web:db busybox',
    'docker run -dit --name lone --network other busybox',
    'docker run -dit --name old1 busybox',
    'docker run -dit --name old2 busybox',
  ]);

  it('answers names, aliases and short ids of containers on a shared user network', () => {
    const api = ctr(w, 'api');
    const web = ctr(w, 'web');
    expect(resolveName(hostOf(w), api, 'web')).toEqual({
      kind: 'record',
      ip: '172.18.0.2',
      network: 'mynet',
      container: 'web',
      match: 'name',
    });
    expect(resolveName(hostOf(w), api, 'www')).toMatchObject({ ip: '172.18.0.2', match: 'alias' });
    expect(resolveName(hostOf(w), api, web.id.slice(0, 12))).toMatchObject({ match: 'short-id' });
    expect(resolveName(hostOf(w), api, 'WEB')).toMatchObject({ ip: '172.18.0.2' });
  });

  it('makes a --link alias on a user network visible to the linking container only', () => {
    expect(resolveName(hostOf(w), ctr(w, 'api'), 'db')).toMatchObject({
      container: 'web',
      match: 'link-alias',
    });
    expect(resolveName(hostOf(w), ctr(w, 'web'), 'db')).toEqual({ kind: 'forwarded' });
  });

  it('answers <name>.<network> on that network only, as libnetwork splits the name', () => {
    const api = ctr(w, 'api');
    expect(resolveName(hostOf(w), api, 'web.mynet')).toMatchObject({
      ip: '172.18.0.2',
      network: 'mynet',
      match: 'name',
    });
    expect(resolveName(hostOf(w), api, 'www.mynet.')).toMatchObject({ match: 'alias' });
    expect(resolveName(hostOf(w), api, 'web.other')).toEqual({ kind: 'forwarded' });
    expect(resolveName(hostOf(w), ctr(w, 'lone'), 'web.mynet')).toEqual({ kind: 'forwarded' });
  });

  it('knows nothing across networks, and nothing at all on the default bridge', () => {
    expect(resolveName(hostOf(w), ctr(w, 'lone'), 'web')).toEqual({ kind: 'forwarded' });
    expect(resolveName(hostOf(w), ctr(w, 'old1'), 'old2')).toEqual({ kind: 'no-embedded-dns' });
  });

  it('reverse-resolves to <name>.<network>, never to an alias', () => {
    expect(reverseName(hostOf(w), ctr(w, 'api'), '172.18.0.2')).toBe('web.mynet');
    expect(reverseName(hostOf(w), ctr(w, 'lone'), '172.18.0.2')).toBeUndefined();
  });

  it('follows a container that joins a second network (seed 000: tomcat01 joins mynet)', () => {
    const w2 = replay([
      'docker network create --subnet 192.168.0.0/16 --gateway 192.168.0.1 mynet',
      'docker run -dit --name tomcat-net-01 --net mynet busybox',
      'docker run -dit --name tomcat01 busybox',
      'docker network connect mynet tomcat01',
    ]).world;
    expect(resolveName(hostOf(w2), ctr(w2, 'tomcat01'), 'tomcat-net-01')).toMatchObject({
      ip: '192.168.0.2',
      network: 'mynet',
    });
    expect(reverseName(hostOf(w2), ctr(w2, 'tomcat01'), '192.168.0.2')).toBe('tomcat-net-01.mynet');
  });
});
