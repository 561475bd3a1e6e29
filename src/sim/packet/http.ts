/**
 * What the servers in this lab answer to an HTTP request, byte for byte where it is known: nginx's
 * welcome page (nginx 1.21+, the one seed 002 shows), Apache's `It works!`, Tomcat 10/11's 404 for
 * `/` (the official image ships an empty webapps/), WordPress's redirect to its installer. Redis and
 * MySQL are not HTTP servers: redis drops a connection that sends a `Host:` line (its guard against
 * cross-protocol attacks), MySQL greets first with a binary handshake.
 */
import { httpDate } from '../format/log-times';
import type { Service } from '../net/sockets';
import {
  HTTPD_IT_WORKS,
  NGINX_WELCOME,
  nginxRelease,
  tomcatVersion,
  wordpressStack,
} from './http-releases';
import { registryApi, type RegistryCatalog } from './registry-api';

export interface HttpRequest {
  readonly method: 'GET' | 'HEAD';
  readonly path: string;
  /** The Host header as the client sends it (`172.17.0.2`, `web:8080`). */
  readonly host: string;
  /** The image tag of the server's container, for version strings. */
  readonly tag?: string;
  /** Response Date, ms since the epoch. */
  readonly now: number;
  /** The server's port (a public site answers 80 and 443 differently). */
  readonly port?: number;
  /**
   * The index.html the server's document root holds now, when its container changed it; `null`
   * when it has none (an empty directory mounted over it): nginx then refuses the listing.
   */
  readonly page?: string | null;
  /** What a registry container holds (its repositories and tags). */
  readonly registry?: RegistryCatalog;
}

/** nginx's document root in the official image. */
export const NGINX_ROOT = '/usr/share/nginx/html';

export type ServerReply =
  | {
      readonly kind: 'http';
      readonly status: number;
      readonly reason: string;
      readonly headers: readonly (readonly [string, string])[];
      readonly body: string;
    }
  /** The server closed the connection without a byte (redis). */
  | { readonly kind: 'empty' }
  /** The server spoke first with something that is not HTTP (MySQL's handshake). */
  | { readonly kind: 'not-http' };

/** UTF-8 bytes of `s`, as Content-Length counts them. */
export const byteLength = (s: string): number => new TextEncoder().encode(s).length;

function nginx(req: HttpRequest): ServerReply {
  const { version, mtime } = nginxRelease(req.tag);
  const server: [string, string] = ['Server', `nginx/${version}`];
  const date: [string, string] = ['Date', httpDate(req.now)];
  const index = req.path === '/' || req.path === '/index.html';
  if (index && req.page !== null) {
    const page = req.page ?? NGINX_WELCOME;
    const len = byteLength(page);
    return {
      kind: 'http',
      status: 200,
      reason: 'OK',
      headers: [
        server,
        date,
        ['Content-Type', 'text/html'],
        ['Content-Length', String(len)],
        ['Last-Modified', httpDate(mtime * 1000)],
        ['Connection', 'keep-alive'],
        ['ETag', `"${mtime.toString(16)}-${len.toString(16)}"`],
        ['Accept-Ranges', 'bytes'],
      ],
      body: page,
    };
  }
  // `/` without an index file is a directory listing, which nginx's default config forbids.
  const [status, reason] = index && req.path === '/' ? [403, 'Forbidden'] : [404, 'Not Found'];
  const body =
    `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n` +
    `<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n` +
    '</body>\r\n</html>\r\n';
  return {
    kind: 'http',
    status,
    reason,
    headers: [
      server,
      date,
      ['Content-Type', 'text/html'],
      ['Content-Length', String(byteLength(body))],
      ['Connection', 'keep-alive'],
    ],
    body,
  };
}

function apache(req: HttpRequest, server: string, root: string | undefined): ServerReply {
  const date: [string, string] = ['Date', httpDate(req.now)];
  if (root !== undefined && (req.path === '/' || req.path === '/index.html'))
    return {
      kind: 'http',
      status: 200,
      reason: 'OK',
      headers: [
        date,
        ['Server', server],
        ['Last-Modified', 'Mon, 11 Jun 2007 18:53:14 GMT'],
        ['ETag', '"2d-432a5e4a73a80"'],
        ['Accept-Ranges', 'bytes'],
        ['Content-Length', String(byteLength(root))],
        ['Content-Type', 'text/html'],
      ],
      body: root,
    };
  const body =
    '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n' +
    '</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';
  return {
    kind: 'http',
    status: 404,
    reason: 'Not Found',
    headers: [
      date,
      ['Server', server],
      ['Content-Length', String(byteLength(body))],
      ['Content-Type', 'text/html; charset=iso-8859-1'],
    ],
    body,
  };
}

