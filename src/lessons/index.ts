/** The eleven guided lessons, in teaching order. */
import { docker0Veth } from './01-docker0-veth';
import { link } from './02-link';
import { userNetworks } from './03-user-networks';
import { crossingNetworks } from './04-crossing-networks';
import { networkModes } from './05-network-modes';
import { portsNat } from './06-ports-nat';
import { byHand } from './07-by-hand';
import { compose } from './08-compose';
import { buildAndShip } from './09-images';
import { macvlanIpvlan } from './10-macvlan-ipvlan';
import { twoHosts } from './11-two-hosts';
import type { Lesson } from './lesson';

export type * from './lesson';
// checker.ts runs probes through the engine: the parts of the page that load after the engine
// import it directly, so the lessons' data stays free of it.

export const LESSONS: readonly Lesson[] = [
  docker0Veth,
  link,
  userNetworks,
  crossingNetworks,
  networkModes,
  portsNat,
  byHand,
  compose,
  buildAndShip,
  macvlanIpvlan,
  twoHosts,
];

/** Looks a lesson up by id among our own lessons only (the id may come from a URL). */
export const lessonById = (id: string): Lesson | undefined => LESSONS.find((l) => l.id === id);
