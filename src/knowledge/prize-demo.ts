/**
 * The innovation prize of the demo: Denmark's prize of 2010 to Fredericia as seed 002 tells it,
 * last year's Norwegian prize run through the platform from nomination to publication, and this
 * year's call open with nominations from the demo cases and a jury of two.
 */
import { listRoleHolders } from '../platform/auth/store.js';
import type { Queryable } from '../platform/db/database.js';
import { databaseNow, SYSTEM, type Actor } from '../platform/db/kit.js';
import { orThrow } from '../platform/outcome.js';
import { slugOf } from './model.js';
import type { PrizeCriterion } from './prize.js';
import { findPrize, insertNomination, insertPrize, listAssignmentsOfPrize, listNominations, setAwards } from './prize.store.js';
import {
  agreeOnNomination,
  appointJuror,
  closeNominations,
  declareAsJuror,
  decidePrize,
  nominateCase,
  scoreNomination,
  settlePrize,
} from './prize.use-cases.js';
import { findCaseBySlug } from './store.js';

export const PRIZE_CRITERIA: readonly PrizeCriterion[] = [
  { title: 'Nytte for innbyggerne', description: 'Hva løsningen har gitt dem den er til for.', weight: 40 },
  { title: 'Nyskaping', description: 'Hva som er nytt i kommunen, også om det er hentet fra andre.', weight: 30 },
  { title: 'Overføringsverdi', description: 'Hvor lett andre kommuner kan ta løsningen i bruk.', weight: 30 },
];

/** The demo's jury: Anne Strand (Telemarksforsking) and Per Holm (employed by Porsgrunn). */
export const DEMO_JURY_EMAILS = ['anne.strand@telemarksforsking.example.no', 'per.holm@porsgrunn.example.no'];

const NOME = 'Rehabiliteringsteam for hverdagsrehabilitering i Nome';
const VAAGAA = 'Trådlaus varsling og sikring i omsorgsbustader i Vågå';
const KRISTIANSAND = 'SMS før snøbrøyting i Kristiansand';
const INN_PA_TUNET = 'Inn på tunet: velferdstenester på gardsbruk';

const caseId = async (db: Queryable, title: string) => (await findCaseBySlug(db, slugOf(title)))!.id;

/** Midnight at the end of 31 December in Oslo, or two weeks ahead when the year ends sooner (the demo's call stays open). */
function callDeadline(now: Date): Date {
  const endOfYear = new Date(Date.UTC(now.getUTCFullYear(), 11, 31, 22, 59));
  const twoWeeks = new Date(now.getTime() + 14 * 86_400_000);
  return endOfYear > twoWeeks ? endOfYear : twoWeeks;
}

async function jurors(db: Queryable) {
  const holders = await listRoleHolders(db, { role: 'reviewer' });
  return DEMO_JURY_EMAILS.flatMap((email) => holders.filter((h) => h.email === email).slice(0, 1));
}

