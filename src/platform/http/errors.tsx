import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatBytes, type MessageKey } from '../i18n/index.js';
import { ErrorPage, type ErrorStatus } from '../ui/error-page.js';
import { ensureRequestLocale } from './locale.js';

interface Classified {
  status: ErrorStatus | 401 | 409 | 422;
  detail?: MessageKey;
}

const CSRF_CODES = new Set(['FST_CSRF_INVALID_TOKEN', 'FST_CSRF_MISSING_SECRET']);

function classify(error: FastifyError): Classified {
  if (CSRF_CODES.has(error.code)) return { status: 403, detail: 'error.403.csrf' };
  if (error.validation) return { status: 400 };
  const status = error.statusCode ?? 500;
  if (status === 401 || status === 403 || status === 404 || status === 409 || status === 413 || status === 422 || status === 429)
    return { status };
  if (status >= 400 && status < 500) return { status: 400 };
  return { status: 500 };
}

export function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** The one place where failures become answers: a translated page, or a JSON problem for the API. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const classified = classify(error);
    if (classified.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: error.code, status: classified.status, message: error.message }, 'request refused');
    return sendProblem(request, reply, classified);
  });
  app.setNotFoundHandler(async (request, reply) => sendProblem(request, reply, { status: 404 }));
}

export async function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Classified) {
  ensureRequestLocale(request);
  reply.code(problem.status);
  const pageStatus: ErrorStatus = problem.status === 401 ? 403 : problem.status === 409 || problem.status === 422 ? 400 : problem.status;
  const title = request.t(`error.${pageStatus}.title`);
  if (wantsJson(request) || reply.sent) {
    const detail = problem.detail ? request.t(problem.detail as 'error.403.csrf') : undefined;
    return reply.type('application/problem+json').send({ title, detail, status: problem.status, requestId: request.id });
  }
  const limit = formatBytes(request.locale, request.server.config.uploadMaxBytes);
  return reply.html(
    <ErrorPage ctx={reply.pageContext()} status={pageStatus} detail={problem.detail} limit={limit} requestId={request.id} />,
  );
}
