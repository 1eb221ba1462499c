import type { FastifyReply, FastifyRequest } from 'fastify';
import { chooseLocale, isLocale, translator } from '../i18n/index.js';

export const LANGUAGE_COOKIE = 'lang';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

function languageInUrl(request: FastifyRequest): unknown {
  return (request.query as Record<string, unknown> | undefined)?.lang;
}

/** Sets the request's language; idempotent, so error handling can call it for early failures too. */
export function ensureRequestLocale(request: FastifyRequest) {
  if (request.locale) return;
  request.locale = chooseLocale(languageInUrl(request), request.cookies?.[LANGUAGE_COOKIE], request.headers['accept-language']);
  request.t = translator(request.locale);
}

/** A language chosen in the URL is remembered in a cookie for the next pages. */
export async function resolveLocale(request: FastifyRequest, reply: FastifyReply) {
  ensureRequestLocale(request);
  const fromUrl = languageInUrl(request);
  if (isLocale(fromUrl) && request.cookies[LANGUAGE_COOKIE] !== fromUrl) {
    reply.setCookie(LANGUAGE_COOKIE, fromUrl, { path: '/', sameSite: 'lax', maxAge: ONE_YEAR_SECONDS, httpOnly: true });
  }
}
