/**
 * Tab completion for `ip`: its objects in the dialect at hand (iproute2, busybox), each object's
 * commands, device names where a device goes, namespace names for `ip netns`, and after
 * `ip netns exec NAME` the command to run in that namespace.
 */
import { own } from '../own';
import { candidates, type Completer } from '../shell/completion';
import { matches } from './abbrev';
import { dialectOf } from './ip-addr';
import { BUSYBOX_OBJECTS, OBJECTS } from './ip';
import { netnsEntries, resolveNetnsName } from './ip-netns';
import { whereIs } from './place';

const NEIGH_COMMANDS = ['add', 'change', 'delete', 'flush', 'replace', 'show'];

/** The commands the lab's `ip` reads for each object (ip.ts and the modules it calls). */
const COMMANDS: Readonly<Record<string, readonly string[]>> = {
  address: ['add', 'change', 'delete', 'flush', 'replace', 'show'],
  link: ['add', 'delete', 'set', 'show'],
  route: ['add', 'append', 'change', 'delete', 'flush', 'replace', 'show'],
  neighbor: NEIGH_COMMANDS,
  neighbour: NEIGH_COMMANDS,
  neigh: NEIGH_COMMANDS,
  netns: ['add', 'delete', 'exec', 'list'],
};

/** What `ip link set DEV` changes (ip-link.ts parseSet). */
const LINK_SET_WORDS = ['address', 'down', 'master', 'mtu', 'name', 'netns', 'nomaster', 'up'];

/** Commands whose first argument is a device. */
const ON_DEVICE: Readonly<Record<string, readonly string[]>> = {
  address: ['flush', 'show'],
  link: ['delete', 'set', 'show'],
};

export const completeIp: Completer = (r) => {
  const w = whereIs(r);
  const netns = w.netns ?? '';
  const links = w.host.netns.get(netns)?.links ?? [];
  const devices = candidates(links.map((l) => l.name));
  const objects: readonly string[] =
    dialectOf(w.userland) === 'iproute2' ? OBJECTS : BUSYBOX_OBJECTS;
  const args = r.words.slice(1).filter((a) => !a.startsWith('-'));
  if (args.length === 0)
    return candidates(r.word.startsWith('-') ? ['-4', '-6', '-brief'] : objects);
  const object = objects.find((o) => matches(args[0] ?? '', o)) ?? '';
  const commands = own(COMMANDS, object) ?? [];
  if (args.length === 1) return candidates(commands);
  const typed = args[1] ?? '';
  const command = typed === 'del' ? 'delete' : (commands.find((c) => matches(typed, c)) ?? '');
  if (object === 'netns') {
    const name = args[2];
    if (name === undefined)
      return command === 'delete' || command === 'exec' ? candidates(netnsEntries(w.host)) : [];
    const target = command === 'exec' && !w.container ? resolveNetnsName(w.host, name) : undefined;
    if (target === undefined) return [];
    const at = r.words.indexOf(name, r.words.indexOf(typed) + 1);
    return { words: r.words.slice(at + 1), place: { host: r.place.host, netns: target } };
  }
  const previous = r.words.at(-1);
  if (previous === 'dev' || previous === 'master') return devices;
  if (previous === 'netns') return candidates(netnsEntries(w.host));
  if (object === 'link' && command === 'set' && args.length > 2) return candidates(LINK_SET_WORDS);
  if (args.length === 2 && own(ON_DEVICE, object)?.includes(command))
    return [...devices, { text: 'dev' }];
  return [];
};
