/**
 * `docker compose up` / `create` / `start` (docker/compose v2.32.4 pkg/compose create.go,
 * convergence.go, start.go): networks first, then each service in dependency order — containers
 * kept when their config hash still matches (`Running`), recreated when it does not
 * (`Recreate`/`Recreated`), created up to the service's scale or removed down to it — then the
 * start (./start.ts), where a dependency with a condition is waited for. Compose does services in
 * parallel and walks Go maps; the lab goes by dependency order, then by name.
 */
import { findLocalImage } from '../docker/pull';
import { fetchImage } from '../docker/registry-pull';
import { createNetwork } from '../docker/networks';
import { removeContainer, stopContainer } from '../docker/containers';
import { stopExitCode } from '../docker/lifecycle-cli';
import type { Container, Image } from '../model';
import { err, ok, type Result } from '../result';
import { hostOf } from '../world';
import { containerName, createServiceContainer, networksByPriority } from './create-container';
import { configHashOf, networkLabels, numberOf, projectContainers, serviceHash } from './labels';
import { done, working } from './progress';
import { imageOf, type ComposeProject, type ComposeService } from './project';
import { onHost, record, stepMs, type Session } from './session';

export interface ConvergeOptions {
  /** Services named on the command line; all when empty. */
  readonly services: readonly string[];
  readonly recreate: 'diverged' | 'force' | 'never';
  readonly scale: Readonly<Record<string, number>>;
}

/** Services in an order where each comes after what it depends on (depends_on, links, service:). */
export function dependencyOrder(project: ComposeProject): ComposeService[] {
  const byName = new Map(project.services.map((s) => [s.name, s]));
  const deps = (s: ComposeService) => [
    ...s.dependsOn.map((d) => d.service),
    ...s.links.map((l) => l.split(':')[0]),
    ...(s.networkMode?.startsWith('service:') ? [s.networkMode.slice(8)] : []),
  ];
  const out: ComposeService[] = [];
  const visiting = new Set<string>();
  const visit = (s: ComposeService) => {
    if (out.includes(s) || visiting.has(s.name)) return;
    visiting.add(s.name);
    for (const d of deps(s).sort()) {
      const dep = byName.get(d);
      if (dep) visit(dep);
    }
    out.push(s);
  };
  project.services.forEach(visit);
  return out;
}

/** The progress line id of a container. */
export const containerId = (c: Container) => `Container ${c.name}`;

/** ensureNetwork: reuse the project's network by its labels, else create it with them. */
export function ensureNetworks(s: Session, project: ComposeProject): Result<void> {
  for (const n of project.networks) {
    const existing = [...hostOf(s.world, s.p.place.host).docker.networks.values()].find(
      (x) => x.name === n.name,
    );
    if (n.external) {
      if (!existing) return err(`network ${n.name} declared as external, but could not be found`);
      continue;
    }
    if (existing) continue;
    const id = `Network ${n.name}`;
    record(s, working(id, 'Creating'));
    const r = onHost(s, (h) =>
      createNetwork(
        h,
        {
          name: n.name,
          driver: n.driver ?? 'bridge',
          ipam: n.ipam.flatMap((pool) => (pool.subnet ? [{ ...pool, subnet: pool.subnet }] : [])),
          internal: n.internal,
          attachable: n.attachable,
          options: n.driverOpts,
          labels: networkLabels(project, n),
        },
        s.p.ctx,
      ),
    );
    if (!r.ok) {
      record(s, { id, status: 'error', statusText: 'Error' }, stepMs(s, 20, 60));
      return err(`failed to create network ${n.name}: Error response from daemon: ${r.error}`);
    }
    record(s, done(id, 'Created'), stepMs(s, 60, 150));
  }
  return ok(undefined);
}

function localImage(s: Session, ref: string): Image | undefined {
  return findLocalImage(hostOf(s.world, s.p.place.host).docker.images, ref);
}

/** mustRecreate: a forced recreate, a changed config hash or image (a rebuild), or a missing network. */
function diverged(s: Session, c: Container, svc: ComposeService, project: ComposeProject) {
  if (configHashOf(c) !== serviceHash(svc)) return true;
  const image = localImage(s, imageOf(project, svc));
  if (image && image.id !== c.imageId) return true;
  if (c.state.status !== 'running') return false;
  const names = networksByPriority(svc).map(
    (n) => project.networks.find((x) => x.key === n.key)?.name,
  );
  return names.some((name) => !c.endpoints.some((e) => e.networkName === name));
}

function createOne(
  s: Session,
  project: ComposeProject,
  svc: ComposeService,
  number: number,
): Result<void> {
  const name = containerName(project, svc, number);
  const id = `Container ${name}`;
  record(s, working(id, 'Creating'));
  const image = localImage(s, imageOf(project, svc));
  if (!image) return err(`No such image: ${imageOf(project, svc)}`);
  const r = onHost(s, (h) =>
    createServiceContainer(
      h,
      project,
      svc,
      { name, number, image, serviceAliases: true, publish: true },
      s.p.ctx,
    ),
  );
  if (!r.ok) return err(`Error response from daemon: ${r.error}`);
  record(s, done(id, 'Created'), stepMs(s, 40, 120));
  return ok(undefined);
}

function removeOne(s: Session, c: Container): void {
  const code = stopExitCode(s.world, c);
  onHost(s, (h) => {
    stopContainer(h, c.id, code, s.p.ctx);
    return removeContainer(h, c.id, true, s.p.ctx);
  });
}

