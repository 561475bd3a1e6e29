import { describe, expect, it } from 'vitest';
import { readDaemonConfig } from './daemon-config';

const PREFIX = 'unable to configure the Docker daemon with file /etc/docker/daemon.json: ';
const error = (text: string) => {
  const r = readDaemonConfig(text);
  if (r.ok) throw new Error('expected an error');
  return r.error.slice(PREFIX.length);
};

describe('daemon.json as dockerd reads it', () => {
  it('takes the seed 002 settings', () => {
    const r = readDaemonConfig(
      '{\n  "bip": "192.168.1.1/24",\n  "fixed-cidr": "192.168.1.0/25",\n  "mtu": 1500,\n' +
        '  "default-gateway": "192.168.1.254",\n  "dns": ["10.20.1.2","10.20.1.3"]\n}\n',
    );
    expect(r).toEqual({
      ok: true,
      value: {
        bip: '192.168.1.1/24',
        fixedCidr: '192.168.1.0/25',
        mtu: 1500,
        defaultGateway: '192.168.1.254',
        dns: ['10.20.1.2', '10.20.1.3'],
      },
    });
  });

  it('a missing or empty file means no settings', () => {
    expect(readDaemonConfig(undefined)).toEqual({ ok: true, value: {} });
    expect(readDaemonConfig('  \n')).toEqual({ ok: true, value: {} });
  });

  it("reports syntax errors in encoding/json's words", () => {
    expect(error('{"bip": x}')).toBe("invalid character 'x' looking for beginning of value");
    expect(error('{"mtu": 1500,}')).toBe(
      "invalid character '}' looking for beginning of object key string",
    );
    expect(error('{"mtu" 1500}')).toBe("invalid character '1' after object key");
    expect(error('{"mtu": 1500 "dns": []}')).toBe(
      "invalid character '\"' after object key:value pair",
    );
    expect(error('{"dns": ["a" "b"]}')).toBe("invalid character '\"' after array element");
    expect(error('{"mtu": 1500')).toBe('unexpected end of JSON input');
    expect(error('{"mtu": 1500}}')).toBe("invalid character '}' after top-level value");
    expect(error("{'bip': 1}")).toBe(
      "invalid character '\\'' looking for beginning of object key string",
    );
    expect(error('{"iptables": tru}')).toBe(
      "invalid character '}' in literal true (expecting 'e')",
    );
  });

  it('shows a full-width comma as Go does: its first UTF-8 byte as a Latin-1 letter', () => {
    expect(error('{"mtu": 1500，"bip": "1.2.3.4/24"}')).toBe(
      "invalid character 'ï' after object key:value pair",
    );
  });

  it('rejects keys that are not dockerd options', () => {
    expect(error('{"bip": "192.168.1.1/24", "default": 1, "foo": 2}')).toBe(
      "the following directives don't match any configuration option: default, foo",
    );
    expect(readDaemonConfig('{"registry-mirrors": ["https://m.example"]}').ok).toBe(true);
  });

  it('rejects values of the wrong type', () => {
    expect(error('{"mtu": "1500"}')).toBe(
      'json: cannot unmarshal string into Go struct field Config.mtu of type int',
    );
    expect(error('{"dns": ["10.20.1.x"]}')).toBe('invalid IP address: 10.20.1.x');
    expect(error('[]')).toBe(
      'json: cannot unmarshal array into Go value of type map[string]interface {}',
    );
  });

  it('reads default-address-pools', () => {
    expect(
      readDaemonConfig('{"default-address-pools": [{"base": "10.10.0.0/16", "size": 24}]}'),
    ).toEqual({
      ok: true,
      value: { addressPools: [{ base: '10.10.0.0/16', size: 24 }] },
    });
  });
});
