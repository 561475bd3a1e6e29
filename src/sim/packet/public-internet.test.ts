/** The lab's internet: the names tutorials use resolve, answer ping, HTTP and HTTPS; reserved names never resolve. */
import { describe, expect, it } from 'vitest';
import { replay } from '../index';
import { terminalText } from '../shell/process';
import { publicDnsAnswer } from './outside';

const NAMES = [
  'google.com',
  'www.google.com',
  'github.com',
  'docker.com',
  'hub.docker.com',
  'registry-1.docker.io',
  'example.com',
  'cloudflare.com',
  'baidu.com',
  'www.baidu.com',
  'qq.com',
  'bilibili.com',
  'aliyun.com',
  'mirrors.aliyun.com',
  'deb.debian.org',
  'archive.ubuntu.com',
  'dl-cdn.alpinelinux.org',
  'pypi.org',
  'registry.npmjs.org',
];

const base = ['docker run -dit --name b1 busybox'];
const last = (lines: readonly string[]) => replay([...base, ...lines]).transcript.at(-1)!;

describe('public names', () => {
  it.each(NAMES)('%s resolves and answers ping, HTTP and HTTPS', (name) => {
    const ip = publicDnsAnswer(name)?.ip;
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const ping = last([`docker exec b1 ping -c 1 ${name}`]);
    expect(ping.exitCode).toBe(0);
    expect(ping.stdout).toContain(`64 bytes from ${ip}: seq=0`);
    const ns = last([`nslookup ${name}`]);
    expect(ns.stdout).toContain(`Address: ${ip}`);
    const http = last([`curl -sI http://${name}/`]);
    expect(http.stdout).toMatch(/^HTTP\/1\.1 (200 OK|301 Moved Permanently)\r?\n/);
    const https = last([`docker exec b1 wget -qO- https://${name}/`]);
    expect(https.exitCode).toBe(0);
    expect(https.stdout).toContain('<html>');
  });

  it('1.1.1.1 and 8.8.8.8 answer ping', () => {
    expect(last(['ping -c 1 1.1.1.1']).stdout).toContain('64 bytes from 1.1.1.1');
    expect(last(['ping -c 1 8.8.8.8']).stdout).toContain('64 bytes from 8.8.8.8');
  });

  it('http:// sends the client to https:// as real sites do', () => {
    expect(last(['curl -sI http://github.com/']).stdout).toContain('Location: https://github.com/');
  });

  it.each(['nosuch.invalid', 'web.test', 'site.example', 'unknown-name.com'])(
    '%s never resolves (RFC 6761, or NXDOMAIN)',
    (name) => {
      expect(publicDnsAnswer(name)).toBeUndefined();
      expect(terminalText(last([`docker exec b1 ping -c 1 ${name}`]))).toBe(
        `ping: bad address '${name}'\n`,
      );
      expect(terminalText(last([`ping -c 1 ${name}`]))).toBe(
        `ping: ${name}: Name or service not known\n`,
      );
      expect(last([`curl -s http://${name}/`]).exitCode).toBe(6);
    },
  );
});
