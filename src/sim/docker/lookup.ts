/** How the daemon resolves what a user typed to a container or network (full id, name, id prefix). */
import type { Container, Daemon, Network } from '../model';

export function findContainer(d: Daemon, ref: string): Container | undefined {
  if (!ref) return undefined;
  const name = ref.startsWith('/') ? ref.slice(1) : ref;
  const all = [...d.containers.values()];
  return (
    all.find((c) => c.id === ref) ??
    all.find((c) => c.name === name) ??
    (() => {
      const matches = all.filter((c) => c.id.startsWith(ref));
      return matches.length === 1 ? matches[0] : undefined;
    })()
  );
}

export type NetworkLookup =
  { readonly ok: true; readonly network: Network } | { readonly ok: false; readonly error: string };

/** moby's findUniqueNetwork: exact id, then exact name, then a unique id prefix. */
export function findNetwork(d: Daemon, ref: string): NetworkLookup {
  const all = [...d.networks.values()];
  const byId = all.find((n) => n.id === ref);
  if (byId) return { ok: true, network: byId };
  const byName = all.filter((n) => n.name === ref);
  if (byName.length === 1) return { ok: true, network: byName[0] };
  if (byName.length > 1)
    return {
      ok: false,
      error: `network ${ref} is ambiguous (${byName.length} matches found based on name)`,
    };
  const byPrefix = ref ? all.filter((n) => n.id.startsWith(ref)) : [];
  if (byPrefix.length === 1) return { ok: true, network: byPrefix[0] };
  if (byPrefix.length > 1)
    return {
      ok: false,
      error: `network ${ref} is ambiguous (${byPrefix.length} matches found based on ID prefix)`,
    };
  return { ok: false, error: `network ${ref} not found` };
}

export const shortId = (id: string): string => id.slice(0, 12);

export function isUserDefined(n: Network): boolean {
  return !n.predefined;
}
