/**
 * The access log a web server container writes to its stdout for each request it answers, which
 * is how `docker logs web` shows who connected — and from which address, after the NAT on the way:
 * the bridge gateway for the host through docker-proxy, the container's own address container to
 * container, the LAN machine's address through DNAT.
 *
 * Formats: nginx's image logs `main` (`$remote_addr - $remote_user [$time_local] "$request"
 * $status $body_bytes_sent "$http_referer" "$http_user_agent" "$http_x_forwarded_for"`); httpd's
 * image points `CustomLog … common` at /proc/self/fd/1 (`%h %l %u %t "%r" %>s %b`, `-` for no
 * body); Debian's Apache in the WordPress image logs `combined` with `%O`, the bytes sent
 * headers included (seed 002: `"GET / HTTP/1.1" 302 404 "-" "Mozilla/…"`).
 */
import type { Ipv4, World } from '../model';
import { commonLogTime } from '../format/log-times';
import type { Service } from '../net/sockets';
import { appendLog } from './container-logs';
import { updateContainer } from './main-clock';

/** One answered request, as the server saw it. */
export interface Access {
  readonly peer: Ipv4;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** Body bytes sent (none for HEAD). */
  readonly bodyBytes: number;
  /** Everything sent, status line and headers included. */
  readonly totalBytes: number;
  readonly userAgent: string;
}

function accessLine(service: Service, a: Access, at: number): string | undefined {
  const head = `${a.peer} - - [${commonLogTime(at)}] "${a.method} ${a.path} HTTP/1.1" ${a.status}`;
  switch (service) {
    case 'nginx':
      return `${head} ${a.bodyBytes} "-" "${a.userAgent}" "-"`;
    case 'httpd':
      return `${head} ${a.bodyBytes || '-'}`;
    case 'wordpress':
      return `${head} ${a.totalBytes} "-" "${a.userAgent}"`;
    default:
      return undefined;
  }
}

/** Appends the line for `a` to the log of the container whose `service` answered it. */
export function recordAccess(
  world: World,
  host: string,
  containerId: string,
  service: Service,
  a: Access,
  at: number,
): World {
  const line = accessLine(service, a, at);
  if (!line) return world;
  return updateContainer(world, host, containerId, (c) =>
    appendLog(c, [{ stream: 'stdout', text: `${line}\n`, at }]),
  );
}
