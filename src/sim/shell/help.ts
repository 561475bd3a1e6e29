/**
 * `help`: the lab's own page, in place of the shells' help builtins (bash's and busybox ash's list
 * their builtins, which tells a learner nothing about the lab). It says what is simulated, how the
 * terminal's keys behave and what happens to everything else; keep it in step with docker/cli.ts,
 * linux/programs.ts and ui/terminal/Terminal.tsx.
 */
import { output, type Process, type ProcessResult } from './process';

const HELP = `Docker Network Lab: a simulated CentOS Stream 9 host running Docker 27.5.
Each command prints what the real tool prints; nothing runs on a real machine.
(This page stands in for the shell's own help builtin.)

Simulated:
  docker   run create start stop restart rm ps exec attach logs inspect port top
           stats kill pause unpause wait rename update commit cp diff export
           images pull push tag rmi save load search login logout build history
           info version; network create|ls|inspect|connect|disconnect|rm|prune;
           volume create|ls|inspect|rm|prune, -v and --mount; system df|prune;
           compose up|down|ps|logs|exec|run|start|stop|config|build|top
  Linux    ip ping curl wget nslookup getent ss netstat iptables brctl bridge arp
           ifconfig sysctl nsenter telnet nc systemctl cat ls readlink echo
           printf grep head tail wc cut hostname uname env sleep type which alias
           history; apt-get, apk and yum install tools inside containers
  ssh      ssh 10.0.2.20 logs in to a client on the LAN; exit comes back
  lab      lab add-host NAME adds a Docker host; ssh NAME [CMD] goes there

Keys: Enter runs the line, Up/Down recall earlier lines, Ctrl+R searches them,
Tab completes (twice lists the choices), Ctrl+A/E/U/K/W edit, Ctrl+C drops the
line, Ctrl+L or clear clears the screen. nano or vi FILE opens an editor.
Ctrl+P Ctrl+Q (typed as the line ^P^Q) detaches from a container you attached to.
A command that would run until interrupted (ping without -c, telnet, nc) is
ended by the lab as if you had pressed Ctrl+C (or the tool's escape key), and it
says so in its output.
Well-known programs the lab leaves out answer with one "lab: ... is not
simulated" line saying what to use instead; unknown names are not found.
Each click in the graph types the command it stands for.
`;

export function help(p: Process): ProcessResult {
  return output(p.world, HELP);
}
