/**
 * A container's mounts as `docker inspect` shows them (moby api/types MountPoint and
 * container.Config.Volumes): volumes with their name and driver, binds with their propagation.
 */
import { goStruct } from '../format/go-template-value';
import type { Container } from '../model';

/** `Mounts`: one types.MountPoint per mount. */
export const mountPoints = (c: Container): object[] =>
  (c.mounts ?? []).map((m) =>
    goStruct(
      {
        Type: m.type,
        ...(m.name ? { Name: m.name } : {}),
        Source: m.source,
        Destination: m.destination,
        ...(m.type === 'volume' ? { Driver: 'local' } : {}),
        Mode: m.mode,
        RW: m.rw,
        Propagation: m.type === 'bind' ? 'rprivate' : '',
      },
      { typeName: 'types.MountPoint' },
    ),
  );

/** Config.Volumes: the anonymous `-v /path`s and the image's VOLUMEs, `null` when none. */
export function configVolumes(c: Container): Record<string, object> | null {
  const anonymous = (c.mounts ?? []).filter((m) => m.anonymous && !m.viaMount);
  return anonymous.length ? Object.fromEntries(anonymous.map((m) => [m.destination, {}])) : null;
}
