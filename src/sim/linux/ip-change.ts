/**
 * What every changing `ip` command shares: the CAP_NET_ADMIN check the kernel makes (containers
 * lack it unless `--privileged` or `--cap-add NET_ADMIN`), iproute2's and busybox's error wording,
 * and applying a kernel operation to the host's namespaces.
 */
import type { HostDraft } from '../net/kernel';
import { failure, output, type Process, type ProcessResult } from '../shell/process';
import { updateHost } from '../world';
import type { IpDialect } from './ip-addr';
import type { Where } from './place';

export function hasNetAdmin(w: Where): boolean {
  const hc = w.container?.hostConfig;
  if (!hc) return true;
  if (hc.privileged) return true;
  return (hc.capAdd ?? []).some((c) =>
    ['ALL', 'NET_ADMIN', 'CAP_NET_ADMIN'].includes(c.toUpperCase()),
  );
}

/** A netlink request the kernel refused: `RTNETLINK answers: <strerror>` (exit 2). */
export function rtnetlink(p: Process, d: IpDialect, message: string): ProcessResult {
  return d === 'iproute2'
    ? failure(p.world, `RTNETLINK answers: ${message}`, 2)
    : failure(p.world, `ip: RTNETLINK answers: ${message}`, 2);
}

/** The kernel's extended ack (`Error: Nexthop has invalid gateway.`), exit 2. */
export function extack(p: Process, message: string): ProcessResult {
  return failure(p.world, `Error: ${message}.`, 2);
}

export function noDevice(p: Process, d: IpDialect, name: string): ProcessResult {
  return d === 'iproute2'
    ? failure(p.world, `Cannot find device "${name}"`, 1)
    : failure(p.world, `ip: can't find device '${name}'`, 1);
}

/** iproute2 invarg(): a malformed argument, before anything reaches the kernel (exit 255). */
export function invalidArg(p: Process, arg: string, why: string): ProcessResult {
  return failure(p.world, `Error: argument "${arg}" is wrong: ${why}`, 255);
}

/** Applies a kernel operation to the process's host; the world is unchanged on error. */
export function change(p: Process, op: (h: HostDraft) => void): ProcessResult {
  const r = updateHost(p.world, p.place.host, (h) => {
    op(h);
    return { ok: true, value: undefined };
  });
  return r.ok ? output(r.world) : failure(p.world, r.error);
}
