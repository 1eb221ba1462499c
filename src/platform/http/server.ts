import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySession from '@fastify/session';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type RouteOptions } from 'fastify';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';
import { access, decideAccess } from '../auth/model.js';
import { deleteExpiredSessions, findPrincipal } from '../auth/store.js';
import { DESIGNSYSTEM_DIR, DESIGNSYSTEM_PREFIX, PUBLIC_DIR, PUBLIC_PREFIX } from '../ui/assets.js';
import type { PageContext } from '../ui/context.js';
import { registerErrorHandling, sendProblem, wantsJson } from './errors.js';
import { isStorableText, sendDownload, type MultipartPart } from './input.js';
import { HttpProblem } from './problems.js';
import { Slots } from '../slots.js';
import { ensureRequestLocale, resolveLocale } from './locale.js';
import { databaseSessionStore } from './session-store.js';
import './types.js';

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

export const SESSION_COOKIE = 'stifinner_session';

export interface ServerOptions {
  config: Config;
  database: DatabaseHandle;
  /** Origins a form may be sent on to (the identity providers, for sign-out). */
  formTargets?: string[];
  logger?: boolean;
}

/**
 * The HTTP server every capability plugs into: security headers, sessions in the database, CSRF
 * on every unsafe request, rate limits, uploads, static files, OpenAPI, languages, the signed-in
 * principal, the access rule of each route, and one error handler.
 */
export async function createServer({ config, database, formTargets = [], logger = true }: ServerOptions) {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    genReqId: () => randomUUID(),
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: config.uploadMaxBytes,
    return503OnClosing: true,
  });
  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('slots', new Slots());
  app.decorateRequest('locale', undefined as never);
  app.decorateRequest('t', undefined as never);
  app.decorateRequest('principal', null);
  app.decorateReply('html', async function (this: FastifyReply, content: JSX.Element) {
    const body = await content;
    await this.type('text/html; charset=utf-8').send(body);
  });
  app.decorateRequest('bodyParsed', false);
  app.decorateReply('download', sendDownload);
  app.decorateReply('pageContext', function (this: FastifyReply): PageContext {
    return pageContext(this.request, this);
  });

  enforceDeclaredAccess(app);
  registerErrorHandling(app);

  await app.register(fastifyHelmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'", ...formTargets],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: config.env === 'production' ? [] : null,
      },
    },
    hsts: config.env === 'production',
  });
  await app.register(fastifyRateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) => Object.assign(new Error('too many requests'), { statusCode: context.statusCode }),
  });
  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: config.sessionSecret,
    cookieName: SESSION_COOKIE,
    store: databaseSessionStore(database.db),
    saveUninitialized: false,
    cookie: {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.publicUrl.startsWith('https://'),
      maxAge: config.sessionMaxAgeHours * 3600 * 1000,
    },
  });
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session', getToken: csrfTokenOf });
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, {
    attachFieldsToBody: true,
    limits: { fileSize: config.uploadMaxBytes, files: 10, fields: 200 },
  });
  // Runs after the multipart parser: from here on the body is parsed (see errors.ts) and its text checked.
  app.addHook('preValidation', async (request) => {
    request.bodyParsed = true;
    refuseUnstorableText(request);
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Stifinner API', version: '1', description: 'Versioned JSON API of Stifinner.' },
      servers: [{ url: config.publicUrl }],
    },
    hideUntagged: true,
  });
  await registerStaticFiles(app);

  app.addHook('onRequest', resolveLocale);
  app.addHook('onRequest', loadPrincipal);
  app.addHook('onRequest', guardRoute);
  app.addHook('preHandler', async (request, reply) => {
    if (!SAFE_METHODS.has(request.method) && !request.is404) {
      await new Promise<void>((resolve) => app.csrfProtection(request, reply, () => resolve()));
    }
  });
  sweepExpiredSessions(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (!reply.hasHeader('cache-control') && request.principal) reply.header('cache-control', 'private, no-store');
  });
  return app;
}

