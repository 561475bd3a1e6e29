/**
 * The context menu of a selected object: what a learner can do to it, each item either a line
 * to run at once or a dialog to open. Items whose line the engine would refuse are disabled,
 * carrying the engine's own reason.
 */
import type { World } from '../../sim';
import { parseRef, type ObjectRef } from '../../graph/refs';
import type { DialogRequest } from './action-store';
import {
  networkInspectLine,
  networkRemoveLine,
  removeLine,
  shellLine,
  startLine,
  stopLine,
} from './command-line';
import { containerNamed, containersOf, dryRun, networkNames, shellOf } from './lab-choices';

export type MenuItemId =
  | 'ping'
  | 'curl'
  | 'shell'
  | 'connect'
  | 'disconnect'
  | 'linked'
  | 'stop'
  | 'start'
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

/** A menu's subject: a container (by its box or its name) or a network. */
export function menuSubject(
  world: World,
  ref: ObjectRef,
): { kind: 'container' | 'network' | 'host'; name: string } | undefined {
  const p = parseRef(ref);
  if (!p) return undefined;
  if (p.kind === 'host') return { kind: 'host', name: world.terminal.host };
  if (p.kind === 'container' && containerNamed(world, p.name))
    return { kind: p.kind, name: p.name };
  if (p.kind === 'network' && networkNames(world).includes(p.name))
    return { kind: p.kind, name: p.name };
  if (p.kind === 'netns') {
    const c = containersOf(world).find((x) => x.netns === p.netns);
    if (c) return { kind: 'container', name: c.name };
  }
  return undefined;
}

export function menuItems(world: World, ref: ObjectRef): MenuItem[] {
  const subject = menuSubject(world, ref);
  if (!subject) return [];
  const run = (id: MenuItemId, line: string): MenuItem => {
    const disabled = dryRun(world, line);
    return { id, line, ...(disabled !== undefined ? { disabled } : {}) };
  };
  const name = subject.name;
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
      const c = containersOf(world).find((x) => x.name === name);
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
        run('remove', removeLine(name)),
      ];
    }
  }
}
