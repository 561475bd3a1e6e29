/**
 * The Docker Registry HTTP API v2 as `registry:2` (distribution 2.8) answers it: `/v2/` with `{}`,
 * the catalog and tags lists as JSON (Go's json.Encoder ends them with a newline), the API's own
 * error document for an unknown repository, and Go's plain `404 page not found` for any other path.
 * Go's server writes the handler's headers sorted, then Date and Content-Length.
 */
import { httpDate } from '../format/log-times';
import { byteLength, type HttpRequest, type ServerReply } from './http';

/** What the registry holds: each repository with its tags, sorted. */
export type RegistryCatalog = ReadonlyMap<string, readonly string[]>;

const JSON_TYPE = 'application/json; charset=utf-8';

function reply(
  req: HttpRequest,
  status: number,
  reason: string,
  type: string,
  body: string,
  api = true,
): ServerReply {
  return {
    kind: 'http',
    status,
    reason,
    headers: [
      ['Content-Type', type],
      ...(api ? [['Docker-Distribution-Api-Version', 'registry/2.0'] as [string, string]] : []),
      ['X-Content-Type-Options', 'nosniff'],
      ['Date', httpDate(req.now)],
      ['Content-Length', String(byteLength(body))],
    ],
    body: req.method === 'HEAD' ? '' : body,
  };
}

export function registryApi(req: HttpRequest, catalog: RegistryCatalog): ServerReply {
  const path = req.path.replace(/\?.*$/, '');
  if (path === '/v2/' || path === '/v2') return reply(req, 200, 'OK', JSON_TYPE, '{}');
  if (path === '/v2/_catalog')
    return reply(
      req,
      200,
      'OK',
      JSON_TYPE,
      `${JSON.stringify({ repositories: [...catalog.keys()] })}\n`,
    );
  const tags = /^\/v2\/(.+)\/tags\/list$/.exec(path);
  if (tags) {
    const name = tags[1];
    const list = catalog.get(name);
    if (list) return reply(req, 200, 'OK', JSON_TYPE, `${JSON.stringify({ name, tags: list })}\n`);
    const error = {
      errors: [
        {
          code: 'NAME_UNKNOWN',
          message: 'repository name not known to registry',
          detail: { name },
        },
      ],
    };
    return reply(req, 404, 'Not Found', JSON_TYPE, `${JSON.stringify(error)}\n`);
  }
  return reply(req, 404, 'Not Found', 'text/plain; charset=utf-8', '404 page not found\n', false);
}
