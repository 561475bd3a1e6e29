/**
 * `env` and `printenv`: the environment Docker gives a container's processes
 * (moby container.CreateDaemonEnvironment): PATH, HOSTNAME, TERM when a terminal is attached,
 * the legacy-link variables, then the image and `-e` variables (replacing same-named ones in
 * place); runc adds HOME last. On the host, the login shell's exported variables.
 */
import type { Container, Host } from '../model';
import { output, type Process, type ProcessResult } from '../shell/process';
import { parseLegacyLink } from '../docker/containers';
import { whereIs } from './place';

/** The PATH images set (Docker's default when an image sets none) and the host's root login PATH. */
export const IMAGE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
export const HOST_PATH =
  '/root/.local/bin:/root/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin';

const portNumber = (p: string) => Number(p.split('/')[0]);
const portProto = (p: string) => p.split('/')[1] ?? 'tcp';

/** moby daemon/links ToEnv, for single ports (ranges are not modelled). */
export function linkEnv(parent: string, alias: string, child: Container, ip: string): string[] {
  const name = alias.toUpperCase().replace(/-/g, '_');
  // nat.Sort: tcp before udp, then by port number.
  const ports = [...child.config.exposedPorts].sort(
    (a, b) =>
      (portProto(a) === 'tcp' ? 0 : 1) - (portProto(b) === 'tcp' ? 0 : 1) ||
      portNumber(a) - portNumber(b),
  );
  const env: string[] = [];
  const first = ports[0];
  if (first) env.push(`${name}_PORT=${portProto(first)}://${ip}:${portNumber(first)}`);
  for (const p of ports) {
    const n = portNumber(p);
    const proto = portProto(p);
    const key = `${name}_PORT_${n}_${proto.toUpperCase()}`;
    env.push(
      `${key}=${proto}://${ip}:${n}`,
      `${key}_ADDR=${ip}`,
      `${key}_PORT=${n}`,
      `${key}_PROTO=${proto}`,
    );
  }
  env.push(`${name}_NAME=/${parent}/${alias}`);
  for (const kv of child.config.env) {
    const eq = kv.indexOf('=');
    if (eq < 0) continue;
    const k = kv.slice(0, eq);
    if (k === 'HOME' || k === 'PATH') continue;
    env.push(`${name}_ENV_${k}=${kv.slice(eq + 1)}`);
  }
  return env;
}

/** What the host's login shell exports before the learner exports anything. */
const LOGIN_EXPORTS = ['HOSTNAME', 'USER', 'PWD', 'HOME', 'SHELL', 'TERM', 'PATH'];

function replaceOrAppend(env: string[], add: readonly string[]): string[] {
  const out = [...env];
  for (const kv of add) {
    const k = kv.split('=')[0];
    const i = out.findIndex((e) => e.split('=')[0] === k);
    if (i >= 0) out[i] = kv;
    else out.push(kv);
  }
  return out;
}

export function containerEnv(h: Host, c: Container, tty: boolean): string[] {
  let env = [`PATH=${IMAGE_PATH}`, `HOSTNAME=${c.config.hostname}`];
  if (tty) env.push('TERM=xterm');
  c.hostConfig.links.forEach((link, i) => {
    const { child, parent, alias } = parseLegacyLink(link);
    const target = [...h.docker.containers.values()].find((x) => x.name === child);
    const ip = c.linkHosts[i]?.ip;
    if (target && ip) env.push(...linkEnv(parent, alias, target, ip));
  });
  env = replaceOrAppend(env, c.config.env);
  if (!env.some((e) => e.startsWith('HOME='))) env.push('HOME=/root');
  return env;
}

function environment(p: Process): string[] {
  const w = whereIs(p);
  const assigned = Object.entries(p.env ?? {}).map(([k, v]) => `${k}=${v}`);
  if (w.container) return replaceOrAppend(containerEnv(w.host, w.container, p.tty), assigned);
  const vars = p.world.terminal.vars;
  const exported = [...LOGIN_EXPORTS, ...(p.world.terminal.exported ?? [])];
  const base: Record<string, string> = {
    TERM: 'xterm-256color',
    PATH: HOST_PATH,
    ...vars,
  };
  const inherited = exported.filter((k) => base[k] !== undefined).map((k) => `${k}=${base[k]}`);
  return replaceOrAppend(inherited, assigned);
}

/** The variables a program started from the shell inherits, as a map (`docker compose`'s OS env). */
export const processEnvironment = (p: Process): Record<string, string> =>
  Object.fromEntries(
    environment(p).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );

export const env: (p: Process) => ProcessResult = (p) =>
  output(
    p.world,
    environment(p)
      .map((e) => `${e}\n`)
      .join(''),
  );

export const printenv: (p: Process) => ProcessResult = (p) => {
  const all = environment(p);
  const names = p.argv.slice(1);
  if (names.length === 0) return env(p);
  const found = names.flatMap((n) => {
    const kv = all.find((e) => e.startsWith(`${n}=`));
    return kv ? [kv.slice(n.length + 1)] : [];
  });
  return output(
    p.world,
    found.map((v) => `${v}\n`).join(''),
    '',
    found.length === names.length ? 0 : 1,
  );
};
