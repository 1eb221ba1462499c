import type { PlainMessageKey } from '../i18n/index.js';

/**
 * Expected failures that a handler can throw to end a request with a translated error page (or a
 * JSON problem for the API). Anything else thrown is a broken invariant and becomes a 500. A use
 * case returns `Refused<Problem>` instead (platform/outcome.ts); this is for what the routes parse.
 */
export class HttpProblem extends Error {
  constructor(
    readonly statusCode: 400 | 403 | 404 | 409 | 413 | 415 | 422,
    message = 'request refused',
    /** A more precise explanation for the page than the status's own text. */
    readonly detail?: PlainMessageKey,
    /** Or one already translated, e.g. from a capability's problem table. */
    readonly detailText?: string,
  ) {
    super(message);
  }
}

export const notFound = () => new HttpProblem(404, 'not found');
export const forbidden = () => new HttpProblem(403, 'forbidden');
