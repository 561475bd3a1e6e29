/**
 * Each click action as the command line it stands for (design.md rule 1): pure functions from a
 * form's values to the exact line a learner would type into bash.
 */

import { shellWord } from '../../sim';

export { shellWord };

export const commandLine = (words: readonly string[]): string => words.map(shellWord).join(' ');

/** A list field ("8080:80, 8443:443" or one per space) as its words. */
export const listWords = (text: string): string[] => text.split(/[\s,]+/).filter((w) => w !== '');

export interface RunForm {
  readonly name: string;
  readonly image: string;
  /** A network's name, `host`, `none`, `container:<name>`, or '' for the default bridge. */
  readonly network: string;
  readonly ports: string;
  readonly links: string;
  readonly aliases: string;
  /**
   * The image's default command is a shell, which exits at once without a terminal: tutorials
   * start such images with `-dit` so they keep running in the background.
   */
  readonly needsTty: boolean;
}

export function runLine(f: RunForm): string {
  const words = ['docker', 'run', f.needsTty ? '-dit' : '-d'];
  if (f.name.trim()) words.push('--name', f.name.trim());
  if (f.network) words.push('--network', f.network);
  for (const p of listWords(f.ports)) words.push('-p', p);
  for (const l of listWords(f.links)) words.push('--link', l);
  for (const a of listWords(f.aliases)) words.push('--network-alias', a);
  words.push(f.image.trim());
  return commandLine(words);
}

export interface NetworkForm {
  readonly name: string;
  readonly subnet: string;
  readonly gateway: string;
  readonly internal: boolean;
}

export function networkCreateLine(f: NetworkForm): string {
  const words = ['docker', 'network', 'create'];
  if (f.subnet.trim()) words.push('--subnet', f.subnet.trim());
  if (f.gateway.trim()) words.push('--gateway', f.gateway.trim());
  if (f.internal) words.push('--internal');
  words.push(f.name.trim());
  return commandLine(words);
}

/** Where a probe starts: the host's own shell, or inside a container through `docker exec`. */
export type Origin = { readonly host: true } | { readonly container: string };

const inOrigin = (from: Origin, argv: readonly string[]): string =>
  commandLine('container' in from ? ['docker', 'exec', from.container, ...argv] : argv);

/** Four echo requests, as tutorials send them (`ping` alone would never stop). */
export const pingLine = (from: Origin, target: string): string =>
  inOrigin(from, ['ping', '-c', '4', target.trim()]);

/** The HTTP client a container has: curl, else busybox's wget (busybox and alpine). */
export type HttpClient = 'curl' | 'wget';

export function fetchLine(from: Origin, target: string, client: HttpClient): string {
  const t = target.trim();
  const url = /^https?:\/\//.test(t) ? t : `http://${t}`;
  return inOrigin(from, client === 'curl' ? ['curl', '-s', url] : ['wget', '-qO-', url]);
}

export const shellLine = (container: string, shell: 'bash' | 'sh'): string =>
  commandLine(['docker', 'exec', '-it', container, shell]);

export const connectLine = (network: string, container: string): string =>
  commandLine(['docker', 'network', 'connect', network, container]);

export const disconnectLine = (network: string, container: string): string =>
  commandLine(['docker', 'network', 'disconnect', network, container]);

export const stopLine = (c: string): string => commandLine(['docker', 'stop', c]);
export const startLine = (c: string): string => commandLine(['docker', 'start', c]);
/** `-f`: a running container is stopped first, as a "Remove" click means. */
export const removeLine = (c: string): string => commandLine(['docker', 'rm', '-f', c]);
export const networkInspectLine = (n: string): string =>
  commandLine(['docker', 'network', 'inspect', n]);
export const networkRemoveLine = (n: string): string => commandLine(['docker', 'network', 'rm', n]);
export const pauseLine = (c: string): string => commandLine(['docker', 'pause', c]);
export const unpauseLine = (c: string): string => commandLine(['docker', 'unpause', c]);
export const killLine = (c: string): string => commandLine(['docker', 'kill', c]);
export const renameLine = (c: string, to: string): string =>
  commandLine(['docker', 'rename', c, to]);
