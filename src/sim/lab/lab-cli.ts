/**
 * `lab`: the few things a real host has no command for (design.md contract 4), under one word so
 * nothing pretends to be Docker or Linux. It runs in a host's shell, not in containers.
 */
import { failure, output, type Program } from '../shell/process';
import { addHost } from './add-host';

const USAGE =
  'Usage:  lab COMMAND\n' +
  '\n' +
  'Lab-level commands: what a real host has no command for.\n' +
  '\n' +
  'Commands:\n' +
  '  add-host NAME   Add another Docker 27.5 host to the LAN (eth0 at the next free\n' +
  '                  address from 10.0.2.16); log in to it with: ssh NAME\n';

const ADD_HOST_USAGE = 'Usage:  lab add-host NAME\n';

export const lab: Program = (p) => {
  const [command, ...args] = p.argv.slice(1);
  // Like docker: asked for, the usage goes to stdout; missing a command, to stderr with status 1.
  if (command === undefined) return output(p.world, '', USAGE, 1);
  if (command === '--help' || command === '-h' || command === 'help') return output(p.world, USAGE);
  if (command !== 'add-host')
    return failure(p.world, `lab: '${command}' is not a lab command.\nSee 'lab --help'.`, 1);
  if (args[0] === '--help' || args[0] === '-h') return output(p.world, ADD_HOST_USAGE);
  if (args.length !== 1)
    return output(p.world, '', `lab add-host: requires exactly 1 argument\n${ADD_HOST_USAGE}`, 1);
  const name = args[0];
  const r = addHost(p.world, name, p.ctx);
  if (!r.ok) return failure(p.world, r.error, 1);
  return output(
    r.world,
    `lab: ${name} is up at ${r.ip} (eth0), Docker 27.5.1 running, listed in every host's /etc/hosts; log in with: ssh ${name}\n`,
  );
};
