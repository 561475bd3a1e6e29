/**
 * The reachability matrix's walks in a Web Worker: the same pure core, off the main thread, so
 * typing never waits for 380 packet walks. One message in (`{ id, world }`), one out
 * (`{ id, result }`).
 */
import type { World } from '../sim';
import { Table } from '../sim/table';
import { reachabilityOf } from './probes';

self.onmessage = (event: MessageEvent<{ id: number; world: World }>) => {
  const { id, world } = event.data;
  // The message is a structured clone: the world's Tables arrive as plain data.
  self.postMessage({ id, result: reachabilityOf(Table.revive(world)) });
};
