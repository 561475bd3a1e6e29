/**
 * The context menu of a selected object: what a learner can do to it, each item either a line
 * to run at once or a dialog to open. Items whose line the engine would refuse are disabled,
 * carrying the engine's own reason.
 */
import type { World } from '../../sim';
import type { ObjectRef } from '../../graph/refs';
import { subjectOf } from '../inspector/inspected';
import type { DialogRequest } from './action-store';
import {
  networkInspectLine,
  networkRemoveLine,
  killLine,
  pauseLine,
  removeLine,
  shellLine,
  startLine,
  stopLine,
  unpauseLine,
} from './command-line';
import { containerNamed, dryRun, shellOf } from './lab-choices';

export type MenuItemId =
  | 'ping'
  | 'curl'
  | 'shell'
  | 'connect'
  | 'disconnect'
  | 'linked'
  | 'stop'
  | 'start'
  | 'pause'
  | 'unpause'
  | 'kill'
  | 'rename'
  | 'remove'
  | 'inspect'
  | 'runHere';

export interface MenuItem {
  readonly id: MenuItemId;
  readonly line?: string;
  readonly dialog?: DialogRequest;
  /** Why the item cannot be used now, in the engine's words. */
  readonly disabled?: string;
}

export function menuItems(world: World, ref: ObjectRef): MenuItem[] {
  const subject = subjectOf(world, ref);
  if (!subject) return [];
  const run = (id: MenuItemId, line: string): MenuItem => {
    const disabled = dryRun(world, line);
    return { id, line, ...(disabled !== undefined ? { disabled } : {}) };
  };
  const name = subject.name;
  if (subject.host) return remoteItems(world, subject.host, subject.kind, name, run);
  switch (subject.kind) {
    case 'host':
      return [{ id: 'ping', dialog: { kind: 'ping' } }];
    case 'network':
      return [
        run('inspect', networkInspectLine(name)),
        { id: 'runHere', dialog: { kind: 'run', preset: { network: name } } },
        run('remove', networkRemoveLine(name)),
      ];
    case 'container': {
      const c = containerNamed(world, name);
      if (!c) return [];
      const running = c.state.status === 'running';
      return [
        { id: 'ping', dialog: { kind: 'ping', from: name } },
        { id: 'curl', dialog: { kind: 'curl', from: name } },
        run('shell', shellLine(name, shellOf(world, c))),
        { id: 'connect', dialog: { kind: 'connect', container: name } },
        { id: 'disconnect', dialog: { kind: 'disconnect', container: name } },
        { id: 'linked', dialog: { kind: 'run', preset: { links: name }, title: 'linked' } },
        running ? run('stop', stopLine(name)) : run('start', startLine(name)),
        c.state.paused ? run('unpause', unpauseLine(name)) : run('pause', pauseLine(name)),
        run('kill', killLine(name)),
        { id: 'rename', dialog: { kind: 'rename', container: name } },
        run('remove', removeLine(name)),
      ];
    }
  }
}

/**
 * Another lab host's object: its one-shot lines typed through `ssh NAME …`, as a learner on this
 * host would run them; the dialogs, which build lines for the terminal's host, are left out.
 */
function remoteItems(
  world: World,
  host: string,
  kind: 'host' | 'container' | 'network',
  name: string,
  run: (id: MenuItemId, line: string) => MenuItem,
): MenuItem[] {
  const ssh = (id: MenuItemId, line: string) => run(id, `ssh ${host} ${line}`);
  if (kind === 'network') return [ssh('inspect', networkInspectLine(name))];
  if (kind === 'host') return [];
  const c = [...(world.hosts[host]?.docker.containers.values() ?? [])].find((x) => x.name === name);
  if (!c) return [];
  return [
    c.state.status === 'running' ? ssh('stop', stopLine(name)) : ssh('start', startLine(name)),
    c.state.paused ? ssh('unpause', unpauseLine(name)) : ssh('pause', pauseLine(name)),
    ssh('kill', killLine(name)),
    ssh('remove', removeLine(name)),
  ];
}
