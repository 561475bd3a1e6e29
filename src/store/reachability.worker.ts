/**
 * The reachability matrix's walks in a Web Worker: the same pure core, off the main thread, so
 * typing never waits for 380 packet walks. One message in (`{ id, world }`), one out
 * (`{ id, result }`).
 */
import type { World } from '../sim';
import { reachabilityOf } from './probes';

self.onmessage = (event: MessageEvent<{ id: number; world: World }>) => {
  const { id, world } = event.data;
  self.postMessage({ id, result: reachabilityOf(world) });
};
