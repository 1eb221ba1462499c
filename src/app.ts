import './capabilities.js';
import type { Config } from './platform/config.js';
import type { DatabaseHandle } from './platform/db/database.js';
import { buildPlatform } from './platform/platform.js';
import { kommunebildeRoutes, createProjectionService } from './projections/index.js';
import { programmeRoutes } from './programmes/index.js';
import { applicationRoutes } from './applications/index.js';
import { assessmentRoutes } from './assessment/index.js';
import { selectionRoutes } from './selection/index.js';
import { administrationRoutes } from './administration/index.js';
import { projectFollowOn, projectRoutes } from './projects/index.js';
import { directoryRoutes, knowledgeRoutes, prizeRoutes, questionRoutes } from './knowledge/index.js';
import { participationRoutes } from './participation/index.js';
import { completedActionFacts, cooperationNotes, networkRoutes } from './networks/index.js';

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  logger?: boolean;
}

/** The composition root of the HTTP application: the platform, then every capability. */
export async function buildApp({ config, database, logger = true }: AppOptions) {
  const app = await buildPlatform({ config, database, logger });
  // One projection service (engines, caches) for the overview pages and the applications.
  const projections = createProjectionService(database.db);
  await app.register(kommunebildeRoutes, { service: projections });
  await app.register(programmeRoutes);
  // The partner finder says when a suggested partner already cooperates with the applicant (networks' registry).
  await app.register(applicationRoutes, { projections, cooperationNotes: cooperationNotes(database.db) });
  await app.register(assessmentRoutes);
  // A granted decision becomes a project, and its letter states the programme's follow-up.
  await app.register(selectionRoutes, { followOn: projectFollowOn });
  await app.register(administrationRoutes);
  await app.register(projectRoutes);
  // A completed improvement action of a benchmarking network can become a case in the bank (networks' facts).
  await app.register(knowledgeRoutes, { actionFacts: completedActionFacts(database.db, projections) });
  await app.register(prizeRoutes);
  await app.register(questionRoutes);
  await app.register(directoryRoutes);
  await app.register(participationRoutes);
  await app.register(networkRoutes, { projections });
  return app;
}
