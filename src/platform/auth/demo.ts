import type { DB } from '../db/database.js';
import { DEMO_ORGANISATIONS, PERSONAS } from './personas.js';
import { ensureOrganisation, ensureUser, grantMembership } from './store.js';

/** Loads the demo organisations and personas with their roles; running it again changes nothing. */
export async function seedDemoIdentities(db: DB): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const organisationIds = new Map<string, string>();
    for (const organisation of DEMO_ORGANISATIONS) {
      organisationIds.set(organisation.key, await ensureOrganisation(trx, organisation));
    }
    for (const persona of PERSONAS) {
      const userId = await ensureUser(trx, {
        identityProvider: 'local',
        subject: persona.subject,
        name: persona.name,
        email: persona.email,
        homeMunicipalityCode: persona.homeMunicipalityCode,
      });
      for (const { organisation, role } of persona.roles) {
        const organisationId = organisationIds.get(organisation);
        if (!organisationId) throw new Error(`persona ${persona.subject} names unknown organisation ${organisation}`);
        await grantMembership(trx, userId, organisationId, role);
      }
    }
  });
}
