/**
 * The `docker network` subcommands (docker-cli 27.5 cli/command/network): parse the flags, check
 * the argument count, call the daemon operation, and print what docker prints.
 */
import { removeOverlay } from '../swarm/overlay';
import { checkInspectFormat, renderInspect } from './inspect-output';
import type { World } from '../model';
import { ok, type Result } from '../result';
import { output } from '../shell/process';
import { hostOf, updateHost } from '../world';
import type { DockerHandler } from './cli';
import { checkArgs, daemonError, flagError } from './cli-errors';
import { parseFlags, type FlagSpec } from './flags';
import { findNetwork } from './lookup';
import { connectNetwork, disconnectNetwork } from './network-connect';
import { networkCreate } from './network-create';
import { networkInspectObject, networkTemplateData } from './network-inspect';
import { networkLs } from './network-ls';
import { pruneNetworks, removeNetwork } from './networks';
import { PRUNE_FLAGS } from './system-cli';

const DAEMON = 'Error response from daemon: ';

/** Parses flags for `path`; on a flag error or a wrong argument count, the printed failure. */
export function parse(
  world: World,
  path: string,
  args: readonly string[],
  flags: readonly FlagSpec[],
  rule: Parameters<typeof checkArgs>[3],
) {
  const parsed = parseFlags(args, flags, true);
  if (!parsed.ok) return { done: flagError(world, path, parsed.error) };
  const usage = checkArgs(world, path, parsed.value.args, rule);
  return usage ? { done: usage } : { flags: parsed.value };
}

export const NETWORK_RM_FLAGS: readonly FlagSpec[] = [{ long: 'force', short: 'f', type: 'bool' }];

/** Each name is removed on its own; errors are printed as they happen and make the exit status 1. */
const networkRm: DockerHandler = (p, args) => {
  const r = parse(p.world, 'docker network rm', args, NETWORK_RM_FLAGS, { atLeast: 1 });
  if (r.done) return r.done;
  const force = r.flags.bools.has('force');
  let world = p.world;
  let stdout = '';
  let stderr = '';
  for (const name of r.flags.args) {
    const lookup = findNetwork(hostOf(world, p.place.host).docker, name);
    if (!lookup.ok) {
      // `-f` only forgives a network that isn't there (errdefs.IsNotFound).
      if (!(force && lookup.error.endsWith('not found'))) stderr += `${DAEMON}${lookup.error}\n`;
      continue;
    }
    // A cluster network is the managers' to remove, from every node at once.
    const removed =
      lookup.network.scope === 'swarm'
        ? removeOverlay(world, p.place.host, lookup.network.id)
        : worldOf(updateHost(world, p.place.host, (h) => removeNetwork(h, lookup.network)));
    if (!removed.ok) {
      stderr += `${DAEMON}${removed.error}\n`;
      continue;
    }
    world = removed.value;
    stdout += `${name}\n`;
  }
  return output(world, stdout, stderr, stderr ? 1 : 0);
};

function worldOf(r: { ok: true; world: World } | { ok: false; error: string }): Result<World> {
  return r.ok ? ok(r.world) : r;
}

export const NETWORK_INSPECT_FLAGS: readonly FlagSpec[] = [
  { long: 'format', short: 'f', type: 'string' },
  { long: 'verbose', short: 'v', type: 'bool' },
];

/** cli/command/inspect: `[]`-wrapped JSON indented by 4, compact `json`, or a template per network. */
const networkInspect: DockerHandler = (p, args) => {
  const r = parse(p.world, 'docker network inspect', args, NETWORK_INSPECT_FLAGS, {
    atLeast: 1,
  });
  if (r.done) return r.done;
  const format = r.flags.strings.get('format') ?? '';
  const bad = checkInspectFormat(p.world, format);
  if (bad) return bad;
  const host = hostOf(p.world, p.place.host);
  return renderInspect(
    p.world,
    format,
    r.flags.args.map((name) => {
      const lookup = findNetwork(host.docker, name);
      if (!lookup.ok) return { ok: false, error: `${DAEMON}${lookup.error}` };
      return {
        ok: true,
        typed: networkTemplateData(host, lookup.network),
        json: networkInspectObject(host, lookup.network),
      };
    }),
  );
};

