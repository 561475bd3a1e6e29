/**
 * One HTTP request as a client tool makes it (curl, busybox wget): parse the URL, resolve the host
 * as the client's place would (resolve.ts: /etc/hosts, embedded DNS, upstream resolvers), connect
 * through the packet walker (tcp.ts), and take the reply of whatever server accepted. Tools only
 * format what this returns.
 */
import { whereIs } from '../linux/place';
import type { Ipv4, World } from '../model';
import type { Process } from '../shell/process';
import { hostOf } from '../world';
import { recordAccess } from '../docker/access-log';
import { byteLength, headerBlock, NGINX_ROOT, serve, type ServerReply } from './http';
import { containerFiles, containerView } from '../linux/file-tree';
import { registryRepositories } from '../docker/registry-store';
import { resolveForTool, type Asker } from './resolve';
import { connectTcp, type ConnectFailure } from './tcp';
import type { Trace, TraceEvent } from './trace';

export interface HttpUrl {
  readonly scheme: 'http' | 'https';
  readonly host: string;
  readonly port: number;
  /** Path with its leading slash (`/`, `/index.html`). */
  readonly path: string;
  /** Whether the port was written in the URL (the Host header then carries it). */
  readonly explicitPort: boolean;
}

/** curl and wget accept a bare `host[:port][/path]` and assume http://. */
export function parseHttpUrl(raw: string): HttpUrl | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^?#]*)?/i.exec(raw);
  if (!m) return undefined;
  const scheme = (m[1]?.toLowerCase() ?? 'http') as 'http' | 'https';
  if (raw.includes('://') && !m[1]) return undefined;
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (!Number.isInteger(port) || port > 65535) return undefined;
  return {
    scheme,
    host: m[2],
    port,
    path: m[4] || '/',
    explicitPort: m[3] !== undefined,
  };
}

export type FetchResult =
  | {
      readonly kind: 'reply';
      readonly world: World;
      readonly trace: Trace;
      readonly ip: Ipv4;
      readonly reply: ServerReply;
    }
  | { readonly kind: 'no-address'; readonly world: World; readonly trace: Trace }
  | {
      readonly kind: 'connect-failed';
      readonly world: World;
      readonly trace: Trace;
      readonly ip: Ipv4;
      readonly failure: ConnectFailure;
      readonly proxyFailed: boolean;
    };

/** The tool making a request: its name in the trace, and the User-Agent it sends. */
export interface HttpClient {
  readonly name: string;
  readonly userAgent: string;
}

/**
 * Requests `url` from the process's place. A web server container that answers writes its
 * access-log line, with the client's address as the packet reached it.
 */
export function fetchHttp(
  p: Process,
  url: HttpUrl,
  method: 'GET' | 'HEAD',
  client: HttpClient,
): FetchResult {
  const world = p.world;
  const where = whereIs(p);
  const asker: Asker = {
    host: p.place.host,
    ...(where.container ? { container: where.container } : {}),
  };
  const looked = resolveForTool(world, asker, url.host);
  const lookup: TraceEvent[] = looked.event ? [looked.event] : [];
  if (!looked.resolution.ok)
    return {
      kind: 'no-address',
      world: looked.world,
      trace: { events: lookup, verdict: 'dropped' },
    };
  const ip = looked.resolution.ip;
  const netns = where.netns;
  if (!netns)
    return {
      kind: 'connect-failed',
      world: looked.world,
      trace: { events: lookup, verdict: 'dropped' },
      ip,
      failure: 'unreachable',
      proxyFailed: false,
    };
  const conn = connectTcp(looked.world, p.place.host, netns, ip, url.port, client.name);
  const trace: Trace = { events: [...lookup, ...conn.trace.events], verdict: conn.trace.verdict };
  if (!conn.ok)
    return {
      kind: 'connect-failed',
      world: conn.world,
      trace,
      ip,
      failure: conn.failure,
      proxyFailed: conn.proxyFailed ?? false,
    };
  const h = hostOf(conn.world, conn.serverHost);
  const serverContainer = conn.server.containerId
    ? h.docker.containers.get(conn.server.containerId)
    : undefined;
  const image = serverContainer ? h.docker.images.get(serverContainer.imageId) : undefined;
  const tag = (image?.origin ?? image)?.tag;
  // A page written into the container (or built into its image) is what nginx serves.
  const page = serverContainer
    ? (containerView(h, serverContainer).files[`${NGINX_ROOT}/index.html`] ?? null)
    : undefined;
  const reply = serve(conn.server.service, {
    method,
    path: url.path,
    host: url.explicitPort ? `${url.host}:${url.port}` : url.host,
    port: url.port,
    ...(tag ? { tag } : {}),
    ...(page !== undefined && conn.server.service === 'nginx' ? { page } : {}),
    ...(serverContainer && conn.server.service === 'registry'
      ? { registry: registryRepositories(containerFiles(h, serverContainer).files) }
      : {}),
    now: p.ctx.now,
  });
  const served =
    reply.kind === 'http' && conn.server.containerId
      ? recordAccess(
          conn.world,
          conn.serverHost,
          conn.server.containerId,
          conn.server.service,
          {
            peer: conn.peer,
            method,
            path: url.path,
            status: reply.status,
            bodyBytes: method === 'HEAD' ? 0 : byteLength(reply.body),
            totalBytes:
              byteLength(headerBlock(reply)) + (method === 'HEAD' ? 0 : byteLength(reply.body)),
            userAgent: client.userAgent,
          },
          p.ctx.now,
        )
      : conn.world;
  return { kind: 'reply', world: served, trace, ip, reply };
}
