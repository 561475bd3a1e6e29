/** How the daemon resolves what a user typed to a container or network (full id, name, id prefix). */
import type { Container, Daemon, Network } from '../model';

/**
 * moby's container lookup: exact id, then exact name, then a unique id prefix (ids are the map's
 * keys, read without drafting any container of a big lab).
 */
export function findContainer(d: Daemon, ref: string): Container | undefined {
  if (!ref) return undefined;
  const byId = d.containers.get(ref);
  if (byId) return byId;
  const named = containerNamed(d, ref.startsWith('/') ? ref.slice(1) : ref);
  if (named) return named;
  const matches = [...d.containers.keys()].filter((id) => id.startsWith(ref));
  return matches.length === 1 ? d.containers.get(matches[0]) : undefined;
}

/** The container called `name` (no leading slash), through the daemon's name registry. */
export function containerNamed(d: Daemon, name: string): Container | undefined {
  const id = d.names.get(name);
  return id === undefined ? undefined : d.containers.get(id);
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
