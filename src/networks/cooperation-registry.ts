/**
 * The registry of inter-municipal cooperations as the pages read it: loaded once into the database
 * from the shipped child-welfare list (members matched to today's municipalities in the registry),
 * then read from there so that the members' case workers' changes show everywhere — on networks'
 * pages and in the partner finder of applications.
 */
import type { Queryable } from '../platform/db/database.js';
import type { Translate } from '../platform/i18n/index.js';
import { inTransaction } from '../platform/outcome.js';
import { listMunicipalities } from '../registry/index.js';
import { loadShippedCooperations } from './sources.js';
import { importCooperations, listCooperations, type StoredCooperation } from './store.js';

export type CooperationRegistry = ReturnType<typeof createCooperationRegistry>;

export function createCooperationRegistry(db: Queryable) {
  let imported: Promise<void> | undefined;

  /** The shipped list into the database, once; rows already in (perhaps changed since) are left alone. */
  function ensureImported(): Promise<void> {
    imported ??= (async () => {
      const today = await listMunicipalities(db, 'NO');
      // Nothing to match against before the registry's municipalities are in: try again next time.
      if (today.length === 0) {
        imported = undefined;
        return;
      }
      const { cooperations } = loadShippedCooperations(new Map(today.map((m) => [m.code, m.name])));
      const rows = cooperations.map((c, i) => ({
        importKey: `bufdir-2023-${i + 1}`,
        name: `Barnevernsamarbeid ${c.members.map((m) => m.name).join(', ')}`,
        members: c.members,
      }));
      await inTransaction(db, (trx) => importCooperations(trx, rows));
    })();
    imported.catch(() => (imported = undefined));
    return imported;
  }

  return {
    /** All cooperations, or those with a member among `codes`. */
    async list(codes?: readonly string[]): Promise<StoredCooperation[]> {
      await ensureImported();
      return listCooperations(db, codes);
    },
    ensureImported,
  };
}

/**
 * For the partner finder: each suggested partner that already cooperates with the applicant, with
 * a sentence saying in what ("Already cooperates on child welfare in …").
 */
export function cooperationNotes(db: Queryable) {
  const registry = createCooperationRegistry(db);
  return async (t: Translate, leadCode: string, partnerCodes: readonly string[]): Promise<Map<string, string[]>> => {
    const notes = new Map<string, string[]>();
    if (partnerCodes.length === 0) return notes;
    const partners = new Set(partnerCodes);
    for (const c of await registry.list([leadCode]))
      for (const m of c.members)
        if (partners.has(m.code) && m.code !== leadCode)
          notes.set(m.code, [...(notes.get(m.code) ?? []), t(`networks.cooperation.already.${c.serviceArea}`, { name: c.name })]);
    return notes;
  };
}

export type CooperationNotes = ReturnType<typeof cooperationNotes>;
