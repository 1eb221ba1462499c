import { audit } from './kit.js';
import type { Queryable } from '../../platform/db/database.js';
import type { Actor } from '../../platform/db/kit.js';
import { inTransaction, refuse, versionConflict, type Refused } from '../../platform/outcome.js';
import type { FormDefinition } from '../form.js';
import type { ProgrammeProblem } from '../problems.js';
import { findTemplate, insertTemplate, updateTemplateRow } from '../store/templates.js';

export async function createTemplate(
  db: Queryable,
  ownerOrganisationId: string,
  name: string,
  language: string,
  form: FormDefinition,
  actor: Actor,
  seedKey: string | null = null,
): Promise<string> {
  return inTransaction<string, never>(db, async (trx) => {
    const id = await insertTemplate(trx, ownerOrganisationId, name, language, form, seedKey);
    await audit(trx, { actor: actor.user, recordType: 'form_template', recordId: id, action: 'create', requestId: actor.requestId });
    return id;
  }) as Promise<string>;
}

/** Changes a template (its form, and name and language when given); calls already published keep the copy they took. The new version. */
export async function updateTemplate(
  db: Queryable,
  id: string,
  expectedVersion: number,
  form: FormDefinition,
  actor: Actor,
  details?: { name: string; language: string },
): Promise<number | Refused<ProgrammeProblem>> {
  return inTransaction(db, async (trx) => {
    const version = await updateTemplateRow(trx, id, expectedVersion, form, actor, details);
    if (version === undefined) {
      const current = await findTemplate(trx, id);
      if (!current) return refuse<ProgrammeProblem>({ kind: 'templateNotFound' });
      return refuse<ProgrammeProblem>({ ...versionConflict(current.version, expectedVersion, current.updatedByName), record: 'template' });
    }
    await audit(trx, { actor: actor.user, recordType: 'form_template', recordId: id, action: 'edit', requestId: actor.requestId });
    return version;
  });
}
