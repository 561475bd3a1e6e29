/** `-p` specs as go-connections v0.5 (docker-cli 27) parses them: `[ip:][hostPort:]containerPort[/proto]`. */
import type { PortBinding } from '../model';
import { isIpv4 } from '../net/ipv4';
import { err, ok, type Result } from '../result';

function parseRange(s: string): [number, number] | null {
  const m = /^(\d+)(?:-(\d+))?$/.exec(s);
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (a > 65535 || b > 65535 || b < a) return null;
  return [a, b];
}

export function parsePortSpec(spec: string): Result<PortBinding[]> {
  const [rawPorts = '', proto = 'tcp', ...extra] = spec.split('/');
  if (extra.length || !['tcp', 'udp', 'sctp'].includes(proto))
    return err(`Invalid proto: ${proto}`);
  const parts = rawPorts.split(':');
  // [ip:]hostPort:containerPort, the container port always last.
  const container = parts.at(-1)!;
  const host = parts.length >= 2 ? parts.at(-2)! : '';
  let ip = '';
  if (parts.length > 2) {
    ip = parts
      .slice(0, -2)
      .join(':')
      .replace(/^\[|\]$/g, '');
  }
  if (ip && !isIpv4(ip)) return err(`Invalid ip address: ${ip}`);
  if (!container) return err(`No port specified: ${spec}<empty>`);
  const c = parseRange(container);
  if (!c) return err(`Invalid containerPort: ${container}`);
  const hRange = host ? parseRange(host) : null;
  if (host && !hRange) return err(`Invalid hostPort: ${host}`);
  const count = c[1] - c[0] + 1;
  if (hRange && hRange[1] - hRange[0] + 1 !== count && !(hRange[0] !== hRange[1] && count === 1))
    return err(`Invalid ranges specified for container and host Ports: ${container} and ${host}`);
  return ok(
    Array.from({ length: count }, (_, i) => ({
      containerPort: `${c[0] + i}/${proto}`,
      hostIp: ip,
      hostPort: hRange ? String(hRange[0] + (hRange[0] === hRange[1] ? 0 : i)) : '',
    })),
  );
}