/** convergence.ensureService for one service. */
function ensureService(
  s: Session,
  project: ComposeProject,
  svc: ComposeService,
  o: ConvergeOptions,
): Result<void> {
  const expected = o.scale[svc.name] ?? svc.scale;
  const policy = o.services.length && !o.services.includes(svc.name) ? 'diverged' : o.recreate;
  const obsolete = (c: Container) =>
    policy === 'force' || (policy === 'diverged' && diverged(s, c, svc, project));
  const observed = projectContainers(hostOf(s.world, s.p.place.host).docker, project.name, {
    service: svc.name,
  });
  // Up-to-date containers by number, obsolete ones last: scaling down drops those first.
  const ordered = [
    ...observed.filter((c) => !obsolete(c)).sort((a, b) => numberOf(a) - numberOf(b)),
    ...observed.filter(obsolete),
  ];
  for (const [i, c] of ordered.entries()) {
    if (i >= expected) {
      record(s, working(containerId(c), 'Stopping'));
      record(s, done(containerId(c), 'Stopped'), stepMs(s, 100, 400));
      record(s, working(containerId(c), 'Removing'));
      removeOne(s, c);
      record(s, done(containerId(c), 'Removed'), stepMs(s, 20, 80));
      continue;
    }
    if (obsolete(c)) {
      record(s, working(containerId(c), 'Recreate'));
      removeOne(s, c);
      const made = recreate(s, project, svc, c);
      if (!made.ok) return made;
      record(s, done(containerId(c), 'Recreated'), stepMs(s, 100, 300));
      continue;
    }
    if (c.state.status === 'running') record(s, done(containerId(c), 'Running'));
    else if (c.state.status === 'exited') record(s, done(containerId(c), 'Created'));
  }
  const next = observed.reduce((m, c) => Math.max(m, numberOf(c)), 0) + 1;
  for (let i = 0; i < expected - observed.length; i++) {
    const made = createOne(s, project, svc, next + i);
    if (!made.ok) return made;
  }
  return ok(undefined);
}

/** recreateContainer: the replacement keeps the number and name of the one it replaces. */
function recreate(s: Session, project: ComposeProject, svc: ComposeService, old: Container) {
  const image = localImage(s, imageOf(project, svc));
  if (!image) return err(`No such image: ${imageOf(project, svc)}`);
  const number = numberOf(old);
  return onHost(s, (h) =>
    createServiceContainer(
      h,
      project,
      svc,
      { name: old.name, number, image, serviceAliases: true, publish: true },
      s.p.ctx,
    ),
  );
}

/** The services to act on: those named and what they depend on, or all of them. */
export function selected(project: ComposeProject, names: readonly string[]): ComposeService[] {
  const order = dependencyOrder(project);
  if (!names.length) return order;
  const wanted = new Set<string>();
  const add = (name: string) => {
    if (wanted.has(name)) return;
    wanted.add(name);
    project.services.find((x) => x.name === name)?.dependsOn.forEach((d) => add(d.service));
  };
  names.forEach(add);
  return order.filter((x) => wanted.has(x.name));
}

/** pullRequiredImages' check: a service whose image is not here yet and is not built here. */
export const needsPull = (s: Session, svc: ComposeService): boolean =>
  svc.image !== undefined && svc.build === undefined && !localImage(s, svc.image);

/** create: networks, then every selected service converged to its scale. */
export function createProject(
  s: Session,
  project: ComposeProject,
  o: ConvergeOptions,
  services: readonly ComposeService[] = selected(project, o.services),
) {
  const nets = ensureNetworks(s, project);
  if (!nets.ok) return nets;
  for (const svc of services) {
    const r = ensureService(s, project, svc, o);
    if (!r.ok) return r;
  }
  return ok(undefined);
}

/** Pulls what is missing, one `Pulling`/`Pulled` line per service and one per layer under it. */
export function pullImages(s: Session, services: readonly ComposeService[]): Result<void> {
  const pulled = new Set<string>();
  for (const svc of services) {
    if (!svc.image) continue;
    record(s, { id: svc.name, status: 'working', text: 'Pulling' });
    // Compose pulls per service; a second pull of the same image finds its layers already there.
    if (pulled.has(svc.image)) {
      record(s, { id: svc.name, status: 'done', text: 'Pulled' }, stepMs(s, 100, 400));
      continue;
    }
    pulled.add(svc.image);
    const r = fetchImage(s.world, s.p.place.host, svc.image, s.p.ctx);
    const progress = r.progress;
    if (!r.ok) {
      const message = `Error response from daemon: ${r.error}`;
      record(
        s,
        { id: svc.name, status: 'error', text: 'Error', statusText: message },
        stepMs(s, 300, 900),
      );
      return err(message);
    }
    s.world = r.world;
    // The layer ids are the ones `docker pull` shows for the same image.
    const layers = [...progress.matchAll(/^([0-9a-f]{12}): Pull complete/gm)].map((m) => m[1]);
    for (const layer of layers)
      record(s, { id: layer, parentId: svc.name, status: 'working', text: 'Pulling fs layer' });
    for (const layer of layers) {
      const at = (status: 'working' | 'done', text: string) => ({
        id: layer,
        parentId: svc.name,
        status,
        text,
      });
      record(s, at('done', 'Download complete'), stepMs(s, 200, 900));
      record(s, at('working', 'Extracting'), stepMs(s, 10, 50));
      record(s, at('done', 'Pull complete'), stepMs(s, 100, 600));
    }
    record(s, { id: svc.name, status: 'done', text: 'Pulled' }, stepMs(s, 100, 400));
  }
  return ok(undefined);
}
