import type { FastifyInstance } from 'fastify';
import { access } from './auth/model.js';
import { AccessibilityPage, ApiDocsPage, HomePage, type ApiOperation } from './pages/home.js';

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The front page, the accessibility statement, health probes and the API's documentation. */
export async function platformRoutes(app: FastifyInstance) {
  app.get('/', { config: { access: access.public } }, async (_request, reply) => reply.html(<HomePage ctx={reply.pageContext()} />));

  app.get('/accessibility', { config: { access: access.public } }, async (_request, reply) =>
    reply.html(<AccessibilityPage ctx={reply.pageContext()} />),
  );

  const status = { type: 'object', properties: { status: { type: 'string' } } };
  const probe = { tags: ['operations'], response: { 200: status, 503: status } };
  app.get('/healthz', { config: { access: access.public }, schema: { ...probe, summary: 'Liveness: the process answers' } }, async () => ({
    status: 'ok',
  }));
  app.get(
    '/readyz',
    { config: { access: access.public }, schema: { ...probe, summary: 'Readiness: the database answers' } },
    async (_request, reply) => {
      const ready = await app.database.ping();
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'database unreachable' });
    },
  );

  app.get('/api/docs/openapi.json', { config: { access: access.public } }, async () => app.swagger());
  app.get('/api/docs', { config: { access: access.public } }, async (request, reply) => {
    if (request.headers.accept?.includes('application/json')) return app.swagger();
    return reply.html(<ApiDocsPage ctx={reply.pageContext()} operations={apiOperations(app)} />);
  });

  if (app.config.env !== 'production') {
    // Lets a person (and the tests) see the 500 page as users would; absent in production.
    app.get('/dev/fail', { config: { access: access.public } }, async () => {
      throw new Error('deliberate failure for checking the error page (internal detail that must not be shown)');
    });
  }
}

function apiOperations(app: FastifyInstance): ApiOperation[] {
  const document = app.swagger() as { paths?: Record<string, Record<string, { summary?: string }>> };
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({
      method: method.toUpperCase(),
      path,
      summary: item[method]?.summary ?? '',
    })),
  );
}
