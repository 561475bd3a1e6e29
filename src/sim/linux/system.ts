/**
 * Who and where am I: `hostname`, `uname`, `whoami`, `id`, `sleep`. A container shares the host's
 * kernel, so `uname -r` is the host's; the rest comes from the container's config and image.
 * The host is a CentOS Stream 9 machine (the prompt, /etc/hosts and NetworkManager resolv.conf
 * say so), which is why its `uname -a` has RHEL's processor and platform fields.
 */
import { failure, output, type Process, type ProcessResult } from '../shell/process';
import { isBusybox, whereIs } from './place';

export const KERNEL_RELEASE = '5.14.0-570.el9.x86_64';
export const KERNEL_VERSION = '#1 SMP PREEMPT_DYNAMIC Tue Feb 11 15:56:45 UTC 2025';

function nodename(p: Process): string {
  const w = whereIs(p);
  return w.container ? w.container.config.hostname : w.host.hostname;
}

/**
 * `hostname [-s]`. A container's name is its hostname (the short ID unless --hostname, its donor's
 * for container: mode, the host's for host mode: docker/create.ts). Setting it needs
 * CAP_SYS_ADMIN, which containers lack; renaming the lab's host is not simulated.
 */
export const hostname: Program = (p) => {
  const [arg] = p.argv.slice(1);
  const name = nodename(p);
  if (arg === undefined) return output(p.world, `${name}\n`);
  if (arg === '-s' || arg === '--short') return output(p.world, `${name.split('.')[0]}\n`);
  if (arg.startsWith('-'))
    return failure(p.world, `lab: hostname ${arg} is not simulated; ip addr shows the addresses`);
  const w = whereIs(p);
  if (!w.container) return failure(p.world, 'lab: renaming the host is not simulated');
  return failure(
    p.world,
    isBusybox(w.userland)
      ? 'hostname: sethostname: Operation not permitted'
      : 'hostname: you must be root to change the host name',
  );
};

type Program = (p: Process) => ProcessResult;

export const uname: Program = (p) => {
  const w = whereIs(p);
  const rhel = w.userland === 'host' || w.userland === 'centos';
  const fields = {
    s: 'Linux',
    n: nodename(p),
    r: KERNEL_RELEASE,
    v: KERNEL_VERSION,
    m: 'x86_64',
    p: rhel ? 'x86_64' : 'unknown',
    i: rhel ? 'x86_64' : 'unknown',
    o: 'GNU/Linux',
  } as const;
  const flags = p.argv.slice(1).flatMap((a) => {
    if (a === '--all') return ['a'];
    if (a.startsWith('-')) return [...a.slice(1)];
    return ['?'];
  });
  if (flags.length === 0) return output(p.world, 'Linux\n');
  const bad = flags.find((f) => !'asnrvmpio'.includes(f));
  if (bad) {
    const msg = isBusybox(w.userland)
      ? `uname: invalid option -- '${bad}'\nBusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: uname [-amnrspvio]`
      : `uname: invalid option -- '${bad}'\nTry 'uname --help' for more information.`;
    return failure(p.world, msg, 1);
  }
  const order = ['s', 'n', 'r', 'v', 'm', 'p', 'i', 'o'] as const;
  const all = flags.includes('a');
  const picked = order.filter((k) => {
    if (all) return (k !== 'p' && k !== 'i') || fields[k] !== 'unknown';
    return flags.includes(k);
  });
  return output(p.world, `${picked.map((k) => fields[k]).join(' ')}\n`);
};

export const whoami: Program = (p) => output(p.world, 'root\n');

export const id: Program = (p) => {
  const w = whereIs(p);
  const base = 'uid=0(root) gid=0(root) groups=0(root)';
  switch (w.userland) {
    case 'host':
      return output(
        p.world,
        `${base} context=unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023\n`,
      );
    case 'busybox':
      return output(p.world, `${base},10(wheel)\n`);
    case 'alpine':
      return output(
        p.world,
        `${base},0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)\n`,
      );
    default:
      return output(p.world, `${base}\n`);
  }
};

/** Time in the lab advances per line, so `sleep` only has to check its operands. */
export const sleep: Program = (p) => {
  const w = whereIs(p);
  const arg = p.argv[1];
  if (arg === undefined)
    return failure(
      p.world,
      isBusybox(w.userland)
        ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: sleep [N]...'
        : "sleep: missing operand\nTry 'sleep --help' for more information.",
      1,
    );
  const bad = p.argv
    .slice(1)
    .find((a) => !/^(\d+(\.\d+)?|\.\d+)[smhd]?$/.test(a) && a !== 'inf' && a !== 'infinity');
  if (bad !== undefined)
    return failure(
      p.world,
      isBusybox(w.userland)
        ? `sleep: invalid number '${bad}'`
        : `sleep: invalid time interval '${bad}'\nTry 'sleep --help' for more information.`,
      1,
    );
  // `sleep infinity` never ends: the lab presses Ctrl+C for the learner (the terminal echoes ^C).
  if (p.argv.slice(1).some((a) => a.startsWith('inf'))) return output(p.world, '^C\n', '', 130);
  return output(p.world);
};
