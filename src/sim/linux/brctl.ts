/**
 * `brctl show [BRIDGE]`, `addif`/`delif`, `addbr`/`delbr` (bridge-utils on the host, the busybox
 * applet in images). bridge-utils lists bridges and their ports alphabetically with TAB-separated
 * columns; the bridge id is the default priority 8000 and the bridge MAC, and Docker leaves STP
 * off. `brctl addif BR IF` is the same kernel operation as `ip link set IF master BR`; the error
 * texts are bridge-utils brctl_cmd.c's (busybox words them as `brctl: …`).
 */
import type { Link } from '../model';
import { createBridge, deleteLink, findLink, randomMac, setMaster } from '../net/kernel';
import { failure, output, type Process, type ProcessResult } from '../shell/process';
import { change, hasNetAdmin } from './ip-change';
import { bridgePorts, linksOf } from './link-state';
import { isBusybox, whereIs, type Where } from './place';

/** bridge-utils 1.7 br_cmd_addif/delif: an ENODEV names the interface first, then the bridge. */
function changePorts(
  p: Process,
  w: Where,
  netns: string,
  adding: boolean,
  args: readonly string[],
): ProcessResult {
  const [br, ...ifs] = args;
  if (br === undefined || ifs.length === 0)
    return failure(p.world, 'Incorrect number of arguments for command', 1);
  const bridge = findLink(w.host, netns, br);
  let world = p.world;
  for (const name of ifs) {
    const link = findLink(w.host, netns, name);
    if (!link) return failure(world, `interface ${name} does not exist!`, 1);
    if (!bridge) return failure(world, `bridge ${br} does not exist!`, 1);
    const fail = (why: string) =>
      failure(
        world,
        adding
          ? `can't add ${name} to bridge ${br}: ${why}`
          : `can't delete ${name} from ${br}: ${why}`,
        1,
      );
    if (!hasNetAdmin(w)) return fail('Operation not permitted');
    if (bridge.kind !== 'bridge') return fail('Operation not supported');
    if (adding && link.master !== undefined)
      return failure(
        world,
        `device ${name} is already a member of a bridge; can't add it to bridge ${br}.`,
        1,
      );
    if (adding && link.kind === 'bridge')
      return failure(
        world,
        `device ${name} is a bridge device itself; can't enslave a bridge device to a bridge device.`,
        1,
      );
    if (adding && link.kind === 'loopback') return fail('Invalid argument');
    if (!adding && link.master !== bridge.ifindex)
      return failure(world, `device ${name} is not a slave of ${br}`, 1);
    world = change({ ...p, world }, (h) =>
      setMaster(h, netns, link.ifindex, adding ? bridge.ifindex : undefined),
    ).world;
  }
  return output(world);
}

function changeBridges(
  p: Process,
  w: Where,
  netns: string,
  adding: boolean,
  names: readonly string[],
): ProcessResult {
  let world = p.world;
  for (const name of names) {
    const link = findLink(world.hosts[p.place.host], netns, name);
    const verb = adding ? 'add' : 'delete';
    if (!hasNetAdmin(w))
      return failure(world, `can't ${verb} bridge ${name}: Operation not permitted`, 1);
    if (adding && link)
      return failure(
        world,
        `device ${name} already exists; can't create bridge with the same name`,
        1,
      );
    if (!adding && (!link || link.kind !== 'bridge'))
      return failure(world, `bridge ${name} doesn't exist; can't delete it`, 1);
    if (!adding && link?.up)
      return failure(world, `bridge ${name} is still up; can't delete it`, 1);
    world = change({ ...p, world }, (h) =>
      adding
        ? void createBridge(h, netns, name, randomMac(p.ctx.rng))
        : deleteLink(h, netns, link!.ifindex),
    ).world;
  }
  return output(world);
}

const bridgeId = (l: Link) => `8000.${l.mac.replace(/:/g, '')}`;

export function brctl(p: Process): ProcessResult {
  const w = whereIs(p);
  const netns = w.netns ?? '';
  const [cmd, ...rest] = p.argv.slice(1);
  if (cmd === 'addif' || cmd === 'delif') return changePorts(p, w, netns, cmd === 'addif', rest);
  if (cmd === 'addbr' || cmd === 'delbr') return changeBridges(p, w, netns, cmd === 'addbr', rest);
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
