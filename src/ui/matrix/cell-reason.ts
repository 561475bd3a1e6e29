/**
 * Why a matrix cell is red, in the learner's language: a short tag for the cell itself and the
 * full sentence (the same one the trace player shows for the failing event).
 */
import type { TFunction } from 'i18next';
import { explainEvent, words, type PlaceName } from '../../graph/explain';
import { failureOf, type ReachabilityCell } from '../../sim';

export type ReasonTag =
  'dns' | 'isolated' | 'iptables' | 'route' | 'arp' | 'noAddress' | 'namesake' | 'other';

/** The echo was answered, but at home: the target's address is also one on the sender's host. */
const namesake = (cell: ReachabilityCell) => !cell.ok && cell.trace.verdict === 'delivered';

export function tagOf(cell: ReachabilityCell): ReasonTag {
  if (namesake(cell)) return 'namesake';
  const failure = failureOf(cell.trace.events);
  if (!failure) return cell.address ? 'other' : 'noAddress';
  if (failure.kind === 'name-lookup') return 'dns';
  if (failure.kind !== 'dropped') return 'other';
  if (failure.reason === 'netfilter')
    return failure.netfilter?.chain.startsWith('DOCKER-ISOLATION') ? 'isolated' : 'iptables';
  if (failure.reason === 'no-route' || failure.reason === 'not-a-router') return 'route';
  if (failure.reason === 'arp-failed' || failure.reason === 'no-carrier') return 'arp';
  return 'other';
}

export function reasonOf(
  cell: ReachabilityCell,
  to: { name: string; networkMode: string },
  place: PlaceName,
  t: TFunction<['matrix', 'trace']>,
): string {
  if (namesake(cell)) return t('reason.namesake', { ip: cell.address });
  const failure = failureOf(cell.trace.events);
  if (failure) {
    return words(explainEvent(failure, place), (key, params) => t(key, { ...params, ns: 'trace' }));
  }
  if (!cell.address) return t('reason.noAddress', { to: to.name, mode: to.networkMode });
  return t('reason.lost');
}
