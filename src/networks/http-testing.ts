/** For networks' route tests: the app over the shipped registry, people signed in, and GET and form POST as one of them. */
import { createTestDatabase } from '../platform/db/testing.js';
import { csrfTokenIn, signInThroughProvider } from '../platform/testing/harness.js';
import { importShippedRegistry } from '../registry/index.js';
import { startTestApp, type RunningApp } from '../test-app.js';

type Answer = Awaited<ReturnType<RunningApp['app']['inject']>>;

export interface SignedInApp {
  readonly running: RunningApp;
  get(url: string, who?: string): Promise<Answer>;
  /** Posts the form fields with the CSRF token of the page at `formUrl`, as `who` sees it. */
  post(url: string, who: string, fields: Record<string, string>, formUrl: string): Promise<Answer>;
  close(): Promise<void>;
}

export async function startSignedInApp(subjects: readonly string[]): Promise<SignedInApp> {
  const database = await createTestDatabase();
  await importShippedRegistry(database.db);
  const running = await startTestApp({ database });
  const cookie: Record<string, string> = {};
  for (const subject of subjects) cookie[subject] = (await signInThroughProvider(running.baseUrl, subject)).header();
  const get = (url: string, who?: string): Promise<Answer> => running.app.inject({ url, headers: who ? { cookie: cookie[who]! } : {} });
  return {
    running,
    get,
    async post(url, who, fields, formUrl) {
      const page = await get(formUrl, who);
      const token = page.statusCode === 200 ? csrfTokenIn(page.body) : 'none';
      return running.app.inject({
        method: 'POST',
        url,
        headers: { cookie: cookie[who]!, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ ...fields, _csrf: token }).toString(),
      });
    },
    async close() {
      await running.close();
      await running.database.dispose();
    },
  };
}
