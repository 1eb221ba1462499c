import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatBytes, type PlainMessageKey } from '../i18n/index.js';
import { HttpProblem } from './problems.js';
import { ErrorPage, type ErrorStatus } from '../ui/error-page.js';
import { ensureRequestLocale } from './locale.js';

interface Classified {
  status: ErrorStatus | 401 | 409 | 415 | 422;
  detail?: PlainMessageKey;
  detailText?: string;
}

const CSRF_CODES = new Set(['FST_CSRF_INVALID_TOKEN', 'FST_CSRF_MISSING_SECRET']);
const PASSED_ON = new Set([401, 403, 404, 409, 413, 415, 422, 429]);
/** SQLSTATE class 22, "data exception": a value the database cannot take (a safety net; routes check first). */
const DATA_EXCEPTION = /^22[0-9A-Z]{3}$/;

function classify(error: FastifyError, request: FastifyRequest): Classified {
  if (error instanceof HttpProblem) return { status: error.statusCode, detail: error.detail, detailText: error.detailText };
  if (CSRF_CODES.has(error.code)) return { status: 403, detail: 'error.403.csrf' };
  if (error.validation) return { status: 400 };
  const status = error.statusCode ?? 500;
  if (PASSED_ON.has(status)) return { status: status as Classified['status'] };
  if (status >= 400 && status < 500) return { status: 400 };
  if (!request.bodyParsed && request.isMultipart()) return { status: 400, detail: 'error.400.malformedBody' };
  if (typeof error.code === 'string' && DATA_EXCEPTION.test(error.code)) return { status: 400 };
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
    const classified = classify(error, request);
    if (classified.status >= 500) request.log.error({ err: error }, 'request failed');
    else if (error.code && DATA_EXCEPTION.test(error.code)) request.log.warn({ err: error }, 'value refused by the database');
    else request.log.info({ code: error.code, status: classified.status, message: error.message }, 'request refused');
    return sendProblem(request, reply, classified);
  });
  app.setNotFoundHandler(async (request, reply) => sendProblem(request, reply, { status: 404 }));
}

export async function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Classified) {
  ensureRequestLocale(request);
  reply.code(problem.status);
  const pageStatus: ErrorStatus =
    problem.status === 401 ? 403 : problem.status === 409 || problem.status === 422 || problem.status === 415 ? 400 : problem.status;
  const title = request.t(`error.${pageStatus}.title`);
  const detail =
    problem.detailText ??
    (problem.detail ? request.t(problem.detail) : problem.status === 415 ? request.t('error.400.contentType') : undefined);
  if (wantsJson(request) || reply.sent) {
    return reply.type('application/problem+json').send({ title, detail, status: problem.status, requestId: request.id });
  }
  const limit = formatBytes(request.locale, request.server.config.uploadMaxBytes);
  return reply.html(<ErrorPage ctx={reply.pageContext()} status={pageStatus} detail={detail} limit={limit} requestId={request.id} />);
}
