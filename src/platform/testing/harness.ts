import { createServer } from 'node:net';
import { findPersona } from '../auth/personas.js';
import { seedDemoIdentities } from '../auth/demo.js';
import { readConfig, type Config } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { buildPlatform, type PlatformApp } from '../platform.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function testConfig(port: number, extra: Record<string, string> = {}): Config {
  const result = readConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    RATE_LIMIT_PER_MINUTE: '100000',
    LOG_LEVEL: 'silent',
    UPLOAD_MAX_BYTES: String(64 * 1024),
    ...extra,
  });
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.config;
}

export type TestApp = PlatformApp;

export interface RunningApp {
  app: TestApp;
  database: TestDatabase;
  baseUrl: string;
  config: Config;
  close(): Promise<void>;
}

export interface StartOptions {
  database?: TestDatabase;
  /** May add routes before the server starts. */
  prepare?: (app: TestApp) => void;
}

type Build = (options: { config: Config; database: DatabaseHandle; logger: boolean }) => Promise<TestApp>;

/**
 * A server built by `build` on a fresh database with the demo identities, listening on a free
 * loopback port so that the OpenID round trip (which the server makes to its own embedded
 * provider) is real.
 */
export async function startApp(build: Build, options: StartOptions = {}): Promise<RunningApp> {
  const database = options.database ?? (await createTestDatabase());
  await seedDemoIdentities(database.db);
  const port = await freePort();
  const config = testConfig(port);
  const app = await build({ config, database, logger: false });
  options.prepare?.(app);
  await app.listen({ host: '127.0.0.1', port });
  return {
    app,
    database,
    baseUrl: config.publicUrl,
    config,
    async close() {
      await app.close();
      if (!options.database) await database.dispose();
    },
  };
}

/** The platform alone, without any capability: for the platform's own route tests. */
export const startPlatformApp = (options: StartOptions = {}) => startApp(buildPlatform, options);

/** A minimal cookie jar for one site on loopback: enough for the sign-in round trip. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(header) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

export async function fetchWithJar(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie: jar.header() } });
  jar.store(response);
  return response;
}

export function csrfTokenIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no CSRF token on the page');
  return match[1];
}

/**
 * Signs a persona in as a browser would: Stifinner → embedded provider → persona page → back with
 * a code → session. Returns the jar holding the session cookie.
 */
export async function signInThroughProvider(baseUrl: string, subject: string, jar = new CookieJar()): Promise<CookieJar> {
  const persona = findPersona(subject);
  if (!persona) throw new Error(`unknown persona ${subject}`);
  let location = `${baseUrl}/login/${persona.loginKind}?returnTo=/`;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetchWithJar(jar, location);
    if (response.status === 200 && location.includes('/idp/interaction/')) {
      const form = new URLSearchParams({ _csrf: csrfTokenIn(await response.text()), persona: subject });
      const posted = await fetchWithJar(jar, location, { method: 'POST', body: form });
      location = new URL(posted.headers.get('location') ?? '', baseUrl).href;
      continue;
    }
    const next = response.headers.get('location');
    if (!next) throw new Error(`sign-in stopped at ${location} with ${response.status}`);
    if (new URL(next, baseUrl).href === `${baseUrl}/`) return jar;
    location = new URL(next, baseUrl).href;
  }
  throw new Error('sign-in did not finish in 10 redirects');
}

type Answer = Awaited<ReturnType<TestApp['inject']>>;
type Fields = Record<string, string | string[]>;
export interface UploadedFile {
  field: string;
  name: string;
  type: string;
  content: Buffer;
}

/**
 * Route tests' browser stand-in: GET as a signed-in person (or nobody), and POST a form or a file
 * with the CSRF token of the form's page — and its version too when `versionFromForm` is set and
 * the fields do not name one.
 */
export type FormClient = ReturnType<typeof formClient>;

export function formClient(running: () => RunningApp, cookie: Record<string, string>, options: { versionFromForm?: boolean } = {}) {
  const get = (url: string, who?: string): Promise<Answer> => running().app.inject({ url, headers: who ? { cookie: cookie[who]! } : {} });
  async function formFields(who: string, formUrl: string, fields: Fields): Promise<[string, string][]> {
    const page = await get(formUrl, who);
    const token = page.statusCode === 200 ? csrfTokenIn(page.body) : 'none';
    const version = options.versionFromForm && !('version' in fields) ? /name="version" value="(\d+)"/.exec(page.body)?.[1] : undefined;
    const all: Fields = { ...(version ? { version } : {}), ...fields, _csrf: token };
    return Object.entries(all).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v): [string, string] => [name, v]));
  }
  async function post(url: string, who: string, fields: Fields, formUrl: string): Promise<Answer> {
    return running().app.inject({
      method: 'POST',
      url,
      headers: { cookie: cookie[who]!, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(await formFields(who, formUrl, fields)).toString(),
    });
  }
  async function upload(url: string, who: string, fields: Fields, file: UploadedFile, formUrl: string): Promise<Answer> {
    const boundary = 'stifinner-test-boundary';
    const parts: Buffer[] = (await formFields(who, formUrl, fields)).map(([name, value]) =>
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    );
    return running().app.inject({
      method: 'POST',
      url,
      headers: { cookie: cookie[who]!, 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'text/html' },
      payload: Buffer.concat(parts),
    });
  }
  return { get, post, upload };
}
