/**
 * The start phase of `docker compose up` / `start` (docker/compose v2.32.4 pkg/compose start.go):
 * each service's stopped containers in dependency order, once the dependencies it names with a
 * condition have been waited for.
 */
import { startAndRun } from '../docker/main-process';
import { err, ok, type Result } from '../result';
import { hostOf } from '../world';
import { containerId } from './converge';
import { projectContainers } from './labels';
import { done, working } from './progress';
import type { ComposeProject, ComposeService } from './project';
import { record, stepMs, type Session } from './session';

/**
 * waitDependencies for one dependency. The lab runs no health probes: a dependency that declares
 * a healthcheck counts as healthy once it runs; one without answers as compose does.
 */
function waitFor(s: Session, project: ComposeProject, svc: ComposeService): Result<void> {
  for (const dep of svc.dependsOn) {
    if (dep.condition === 'service_started') continue;
    const target = project.services.find((x) => x.name === dep.service);
    const waiting = projectContainers(hostOf(s.world, s.p.place.host).docker, project.name, {
      service: dep.service,
    });
    waiting.forEach((c) => record(s, working(containerId(c), 'Waiting')));
    for (const c of waiting) {
      if (dep.condition === 'service_completed_successfully') {
        if (c.state.status !== 'exited')
          return err(
            `lab: compose would wait for "${dep.service}" to complete; the lab does not simulate waiting`,
          );
        if (c.state.exitCode !== 0) {
          const msg = `service "${dep.service}" didn't complete successfully: exit ${c.state.exitCode}`;
          record(s, { id: containerId(c), status: 'error', statusText: msg }, stepMs(s, 400, 600));
          return err(msg);
        }
        record(s, done(containerId(c), 'Exited'), stepMs(s, 400, 600));
        continue;
      }
      if (c.state.status === 'exited')
        return err(`dependency failed to start: container ${c.name} exited (${c.state.exitCode})`);
      if (!target?.healthcheck) {
        record(
          s,
          { id: containerId(c), status: 'error', statusText: 'Error' },
          stepMs(s, 400, 600),
        );
        return err(`dependency failed to start: container ${c.name} has no healthcheck configured`);
      }
      record(s, done(containerId(c), 'Healthy'), stepMs(s, 500, 1500));
    }
  }
  return ok(undefined);
}

/** start: each service's stopped containers, in dependency order, after its dependencies. */
export function startProject(
  s: Session,
  project: ComposeProject,
  services: readonly ComposeService[],
): Result<void> {
  for (const svc of services) {
    const waited = waitFor(s, project, svc);
    if (!waited.ok) return waited;
    const containers = projectContainers(hostOf(s.world, s.p.place.host).docker, project.name, {
      service: svc.name,
    });
    if (!containers.length && svc.scale > 0)
      return err(`service "${svc.name}" has no container to start`);
    for (const c of containers) {
      if (c.state.status === 'running') continue;
      record(s, working(containerId(c), 'Starting'));
      const r = startAndRun(s.p, s.world, c.id, false);
      if (!r.ok) return err(`Error response from daemon: ${r.error}`);
      s.world = r.world;
      record(s, done(containerId(c), 'Started'), stepMs(s, 200, 500));
    }
  }
  return ok(undefined);
}
