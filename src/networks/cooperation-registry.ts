/**
 * The registry of inter-municipal cooperations as the pages read it: loaded once into the database
 * from the shipped child-welfare list (members matched to today's municipalities), then read from
 * there so that the members' case workers' changes show everywhere.
 */
import type { Queryable } from '../platform/db/database.js';
import { inTransaction } from '../platform/outcome.js';
import type { KeyFigureService } from './key-figure-service.js';
import { importCooperations, listCooperations, type StoredCooperation } from './store.js';

export type CooperationRegistry = ReturnType<typeof createCooperationRegistry>;

export function createCooperationRegistry(db: Queryable, keyFigures: KeyFigureService) {
  let imported: Promise<void> | undefined;

  /** The shipped list into the database, once; rows already in (perhaps changed since) are left alone. */
  function ensureImported(): Promise<void> {
    imported ??= (async () => {
      const data = await keyFigures.countryData('NO');
      // Nothing to match against before the registry's municipalities are in: try again next time.
      if (data.municipalities.length === 0) {
        imported = undefined;
        return;
      }
      const rows = data.cooperations.map((c, i) => ({
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
