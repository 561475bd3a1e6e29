import { describe, expect, it } from 'vitest';
import {
  containerRef,
  deviceRef,
  dnsRef,
  HOST_REF,
  netnsRef,
  networkRef,
  parseRef,
  portRef,
} from './refs';

describe('object refs', () => {
  it('round-trip through parseRef, names with slashes and colons included', () => {
    expect(parseRef(HOST_REF)).toEqual({ kind: 'host' });
    expect(parseRef(networkRef('my:net'))).toEqual({ kind: 'network', name: 'my:net' });
    expect(parseRef(containerRef('web'))).toEqual({ kind: 'container', name: 'web' });
    expect(parseRef(netnsRef('abc'))).toEqual({ kind: 'netns', netns: 'abc' });
    expect(parseRef(deviceRef('host', 'veth1@if2'))).toEqual({
      kind: 'device',
      netns: 'host',
      dev: 'veth1@if2',
    });
    expect(parseRef(dnsRef('mynet'))).toEqual({ kind: 'dns', network: 'mynet' });
    expect(parseRef(portRef('0.0.0.0', '8080', 'tcp'))).toEqual({
      kind: 'port',
      key: '0.0.0.0:8080/tcp',
    });
  });

  it('rejects what it does not know', () => {
    expect(parseRef('nonsense')).toBeUndefined();
    expect(parseRef('dev:no-slash')).toBeUndefined();
    expect(parseRef('pod:x')).toBeUndefined();
  });
});
