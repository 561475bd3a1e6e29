/**
 * Where a process runs, in kernel terms: which host, which container (if any), which network
 * namespace it sees, and which userland answers (iproute2/coreutils on the host, busybox applets
 * in busybox and alpine images).
 */
import type { Container, Host, ImageFlavour } from '../model';
import type { Process } from '../shell/process';
import { hostOf } from '../world';
import { LAN_NETNS } from '../packet/lan';

/** `host` is the CentOS host's own userland; the rest are image flavours. */
export type Userland = 'host' | ImageFlavour;

export interface Where {
  readonly host: Host;
  readonly container?: Container;
  /** The namespace the process sees; undefined for a container that is not running. */
  readonly netns?: string;
  readonly userland: Userland;
}

/**
 * The namespace a container's processes live in: its sandbox, the host's for `--network host`,
 * the donor's for `container:<x>` (startContainer already points `netns` there).
 */
export function netnsOfContainer(c: Container): string | undefined {
  if (c.state.status !== 'running') return undefined;
  if (c.hostConfig.networkMode === 'host') return 'host';
  return c.netns;
}

export function whereIs(p: Pick<Process, 'world' | 'place'>): Where {
  const host = hostOf(p.world, p.place.host);
  // The LAN client is another machine; its stack is the walker's `lan-client` (packet/lan.ts).
  if (p.place.lanClient) return { host, netns: LAN_NETNS, userland: 'host' };
  if (!p.place.containerId) return { host, netns: p.place.netns ?? 'host', userland: 'host' };
  const container = host.docker.containers.get(p.place.containerId);
  if (!container) return { host, userland: 'busybox' };
  const image = host.docker.images.get(container.imageId)!;
  const netns = netnsOfContainer(container);
  return {
    host,
    container,
    ...(netns ? { netns } : {}),
    userland: image?.flavour ?? 'debian',
  };
}

/** busybox and alpine answer with busybox applets, whose output formats differ from GNU tools. */
export const isBusybox = (u: Userland): boolean => u === 'busybox' || u === 'alpine';

/** A container's `container:<id>` donor, when it shares another container's namespace. */
export function donorOf(host: Host, c: Container): Container | undefined {
  const mode = c.hostConfig.networkMode;
  if (!mode.startsWith('container:')) return undefined;
  return host.docker.containers.get(mode.slice('container:'.length))!;
}
