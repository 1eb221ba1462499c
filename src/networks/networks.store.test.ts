/** Benchmarking networks on a real database (PGlite, and PostgreSQL when DATABASE_URL is set). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../platform/audit/store.js';
import { seedDemoIdentities } from '../platform/auth/demo.js';
import type { Principal } from '../platform/auth/model.js';
import type { Actor } from '../platform/db/kit.js';
import { createTestDatabase, type TestDatabase } from '../platform/db/testing.js';
import { isRefused, orThrow } from '../platform/outcome.js';
import { listNotificationsOf } from '../platform/notifications/store.js';
import {
  findMeeting,
  listActions,
  listMeetingFiles,
  listMeetings,
  listMembers,
  listOwnValues,
  memberContacts,
  publishedNetworks,
} from './store.js';
import {
  addMeetingFile,
  answerInvitation,
  changeMeeting,
  planMeeting,
  publishSummary,
  defineOwnFigure,
  enterOwnValue,
  inviteMunicipality,
  moveActionStatus,
  recordAction,
  startNetwork,
  type Municipality,
} from './use-cases.js';
import { findNetwork } from './store.js';

let database: TestDatabase;
const people: Record<string, Principal> = {};

const place = (code: string, name: string, country: 'NO' | 'DK' = 'NO'): Municipality => ({ code, name, country });
const PORSGRUNN = place('4001', 'Porsgrunn');
const SKIEN = place('4003', 'Skien');
const NOTODDEN = place('4005', 'Notodden');
const actor = (p: Principal): Actor => ({ user: { userId: p.userId, name: p.name }, requestId: null });

async function caseWorker(subject: string, code: string): Promise<Principal> {
  const user = await database.db.selectFrom('users').select(['id', 'name']).where('subject', '=', subject).executeTakeFirstOrThrow();
  return {
    userId: user.id,
    name: user.name,
    loginKind: 'employee',
    homeMunicipalityCode: null,
    memberships: [
      { organisationId: user.id, organisationName: 'x', organisationKind: 'municipality', municipalityCode: code, role: 'case_worker' },
    ],
    roles: new Set(['case_worker']),
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoIdentities(database.db);
  people.silje = await caseWorker('persona-porsgrunn-case-worker', '4001');
  people.ola = await caseWorker('persona-skien-case-worker', '4003');
  people.notodden = await caseWorker('persona-notodden-case-worker', '4005');
  people.mette = await caseWorker('persona-fredericia-case-worker', '607');
  people.rasmus = await caseWorker('persona-middelfart-case-worker', '410');
}, 120_000);
afterAll(() => database?.dispose());

describe('a benchmarking network', () => {
  it('is started by a case worker, whose municipality coordinates it; invitations are accepted or declined, each audited', async () => {
    const id = orThrow(await startNetwork(database.db, people.silje!, PORSGRUNN, 'Pleie og omsorg i Grenland', actor(people.silje!)));
    const v1 = (await findNetwork(database.db, id))!.version;
    orThrow(await inviteMunicipality(database.db, people.silje!, id, v1, SKIEN, actor(people.silje!)));
    // The second invitation from the page read before the first is refused: the network changed in between.
    const stale = await inviteMunicipality(database.db, people.silje!, id, v1, NOTODDEN, actor(people.silje!));
    expect(isRefused(stale) && stale.problem.kind).toBe('versionConflict');
    orThrow(await inviteMunicipality(database.db, people.silje!, id, v1 + 1, NOTODDEN, actor(people.silje!)));
    // Only the coordinator invites; a Danish municipality cannot join a Norwegian network.
    const v3 = (await findNetwork(database.db, id))!.version;
    const byOla = await inviteMunicipality(database.db, people.ola!, id, v3, place('3806', 'X'), actor(people.ola!));
    expect(isRefused(byOla) && byOla.problem.kind).toBe('notCoordinator');
    const danish = await inviteMunicipality(database.db, people.silje!, id, v3, place('607', 'Fredericia', 'DK'), actor(people.silje!));
    expect(isRefused(danish) && danish.problem.kind).toBe('otherCountry');
    orThrow(await answerInvitation(database.db, people.ola!, id, 'accept', actor(people.ola!)));
    orThrow(await answerInvitation(database.db, people.notodden!, id, 'decline', actor(people.notodden!)));
    const again = await answerInvitation(database.db, people.notodden!, id, 'accept', actor(people.notodden!));
    expect(isRefused(again) && again.problem.kind).toBe('notInvited');
    expect((await listMembers(database.db, id)).map((m) => [m.name, m.state, m.contactName])).toEqual([
      ['Porsgrunn', 'member', people.silje!.name],
      ['Skien', 'member', people.ola!.name],
      ['Notodden', 'declined', null],
    ]);
    const events = await listAuditEvents(database.db, { recordType: 'network_member', limit: 50 });
    expect(events.map((e) => e.action).sort()).toEqual(['accept', 'decline', 'invite', 'invite']);
  });

  it('takes at most eight members and invitations', async () => {
    const id = orThrow(await startNetwork(database.db, people.silje!, PORSGRUNN, 'Åtte er nok', actor(people.silje!)));
    for (let i = 0; i < 7; i++) {
      const { version } = (await findNetwork(database.db, id))!;
      orThrow(
        await inviteMunicipality(database.db, people.silje!, id, version, place(`30${10 + i}`, `Kommune ${i}`), actor(people.silje!)),
      );
    }
    const { version } = (await findNetwork(database.db, id))!;
    const ninth = await inviteMunicipality(database.db, people.silje!, id, version, SKIEN, actor(people.silje!));
    expect(isRefused(ninth) && ninth.problem).toEqual({ kind: 'full', max: 8 });
  });

  it("keeps each member's values per year with who entered them, and refuses a value changed in between", async () => {
    const id = orThrow(await startNetwork(database.db, people.silje!, PORSGRUNN, 'Sykefravær', actor(people.silje!)));
    const figure = orThrow(
      await defineOwnFigure(
        database.db,
        people.silje!,
        id,
        { name: 'Sykefravær', unit: '%', definition: 'Legemeldt' },
        actor(people.silje!),
      ),
    );
    const duplicate = await defineOwnFigure(
      database.db,
      people.silje!,
      id,
      { name: 'Sykefravær', unit: '%', definition: 'x' },
      actor(people.silje!),
    );
    expect(isRefused(duplicate) && duplicate.problem.kind).toBe('duplicateFigure');
    // Skien is not a member of this network: it can neither define figures nor enter values.
    const outsider = await enterOwnValue(
      database.db,
      people.ola!,
      { figureId: figure, year: 2025, value: 7, version: 0 },
      actor(people.ola!),
    );
    expect(isRefused(outsider) && outsider.problem.kind).toBe('notMember');
    orThrow(
      await enterOwnValue(database.db, people.silje!, { figureId: figure, year: 2025, value: 8.4, version: 0 }, actor(people.silje!)),
    );
    const twice = await enterOwnValue(
      database.db,
      people.silje!,
      { figureId: figure, year: 2025, value: 9, version: 0 },
      actor(people.silje!),
    );
    expect(isRefused(twice) && twice.problem.kind).toBe('versionConflict');
    orThrow(
      await enterOwnValue(database.db, people.silje!, { figureId: figure, year: 2025, value: 8.1, version: 1 }, actor(people.silje!)),
    );
    const values = await listOwnValues(database.db, id);
    expect(values.map((v) => [v.code, v.year, v.value, v.enteredByName, v.version])).toEqual([['4001', 2025, 8.1, people.silje!.name, 2]]);
  });

  it('records an improvement action with the figure as it was, and moves its status once from the version seen', async () => {
    const id = orThrow(await startNetwork(database.db, people.silje!, PORSGRUNN, 'Tiltak', actor(people.silje!)));
    const draft = { action: 'Hverdagsrehabilitering', owner: 'Enhetsleder', due: '2026-06-30', figureRef: 'key:home-care-80' };
    const action = orThrow(
      await recordAction(database.db, people.silje!, id, { ...draft, baseline: { year: 2025, value: 233.96 } }, actor(people.silje!)),
    );
    const outsider = await recordAction(database.db, people.ola!, id, { ...draft, baseline: undefined }, actor(people.ola!));
    expect(isRefused(outsider) && outsider.problem.kind).toBe('notMember');
    orThrow(await moveActionStatus(database.db, people.silje!, action, 'start', 1, actor(people.silje!)));
    const stale = await moveActionStatus(database.db, people.silje!, action, 'complete', 1, actor(people.silje!));
    expect(isRefused(stale) && stale.problem.kind).toBe('versionConflict');
    orThrow(await moveActionStatus(database.db, people.silje!, action, 'complete', 2, actor(people.silje!)));
    const closed = await moveActionStatus(database.db, people.silje!, action, 'drop', 3, actor(people.silje!));
    expect(isRefused(closed) && closed.problem.kind).toBe('illegalStep');
    expect((await listActions(database.db, id)).map((a) => [a.state, a.due, a.baselineYear, a.baselineValue])).toEqual([
      ['completed', '2026-06-30', 2025, 233.96],
    ]);
  });
});

/** A job queue that only counts what it is given. */
const jobs = { enqueued: 0, enqueue: async () => `${++jobs.enqueued}` };
const meeting = (starts: Date, agenda: string[] = ['Velkommen', 'Sykefravær']) => ({
  title: 'Nettverksmøte',
  startsAt: starts,
  place: 'Porsgrunn rådhus',
  agenda,
});

