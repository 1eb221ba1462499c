import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { access } from '../auth/model.js';
import { csrfTokenIn, signInThroughProvider, startPlatformApp, type RunningApp } from '../testing/harness.js';
import { STYLESHEETS } from '../ui/assets.js';

let running: RunningApp;
beforeAll(async () => {
  running = await startPlatformApp({
    prepare(app) {
      app.post('/test/upload', { config: { access: access.public } }, async (request) => {
        const body = request.body as { document?: { filename: string; toBuffer(): Promise<Buffer> } };
        const bytes = await body.document?.toBuffer();
        return { name: body.document?.filename, bytes: bytes?.length };
      });
    },
  });
});
afterAll(() => running.close());

const get = (url: string, headers: Record<string, string> = {}) => running.app.inject({ method: 'GET', url, headers });

describe('pages in four languages', () => {
  it.each([
    ['nb', 'Hopp til hovedinnhold'],
    ['nn', 'Hopp til hovudinnhald'],
    ['da', 'Gå til hovedindhold'],
    ['en', 'Skip to main content'],
  ])('serves the front page in %s', async (locale, skipLink) => {
    const response = await get(`/?lang=${locale}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(`<html lang="${locale}"`);
    expect(response.body).toContain(skipLink);
    expect(response.cookies.find((cookie) => cookie.name === 'lang')?.value).toBe(locale);
  });

  it('remembers the chosen language in a cookie, and otherwise follows the browser', async () => {
    expect((await get('/', { cookie: 'lang=da' })).body).toContain('<html lang="da"');
    expect((await get('/', { 'accept-language': 'en-GB,en;q=0.9' })).body).toContain('<html lang="en"');
    expect((await get('/', { 'accept-language': 'fr' })).body).toContain('<html lang="nb"');
  });
});

describe('error pages', () => {
  it('answers an unknown address with a translated 404 page', async () => {
    const response = await get('/no/such/page?lang=nn');
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Fann ikkje sida');
  });

  it('shows a 500 without internals, with a reference the logs can be searched for', async () => {
    const response = await get('/dev/fail?lang=en');
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain('Sorry, something went wrong on our side');
    expect(response.body).toContain(`Reference: ${response.headers['x-request-id']}`);
    expect(response.body).not.toContain('deliberate failure');
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers API clients with a JSON problem', async () => {
    const response = await get('/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 404, requestId: expect.any(String) });
  });

  it('refuses a bad query with a translated 400', async () => {
    const response = await get('/login/robot?lang=da');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Der er en fejl i forespørgslen');
  });
});

describe('security', () => {
  it('sends a strict Content-Security-Policy without inline script', async () => {
    const csp = String((await get('/')).headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[0-9a-f]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('refuses a form posted without its CSRF token with 403', async () => {
    const jar = await signInThroughProvider(running.baseUrl, 'persona-porsgrunn-case-worker');
    const response = await running.app.inject({
      method: 'POST',
      url: '/logout?lang=en',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('The form had expired or lacked its security token');
    const stillSignedIn = await running.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: jar.header() } });
    expect(stillSignedIn.statusCode).toBe(200);
  });

  it('refuses a forged CSRF token too', async () => {
    const jar = await signInThroughProvider(running.baseUrl, 'persona-skien-case-worker');
    const page = await running.app.inject({ method: 'GET', url: '/', headers: { cookie: jar.header() } });
    const token = csrfTokenIn(page.body);
    const forged = `${token.slice(0, -4)}AAAA`;
    const response = await running.app.inject({
      method: 'POST',
      url: '/logout',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(forged)}`,
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('uploads', () => {
  const multipart = (size: number) => {
    const boundary = 'stifinner-boundary';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="document"; filename="vedtak.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      Buffer.alloc(size, 1),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'text/html' }, payload: body };
  };

  it('accepts a file within the limit, but only with the form’s CSRF token', async () => {
    const jar = await signInThroughProvider(running.baseUrl, 'persona-notodden-case-worker');
    const page = await running.app.inject({ method: 'GET', url: '/', headers: { cookie: jar.header() } });
    const upload = multipart(1000);
    const withToken = { ...upload.headers, cookie: jar.header(), 'x-csrf-token': csrfTokenIn(page.body) };
    const accepted = await running.app.inject({ method: 'POST', url: '/test/upload', headers: withToken, payload: upload.payload });
    expect(accepted.json()).toEqual({ name: 'vedtak.pdf', bytes: 1000 });
    const refused = await running.app.inject({
      method: 'POST',
      url: '/test/upload',
      headers: { ...upload.headers, cookie: jar.header() },
      payload: upload.payload,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('refuses a file over the limit with a translated 413', async () => {
    const response = await running.app.inject({ method: 'POST', url: '/test/upload?lang=en', ...multipart(100 * 1024) });
    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('The file is larger than 64 kB');
  });
});

describe('outbox', () => {
  it('shows mail the platform sent, each with its body', async () => {
    await running.app.mailer.send({
      to: ['ola.dahl@skien.example.no'],
      subject: 'Invitasjon til nettverk',
      text: 'Porsgrunn inviterer Skien.',
    });
    const list = await get('/dev/outbox?lang=en');
    expect(list.body).toContain('Development outbox');
    const href = /href="(\/dev\/outbox\/[0-9a-f-]{36})"/.exec(list.body)?.[1];
    expect(href).toBeDefined();
    const mail = await get(href!);
    expect(mail.body).toContain('Porsgrunn inviterer Skien.');
    expect((await get('/dev/outbox/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('static files, health and API documentation', () => {
  it('serves stylesheets with year-long immutable caching', async () => {
    for (const href of STYLESHEETS) {
      const response = await get(href);
      expect(response.statusCode, href).toBe(200);
      expect(response.headers['cache-control']).toContain('immutable');
      expect(response.headers['cache-control']).toContain('max-age=31536000');
    }
  });

  it('answers liveness and readiness', async () => {
    expect((await get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await get('/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('serves the OpenAPI document at /api/docs', async () => {
    const document = (await get('/api/docs', { accept: 'application/json' })).json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/me', '/healthz', '/readyz']));
    const page = await get('/api/docs?lang=en');
    expect(page.body).toContain('/api/v1/me');
  });
});

// Last, because it spends this client's sign-in allowance for the minute.
describe('rate limits', () => {
  it('limits the rate of sign-in attempts', async () => {
    const statuses = [];
    for (let i = 0; i < 62; i++) statuses.push((await get('/login/nowhere')).statusCode);
    expect(statuses.at(-1)).toBe(429);
  });
});
