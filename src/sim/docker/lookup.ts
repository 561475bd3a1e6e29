/** How the daemon resolves what a user typed to a container or network (full id, name, id prefix). */
import { castDraft, current, isDraft, original } from 'immer';
import type { Container, Daemon, Network } from '../model';

/**
 * moby's container lookup: exact id, then exact name, then a unique id prefix. On a draft daemon
 * the name is looked up in the daemon as the command found it and confirmed in the draft, so a
 * lookup does not draft every container of a big lab (ids are the map's keys, read as they are).
 */
export function findContainer(d: Daemon, ref: string): Container | undefined {
  if (!ref) return undefined;
  const byId = d.containers.get(ref);
  if (byId) return byId;
  const name = ref.startsWith('/') ? ref.slice(1) : ref;
  const before = isDraft(d.containers) ? original(castDraft(d.containers)) : d.containers;
  const named = valueWhere(before, (c) => c.name === name);
  const confirmed = named && d.containers.get(named.id);
  if (confirmed?.name === name) return confirmed;
  if (before !== d.containers) {
    const now = valueWhere(current(castDraft(d.containers)), (c) => c.name === name);
    if (now) return d.containers.get(now.id);
  }
  const matches = [...d.containers.keys()].filter((id) => id.startsWith(ref));
  return matches.length === 1 ? d.containers.get(matches[0]) : undefined;
}

function valueWhere<V>(map: ReadonlyMap<string, V>, match: (v: V) => boolean): V | undefined {
  for (const v of map.values()) if (match(v)) return v;
  return undefined;
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