describe("a network's meetings", () => {
  it('are planned, changed and minuted by the coordinator only, from the version seen; the members are mailed and each write audited', async () => {
    const [silje, ola] = [people.silje!, people.ola!];
    const id = orThrow(await startNetwork(database.db, silje, PORSGRUNN, 'Møter i Grenland', actor(silje)));
    orThrow(await inviteMunicipality(database.db, silje, id, 1, SKIEN, actor(silje)));
    orThrow(await answerInvitation(database.db, ola, id, 'accept', actor(ola)));
    expect((await memberContacts(database.db, id)).map((c) => c.email).sort()).toEqual([
      'ola.dahl@skien.example.no',
      'silje.andersen@porsgrunn.example.no',
    ]);
    const { version } = (await findNetwork(database.db, id))!;
    const byOla = await planMeeting(database.db, ola, id, version, meeting(new Date('2027-01-14T09:00:00Z')), actor(ola), { jobs });
    expect(isRefused(byOla) && byOla.problem.kind).toBe('notCoordinator');
    const stale = await planMeeting(database.db, silje, id, version - 1, meeting(new Date('2027-01-14T09:00:00Z')), actor(silje), { jobs });
    expect(isRefused(stale) && stale.problem.kind).toBe('versionConflict');
    const meetingId = orThrow(
      await planMeeting(database.db, silje, id, version, meeting(new Date('2027-01-14T09:00:00Z')), actor(silje), { jobs }),
    );
    const planned = await listNotificationsOf(database.db, `network-meeting-planned:${meetingId}`);
    expect(planned.map((n) => n.recipient_email).sort()).toEqual(['ola.dahl@skien.example.no', 'silje.andersen@porsgrunn.example.no']);
    expect(planned[0]!.subject).toBe('Nytt møte i Møter i Grenland: Nettverksmøte');
    expect(planned[0]!.body).toContain('14. januar 2027 kl. 10:00');
    expect(planned[0]!.link).toBe(`/nettverk/${id}/moter/${meetingId}`);
    expect(jobs.enqueued).toBe(1);

    const ids = { networkId: id, meetingId };
    const changed = { draft: meeting(new Date('2027-01-21T09:00:00Z'), ['Velkommen', 'Tiltak', 'Eventuelt']) };
    orThrow(await changeMeeting(database.db, silje, ids, 1, changed, actor(silje)));
    const twice = await changeMeeting(database.db, silje, ids, 1, changed, actor(silje));
    expect(isRefused(twice) && twice.problem.kind).toBe('versionConflict');
    const notesByOla = await changeMeeting(database.db, ola, ids, 2, { notes: 'Referat' }, actor(ola), { jobs });
    expect(isRefused(notesByOla) && notesByOla.problem.kind).toBe('notCoordinator');
    orThrow(await changeMeeting(database.db, silje, ids, 2, { notes: 'Vi ble enige om å måle sykefravær likt.' }, actor(silje), { jobs }));
    const notes = await listNotificationsOf(database.db, `network-meeting-notes:${meetingId}:3`);
    expect(notes.map((n) => n.subject)).toEqual([
      'Referat fra Nettverksmøte i Møter i Grenland',
      'Referat fra Nettverksmøte i Møter i Grenland',
    ]);

    const file = { name: 'referat.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 referat') };
    const staleFile = await addMeetingFile(database.db, silje, ids, 2, file, actor(silje));
    expect(isRefused(staleFile) && staleFile.problem.kind).toBe('versionConflict');
    orThrow(await addMeetingFile(database.db, silje, ids, 3, file, actor(silje)));
    const elsewhere = await addMeetingFile(database.db, silje, { networkId: id, meetingId: id }, 4, file, actor(silje));
    expect(isRefused(elsewhere) && elsewhere.problem.kind).toBe('meetingNotFound');
    expect((await listMeetingFiles(database.db, meetingId)).map((f) => f.name)).toEqual(['referat.pdf']);
    const stored = (await findMeeting(database.db, id, meetingId))!;
    expect([stored.startsAt.toISOString(), stored.agenda, stored.notes, stored.version]).toEqual([
      '2027-01-21T09:00:00.000Z',
      ['Velkommen', 'Tiltak', 'Eventuelt'],
      'Vi ble enige om å måle sykefravær likt.',
      4,
    ]);
    const events = await listAuditEvents(database.db, { recordType: 'network_meeting', recordId: meetingId, limit: 10 });
    expect(events.map((e) => e.action).reverse()).toEqual(['create', 'edit', 'write-notes', 'add-file']);
  });

  it("of a Danish network are on Copenhagen's clock and mailed in Danish", async () => {
    const [mette, rasmus] = [people.mette!, people.rasmus!];
    const id = orThrow(
      await startNetwork(database.db, mette, place('607', 'Fredericia', 'DK'), 'Ældrepleje i Trekantområdet', actor(mette)),
    );
    orThrow(await inviteMunicipality(database.db, mette, id, 1, place('410', 'Middelfart', 'DK'), actor(mette)));
    orThrow(await answerInvitation(database.db, rasmus, id, 'accept', actor(rasmus)));
    const { version } = (await findNetwork(database.db, id))!;
    // 10:00 on the day Denmark goes to summer time is 08:00 UTC.
    const meetingId = orThrow(
      await planMeeting(database.db, mette, id, version, meeting(new Date('2027-03-28T08:00:00Z')), actor(mette), { jobs }),
    );
    const [first] = await listNotificationsOf(database.db, `network-meeting-planned:${meetingId}`);
    expect(first!.locale).toBe('da');
    expect(first!.subject).toBe('Nyt møde i Ældrepleje i Trekantområdet: Nettverksmøte');
    expect(first!.body).toContain('28. marts 2027 kl. 10.00');
    expect((await listMeetings(database.db, id)).map((m) => m.startsAt.toISOString())).toEqual(['2027-03-28T08:00:00.000Z']);
  });

  it('summary is published and withdrawn by the coordinator only, from the version seen', async () => {
    const [silje, ola] = [people.silje!, people.ola!];
    const id = orThrow(await startNetwork(database.db, silje, PORSGRUNN, 'Åpent nettverk', actor(silje)));
    const byOla = await publishSummary(database.db, ola, id, 1, 'Tekst', actor(ola));
    expect(isRefused(byOla) && byOla.problem.kind).toBe('notCoordinator');
    orThrow(await publishSummary(database.db, silje, id, 1, 'Vi sammenligner hjemmetjenester.', actor(silje)));
    const stale = await publishSummary(database.db, silje, id, 1, null, actor(silje));
    expect(isRefused(stale) && stale.problem.kind).toBe('versionConflict');
    expect((await publishedNetworks(database.db)).map((n) => [n.name, n.summary])).toContainEqual([
      'Åpent nettverk',
      'Vi sammenligner hjemmetjenester.',
    ]);
    orThrow(await publishSummary(database.db, silje, id, 2, null, actor(silje)));
    expect((await publishedNetworks(database.db)).map((n) => n.id)).not.toContain(id);
    const events = await listAuditEvents(database.db, { recordType: 'network', recordId: id, limit: 10 });
    expect(events.map((e) => e.action).reverse()).toEqual(['create', 'publish', 'unpublish']);
  });
});
