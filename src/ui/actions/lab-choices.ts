/**
 * What the dialogs and menus may offer, read from the World (never decided here), and the dry
 * run that lets a dialog show the engine's own error before anything reaches the log.
 */
import type { Container, World } from '../../sim';
import { dryRun as dryRunLine, imageChoices } from '../../store/lab-engine';
import type { HttpClient } from './command-line';

const daemonOf = (world: World) => world.hosts[world.terminal.host].docker;

export const containersOf = (world: World): Container[] => [...daemonOf(world).containers.values()];

export const containerNamed = (world: World, name: string): Container | undefined =>
  containersOf(world).find((c) => c.name === name);

export const networkNames = (world: World): string[] =>
  [...daemonOf(world).networks.values()].map((n) => n.name);

/** Networks a container can be connected to: bridge networks it is not on yet. */
export function connectableNetworks(world: World, c: Container): string[] {
  const on = new Set(c.endpoints.map((e) => e.networkName));
  return [...daemonOf(world).networks.values()]
    .filter((n) => n.driver === 'bridge' && !on.has(n.name))
    .map((n) => n.name);
}

/** Networks a container is on, the only ones it can be disconnected from. */
export const joinedNetworks = (c: Container): string[] => c.endpoints.map((e) => e.networkName);

const toolsOf = (world: World, c: Container): readonly string[] =>
  daemonOf(world).images.get(c.imageId)?.tools ?? [];

export const shellOf = (world: World, c: Container): 'bash' | 'sh' =>
  toolsOf(world, c).includes('bash') ? 'bash' : 'sh';

export function httpClientOf(world: World, c: Container | undefined): HttpClient {
  if (!c) return 'curl';
  const tools = toolsOf(world, c);
  return !tools.includes('curl') && tools.includes('wget') ? 'wget' : 'curl';
}

export const IMAGES = imageChoices();

/**
 * Runs `line` on a copy of the world (runLine is pure) and returns the engine's complaint, if
 * any. A probe (ping, curl) that ran and failed is the lesson, not an invalid choice: it is
 * refused only when it could not start at all (no such container, no such program).
 */
export function dryRun(world: World, line: string, probe = false): string | undefined {
  const output = dryRunLine(world, line);
  if (output.exitCode === 0) return undefined;
  const cannotStart =
    output.exitCode >= 125 || output.stderr.startsWith('Error response from daemon');
  if (probe && !cannotStart) return undefined;
  return output.stderr.trim() || output.stdout.trim() || `exit status ${output.exitCode}`;
}
