/**
 * The Dockerfile instructions that only change an image's config (ENV, LABEL, EXPOSE, USER, CMD,
 * ENTRYPOINT; HEALTHCHECK and the rest are accepted and recorded), with the line each leaves
 * in the image's history, as BuildKit writes it.
 */
import type { Image } from '../model';
import { argvOf } from './build-container';
import type { Instruction } from './dockerfile';
import type { ImageChange } from './image-records';

const setEnv = (env: readonly string[], key: string, value: string) => [
  ...env.filter((e) => !e.startsWith(`${key}=`)),
  `${key}=${value}`,
];

/** `["PATH=/bin", "A=b"]` -> `{PATH: '/bin', A: 'b'}`: an image's env as build variables. */
export const envVars = (env: readonly string[]): Record<string, string> =>
  Object.fromEntries(env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));

const quoted = (argv: readonly string[]) => `[${argv.map((a) => JSON.stringify(a)).join(' ')}]`;

export function configChange(
  ins: Instruction,
  state: Image,
  sub: (text: string) => string,
  earlier: readonly Instruction[],
): { createdBy: string; config: NonNullable<ImageChange['config']> } {
  switch (ins.kind) {
    case 'ENV': {
      let env = state.env;
      for (const [k, v] of ins.pairs) env = setEnv(env, k, sub(v));
      return {
        createdBy: `ENV ${ins.pairs.map(([k, v]) => `${k}=${sub(v)}`).join(' ')}`,
        config: { env },
      };
    }
    case 'LABEL': {
      const labels = Object.fromEntries(ins.pairs.map(([k, v]) => [k, sub(v)]));
      return {
        createdBy: `LABEL ${ins.pairs.map(([k, v]) => `${k}=${sub(v)}`).join(' ')}`,
        config: { labels: { ...state.labels, ...labels } },
      };
    }
    case 'EXPOSE': {
      const ports = ins.values.map((p) => (p.includes('/') ? sub(p) : `${sub(p)}/tcp`)).sort();
      return {
        createdBy: `EXPOSE map[${ports.map((p) => `${p}:{}`).join(' ')}]`,
        config: { exposedPorts: [...new Set([...state.exposedPorts, ...ports])] },
      };
    }
    case 'USER':
      return { createdBy: `USER ${sub(ins.value)}`, config: { user: sub(ins.value) } };
    case 'CMD':
      return {
        createdBy: `CMD ${quoted(argvOf(ins.command))}`,
        config: { cmd: argvOf(ins.command) },
      };
    case 'ENTRYPOINT': {
      const entrypoint = argvOf(ins.command);
      // Setting ENTRYPOINT drops a CMD the base image set (Dockerfile reference, ENTRYPOINT).
      const ownCmd = earlier.some((i) => i.kind === 'CMD');
      return {
        createdBy: `ENTRYPOINT ${quoted(entrypoint)}`,
        config: ownCmd ? { entrypoint } : { entrypoint, cmd: [] },
      };
    }
    default:
      return { createdBy: ins.original, config: {} };
  }
}
