/**
 * `docker compose logs`: each container's `docker logs`, every line prefixed with the container's
 * name without `<project>-`, padded to the longest name plus one, then ` | `
 * (docker/compose v2.32.4 cmd/formatter/logs.go setPrefix).
 */
import { readLogs } from '../docker/container-logs';
import type { Container, World } from '../model';
import { LABEL } from './labels';

const withoutProject = (c: Container): string => {
  const project = c.config.labels?.[LABEL.project] ?? '';
  return c.name.startsWith(`${project}-`) ? c.name.slice(project.length + 1) : c.name;
};

/** What compose prints of these containers' logs, each container's lines in the order written. */
export function composeLogs(
  world: World,
  containers: readonly Container[],
  prefix: boolean,
): string {
  const width = Math.max(0, ...containers.map((c) => withoutProject(c).length)) + 1;
  let out = '';
  for (const c of containers) {
    const head = prefix ? `${withoutProject(c).padEnd(width)} | ` : '';
    for (const e of readLogs(c, { now: world.clock, tail: -1 }))
      out += `${head}${e.text.endsWith('\n') ? e.text : `${e.text}\n`}`;
  }
  return out;
}
