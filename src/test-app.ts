/** The whole product on a fresh database, for route and browser tests. */
import { buildApp } from './app.js';
import { startApp, type StartOptions } from './platform/testing/harness.js';

export type { RunningApp, TestApp } from './platform/testing/harness.js';

/** The whole product: the platform and every capability (see platform/testing/harness.ts). */
export const startTestApp = (options: StartOptions = {}) => startApp(buildApp, options);
