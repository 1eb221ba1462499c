import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../platform/audit/store.js';
import { seedDemoIdentities } from '../platform/auth/demo.js';
import type { Membership } from '../platform/auth/model.js';
import { listMemberships } from '../platform/auth/store.js';
import { createTestDatabase, type TestDatabase } from '../platform/db/testing.js';
import type { Actor } from '../platform/db/kit.js';
import { isRefused, orThrow } from '../platform/outcome.js';
import { importShippedRegistry } from '../registry/index.js';
import { findInitiative, forgetSignersOfClosed, listSigners, lookAlikes } from './store.js';
import {
  confirmCoInitiation,
  draftInitiative,
  handInInitiative,
  hideInitiative,
  publishInitiative,
  recordTreatment,
  refuseInitiative,
  remindOfCouncilDeadlines,
  reviseDraft,
  signInitiative,
  submitInitiative,
  withdrawMySignature,
  type Person,
} from './use-cases.js';

let database: TestDatabase;
const people: Record<string, Person> = {};
const enqueued: string[] = [];
const jobs = {
  enqueue: async (_db: unknown, name: string) => {
    enqueued.push(name);
    return name;
  },
};

async function person(subject: string, memberships: Membership[] = []): Promise<Person> {
  const user = await database.db
    .selectFrom('users')
    .select(['id', 'name', 'home_municipality_code'])
    .where('subject', '=', subject)
    .executeTakeFirstOrThrow();
  return { userId: user.id, name: user.name, homeMunicipalityCode: user.home_municipality_code, memberships };
}
const actor = (p: Person): Actor => ({ user: { userId: p.userId, name: p.name }, requestId: null });
const draft = {
  scope: 'municipality' as const,
  title: 'Lys i lysløypa på Vestsida',
  proposal: 'Kommunestyret bes sette opp lys i lysløypa på Vestsida.',
  reason: 'Det er mørkt om vinteren.',
  coInitiatorEmails: ['jonas.vik@example.no'],
};

beforeAll(async () => {
  database = await createTestDatabase();
  await importShippedRegistry(database.db);
  await seedDemoIdentities(database.db);
  const porsgrunnOrg = await database.db
    .selectFrom('organisations')
    .select('id')
    .where('name', '=', 'Porsgrunn kommune')
    .executeTakeFirstOrThrow();
  const caseWorker = (code: string, id: string): Membership => ({
    organisationId: id,
    organisationName: 'x',
    organisationKind: 'municipality',
    municipalityCode: code,
    role: 'case_worker',
  });
  people.nora = await person('persona-citizen-porsgrunn');
  people.jonas = await person('persona-citizen-porsgrunn-2');
  people.emma = await person('persona-citizen-skien');
  people.henrik = await person('persona-citizen-tonsberg');
  people.freja = await person('persona-citizen-fredericia');
  people.silje = await person('persona-porsgrunn-case-worker', [caseWorker('4001', porsgrunnOrg.id)]);
  people.ola = await person('persona-skien-case-worker', [caseWorker('4003', porsgrunnOrg.id)]);
}, 120_000);
afterAll(() => database.dispose());

