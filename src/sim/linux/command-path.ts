/**
 * Where a PATH search finds a program (`type`, `which`, a shell's hash table). The busybox image
 * links every applet into /bin (docker-library/busybox: `busybox --install /bin`, plus a
 * /usr/bin/env link); Alpine installs each applet where busybox's applet table says (BB_DIR_*);
 * Debian, Ubuntu and RHEL have merged /usr, so the first PATH entry that holds a program is
 * /usr/sbin for the sbin tools (listed per family) and /usr/bin for the rest, while image entry
 * points and servers live where their Dockerfiles put them.
 */
import { own } from '../own';
import type { World } from '../model';
import type { Place } from '../shell/process';
import { containerTools } from '../shell/spawn';
import { PROGRAMS } from '../shell/programs';
import { hostOf } from '../world';

// busybox applets' BB_DIR_* install locations, for Alpine (everything else an applet is in /bin).
const APPLET_SBIN = ['ip', 'ifconfig', 'route', 'arp', 'sysctl'];
const APPLET_USR_BIN = [
  'env',
  'head',
  'tail',
  'wc',
  'cut',
  'id',
  'whoami',
  'printf',
  'which',
  'nsenter',
  'top',
  'traceroute',
  'wget',
  'nslookup',
  'telnet',
  'nc',
];
const APPLET_USR_SBIN = ['brctl'];

// Programs whose merged-/usr location is sbin: iproute2, net-tools, iptables, procps' sysctl.
const DEBIAN_SBIN = new Set([
  'ip',
  'bridge',
  'ifconfig',
  'route',
  'arp',
  'iptables',
  'sysctl',
  'brctl',
  'nginx',
  'mysqld',
  'tcpdump',
]);
// RHEL also puts ss and service there.
const RHEL_SBIN = new Set([...DEBIAN_SBIN, 'ss', 'service']);

/** Entry points and servers the official images install outside /usr/bin. */
const IMAGE_PLACES: Readonly<Record<string, string>> = {
  'docker-entrypoint.sh': '/usr/local/bin/docker-entrypoint.sh',
  'redis-server': '/usr/local/bin/redis-server',
  'redis-cli': '/usr/local/bin/redis-cli',
  'apache2-foreground': '/usr/local/bin/apache2-foreground',
  'httpd-foreground': '/usr/local/bin/httpd-foreground',
  'catalina.sh': '/usr/local/tomcat/bin/catalina.sh',
  java: '/opt/java/openjdk/bin/java',
};

function appletDir(name: string): string {
  if (APPLET_SBIN.includes(name)) return '/sbin';
  if (APPLET_USR_BIN.includes(name)) return '/usr/bin';
  if (APPLET_USR_SBIN.includes(name)) return '/usr/sbin';
  return '/bin';
}

/** The programs present at a place: the host has every program the lab knows. */
export function hasProgram(world: World, place: Place, name: string): boolean {
  const tools = containerTools(world, place);
  return tools === null ? own(PROGRAMS, name) !== undefined : tools.has(name);
}

/** The path a PATH search finds `name` at, or undefined when no PATH directory holds it. */
export function commandPath(world: World, place: Place, name: string): string | undefined {
  if (name.includes('/'))
    return hasProgram(world, place, name.slice(name.lastIndexOf('/') + 1)) ? name : undefined;
  if (!hasProgram(world, place, name)) return undefined;
  const placed = own(IMAGE_PLACES, name);
  if (placed) return placed;
  if (!place.containerId) return `${RHEL_SBIN.has(name) ? '/usr/sbin' : '/usr/bin'}/${name}`;
  const h = hostOf(world, place.host);
  const c = h.docker.containers.get(place.containerId);
  const image = c ? h.docker.images.get(c.imageId) : undefined;
  const installed = c?.installed.includes(name) ?? false;
  switch (image?.flavour) {
    case 'busybox':
      return name === 'env' ? '/usr/bin/env' : `/bin/${name}`;
    case 'alpine': {
      // apk's packages do not merge /usr: their sbin tools stay in /sbin (nginx is /usr/sbin).
      const sbin = name === 'nginx' ? '/usr/sbin' : '/sbin';
      if (
        name === 'apk' ||
        installed ||
        !image.tools.includes(name) ||
        name === 'curl' ||
        name === 'nginx'
      )
        return `${DEBIAN_SBIN.has(name) || name === 'apk' ? sbin : '/usr/bin'}/${name}`;
      return `${appletDir(name)}/${name}`;
    }
    case 'centos':
      return `${RHEL_SBIN.has(name) ? '/usr/sbin' : '/usr/bin'}/${name}`;
    default:
      return `${DEBIAN_SBIN.has(name) ? '/usr/sbin' : '/usr/bin'}/${name}`;
  }
}
