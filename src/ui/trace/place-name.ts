/**
 * Names a namespace in a sentence as a learner knows it: "the host", a container's name, an
 * `ip netns` name — never the sandbox id the trace carries. An event on another lab host names
 * that host's containers and namespaces, and the host by its hostname.
 */
import type { TFunction } from 'i18next';
import type { PlaceName } from '../../graph/explain';
import type { World } from '../../sim';

export function placeNamer(world: World, t: TFunction<'trace'>): PlaceName {
  const named = (netns: string, host = world.terminal.host) => {
    const h = world.hosts[host];
    const far = host !== world.terminal.host;
    if (netns === 'host')
      return { place: far ? t('place.labHost', { name: host }) : t('place.host') };
    if (netns === 'outside') return { place: t('place.outside') };
    const owner = [...(h?.docker.containers.values() ?? [])].find(
      (c) => c.netns === netns && c.state.status === 'running',
    );
    if (owner) return { place: owner.name, container: owner.name };
    return { place: t('place.namespace', { name: h?.netns.get(netns)?.name ?? netns }) };
  };
  const who = (netns: string, host?: string) => {
    const n = named(netns, host);
    return n.container ? t('place.container', { name: n.container }) : n.place;
  };
  return Object.assign((netns: string, host?: string) => named(netns, host).place, { who });
}