/** Trusts the nearest `hops` proxies: the client address is the one the farthest trusted proxy saw. */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Text fields, file names, query and path values with NUL or lone surrogates are refused for every route. */
function refuseUnstorableText(request: FastifyRequest) {
  const texts = [request.params, request.query, request.body].flatMap((values) => textsIn(values));
  if (texts.some((text) => !isStorableText(text))) throw new HttpProblem(400, 'text that cannot be stored', 'error.400.characters');
}

function textsIn(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value];
  if (!value || typeof value !== 'object' || Buffer.isBuffer(value) || depth > 4) return [];
  if (Array.isArray(value)) return value.flatMap((item) => textsIn(item, depth + 1));
  const part = value as MultipartPart;
  if (typeof part.toBuffer === 'function' || 'fieldname' in part)
    return [part.value, part.filename].filter((text): text is string => typeof text === 'string');
  return Object.entries(value).flatMap(([key, item]) => [key, ...textsIn(item, depth + 1)]);
}
const SESSION_SWEEP_INTERVAL_MS = 3600 * 1000;

/** Expired sessions are refused on read; this removes their rows once an hour. */
function sweepExpiredSessions(app: FastifyInstance) {
  let timer: NodeJS.Timeout | undefined;
  const sweep = () =>
    deleteExpiredSessions(app.database.db).catch((error: unknown) => app.log.warn({ err: error }, 'session sweep failed'));
  app.addHook('onReady', async () => {
    await sweep();
    timer = setInterval(sweep, SESSION_SWEEP_INTERVAL_MS).unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}

function csrfTokenOf(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  const field = body?._csrf;
  if (typeof field === 'string') return field;
  if (field && typeof field === 'object' && 'value' in field && typeof field.value === 'string') return field.value;
  const header = request.headers['x-csrf-token'];
  return typeof header === 'string' ? header : undefined;
}

function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  ensureRequestLocale(request);
  let token: string | undefined;
  return {
    locale: request.locale,
    t: request.t,
    principal: request.principal,
    url: request.url,
    scriptNonce: (reply as FastifyReply & { cspNonce?: { script: string } }).cspNonce?.script ?? '',
    csrfToken: () => (token ??= reply.generateCsrf()),
  };
}

async function loadPrincipal(request: FastifyRequest) {
  const { userId, loginKind } = request.session ?? {};
  if (!userId || !loginKind) return;
  request.principal = await findPrincipal(request.server.database.db, userId, loginKind);
}

async function guardRoute(request: FastifyRequest, reply: FastifyReply) {
  if (request.is404) return;
  const rule = request.routeOptions.config.access;
  const decision = rule ? decideAccess(rule, request.principal) : 'forbid';
  if (decision === 'allow') return;
  if (decision === 'sign-in' && request.method === 'GET' && !wantsJson(request)) {
    return reply.redirect(`/login?returnTo=${encodeURIComponent(request.url)}`, 303);
  }
  return sendProblem(request, reply, { status: decision === 'sign-in' ? 401 : 403 });
}

/**
 * Default deny: a route registered without an access rule is a programming error. Routes added by
 * plugins (static files) get theirs from the scope that registers them.
 */
function enforceDeclaredAccess(app: FastifyInstance) {
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => void routes.push(route));
  app.decorate('declaredRoutes', () =>
    routes.flatMap((route) => [route.method].flat().map((method) => ({ method, url: route.url, access: route.config?.access }))),
  );
  app.addHook('onReady', async () => {
    const undeclared = routes.filter((route) => !route.config?.access).map((route) => `${route.method} ${route.url}`);
    if (undeclared.length > 0) throw new Error(`routes without an access rule: ${undeclared.join(', ')}`);
  });
}

async function registerStaticFiles(app: FastifyInstance) {
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: access.public };
    });
    const immutable = { maxAge: ONE_YEAR_SECONDS * 1000, immutable: true, index: false as const };
    await scope.register(fastifyStatic, { root: PUBLIC_DIR, prefix: PUBLIC_PREFIX, ...immutable });
    await scope.register(fastifyStatic, {
      root: DESIGNSYSTEM_DIR,
      prefix: DESIGNSYSTEM_PREFIX,
      decorateReply: false,
      ...immutable,
    });
  });
}
