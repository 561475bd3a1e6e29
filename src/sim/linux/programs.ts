/** The Linux userland the tutorials use (ip, cat, hostname, …), one module per tool family. */
import { BUILTINS } from '../shell/builtins';
import type { Program } from '../shell/process';
import { brctl } from './brctl';
import { bridge } from './bridge-cmd';
import { arp } from './neigh';
import { env, printenv } from './env';
import { cat } from './files';
import { ls } from './ls';
import { clear } from './clear';
import { curl } from './curl';
import { editor } from './editor';
import { netstat } from './netstat';
import { nsenter } from './nsenter';
import { ss } from './ss';
import { ssh } from './ssh';
import { getent, nslookup } from './nslookup';
import { wget } from './wget';
import { ln, mkdir, readlink, rm, touch } from './fs';
import { ifconfig } from './ifconfig';
import { ip } from './ip';
import { iptables } from './iptables';
import { ping } from '../packet/ping';
import { apk, apt, yum } from './packages';
import { sysctl } from './sysctl';
import { service, systemctl } from './systemctl';
import { hostname, id, sleep, uname, whoami } from './system';
import { cut, grep, head, tail, wc } from './text-tools';
import { printfCommand } from '../shell/printf';
import { NOT_SIMULATED_PROGRAMS } from './not-simulated';
import { which } from './which';
import { nc } from './nc';
import { telnet } from './telnet';

export const LINUX_PROGRAMS: Readonly<Record<string, Program>> = {
  ip,
  ping,
  curl,
  wget,
  nslookup,
  getent,
  netstat,
  ss,
  ssh,
  iptables,
  nsenter,
  cat,
  ls,
  clear,
  mkdir,
  ln,
  readlink,
  rm,
  touch,
  hostname,
  env,
  printenv,
  ifconfig,
  brctl,
  bridge,
  arp,
  sysctl,
  systemctl,
  service,
  uname,
  whoami,
  id,
  sleep,
  grep,
  head,
  tail,
  wc,
  cut,
  nano: editor,
  vi: editor,
  vim: editor,
  apt,
  'apt-get': apt,
  apk,
  yum,
  echo: BUILTINS.echo,
  true: BUILTINS.true,
  false: BUILTINS.false,
  printf: printfCommand,
  which,
  telnet,
  nc,
  ...NOT_SIMULATED_PROGRAMS,
};