/** opts.ValidateLink: `name` or `name:alias`. */
function linkError(link: string): string | undefined {
  if (link === '') return 'empty string specified for links';
  return link.split(':').length > 2 ? `bad format for links: ${link}` : undefined;
}

export const NETWORK_CONNECT_FLAGS: readonly FlagSpec[] = [
  { long: 'ip', type: 'string' },
  { long: 'ip6', type: 'string' },
  { long: 'link', type: 'list' },
  { long: 'alias', type: 'list' },
  { long: 'link-local-ip', type: 'list' },
  { long: 'driver-opt', type: 'list' },
];

const networkConnect: DockerHandler = (p, args) => {
  const path = 'docker network connect';
  const r = parse(p.world, path, args, NETWORK_CONNECT_FLAGS, { exactly: 2 });
  if (r.done) return r.done;
  const links = r.flags.lists.get('link') ?? [];
  for (const link of links) {
    const e = linkError(link);
    if (e) return flagError(p.world, path, `invalid argument "${link}" for "--link" flag: ${e}`);
  }
  const [network = '', container = ''] = r.flags.args;
  const ip = r.flags.strings.get('ip');
  const aliases = (r.flags.lists.get('alias') ?? []).flatMap((a) => (a === '' ? [] : a.split(',')));
  const done = updateHost(p.world, p.place.host, (h) =>
    connectNetwork(h, container, network, { ...(ip ? { ipv4: ip } : {}), aliases, links }, p.ctx),
  );
  return done.ok ? output(done.world) : daemonError(p.world, done.error);
};

export const NETWORK_DISCONNECT_FLAGS: readonly FlagSpec[] = [
  { long: 'force', short: 'f', type: 'bool' },
];

const networkDisconnect: DockerHandler = (p, args) => {
  const r = parse(p.world, 'docker network disconnect', args, NETWORK_DISCONNECT_FLAGS, {
    exactly: 2,
  });
  if (r.done) return r.done;
  const [network = '', container = ''] = r.flags.args;
  const force = r.flags.bools.has('force');
  const done = updateHost(p.world, p.place.host, (h) =>
    disconnectNetwork(h, container, network, force),
  );
  return done.ok ? output(done.world) : daemonError(p.world, done.error);
};

// command.PromptForConfirmation writes the question without a newline and waits for a line.
const PRUNE_PROMPT =
  'WARNING! This will remove all custom networks not used by at least one container.\n' +
  'Are you sure you want to continue? [y/N] ';

/**
 * Without -f the answer comes from stdin: only `y`/`Y` goes ahead; anything else, or no input
 * at all (the lab's terminal has none to give), cancels quietly with status 0.
 */
const networkPrune: DockerHandler = (p, args) => {
  const r = parse(p.world, 'docker network prune', args, PRUNE_FLAGS, { none: true });
  if (r.done) return r.done;
  let prompt = '';
  if (!r.flags.bools.has('force')) {
    prompt = PRUNE_PROMPT;
    const answer = (p.stdin.split('\n')[0] ?? '').trim();
    if (answer.toLowerCase() !== 'y') return output(p.world, prompt);
  }
  let deleted: string[] = [];
  const done = updateHost(p.world, p.place.host, (h) => {
    deleted = pruneNetworks(h);
    return { ok: true, value: undefined };
  });
  const world: World = done.ok ? done.world : p.world;
  const report = deleted.length
    ? `Deleted Networks:\n${deleted.map((n) => `${n}\n`).join('')}\n`
    : '';
  return output(world, prompt + report);
};

/** `remove` and `list` are cobra aliases: usage errors still name `rm` and `ls`. */
export const NETWORK_COMMANDS: Readonly<Record<string, DockerHandler>> = {
  ls: networkLs,
  list: networkLs,
  create: networkCreate,
  rm: networkRm,
  remove: networkRm,
  inspect: networkInspect,
  connect: networkConnect,
  disconnect: networkDisconnect,
  prune: networkPrune,
};
