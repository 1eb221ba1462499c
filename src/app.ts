import './capabilities.js';
import middie from '@fastify/middie';
import type { Config } from './platform/config.js';
import type { DatabaseHandle } from './platform/db/database.js';
import { createServer } from './platform/http/server.js';
import { platformRoutes } from './platform/routes.js';
import { authRoutes } from './platform/auth/routes.js';
import { auditRoutes } from './platform/audit/routes.js';
import { registerMail } from './platform/mail/plugin.js';
import { registerJobs } from './platform/jobs/plugin.js';
import { kommunebildeRoutes, createProjectionService } from './projections/index.js';
import { programmeRoutes } from './programmes/routes.js';
import { applicationRoutes } from './applications/index.js';
import { assessmentRoutes } from './assessment/index.js';
import { selectionRoutes } from './selection/index.js';
import { createLocalIdentityProvider, LOCAL_IDP_PATH } from './platform/auth/local-idp.js';
import { createLoginProviders } from './platform/auth/relying-party.js';

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  logger?: boolean;
}

/** The composition root of the HTTP application: the platform, then every capability. */
export async function buildApp({ config, database, logger = true }: AppOptions) {
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
  // One projection service (engines, caches) for the overview pages and the applications.
  const projections = createProjectionService(database.db);
  await app.register(kommunebildeRoutes, { service: projections });
  await app.register(programmeRoutes);
  await app.register(applicationRoutes, { projections });
  await app.register(assessmentRoutes);
  await app.register(selectionRoutes);
  return app;
}