async function runLastYear(db: Queryable, year: number, jury: { userId: string; name: string }[]) {
  const at = (iso: string): Actor => ({ ...SYSTEM, at: new Date(iso) });
  await insertPrize(
    db,
    {
      country: 'NO',
      year,
      title: `Innovasjonsprisen ${year}`,
      criteria: PRIZE_CRITERIA,
      deadline: new Date(`${year}-09-30T21:59:00Z`),
      timeZone: 'Europe/Oslo',
      state: 'open',
    },
    null,
  );
  for (const title of [NOME, VAAGAA])
    orThrow(
      await nominateCase(
        db,
        'NO',
        year,
        slugOf(title),
        'Tatt i bruk i kommunen og beskrevet i regjeringens innovasjonsstrategi.',
        at(`${year}-06-01T10:00:00Z`),
      ),
    );
  for (const juror of jury) orThrow(await appointJuror(db, 'NO', year, juror.userId, SYSTEM));
  orThrow(await closeNominations(db, 'NO', year, (await findPrize(db, 'NO', year))!.version, SYSTEM));
  const prize = (await findPrize(db, 'NO', year))!;
  for (const assignment of await listAssignmentsOfPrize(db, prize.id)) {
    if (assignment.state !== 'assigned') continue;
    const as: Actor = { ...SYSTEM, user: { userId: assignment.jurorUserId, name: assignment.jurorName } };
    orThrow(await declareAsJuror(db, assignment.id, assignment.version, { conflict: false }, as));
    const sheet = Object.fromEntries(['1', '2', '3'].map((key) => [key, { score: 4, rationale: 'Vurdert ut fra det kilden forteller.' }]));
    orThrow(await scoreNomination(db, assignment.id, assignment.version + 1, sheet, true, as));
  }
  const nominations = await listNominations(db, prize.id);
  for (const n of nominations)
    orThrow(
      await agreeOnNomination(
        db,
        n.id,
        Object.fromEntries(['1', '2', '3'].map((key) => [key, { score: n.nomineeTitle === NOME ? 5 : 4, rationale: 'Juryen er samla.' }])),
        SYSTEM,
      ),
    );
  const winner = nominations.find((n) => n.nomineeTitle === NOME)!;
  const statement =
    'Nome kommune har etablert eit rehabiliteringsteam der ein ergoterapeut og ein fysioterapeut samarbeider med heimetrenarar, slik at dei som treng hjelp, kan halde fram med ein aktiv kvardag i eigen heim. Løysinga byggjer på erfaringar frå Fredericia og kan takast i bruk av andre kommunar.';
  orThrow(
    await decidePrize(
      db,
      'NO',
      year,
      (await findPrize(db, 'NO', year))!.version,
      {
        winnerId: winner.id,
        mentionIds: nominations.filter((n) => n.id !== winner.id).map((n) => n.id),
        statement,
      },
      SYSTEM,
    ),
  );
  orThrow(await settlePrize(db, 'NO', year, (await findPrize(db, 'NO', year))!.version, 'publish', SYSTEM));
}

/** Writes the demo prizes that are not there yet (by country and year): running it twice adds nothing. */
export async function seedDemoPrize(db: Queryable, seed002: string): Promise<void> {
  if (!(await findPrize(db, 'DK', 2010))) {
    const id = await insertPrize(
      db,
      {
        country: 'DK',
        year: 2010,
        title: 'Den danske innovationspris 2010',
        criteria: [],
        deadline: new Date('2010-01-01T00:00:00Z'),
        timeZone: 'Europe/Copenhagen',
        state: 'published',
        source: seed002,
      },
      null,
    );
    const nomination = await insertNomination(db, {
      prizeId: id,
      caseId: await caseId(db, 'Længst muligt i eget liv'),
      reason: '',
      byName: null,
    });
    await setAwards(db, id, new Map([[nomination!, 'winner']]));
  }
  const now = await databaseNow(db);
  const year = now.getUTCFullYear();
  const jury = await jurors(db);
  if (jury.length < 2) return;
  if (!(await findPrize(db, 'NO', year - 1))) await runLastYear(db, year - 1, jury);
  if (await findPrize(db, 'NO', year)) return;
  await insertPrize(
    db,
    {
      country: 'NO',
      year,
      title: `Innovasjonsprisen ${year}`,
      criteria: PRIZE_CRITERIA,
      deadline: callDeadline(now),
      timeZone: 'Europe/Oslo',
      state: 'open',
    },
    null,
  );
  for (const juror of jury) orThrow(await appointJuror(db, 'NO', year, juror.userId, SYSTEM));
  for (const title of [KRISTIANSAND, INN_PA_TUNET])
    orThrow(await nominateCase(db, 'NO', year, slugOf(title), 'Løsningen er tatt i bruk og kan overføres til andre kommuner.', SYSTEM));
}
