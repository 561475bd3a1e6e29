/**
 * `reachabilityOf`, answered by a Web Worker (reachability.worker.ts) when the browser has one,
 * memoised per world like the synchronous probe. Without a worker (Node, a worker that fails to
 * start or to run) it computes in place.
 */
import type { Reachability, World } from '../sim';
import { reachabilityOf } from './probes';

type Answer = Reachability | undefined;

const answers = new WeakMap<World, Promise<Answer>>();
const waiting = new Map<number, { world: World; resolve: (answer: Answer) => void }>();
let nextId = 0;
let worker: Worker | undefined | null;

function answerInPlace(): void {
  for (const { world, resolve } of waiting.values()) resolve(reachabilityOf(world));
  waiting.clear();
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const w = new Worker(new URL('./reachability.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<{ id: number; result: Answer }>) => {
      waiting.get(event.data.id)?.resolve(event.data.result);
      waiting.delete(event.data.id);
    };
    w.onerror = () => {
      worker = null;
      w.terminate();
      answerInPlace();
    };
    return w;
  } catch {
    return null;
  }
}

export function reachabilityLater(world: World): Promise<Answer> {
  const known = answers.get(world);
  if (known) return known;
  worker ??= startWorker();
  const answer = new Promise<Answer>((resolve) => {
    const id = nextId++;
    waiting.set(id, { world, resolve });
    try {
      if (!worker) throw new Error('no worker');
      worker.postMessage({ id, world });
    } catch {
      answerInPlace();
    }
  });
  answers.set(world, answer);
  return answer;
}
