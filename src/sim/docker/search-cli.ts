/**
 * `docker search` (docker/cli v27.5.1 registry/search.go, formatter_search.go; moby registry
 * search): NAME, DESCRIPTION (cut to 45 columns with an ellipsis unless --no-trunc), STARS and
 * OFFICIAL (`[OK]`). Docker Hub is out of the lab's reach, so it answers from a fixed catalogue of
 * well-known repositories; star counts are rounded figures of early 2025, not live ones.
 */
import { renderTable } from '../format/table';
import { output } from '../shell/process';
import type { DockerHandler } from './cli';
import { checkArgs, daemonError, flagError } from './cli-errors';
import { parseFlags, type FlagSpec } from './flags';

interface HubRepository {
  readonly name: string;
  readonly description: string;
  readonly stars: number;
  readonly official?: true;
}

const HUB: readonly HubRepository[] = [
  { name: 'nginx', description: 'Official build of Nginx.', stars: 20600, official: true },
  {
    name: 'nginx/nginx-ingress',
    description: 'NGINX and  NGINX Plus Ingress Controllers for Kubernetes',
    stars: 100,
  },
  {
    name: 'nginxinc/nginx-unprivileged',
    description: 'Unprivileged NGINX Dockerfiles',
    stars: 150,
  },
  { name: 'bitnami/nginx', description: 'Bitnami container image for NGINX', stars: 200 },
  {
    name: 'ubuntu/nginx',
    description: 'Nginx, a high-performance reverse proxy & web server.',
    stars: 120,
  },
  { name: 'busybox', description: 'Busybox base image.', stars: 3300, official: true },
  {
    name: 'alpine',
    description:
      'A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!',
    stars: 11000,
    official: true,
  },
  { name: 'alpine/git', description: 'A simple git container running in alpine linux', stars: 250 },
  { name: 'alpine/curl', description: 'curl in an Alpine Linux container', stars: 10 },
  {
    name: 'ubuntu',
    description: 'Ubuntu is a Debian-based Linux operating system based on free software.',
    stars: 17500,
    official: true,
  },
  {
    name: 'debian',
    description:
      "Debian is a Linux distribution that's composed entirely of free and open-source software.",
    stars: 5000,
    official: true,
  },
  {
    name: 'centos',
    description: 'DEPRECATED; The official build of CentOS.',
    stars: 7700,
    official: true,
  },
  {
    name: 'tomcat',
    description:
      'Apache Tomcat is an open source implementation of the Java Servlet and JavaServer Pages technologies',
    stars: 3700,
    official: true,
  },
  { name: 'bitnami/tomcat', description: 'Bitnami container image for Tomcat', stars: 50 },
  {
    name: 'redis',
    description:
      'Redis is an open source key-value store that functions as a data structure server.',
    stars: 12900,
    official: true,
  },
  { name: 'bitnami/redis', description: 'Bitnami container image for Redis', stars: 300 },
  {
    name: 'mysql',
    description:
      'MySQL is a widely used, open-source relational database management system (RDBMS).',
    stars: 15700,
    official: true,
  },
  { name: 'bitnami/mysql', description: 'Bitnami container image for MySQL', stars: 120 },
  {
    name: 'wordpress',
    description:
      'The WordPress rich content management system can utilize plugins, widgets, and themes.',
    stars: 5700,
    official: true,
  },
  { name: 'bitnami/wordpress', description: 'Bitnami container image for WordPress', stars: 280 },
  { name: 'httpd', description: 'The Apache HTTP Server Project', stars: 4800, official: true },
  {
    name: 'registry',
    description:
      'Distribution implementation for storing and distributing of container images and artifacts',
    stars: 4200,
    official: true,
  },
  { name: 'joxit/docker-registry-ui', description: 'Docker registry v2 UI', stars: 130 },
];

export const SEARCH_FLAGS: readonly FlagSpec[] = [
  { long: 'filter', short: 'f', type: 'list' },
  { long: 'limit', type: 'string' },
  { long: 'no-trunc', type: 'bool' },
  { long: 'format', type: 'string' },
];

/** formatter.Ellipsis: at most `max` columns, the last one an ellipsis when cut. */
const ellipsis = (s: string, max: number) =>
  [...s].length <= max ? s : `${[...s].slice(0, max - 1).join('')}…`;

/** The hub's answer: repositories whose name or description holds the term, best match first. */
function hubSearch(term: string): HubRepository[] {
  const t = term.toLowerCase();
  const score = (r: HubRepository) => (r.name === t ? 2 : r.name.includes(t) ? 1 : 0);
  return HUB.filter((r) => r.name.includes(t) || r.description.toLowerCase().includes(t)).sort(
    (a, b) => score(b) - score(a) || b.stars - a.stars,
  );
}

export const dockerSearch: DockerHandler = (p, args, path) => {
  const parsed = parseFlags(args, SEARCH_FLAGS, true);
  if (!parsed.ok) return flagError(p.world, path, parsed.error);
  const usage = checkArgs(p.world, path, parsed.value.args, { exactly: 1 });
  if (usage) return usage;
  const f = parsed.value;
  if (f.strings.has('format'))
    return output(p.world, '', `lab: ${path} --format is not simulated\n`, 1);
  const limitText = f.strings.get('limit') ?? '0';
  const limit = Number(limitText);
  if (!/^-?\d+$/.test(limitText))
    return flagError(
      p.world,
      path,
      `invalid argument "${limitText}" for "--limit" flag: strconv.ParseInt: parsing "${limitText}": invalid syntax`,
    );
  if (limit !== 0 && (limit < 1 || limit > 100))
    return daemonError(p.world, `limit ${limit} is outside the range of [1, 100]`);
  let results = hubSearch(f.args[0]);
  for (const filter of f.lists.get('filter') ?? []) {
    const [key, value = ''] = filter.split(/=(.*)/s);
    if (key === 'is-official') {
      if (!['true', 'false'].includes(value))
        return daemonError(p.world, `invalid filter 'is-official=${value}'`);
      results = results.filter((r) => (r.official === true) === (value === 'true'));
    } else if (key === 'stars') {
      if (!/^\d+$/.test(value)) return daemonError(p.world, `invalid filter 'stars=${value}'`);
      results = results.filter((r) => r.stars >= Number(value));
    } else if (key === 'is-automated') {
      results = value === 'true' ? [] : results;
    } else return daemonError(p.world, `invalid filter '${key}'`);
  }
  results = results.slice(0, limit || 25);
  const trunc = !f.bools.has('no-trunc');
  const warn = (f.lists.get('filter') ?? []).some((x) => x.startsWith('is-automated'))
    ? 'WARNING: the "is-automated" filter is deprecated, and searching for "is-automated=true" will not yield any results in future.\n'
    : '';
  const table = renderTable(
    ['NAME', 'DESCRIPTION', 'STARS', 'OFFICIAL'],
    results.map((r) => [
      r.name,
      trunc ? ellipsis(r.description, 45) : r.description,
      String(r.stars),
      r.official ? '[OK]' : '',
    ]),
  );
  return warn
    ? {
        ...output(p.world, table, warn),
        chunks: [
          { stream: 'stderr', text: warn },
          { stream: 'stdout', text: table },
        ],
      }
    : output(p.world, table);
};
