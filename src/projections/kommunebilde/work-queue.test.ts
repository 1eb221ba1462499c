import { describe, expect, it } from 'vitest';
import { FairWorkQueue } from './work-queue.js';

describe('fair work queue', () => {
  it('runs one job at a time, clients taking turns', async () => {
    const queue = new FairWorkQueue();
    const log: string[] = [];
    let running = 0;
    const job = (name: string) => async () => {
      running++;
      expect(running).toBe(1);
      await new Promise((resolve) => setImmediate(resolve));
      log.push(name);
      running--;
      return name;
    };
    const done = await Promise.all([
      queue.run('a', job('a1')),
      queue.run('a', job('a2')),
      queue.run('a', job('a3')),
      queue.run('b', job('b1')),
      queue.run('c', job('c1')),
    ]);
    expect(done).toEqual(['a1', 'a2', 'a3', 'b1', 'c1']);
    // a1 starts at once, a2 was waiting before b1 and c1 came; a3 then waits for them.
    expect(log).toEqual(['a1', 'a2', 'b1', 'c1', 'a3']);
  });

  it('goes on after a job fails', async () => {
    const queue = new FairWorkQueue();
    const failed = queue.run('a', async () => {
      throw new Error('broken');
    });
    await expect(failed).rejects.toThrow('broken');
    await expect(queue.run('a', async () => 'next')).resolves.toBe('next');
  });
});
