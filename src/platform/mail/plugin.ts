import type { FastifyInstance } from 'fastify';
import { startMailCapture } from './capture.js';
import { createMailer, type Mailer } from './mailer.js';
import { outboxRoutes } from './routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    mailer: Mailer;
  }
}

/**
 * Outgoing mail as a shared service (`app.mailer`): to the configured SMTP relay, or, outside
 * production, to an in-process SMTP server whose catch is shown on the outbox page.
 */
export async function registerMail(app: FastifyInstance) {
  const { config } = app;
  const capture = config.localMail ? await startMailCapture(app.database.db) : undefined;
  const smtpUrl = capture?.url ?? config.smtpUrl;
  if (!smtpUrl) throw new Error('no SMTP server: set SMTP_URL or LOCAL_MAIL=true');
  const mailer = createMailer(smtpUrl, config.mailFrom);
  app.decorate('mailer', mailer);
  app.addHook('onClose', async () => {
    mailer.close();
    await capture?.close();
  });
  if (capture) await app.register(outboxRoutes);
}
