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

export const hostname: Program = (p) => output(p.world, `${nodename(p)}\n`);

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

/** Time in the lab advances per line, so `sleep` only has to check its operand. */
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
  if (!/^\d+(\.\d+)?[smhd]?$/.test(arg))
    return failure(
      p.world,
      isBusybox(w.userland)
        ? `sleep: invalid number '${arg}'`
        : `sleep: invalid time interval '${arg}'\nTry 'sleep --help' for more information.`,
      1,
    );
  return output(p.world);
};
