import type { FastifyInstance } from 'fastify';
import { access } from '../auth/model.js';
import { findUserEmail } from '../auth/store.js';
import { registerNavigation } from '../ui/navigation.js';
import { MyNotificationsPage } from './pages/my-notifications.js';
import { deliverNotification, NOTIFICATION_JOB } from './notify.js';
import { listNotificationsFor } from './store.js';

registerNavigation([{ href: '/varsler', label: 'nav.notifications', order: 900, visibleTo: (principal) => principal !== null }]);

/** Sends the notices capabilities make, and shows each person what was sent to them. */
export async function notificationRoutes(app: FastifyInstance) {
  const db = app.database.db;
  const services = { db, mailer: app.mailer, publicUrl: app.config.publicUrl };
  await app.jobs.work<{ ids: string[] }>(NOTIFICATION_JOB, async ({ ids }) => {
    for (const id of ids) await deliverNotification(services, id);
  });
  app.get('/varsler', { config: { access: access.signedIn } }, async (request, reply) => {
    const userId = request.principal!.userId;
    const notices = await listNotificationsFor(db, { userId, email: await findUserEmail(db, userId) });
    return reply.html(<MyNotificationsPage ctx={reply.pageContext()} notices={notices} />);
  });
}
