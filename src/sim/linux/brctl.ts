/**
 * `brctl show [BRIDGE]` (bridge-utils on the host, the busybox applet in images). bridge-utils
 * lists bridges and their ports alphabetically with TAB-separated columns; the bridge id is the
 * default priority 8000 and the bridge MAC, and Docker leaves STP off.
 */
import type { Link } from '../model';
import { failure, output, type Process, type ProcessResult } from '../shell/process';
import { bridgePorts, linksOf } from './link-state';
import { isBusybox, whereIs } from './place';

const bridgeId = (l: Link) => `8000.${l.mac.replace(/:/g, '')}`;

export function brctl(p: Process): ProcessResult {
  const w = whereIs(p);
  const netns = w.netns ?? '';
  const [cmd, ...rest] = p.argv.slice(1);
  if (cmd !== 'show')
    return cmd === undefined
      ? failure(
          p.world,
          isBusybox(w.userland)
            ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: brctl COMMAND [BRIDGE [ARGS]]'
            : 'Usage: brctl [commands]',
          1,
        )
      : failure(p.world, `brctl ${cmd}: changing bridges from a shell is not simulated yet`, 1);
  const bridges = linksOf(w.host, netns)
    .filter((l) => l.kind === 'bridge')
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const wanted = rest.length ? bridges.filter((b) => rest.includes(b.name)) : bridges;
  let out = 'bridge name\tbridge id\t\tSTP enabled\tinterfaces\n';
  let err = '';
  for (const name of rest)
    if (!bridges.some((b) => b.name === name)) err += `bridge ${name} does not exist!\n`;
  for (const b of wanted) {
    const ports = bridgePorts(w.host, netns, b).map((l) => l.name);
    out += `${b.name}\t\t${bridgeId(b)}\tno\t\t`;
    out += ports.length ? ports.map((n) => `${n}\n`).join('\t\t\t\t\t\t\t') : '\n';
  }
  return output(p.world, out, err, err ? 1 : 0);
}
