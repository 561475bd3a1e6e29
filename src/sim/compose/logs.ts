/**
 * `docker compose logs`: each container's `docker logs`, every line prefixed with the container's
 * name without `<project>-`, padded to the longest name plus one, then ` | `
 * (docker/compose v2.32.4 cmd/formatter/logs.go setPrefix).
 */
import { containerLogs } from '../docker/container-logs';
import type { Container, World } from '../model';
import { hostOf } from '../world';
import { LABEL } from './labels';

const withoutProject = (c: Container): string => {
  const project = c.config.labels?.[LABEL.project] ?? '';
  return c.name.startsWith(`${project}-`) ? c.name.slice(project.length + 1) : c.name;
};

/** What compose prints of these containers' logs (stdout lines; stderr ones folded in after). */
export function composeLogs(
  world: World,
  host: string,
  containers: readonly Container[],
  prefix: boolean,
): string {
  const d = hostOf(world, host).docker;
  const width = Math.max(0, ...containers.map((c) => withoutProject(c).length)) + 1;
  let out = '';
  for (const c of containers) {
    const logs = containerLogs(c, d.images.get(c.imageId));
    const head = prefix ? `${withoutProject(c).padEnd(width)} | ` : '';
    for (const text of [logs.stdout, logs.stderr])
      for (const line of text.split('\n').slice(0, -1)) out += `${head}${line}\n`;
  }
  return out;
}
