/**
 * Names a namespace in a sentence as a learner knows it: "the host", a container's name, an
 * `ip netns` name — never the sandbox id the trace carries.
 */
import type { TFunction } from 'i18next';
import type { World } from '../../sim';

export function placeNamer(world: World, t: TFunction<'trace'>): (netns: string) => string {
  const h = world.hosts[world.terminal.host];
  return (netns) => {
    if (netns === 'host') return t('place.host');
    if (netns === 'outside') return t('place.outside');
    const owner = [...(h?.docker.containers.values() ?? [])].find(
      (c) => c.netns === netns && c.state.status === 'running',
    );
    if (owner) return owner.name;
    return t('place.namespace', { name: h?.netns.get(netns)?.name ?? netns });
  };
}
