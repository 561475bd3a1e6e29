/**
 * util-linux `nsenter -t PID -n CMD…`: runs CMD on the host's userland inside the network
 * namespace of process PID — how one looks into a container whose image ships no `ip`. Only the
 * network namespace is modelled; other namespace flags are accepted and change nothing we draw.
 */
import { failure, type Process, type ProcessResult } from '../shell/process';
import { netnsOfPid } from './ip-netns';
import { hostOf } from '../world';
import { whereIs } from './place';

const NS_FLAGS = new Set([
  '-m',
  '-u',
  '-i',
  '-p',
  '-U',
  '-C',
  '--mount',
  '--uts',
  '--ipc',
  '--pid',
]);

export function nsenter(p: Process): ProcessResult {
  const w = whereIs(p);
  let pid: string | undefined;
  let net = false;
  let netFile: string | undefined;
  let i = 1;
  for (; i < p.argv.length; i++) {
    const a = p.argv[i];
    if (a === '-t' || a === '--target') pid = p.argv[++i];
    else if (a.startsWith('--target=')) pid = a.slice('--target='.length);
    else if (/^-t\d+$/.test(a)) pid = a.slice(2);
    else if (a === '-n' || a === '--net') net = true;
    else if (a.startsWith('--net=')) netFile = a.slice('--net='.length);
    else if (a.startsWith('-n')) netFile = a.slice(2);
    else if (NS_FLAGS.has(a)) continue;
    else if (a === '--') {
      i++;
      break;
    } else if (a.startsWith('-'))
      return failure(p.world, `nsenter: unrecognized option '${a}'\n` + HINT);
    else break;
  }
  if (pid !== undefined && !/^\d+$/.test(pid))
    return failure(p.world, `nsenter: failed to parse pid: '${pid}'`);
  if (net && pid === undefined)
    return failure(p.world, 'nsenter: neither filename nor target pid supplied for ns/net');
  // Inside a container nsenter has no CAP_SYS_ADMIN over the host's namespaces.
  if (w.container)
    return failure(
      p.world,
      "nsenter: reassociate to namespace 'ns/net' failed: Operation not permitted",
    );
  if (netFile !== undefined) {
    // Docker keeps its namespaces under /var/run/docker/netns (the overlay's `1-<id>` among them).
    const id = /^\/(?:var\/)?run\/docker\/netns\/([^/]+)$/.exec(netFile)?.[1];
    const found = id !== undefined && hostOf(p.world, p.place.host).netns.has(id) ? id : undefined;
    if (found === undefined)
      return failure(p.world, `nsenter: cannot open ${netFile}: No such file or directory`);
    return enter(p, found, i);
  }
  const netns = net ? netnsOfPid(w.host, Number(pid)) : p.place.netns;
  if (net && netns === undefined)
    return failure(p.world, `nsenter: cannot open /proc/${pid}/ns/net: No such file or directory`);
  return enter(p, netns, i);
}

function enter(p: Process, netns: string | undefined, i: number): ProcessResult {
  const argv = p.argv.slice(i);
  // With no program nsenter starts ${SHELL}; a typed line cannot enter an interactive shell here.
  if (argv.length === 0)
    return failure(p.world, 'nsenter: no command given (this lab runs one command per line)');
  return p.spawn(p.world, { host: p.place.host, netns }, argv, {
    stdin: p.stdin,
    tty: p.tty,
    via: 'exec',
  });
}

const HINT = "Try 'nsenter --help' for more information.";
