/**
 * `sysctl KEY…`, `sysctl -w KEY=VALUE`, `sysctl -a`: the host's kernel parameters. Writing changes
 * Host.sysctl, which routing (ip_forward) reads. Keys may use `/` for `.` as procps allows.
 */
import type { World } from '../model';
import { failure, output, type Process, type ProcessResult } from '../shell/process';
import { updateHost } from '../world';
import { isBusybox, whereIs } from './place';

/** Parameters a learner is likely to look at, with the values a CentOS Stream 9 host has. */
const DEFAULTS: Readonly<Record<string, string>> = {
  'net.bridge.bridge-nf-call-ip6tables': '1',
  'net.bridge.bridge-nf-call-iptables': '1',
  'net.ipv4.conf.all.forwarding': '1',
  'net.ipv4.ip_local_port_range': '32768\t60999',
  'net.ipv4.ping_group_range': '0\t2147483647',
  'net.ipv6.conf.all.forwarding': '0',
};

const normalize = (k: string) => k.replace(/\//g, '.');

export function sysctlValues(sysctl: Readonly<Record<string, string>>): Record<string, string> {
  return {
    ...DEFAULTS,
    ...sysctl,
    'net.ipv4.conf.all.forwarding': sysctl['net.ipv4.ip_forward'] ?? '1',
  };
}

export function sysctl(p: Process): ProcessResult {
  const w = whereIs(p);
  const values = sysctlValues(w.host.sysctl);
  const args = p.argv.slice(1);
  const write = args.includes('-w');
  const quiet = args.includes('-q');
  const names = args.filter((a) => !a.startsWith('-'));
  if (args.includes('-a') || args.includes('-A') || args.includes('-X'))
    return output(
      p.world,
      Object.keys(values)
        .sort()
        .map((k) => `${k} = ${values[k]}\n`)
        .join(''),
    );
  let world: World = p.world;
  let stdout = '';
  let stderr = '';
  for (const arg of names) {
    const eq = arg.indexOf('=');
    if (eq >= 0 || write) {
      if (eq < 0) {
        stderr += `sysctl: "${arg}" must be of the form name=value\n`;
        continue;
      }
      const key = normalize(arg.slice(0, eq).trim());
      const value = arg.slice(eq + 1).trim();
      if (!(key in values)) {
        stderr += `sysctl: cannot stat /proc/sys/${key.replace(/\./g, '/')}: No such file or directory\n`;
        continue;
      }
      if (w.container) {
        // /proc/sys is mounted read-only in a container.
        stderr += isBusybox(w.userland)
          ? `sysctl: error setting key '${key}': Read-only file system\n`
          : `sysctl: setting key "${key}": Read-only file system\n`;
        continue;
      }
      const r = updateHost(world, w.host.hostname, (h) => {
        h.sysctl[key] = value;
        return { ok: true, value: undefined };
      });
      if (r.ok) world = r.world;
      if (!quiet) stdout += `${key} = ${value}\n`;
      continue;
    }
    const key = normalize(arg);
    const v = values[key];
    if (v === undefined)
      stderr += `sysctl: cannot stat /proc/sys/${key.replace(/\./g, '/')}: No such file or directory\n`;
    else stdout += `${key} = ${v}\n`;
  }
  if (names.length === 0 && !stderr)
    return failure(
      p.world,
      "sysctl: no variables specified\nTry `sysctl --help' for more information.",
      255,
    );
  return { world, stdout, stderr, exitCode: stderr ? 255 : 0 };
}
