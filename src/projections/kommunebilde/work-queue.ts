/**
 * Costly computations one at a time, taking turns between clients: a client that loops on
 * costly requests waits behind its own earlier ones, not in front of everyone else's, and CPU
 * work never piles up on the one thread that also answers every other request.
 */
import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';

export class FairWorkQueue {
  /** Each client's waiting jobs; the map's order is the turn order. */
  private readonly waiting = new Map<string, (() => void)[]>();
  private busy = false;

  run<T>(client: string, job: () => Promise<T>): Promise<T> {
    const turn = new Promise<void>((start) => {
      const jobs = this.waiting.get(client);
      if (jobs) jobs.push(start);
      else this.waiting.set(client, [start]);
    });
    this.next();
    return turn.then(job).finally(() => {
      this.busy = false;
      this.next();
    });
  }

  private next(): void {
    if (this.busy) return;
    const first = this.waiting.entries().next();
    if (first.done) return;
    const [client, jobs] = first.value;
    const start = jobs.shift()!;
    // The client goes to the back of the turn order with what it still has waiting.
    this.waiting.delete(client);
    if (jobs.length > 0) this.waiting.set(client, jobs);
    this.busy = true;
    start();
  }
}

/** How long work may hold the event loop before it lets other requests in. */
const SLICE_MS = 5;
let sliceStarted = performance.now();

/** Lets the event loop answer other requests once work has held it for SLICE_MS. */
export async function yieldWhenDue(): Promise<void> {
  if (performance.now() - sliceStarted < SLICE_MS) return;
  await nextTurnOfEventLoop();
  sliceStarted = performance.now();
}