describe('an initiative from draft to hand-in', () => {
  let id: string;

  it('is drafted by a resident for their own municipality, and not for a Danish one', async () => {
    id = orThrow(await draftInitiative(database.db, people.nora!, draft, actor(people.nora!), { jobs }));
    const stored = (await findInitiative(database.db, id))!;
    expect(stored).toMatchObject({ state: 'draft', areaCode: '4001', areaName: 'Porsgrunn', country: 'NO', signatures: 0 });
    expect(enqueued).toContain('platform-notification');
    const danish = await draftInitiative(database.db, people.freja!, draft, actor(people.freja!));
    expect(isRefused(danish) && danish.problem.kind).toBe('notStatutory');
    const county = orThrow(
      await draftInitiative(database.db, people.henrik!, { ...draft, scope: 'county', coInitiatorEmails: [] }, actor(people.henrik!)),
    );
    expect(await findInitiative(database.db, county)).toMatchObject({ scope: 'county', areaCode: '39' });
  });

  it('waits for its co-initiator before it can be sent, and checks the version', async () => {
    const early = await submitInitiative(database.db, id, 1, people.nora!, actor(people.nora!));
    expect(isRefused(early) && early.problem.kind).toBe('coInitiatorsPending');
    const stranger = await confirmCoInitiation(database.db, id, people.emma!, actor(people.emma!));
    expect(isRefused(stranger) && stranger.problem.kind).toBe('notAsked');
    orThrow(await confirmCoInitiation(database.db, id, people.jonas!, actor(people.jonas!)));
    const stale = await reviseDraft(database.db, id, 0, people.nora!, draft, actor(people.nora!));
    expect(isRefused(stale) && stale.problem.kind).toBe('versionConflict');
    expect(orThrow(await submitInitiative(database.db, id, 1, people.nora!, actor(people.nora!)))).toBe('submitted');
  });

  it('is moderated only by the municipality’s case workers, who publish it with the threshold of the latest population', async () => {
    const other = await publishInitiative(database.db, id, 2, people.ola!, actor(people.ola!));
    expect(isRefused(other) && other.problem.kind).toBe('notModerator');
    expect(orThrow(await publishInitiative(database.db, id, 2, people.silje!, actor(people.silje!), { jobs }))).toBe('published');
    const published = (await findInitiative(database.db, id))!;
    expect(published).toMatchObject({ state: 'published', threshold: 300 });
    expect(published.population).toBeGreaterThan(30_000);
    const events = await listAuditEvents(database.db, { recordType: 'initiative', recordId: id, limit: 20 });
    expect(events.map((e) => e.action).sort()).toEqual(['confirm-co-initiator', 'create', 'publish', 'submit']);
  });

  it('is signed once per resident, also at the same instant, and never by a resident elsewhere', async () => {
    const twice = await Promise.all([
      signInitiative(database.db, id, people.jonas!, true),
      signInitiative(database.db, id, people.jonas!, true),
    ]);
    expect(twice.filter(isRefused).map((o) => isRefused(o) && o.problem.kind)).toEqual(['alreadySigned']);
    expect((await findInitiative(database.db, id))!.signatures).toBe(1);
    const skien = await signInitiative(database.db, id, people.emma!, false);
    expect(isRefused(skien) && skien.problem.kind).toBe('notResident');
    orThrow(await signInitiative(database.db, id, people.nora!, false));
    expect((await findInitiative(database.db, id))!.signatures).toBe(2);
    orThrow(await withdrawMySignature(database.db, id, people.nora!));
    const again = await withdrawMySignature(database.db, id, people.nora!);
    expect(isRefused(again) && again.problem.kind).toBe('notSigned');
    // Signing again after withdrawing keeps the year of birth the new sign-in gave.
    orThrow(await signInitiative(database.db, id, { ...people.nora!, birthYear: 1984 }, false));
    expect((await findInitiative(database.db, id))!.signatures).toBe(2);
    expect((await listSigners(database.db, id)).map((s) => [s.name, s.birthYear])).toEqual([
      [people.jonas!.name, null],
      [people.nora!.name, 1984],
    ]);
  });

  it('is handed in only when the threshold is reached', async () => {
    const stored = (await findInitiative(database.db, id))!;
    const early = await handInInitiative(database.db, id, stored.version, people.nora!, actor(people.nora!), '2026-12-04');
    expect(isRefused(early) && early.problem).toEqual({ kind: 'thresholdNotReached', signatures: 2, threshold: 300 });
    await database.db.updateTable('participation_initiatives').set({ threshold: 2 }).where('id', '=', id).execute();
    expect(orThrow(await handInInitiative(database.db, id, stored.version, people.nora!, actor(people.nora!), '2026-12-04'))).toEqual({
      deadline: '2027-06-04',
    });
    const late = await withdrawMySignature(database.db, id, people.jonas!);
    expect(isRefused(late) && late.problem.kind).toBe('notOpen');
  });

  it('reminds the municipality a month and a week before the council’s deadline, each once', async () => {
    expect(await remindOfCouncilDeadlines(database.db, jobs, '2027-03-01')).toBe(0);
    // Silje (case worker) and Porsgrunn's mailbox, a month before and a week before.
    expect(await remindOfCouncilDeadlines(database.db, jobs, '2027-05-30')).toBe(4);
    expect(await remindOfCouncilDeadlines(database.db, jobs, '2027-05-31')).toBe(0);
  });

  it('lets one person start at most five initiatives a day, twenty from one address, and never the same title twice', async () => {
    const emma = (title: string, from: string | null = null) =>
      draftInitiative(database.db, people.emma!, { ...draft, title, coInitiatorEmails: [] }, actor(people.emma!), {}, from);
    orThrow(await emma('Lys i lysløypa'));
    const same = await emma('  LYS i lysløypa! ');
    expect(isRefused(same) && same.problem).toEqual({ kind: 'sameDraft' });
    for (let n = 1; n < 5; n += 1) orThrow(await emma(`Forslag ${n}`));
    const sixth = await emma('Forslag 6');
    expect(isRefused(sixth) && sixth.problem).toEqual({ kind: 'tooManyDrafts', max: 5 });
    await database.db.updateTable('participation_initiatives').set({ sent_from: 'crowded' }).execute();
    const crowded = Number(
      (
        await database.db
          .selectFrom('participation_initiatives')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('sent_from', '=', 'crowded')
          .executeTakeFirstOrThrow()
      ).n,
    );
    for (let n = crowded; n < 20; n += 1)
      await database.db
        .insertInto('participation_initiatives')
        .values({
          country: 'NO',
          scope: 'municipality',
          area_code: '4003',
          area_name: 'Skien',
          title: `x${n}`,
          proposal: 'x',
          reason: 'x',
          initiator_id: people.ola!.userId,
          sent_from: 'crowded',
          threshold: null,
          population: null,
          population_year: null,
          refusal_reason: null,
          refusal_note: null,
          published_at: null,
          handed_in_at: null,
          deadline: null,
          treated_meeting_date: null,
          treated_case_number: null,
          treated_decision: null,
          treated_minutes_url: null,
          closed_at: null,
        })
        .execute();
    const fromCrowd = await draftInitiative(
      database.db,
      people.henrik!,
      { ...draft, coInitiatorEmails: [] },
      actor(people.henrik!),
      {},
      'crowded',
    );
    expect(isRefused(fromCrowd) && fromCrowd.problem).toEqual({ kind: 'tooManyDraftsFromAddress', max: 20 });
  });

  it('is hidden by the municipality when found offensive after publishing, keeping its record and audit trail', async () => {
    const offensive = orThrow(
      await draftInitiative(database.db, people.jonas!, { ...draft, title: 'Hundeluftegård', coInitiatorEmails: [] }, actor(people.jonas!)),
    );
    orThrow(await submitInitiative(database.db, offensive, 1, people.jonas!, actor(people.jonas!)));
    orThrow(await publishInitiative(database.db, offensive, 2, people.silje!, actor(people.silje!)));
    const other = await hideInitiative(database.db, offensive, 3, 'Krenkende.', people.ola!, actor(people.ola!));
    expect(isRefused(other) && other.problem.kind).toBe('notModerator');
    expect(orThrow(await hideInitiative(database.db, offensive, 3, 'Krenkende.', people.silje!, actor(people.silje!), { jobs }))).toBe(
      'hidden',
    );
    const signing = await signInitiative(database.db, offensive, people.nora!, false);
    expect(isRefused(signing) && signing.problem.kind).toBe('initiativeNotFound');
    const events = await listAuditEvents(database.db, { recordType: 'initiative', recordId: offensive, limit: 20 });
    expect(events.find((e) => e.action === 'hide')).toMatchObject({ from_state: 'published', to_state: 'hidden', reason: 'Krenkende.' });
  });

  it('suggests look-alikes by text, and a refusal tells the initiator', async () => {
    const second = orThrow(
      await draftInitiative(
        database.db,
        people.jonas!,
        { ...draft, title: 'Lysløypa trenger lys', coInitiatorEmails: [] },
        actor(people.jonas!),
      ),
    );
    orThrow(await submitInitiative(database.db, second, 1, people.jonas!, actor(people.jonas!)));
    const stored = (await findInitiative(database.db, second))!;
    expect((await lookAlikes(database.db, stored)).map((l) => l.id)).toEqual([id]);
    const before = enqueued.length;
    orThrow(
      await refuseInitiative(database.db, second, 2, 'sameContent', 'Behandlet i mars.', people.silje!, actor(people.silje!), { jobs }),
    );
    expect(await findInitiative(database.db, second)).toMatchObject({ state: 'refused', refusalReason: 'sameContent' });
    expect(enqueued.length).toBe(before + 1);
  });

  it('forgets who signed six months after the initiative closed, keeping the count', async () => {
    const silje = people.silje!;
    const stored = (await findInitiative(database.db, id))!;
    orThrow(
      await recordTreatment(
        database.db,
        id,
        stored.version,
        { meetingDate: '2027-03-11', caseNumber: '27/45', decision: 'Vedtatt.', minutesUrl: null },
        silje,
        actor(silje),
      ),
    );
    const count = (await findInitiative(database.db, id))!.signatures;
    expect(count).toBe(2);
    expect(await forgetSignersOfClosed(database.db, new Date())).toBe(0);
    const later = new Date(Date.now() + 190 * 86_400_000);
    expect(await forgetSignersOfClosed(database.db, later)).toBe(2);
    expect(await forgetSignersOfClosed(database.db, later)).toBe(0);
    expect((await findInitiative(database.db, id))!.signatures).toBe(2);
    const rows = await database.db.selectFrom('participation_signatures').select('user_id').where('initiative_id', '=', id).execute();
    expect(rows).toEqual([]);
    expect(await listSigners(database.db, id)).toEqual([]);
  });
});

