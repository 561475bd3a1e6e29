/**
 * Which programs an image has on its PATH, by flavour: busybox's applets in busybox and alpine,
 * coreutils and friends in glibc images, with Debian's or CentOS's package tools.
 */
import type { ImageFlavour } from '../model';

/** Commands every image has, as busybox applets or as coreutils/grep/hostname. */
const BASICS = [
  'sh',
  'cat',
  'echo',
  'env',
  'printenv',
  'ls',
  'clear',
  'hostname',
  'sleep',
  'grep',
  'head',
  'tail',
  'wc',
  'cut',
  'true',
  'false',
  'uname',
  'id',
  'whoami',
  'date',
  'mkdir',
  'rm',
  'touch',
  'readlink',
  'printf',
];
/** busybox's networking applets (busybox and alpine images). */
const BUSYBOX_APPLETS = [
  ...BASICS,
  'ash',
  'ip',
  'ping',
  'ping6',
  'ifconfig',
  'route',
  'arp',
  'wget',
  'nslookup',
  'netstat',
  'traceroute',
  'nc',
  'telnet',
  'brctl',
  'ps',
  'top',
  'vi',
  'which',
];
/** coreutils and friends, in every glibc image. */
const GNU_BASE = [...BASICS, 'bash', 'getent'];
const DEBIAN_BASE = [...GNU_BASE, 'apt', 'apt-get', 'dpkg', 'which'];
const CENTOS_BASE = [...GNU_BASE, 'yum', 'rpm', 'ps', 'curl'];

/** The programs on an image's PATH: its flavour's base set and what the image adds. */
export function toolsOf(e: {
  readonly flavour: ImageFlavour;
  readonly extraTools?: readonly string[];
}): string[] {
  const base =
    e.flavour === 'busybox'
      ? BUSYBOX_APPLETS
      : e.flavour === 'alpine'
        ? // Alpine moved busybox's telnet into busybox-extras (aports 23f4c6bd6c, v3.7).
          BUSYBOX_APPLETS.filter((t) => t !== 'telnet')
        : e.flavour === 'centos'
          ? CENTOS_BASE
          : DEBIAN_BASE;
  return [...new Set([...base, ...(e.extraTools ?? [])])];
}
