import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type { DB, Queryable } from '../db/database.js';

/**
 * pg-boss runs its SQL through Kysely, on both engines. On PGlite that keeps its queries in the
 * one session's queue instead of a second connection (which would deadlock against an open
 * transaction); on PostgreSQL it uses the app's pool. Passing a transaction as `db` enqueues a job
 * that commits or rolls back with the change that asked for it.
 */
function kyselyExecutor(db: Queryable) {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows };
    },
  };
}

export interface JobQueue {
  /** Creates the queue if needed and starts handling its jobs in this process. */
  work<T extends object>(name: string, handler: (data: T, jobId: string) => Promise<void>): Promise<void>;
  /** Adds a job; give the open transaction so the job exists only if the change commits. */
  enqueue(db: Queryable, name: string, data: object): Promise<string>;
  state(id: string, name: string): Promise<string | undefined>;
  stop(): Promise<void>;
}

export interface JobQueueOptions {
  pollingIntervalSeconds?: number;
  onError?: (error: Error) => void;
}

export async function startJobQueue(db: DB, options: JobQueueOptions = {}): Promise<JobQueue> {
  const boss = new PgBoss({ db: kyselyExecutor(db), schema: 'jobs', supervise: true, schedule: false });
  boss.on('error', (error: Error) => options.onError?.(error));
  await boss.start();
  const created = new Set<string>();
  const ensureQueue = async (name: string) => {
    if (created.has(name)) return;
    await retryDeadlock(() => boss.createQueue(name));
    created.add(name);
  };
  return {
    async work(name, handler) {
      await ensureQueue(name);
      await boss.work<object>(name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async (jobs) => {
        for (const job of jobs) await handler(job.data as never, job.id);
      });
    },
    async enqueue(target, name, data) {
      await ensureQueue(name);
      const id = await boss.send(name, data, { db: kyselyExecutor(target) } as PgBoss.SendOptions);
      if (!id) throw new Error(`job ${name} was not created`);
      return id;
    },
    async state(id, name) {
      const job = await boss.getJobById(name, id);
      return job?.state;
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}

const DEADLOCK_DETECTED = '40P01';

/**
 * Creating a queue attaches a partition to pg-boss's job table; two processes starting at once on
 * one PostgreSQL can deadlock there. PostgreSQL aborts one of them, and running it again is safe
 * (a queue that now exists is left as it is).
 */
async function retryDeadlock(create: () => Promise<void>, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      if ((error as { code?: string }).code !== DEADLOCK_DETECTED || attempt === attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}
