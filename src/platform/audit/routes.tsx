import type { FastifyInstance } from 'fastify';
import { access } from '../auth/model.js';
import { AuditLogPage } from './pages/audit-log.js';
import { listAuditEvents, listAuditRecordTypes } from './store.js';

const PAGE_SIZE = 50;

const filterQuery = {
  type: 'object',
  properties: {
    recordType: { type: 'string', maxLength: 100 },
    recordId: { type: 'string', maxLength: 200 },
    before: { type: 'integer', minimum: 1 },
  },
};

/** Administrators read the audit trail, filtered by record. */
export async function auditRoutes(app: FastifyInstance) {
  app.get('/admin/audit', { config: { access: access.roles('admin') }, schema: { querystring: filterQuery } }, async (request, reply) => {
    const query = request.query as { recordType?: string; recordId?: string; before?: number };
    const filter = { recordType: query.recordType || undefined, recordId: query.recordId || undefined };
    const db = app.database.db;
    const [events, recordTypes] = await Promise.all([
      listAuditEvents(db, { ...filter, before: query.before, limit: PAGE_SIZE }),
      listAuditRecordTypes(db),
    ]);
    const oldest = events.at(-1);
    const olderLink =
      events.length === PAGE_SIZE && oldest
        ? `/admin/audit?${new URLSearchParams({ ...definedEntries(filter), before: String(oldest.id) })}`
        : undefined;
    return reply.html(
      <AuditLogPage ctx={reply.pageContext()} events={events} recordTypes={recordTypes} filter={filter} olderLink={olderLink} />,
    );
  });
}

function definedEntries(record: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
