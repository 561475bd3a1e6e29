import { describe, expect, it } from 'vitest';
import { parseFlags, type FlagSpec } from './flags';
import { parsePortSpec } from './port-spec';

const SPECS: FlagSpec[] = [
  { long: 'detach', short: 'd', type: 'bool' },
  { long: 'interactive', short: 'i', type: 'bool' },
  { long: 'tty', short: 't', type: 'bool' },
  { long: 'name', type: 'string' },
  { long: 'publish', short: 'p', type: 'list' },
  { long: 'network', type: 'string', aliases: ['net'] },
];

describe('pflag grammar', () => {
  it('reads clustered shorts, attached values and --x=y', () => {
    const r = parseFlags(
      ['-dit', '-p80:80', '-p', '8080:80', '--name=web', '--net', 'mynet', 'nginx'],
      SPECS,
      false,
    );
    expect(r.ok && [...r.value.bools].sort()).toEqual(['detach', 'interactive', 'tty']);
    expect(r.ok && r.value.lists.get('publish')).toEqual(['80:80', '8080:80']);
    expect(r.ok && r.value.strings.get('name')).toBe('web');
    expect(r.ok && r.value.strings.get('network')).toBe('mynet');
    expect(r.ok && r.value.args).toEqual(['nginx']);
  });

  it('stops at the image when not interspersed', () => {
    const r = parseFlags(['-d', 'busybox', 'ping', '-c', '1', 'x'], SPECS, false);
    expect(r.ok && r.value.args).toEqual(['busybox', 'ping', '-c', '1', 'x']);
  });

  it('words its errors like pflag', () => {
    expect(parseFlags(['--foo'], SPECS, true)).toEqual({ ok: false, error: 'unknown flag: --foo' });
    expect(parseFlags(['-dz'], SPECS, true)).toEqual({
      ok: false,
      error: "unknown shorthand flag: 'z' in -dz",
    });
    expect(parseFlags(['--name'], SPECS, true)).toEqual({
      ok: false,
      error: 'flag needs an argument: --name',
    });
    expect(parseFlags(['-p'], SPECS, true)).toEqual({
      ok: false,
      error: "flag needs an argument: 'p' in -p",
    });
  });
});

describe('-p specs (go-connections v0.5)', () => {
  it('parses the forms the tutorials use', () => {
    expect(parsePortSpec('80')).toEqual({
      ok: true,
      value: [{ containerPort: '80/tcp', hostIp: '', hostPort: '' }],
    });
    expect(parsePortSpec('8080:80')).toEqual({
      ok: true,
      value: [{ containerPort: '80/tcp', hostIp: '', hostPort: '8080' }],
    });
    expect(parsePortSpec('127.0.0.1:53:53/udp')).toEqual({
      ok: true,
      value: [{ containerPort: '53/udp', hostIp: '127.0.0.1', hostPort: '53' }],
    });
  });

  it('rejects bad specs with the library texts', () => {
    expect(parsePortSpec('x')).toEqual({ ok: false, error: 'Invalid containerPort: x' });
    expect(parsePortSpec('abc:80')).toEqual({ ok: false, error: 'Invalid hostPort: abc' });
    expect(parsePortSpec('1.2.3:80:80')).toEqual({ ok: false, error: 'Invalid ip address: 1.2.3' });
    expect(parsePortSpec('80/xyz')).toEqual({ ok: false, error: 'Invalid proto: xyz' });
  });
});
