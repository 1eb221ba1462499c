import { audit } from './kit.js';
import type { Queryable } from '../../platform/db/database.js';
import type { Actor } from '../../platform/db/kit.js';
import { inTransaction } from '../../platform/outcome.js';
import type { ProgrammeContent } from '../model.js';
import { insertProgramme } from '../store/programmes.js';

/** A new programme of an owning organisation (its content checked by the form first). */
export async function createProgramme(
  db: Queryable,
  ownerOrganisationId: string,
  content: ProgrammeContent,
  actor: Actor,
  seedKey: string | null = null,
): Promise<string> {
  return inTransaction<string, never>(db, async (trx) => {
    const id = await insertProgramme(trx, ownerOrganisationId, content, seedKey);
    await audit(trx, {
      actor: actor.user,
      recordType: 'programme',
      recordId: id,
      action: 'create',
      toState: 'active',
      requestId: actor.requestId,
    });
    return id;
  }) as Promise<string>;
}
