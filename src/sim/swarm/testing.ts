/** The lab the swarm tests share: Docker's standalone-overlay tutorial up to alpine2's start. */
import type { World } from '../model';
import { hostOf } from '../world';

export const TWO_NODES = [
  'lab add-host host2',
  'docker swarm init',
  'ssh host2 docker swarm join --token $(docker swarm join-token -q worker) 10.0.2.15:2377',
  'docker network create --driver=overlay --attachable test-net',
  'docker run -dit --name alpine1 --network test-net alpine',
  'ssh host2 docker run -dit --name alpine2 --network test-net alpine',
];

/** A node's own record of a network, by name. */
export const netOf = (world: World, host: string, name: string) =>
  [...hostOf(world, host).docker.networks.values()].find((n) => n.name === name);
