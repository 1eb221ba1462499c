import type { FastifyInstance } from 'fastify';
import { access } from '../auth/model.js';
import { notFound } from '../http/problems.js';
import { MailPage, OutboxPage } from './pages/outbox.js';
import { findCapturedMail, listCapturedMail } from './store.js';

const idParameter = { type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] };

/** The developers' outbox: only registered when mail is captured locally, which production refuses. */
export async function outboxRoutes(app: FastifyInstance) {
  app.get('/dev/outbox', { config: { access: access.public } }, async (_request, reply) =>
    reply.html(<OutboxPage ctx={reply.pageContext()} mails={await listCapturedMail(app.database.db)} />),
  );
  app.get('/dev/outbox/:id', { config: { access: access.public }, schema: { params: idParameter } }, async (request, reply) => {
    const mail = await findCapturedMail(app.database.db, (request.params as { id: string }).id);
    if (!mail) throw notFound();
    return reply.html(<MailPage ctx={reply.pageContext()} mail={mail} />);
  });
}
