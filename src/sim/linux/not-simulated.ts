/**
 * Real, well-known programs and docker commands the lab does not model. Each answers with one line
 * that names the lab and says what to use instead, so nothing pretends to succeed. A program only
 * answers where the machine has it (the host, or an image that ships or installed it); elsewhere
 * the shell's `command not found` is the truthful reply, and a name no system knows gets it too.
 */
import { own } from '../own';
import { failure, type Process, type ProcessResult, type Program } from '../shell/process';

const TRACE = 'run ping, curl, telnet or nc and follow the packets in the Packet trace panel';

/** Program -> what to do instead. */
const PROGRAMS: Readonly<Record<string, string>> = {
  less: 'read files with cat, head or tail',
  more: 'read files with cat, head or tail',
  man: 'type help for what the lab simulates',
  top: 'docker top CONTAINER or docker stats --no-stream show processes and usage',
  htop: 'docker top CONTAINER or docker stats --no-stream show processes and usage',
  ps: 'docker top CONTAINER lists the processes of a container',
  tcpdump: TRACE,
  tshark: TRACE,
  traceroute: TRACE,
  tracepath: TRACE,
  mtr: TRACE,
  dig: 'nslookup NAME or getent hosts NAME resolve names',
  host: 'nslookup NAME or getent hosts NAME resolve names',
  route: 'ip route shows the routing table',
  nmap: 'nc -zv HOST PORT (in a busybox container) checks one port',
  'ssh-keygen': 'ssh needs no keys here: ssh 10.0.2.20 logs in',
  'systemd-resolve': 'cat /etc/resolv.conf shows the resolver',
  resolvectl: 'cat /etc/resolv.conf shows the resolver',
  'firewall-cmd': 'iptables -S and iptables -t nat -nvL show the rules Docker manages',
  nft: 'iptables -S and iptables -t nat -nvL show the rules Docker manages',
  conntrack: 'the Packet trace panel shows each connection the packets belong to',
  ethtool: 'ip -d link show describes interfaces',
  journalctl: 'docker logs CONTAINER shows what a container printed',
  dockerd: 'the daemon is already running: systemctl status docker',
  lsns: "ls -l /proc/PID/ns lists a process's namespaces; docker inspect NAME | grep -i pid finds a container's PID",
};

/**
 * On the CentOS host `nc` is Ncat (nmap-ncat), whose wording the lab does not model; busybox's
 * and netcat-openbsd's are, inside containers.
 */
export const HOST_NC_LINE =
  'lab: nc on this CentOS host would be Ncat, which is not simulated; try docker run --rm busybox nc -zv HOST PORT\n';

export const NOT_SIMULATED_PROGRAMS: Readonly<Record<string, Program>> = Object.fromEntries(
  Object.entries(PROGRAMS).map(([name, instead]): [string, Program] => [
    name,
    (p) => failure(p.world, `lab: ${name} is not simulated; ${instead}`),
  ]),
);

const IMAGES = 'the lab pulls images from its own registry: docker pull, docker images';
const SWARM =
  'the lab simulates swarm mode for overlay networks only (docker swarm, docker node); run containers with docker run --network on an attachable overlay';

/** docker commands of Docker 27.5 the lab leaves out -> what to do instead. */
const DOCKER: Readonly<Record<string, string>> = {
  builder: 'docker build keeps its cache with the images; docker images lists them',
  import: IMAGES,
  manifest: IMAGES,
  trust: IMAGES,
  events: 'docker ps -a and docker inspect show what happened',
  service: SWARM,
  stack: SWARM,
  secret: SWARM,
  config: SWARM,
  context: 'the lab has one Docker engine, on this host',
  plugin: 'only the bridge, host and none network drivers are simulated',
  init: 'pull a ready image, or change a container and docker commit it',
};

/** A docker command the lab leaves out, answered in one line (status 1); undefined otherwise. */
export function dockerNotSimulated(p: Process, name: string): ProcessResult | undefined {
  const instead = own(DOCKER, name);
  return instead === undefined
    ? undefined
    : failure(p.world, `lab: docker ${name} is not simulated; ${instead}`);
}
