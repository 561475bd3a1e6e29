/**
 * Where each applied line was typed (host, a container's shell, the LAN client, a here-document),
 * read from the history cache's world before and after it: what the shell script export needs
 * to turn interactive sessions into commands a script can run.
 */
import type { Place, TypedLine } from '../share';
import type { World } from '../sim';
import type { LabData } from './lab';

export function selectTypedLines(s: LabData): TypedLine[] {
  return s.log.slice(0, s.cursor).map((line, i) => {
    const before = s.worlds[i];
    const after = s.worlds[i + 1];
    if (!before || !after) throw new Error(`history cache has no world around line ${i + 1}`);
    return {
      line,
      at: placeOf(before),
      next: placeOf(after),
      inHeredoc: before.terminal.pending !== undefined,
      opensHeredoc: before.terminal.pending === undefined && after.terminal.pending !== undefined,
    };
  });
}

function placeOf(world: World): Place {
  const { shells, host, outer } = world.terminal;
  const top = shells.at(-1);
  if (!top)
    return outer?.length
      ? { kind: 'lab-host', depth: outer.length, host }
      : { kind: 'host', depth: 0 };
  if (top.lanClient) return { kind: 'lan-client', depth: shells.length };
  const container = world.hosts[host]?.docker.containers.get(top.containerId);
  return {
    kind: 'container',
    depth: shells.length,
    name: container?.name ?? top.containerId,
    program: top.program,
    main: top.main,
  };
}