function tomcat(req: HttpRequest): ServerReply {
  const version = tomcatVersion(req.tag);
  // ErrorReportValve's page; no webapp is deployed, so every path is a 404 without a message.
  const body =
    '<!doctype html><html lang="en"><head><title>HTTP Status 404 – Not Found</title><style type="text/css">' +
    'body {font-family:Tahoma,Arial,sans-serif;} h1, h2, h3, b {color:white;background-color:#525D76;} ' +
    'h1 {font-size:22px;} h2 {font-size:16px;} h3 {font-size:14px;} p {font-size:12px;} a {color:black;} ' +
    '.line {height:1px;background-color:#525D76;border:none;}</style></head><body>' +
    '<h1>HTTP Status 404 – Not Found</h1><hr class="line" /><p><b>Type</b> Status Report</p>' +
    '<p><b>Description</b> The origin server did not find a current representation for the target ' +
    'resource or is not willing to disclose that one exists.</p><hr class="line" />' +
    `<h3>Apache Tomcat/${version}</h3></body></html>`;
  return {
    kind: 'http',
    status: 404,
    reason: '',
    headers: [
      ['Content-Type', 'text/html;charset=utf-8'],
      ['Content-Language', 'en'],
      ['Content-Length', String(byteLength(body))],
      ['Date', httpDate(req.now)],
    ],
    body,
  };
}

function wordpress(req: HttpRequest): ServerReply {
  const { apache, php } = wordpressStack(req.tag);
  return {
    kind: 'http',
    status: 302,
    reason: 'Found',
    headers: [
      ['Date', httpDate(req.now)],
      ['Server', apache],
      ['X-Powered-By', php],
      ['Expires', 'Wed, 11 Jan 1984 05:00:00 GMT'],
      ['Cache-Control', 'no-cache, must-revalidate, max-age=0, no-store, private'],
      ['X-Redirect-By', 'WordPress'],
      ['Location', `http://${req.host}/wp-admin/install.php`],
      ['Content-Length', '0'],
      ['Content-Type', 'text/html; charset=UTF-8'],
    ],
    body: '',
  };
}

/** example.com still answers plain HTTP (it is documentation's own example). */
const PLAIN_HTTP = new Set(['example.com', 'www.example.com', '93.184.215.14']);

/**
 * A public web site of the lab's internet (outside.ts): HTTP on port 80 sends the client to HTTPS,
 * as nearly every real site does; HTTPS on 443 answers a small page. TLS itself is not modelled:
 * the reply is what the client shows once the handshake is done.
 */
function publicSite(req: HttpRequest): ServerReply {
  const date: [string, string] = ['Date', httpDate(req.now)];
  const name = req.host.replace(/:\d+$/, '');
  if (req.port !== 443 && !PLAIN_HTTP.has(name)) {
    const body =
      '<html>\r\n<head><title>301 Moved Permanently</title></head>\r\n<body>\r\n' +
      '<center><h1>301 Moved Permanently</h1></center>\r\n</body>\r\n</html>\r\n';
    return {
      kind: 'http',
      status: 301,
      reason: 'Moved Permanently',
      headers: [
        date,
        ['Content-Type', 'text/html'],
        ['Content-Length', String(byteLength(body))],
        ['Connection', 'keep-alive'],
        ['Location', `https://${name}${req.path}`],
      ],
      body,
    };
  }
  const body = `<!doctype html>\n<html>\n<head><title>${name}</title></head>\n<body>\n<h1>${name}</h1>\n<p>A public site, as the lab's internet serves it.</p>\n</body>\n</html>\n`;
  return {
    kind: 'http',
    status: 200,
    reason: 'OK',
    headers: [
      date,
      ['Content-Type', 'text/html; charset=UTF-8'],
      ['Content-Length', String(byteLength(body))],
      ['Connection', 'keep-alive'],
    ],
    body,
  };
}

/** The reply of `service` to one request. */
export function serve(service: Service, req: HttpRequest): ServerReply {
  switch (service) {
    case 'nginx':
      return nginx(req);
    case 'httpd':
      return apache(req, 'Apache/2.4.62 (Unix)', HTTPD_IT_WORKS);
    case 'wordpress':
      return wordpress(req);
    case 'registry':
      return registryApi(req, req.registry ?? new Map());
    case 'tomcat':
      return tomcat(req);
    case 'redis':
      return { kind: 'empty' };
    case 'mysql':
    case 'mysqlx':
    case 'sshd':
    case 'dockerd':
      return { kind: 'not-http' };
    case 'docker-proxy':
      return { kind: 'empty' };
    // A detached `nc -l` reads EOF from /dev/null and shuts its side at once: nothing comes back.
    case 'nc':
      return { kind: 'empty' };
    case 'web-site':
      return publicSite(req);
  }
}

/** The status line and headers as they travel (HTTP/1.1, CRLF-separated, blank line ending). */
export function headerBlock(r: Extract<ServerReply, { kind: 'http' }>): string {
  const status = `HTTP/1.1 ${r.status}${r.reason ? ` ${r.reason}` : ''}`;
  return [status, ...r.headers.map(([k, v]) => `${k}: ${v}`), '', ''].join('\r\n');
}