describe('a county’s initiative', () => {
  /** A case worker as signing in makes them: with the memberships (and county number) the database holds. */
  const employee = async (subject: string) => {
    const p = await person(subject);
    return { ...p, memberships: await listMemberships(database.db, p.userId) };
  };
  const mailsOf = (occasion: string) =>
    database.db.selectFrom('notifications').select(['recipient_email', 'body']).where('occasion', '=', occasion).execute();

  it('is moderated, received and treated by that county authority’s case workers, never by a municipality’s or another county’s', async () => {
    const tone = await employee('persona-vestfold-case-worker');
    const hakon = await employee('persona-telemark-case-worker');
    expect(tone.memberships).toMatchObject([
      { organisationName: 'Vestfold fylkeskommune', organisationKind: 'county', countyCode: '39', role: 'case_worker' },
    ]);
    const henrik = people.henrik!;
    const county = { ...draft, scope: 'county' as const, title: 'Nattbuss i Vestfold', coInitiatorEmails: [] };
    const id = orThrow(await draftInitiative(database.db, henrik, county, actor(henrik)));
    orThrow(await submitInitiative(database.db, id, 1, henrik, actor(henrik)));
    for (const other of [people.silje!, hakon]) {
      const refused = await publishInitiative(database.db, id, 2, other, actor(other));
      expect(isRefused(refused) && refused.problem.kind).toBe('notModerator');
    }
    expect(orThrow(await publishInitiative(database.db, id, 2, tone, actor(tone), { jobs }))).toBe('published');
    const published = (await findInitiative(database.db, id))!;
    // 2 % of Vestfold's residents is far above 500, so the county's cap decides (kommuneloven § 12-1).
    expect(published).toMatchObject({ scope: 'county', areaCode: '39', areaName: 'Vestfold', threshold: 500 });
    expect(published.population).toBeGreaterThan(25_000);
    const [toHenrik] = await mailsOf(`initiative-published:${id}`);
    expect(toHenrik?.body).toContain('Vestfold fylkeskommune har kontrollert og publisert');

    // A threshold within reach, to hand it in: the county's case workers and mailbox are told, not a municipality's.
    await database.db.updateTable('participation_initiatives').set({ threshold: 1 }).where('id', '=', id).execute();
    const skien = await signInitiative(database.db, id, people.emma!, false);
    expect(isRefused(skien) && skien.problem.kind).toBe('notResident');
    orThrow(await signInitiative(database.db, id, henrik, false));
    const version = (await findInitiative(database.db, id))!.version;
    expect(orThrow(await handInInitiative(database.db, id, version, henrik, actor(henrik), '2027-01-15', { jobs }))).toEqual({
      deadline: '2027-07-15',
    });
    const handedIn = await mailsOf(`initiative-handed-in:${id}`);
    expect(handedIn.map((m) => m.recipient_email).sort()).toEqual([
      'postmottak@vestfoldfylke.example.no',
      'tone.kristiansen@vestfoldfylke.example.no',
    ]);
    expect(handedIn[0]!.body).toContain('levert til Vestfold fylkeskommune 2027-01-15 med 1 underskrift.');
    expect(handedIn[0]!.body).toContain('behandles i fylkestinget senest 2027-07-15');
    // A month before the deadline: its case worker and its mailbox.
    expect(await remindOfCouncilDeadlines(database.db, jobs, '2027-07-01')).toBe(2);
    expect((await mailsOf(`initiative-reminder-month:${id}`)).map((m) => m.recipient_email)).toContain(
      'tone.kristiansen@vestfoldfylke.example.no',
    );

    const treatment = { meetingDate: '2027-06-17', caseNumber: '27/101', decision: 'Vedtatt.', minutesUrl: null };
    const stale = (await findInitiative(database.db, id))!.version;
    const bySilje = await recordTreatment(database.db, id, stale, treatment, people.silje!, actor(people.silje!));
    expect(isRefused(bySilje) && bySilje.problem.kind).toBe('notModerator');
    expect(orThrow(await recordTreatment(database.db, id, stale, treatment, tone, actor(tone), { jobs }))).toBe('treated');
  });

  it('does not exist in Denmark: a Danish resident’s county initiative is refused with its reason', async () => {
    const refused = await draftInitiative(database.db, people.freja!, { ...draft, scope: 'county' }, actor(people.freja!));
    expect(isRefused(refused) && refused.problem).toEqual({ kind: 'noDanishCounty' });
  });
});
