/**
 * `docker compose down`, `stop`, `rm` (docker/compose v2.32.4 pkg/compose down.go, stop.go):
 * containers go in reverse dependency order (`Stopping`, `Stopped`, `Removing`, `Removed`), then
 * the project's networks — found by their labels, so a network the project did not make is never
 * touched, and one still in use is left with a warning.
 */
import { removeContainer, stopContainer } from '../docker/containers';
import { stopExitCode } from '../docker/lifecycle-cli';
import { removeNetwork, hasActiveEndpoints } from '../docker/networks';
import type { Container } from '../model';
import { ok, type Result } from '../result';
import { hostOf } from '../world';
import { dependencyOrder } from './converge';
import { LABEL, projectContainers, serviceOf } from './labels';
import { done, working } from './progress';
import type { ComposeProject } from './project';
import { onHost, record, stepMs, type Session } from './session';

const idOf = (c: Container) => `Container ${c.name}`;

export function stopOne(s: Session, c: Container): void {
  record(s, working(idOf(c), 'Stopping'));
  const code = stopExitCode(s.world, c);
  onHost(s, (h) => {
    stopContainer(h, c.id, code, s.p.ctx);
    return ok(undefined);
  });
  record(s, done(idOf(c), 'Stopped'), stepMs(s, 100, 400));
}

export function removeOne(s: Session, c: Container): void {
  record(s, working(idOf(c), 'Removing'));
  onHost(s, (h) => removeContainer(h, c.id, true, s.p.ctx));
  record(s, done(idOf(c), 'Removed'), stepMs(s, 20, 80));
}

/** The project's containers, dependents before what they depend on; unknown services last. */
export function reverseOrder(
  s: Session,
  project: ComposeProject | null,
  name: string,
  o: { readonly oneoff?: boolean; readonly services?: readonly string[] } = {},
): Container[] {
  const all = projectContainers(hostOf(s.world, s.p.place.host).docker, name, o).filter(
    (c) => !o.services?.length || o.services.includes(serviceOf(c)),
  );
  const order = project
    ? dependencyOrder(project)
        .map((x) => x.name)
        .reverse()
    : [];
  const rank = (c: Container) => {
    const i = order.indexOf(serviceOf(c));
    return i < 0 ? order.length : i;
  };
  return [...all].sort((a, b) => rank(a) - rank(b));
}

export interface DownOptions {
  readonly removeOrphans: boolean;
}

/** down: every container of the project, then its networks; a warning when nothing was there. */
export function downProject(
  s: Session,
  project: ComposeProject | null,
  name: string,
  o: DownOptions,
): Result<{ warnings: string[] }> {
  const known = new Set(project?.services.map((x) => x.name));
  // Orphans (services no longer in the file, one-off `run` containers) go only when asked.
  const containers = reverseOrder(s, project, name, { oneoff: o.removeOrphans }).filter(
    (c) => o.removeOrphans || !project || known.has(serviceOf(c)),
  );
  for (const c of containers) {
    // ContainerStop on a stopped container succeeds, so its lines are the same.
    stopOne(s, c);
    removeOne(s, c);
  }
  const warnings: string[] = [];
  const wanted = project
    ? project.networks.filter((n) => !n.external).map((n) => ({ key: n.key, name: n.name }))
    : null;
  const nets = [...hostOf(s.world, s.p.place.host).docker.networks.values()].filter(
    (n) =>
      n.labels[LABEL.project] === name &&
      (!wanted || wanted.some((w) => w.key === n.labels[LABEL.network] && w.name === n.name)),
  );
  for (const n of nets.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const id = `Network ${n.name}`;
    record(s, working(id, 'Removing'));
    if (hasActiveEndpoints(hostOf(s.world, s.p.place.host).docker, n)) {
      record(s, { id, status: 'warning', statusText: 'Resource is still in use' });
      continue;
    }
    onHost(s, (h) => removeNetwork(h, h.docker.networks.get(n.id)!));
    record(s, done(id, 'Removed'), stepMs(s, 100, 300));
  }
  if (!containers.length && !nets.length)
    warnings.push(`Warning: No resource found to remove for project "${name}".`);
  return ok({ warnings });
}
