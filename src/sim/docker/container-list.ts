/**
 * How the daemon describes a container in a listing (moby daemon/list.go, container/state.go) and
 * how docker-cli 27.5 renders each column (cli/command/formatter/container.go).
 */
import type { Container, Daemon } from '../model';
import { goQuote } from '../format/go-template-strconv';
import { humanDuration } from '../format/units';
import { shortId } from './lookup';
import { findLocalImage } from './pull';
import { displayablePorts, portSummaries } from './ports-format';
import { parseLegacyLink } from './containers';

/** `State.StateString()`: the word `ps` shows in State and `--filter status=` matches. */
export function stateWord(c: Container): string {
  return c.state.paused ? 'paused' : c.state.status;
}

/** `State.String()`: `Up 2 seconds`, `Up 1 second (Paused)`, `Exited (0) 5 seconds ago`, or `Created` if never started. */
export function statusText(c: Container, now: number): string {
  if (c.state.status === 'running')
    return `Up ${humanDuration(now - (c.state.startedAt ?? now))}${c.state.paused ? ' (Paused)' : ''}`;
  if (c.state.startedAt === null || c.state.finishedAt === null) return 'Created';
  return `Exited (${c.state.exitCode}) ${humanDuration(now - c.state.finishedAt)} ago`;
}

/** docker-cli's Ellipsis: keep maxWidth-1 runes and add `…` when longer. */
export function ellipsis(s: string, maxWidth: number): string {
  const runes = [...s];
  return runes.length <= maxWidth ? s : `${runes.slice(0, maxWidth - 1).join('')}…`;
}

/** The daemon joins Path and Args, quoting args with spaces in single quotes. */
export function commandText(c: Container): string {
  if (!c.args.length) return c.path;
  return `${c.path} ${c.args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`;
}

export function commandColumn(c: Container, trunc: boolean): string {
  const text = commandText(c);
  return goQuote(trunc ? ellipsis(text, 20) : text);
}

/**
 * Config.Image as typed, unless that reference now names another image (a retag, a commit over
 * it) or none at all: then the image ID, truncated like every ID.
 */
export function imageColumn(d: Daemon, c: Container, trunc: boolean): string {
  const current = findLocalImage(d.images, c.image);
  if (current && current.id === c.imageId) return c.image.replace(/^(docker\.io\/)?library\//, '');
  return trunc ? shortId(c.imageId) : `sha256:${c.imageId}`;
}

/** Every name the daemon knows the container by: its own, and `/parent/alias` for each link. */
export function containerNames(d: Daemon, c: Container): string[] {
  const names = [`/${c.name}`];
  for (const parent of [...d.containers.values()])
    for (const link of parent.hostConfig.links) {
      const l = parseLegacyLink(link);
      if (l.child === c.name) names.push(`/${l.parent}/${l.alias}`);
    }
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function namesColumn(d: Daemon, c: Container, trunc: boolean): string {
  const names = containerNames(d, c).map((n) => n.slice(1));
  if (trunc) return names.find((n) => !n.includes('/')) ?? names[0] ?? '';
  return names.join(',');
}

export function portsColumn(c: Container): string {
  return displayablePorts(portSummaries(c));
}

/** Networks the container is attached to, by name (ContainerContext.Networks). */
export function networksColumn(c: Container): string {
  return c.endpoints.map((e) => e.networkName).join(',');
}

/** Newest first, as the daemon returns them (ties: the later-created record first). */
export function newestFirst(d: Daemon): Container[] {
  return [...d.containers.values()]
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.created - a.c.created || b.i - a.i)
    .map(({ c }) => c);
}
