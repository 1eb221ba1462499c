/**
 * Expected failures that a handler can throw to end a request with a translated error page (or a
 * JSON problem for the API). Anything else thrown is a broken invariant and becomes a 500.
 */
export class HttpProblem extends Error {
  constructor(
    readonly statusCode: 400 | 403 | 404 | 409 | 413 | 422,
    message = 'request refused',
  ) {
    super(message);
  }
}

export const notFound = () => new HttpProblem(404, 'not found');
export const forbidden = () => new HttpProblem(403, 'forbidden');
