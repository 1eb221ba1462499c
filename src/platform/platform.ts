import middie from '@fastify/middie';
import { auditRoutes } from './audit/routes.js';
import { createLocalIdentityProvider, LOCAL_IDP_PATH } from './auth/local-idp.js';
import { createLoginProviders } from './auth/relying-party.js';
import { authRoutes } from './auth/routes.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { createServer } from './http/server.js';
import { registerJobs } from './jobs/plugin.js';
import { registerMail } from './mail/plugin.js';
import { notificationRoutes } from './notifications/routes.js';
import { platformRoutes } from './routes.js';

export interface PlatformOptions {
  config: Config;
  database: DatabaseHandle;
  logger?: boolean;
}

/**
 * The platform as one server, before any capability: HTTP, sign-in (and the embedded provider
 * outside production), mail, jobs, notices sent once, its own pages and the audit log. The composition root (app.ts)
 * adds the capabilities to it.
 */
export async function buildPlatform({ config, database, logger = true }: PlatformOptions) {
  const providers = createLoginProviders(config);
  const issuerOrigins = [config.citizenLogin, config.employeeLogin].flatMap((login) => (login ? [new URL(login.issuer).origin] : []));
  const app = await createServer({ config, database, logger, formTargets: issuerOrigins });

  const localProvider = config.localIdentityProvider ? createLocalIdentityProvider(config.publicUrl, config.sessionSecret) : undefined;
  if (localProvider) {
    await app.register(middie);
    app.use(LOCAL_IDP_PATH, localProvider.callback());
  }

  await registerMail(app);
  await registerJobs(app);
  await app.register(platformRoutes);
  await app.register(authRoutes, { providers, localProvider });
  await app.register(auditRoutes);
  await app.register(notificationRoutes);
  return app;
}

export type PlatformApp = Awaited<ReturnType<typeof buildPlatform>>;
