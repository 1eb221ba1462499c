import type { FastifyInstance } from 'fastify';
import { startJobQueue, type JobQueue } from './queue.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Background work (PDFs, mail, imports) on pg-boss in the same database, on both engines. */
    jobs: JobQueue;
  }
}

export async function registerJobs(app: FastifyInstance) {
  const jobs = await startJobQueue(app.database.db, { onError: (error) => app.log.error({ err: error }, 'job queue error') });
  app.decorate('jobs', jobs);
  // Stop taking jobs before the database closes; running jobs finish first.
  app.addHook('onClose', async () => jobs.stop());
}
