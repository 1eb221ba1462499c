/** For networks' route tests: the app over the shipped registry, people signed in, and GET and form POST as one of them. */
import { createTestDatabase } from '../platform/db/testing.js';
import { type FormClient, formClient, signInThroughProvider } from '../platform/testing/harness.js';
import { importShippedRegistry } from '../registry/index.js';
import { startTestApp, type RunningApp } from '../test-app.js';

export interface SignedInApp extends FormClient {
  readonly running: RunningApp;
  close(): Promise<void>;
}

export async function startSignedInApp(subjects: readonly string[]): Promise<SignedInApp> {
  const database = await createTestDatabase();
  await importShippedRegistry(database.db);
  const running = await startTestApp({ database });
  const cookie: Record<string, string> = {};
  for (const subject of subjects) cookie[subject] = (await signInThroughProvider(running.baseUrl, subject)).header();
  return {
    running,
    ...formClient(() => running, cookie),
    async close() {
      await running.close();
      await running.database.dispose();
    },
  };
}
