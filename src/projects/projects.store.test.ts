import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../platform/audit/store.js';
import { seedDemoIdentities } from '../platform/auth/demo.js';
import type { Actor } from '../platform/db/kit.js';
import { createTestDatabase, type TestDatabase } from '../platform/db/testing.js';
import { isRefused, orThrow } from '../platform/outcome.js';
import { DEMO_CALL_KEY, seedDemoAssessment } from '../assessment/index.js';
import { findCall, seedDemoProgrammes, seededIds, seedSmallRegistry, type StoredCall } from '../programmes/index.js';
import { grantApproved } from '../selection/index.js';
import { emptyReport, type FollowUpForm, type ProjectPlan } from './model.js';
import { findProjectOfApplication, insertProject, listPayments, listPlans, listReports, type StoredProject } from './store.js';
import {
  acceptGrant,
  decideChange,
  projectFollowOn,
  remindOfReports,
  releasePayment,
  requestChange,
  requestPayment,
  reviewPlan,
  reviewReport,
  saveReport,
  savePlan,
  setFollowUp,
  submitPlan,
  submitReport,
} from './use-cases.js';

const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
let database: TestDatabase;
let call: StoredCall;
let project: StoredProject;
let earlier: string;
const ingrid = { user: { userId: '00000000-0000-4000-8000-00000000aaaa', name: 'Ingrid Haugen' }, requestId: 'test' } satisfies Actor;
const silje = { user: { userId: '00000000-0000-4000-8000-00000000cccc', name: 'Silje Andersen' }, requestId: 'test' } satisfies Actor;
const queue = { enqueue: async () => 'job' };
const db = () => database.db;
const current = async () => (await findProjectOfApplication(db(), project.applicationId!))!;

const followUp: FollowUpForm = {
  periods: [
    { title: 'Fremdrift 2027', kind: 'progress', due: '2027-06-01', templateId: '' },
    { title: 'Sluttrapport', kind: 'final', due: '2028-06-01', templateId: '' },
  ],
  tranches: [
    { share: '40', condition: 'accepted' },
    { share: '40', condition: 'report:p1' },
    { share: '20', condition: 'report:p2' },
  ],
  reminderDays: '14',
  ministryInSteeringGroup: true,
  countyGovernorContact: false,
};

const plan: ProjectPlan = {
  purpose: 'Bedre tjenester i Grenland.',
  shared: 'Felles samlinger.',
  startsOn: '2027-01-01',
  endsOn: '2028-06-30',
  goals: ['Kortere ventetid'],
  indicators: [{ key: 'i1', name: 'Ventetid', unit: 'dager', baseline: 30, targets: { p1: 20, p2: 10 } }],
  activities: [{ key: 'a1', title: 'Kartlegging', member: '', due: '2027-03-01', milestone: true }],
  budget: [{ line: 'own-staff', member: '', grant: 500_000, ownWork: 200_000, ownFunding: 0 }],
  organisation: {
    projectLeader: 'Marit Kjelling',
    steeringGroup: [{ name: 'Rådmann', role: 'Leder' }],
    ministryRepresentative: 'KDD',
    countyGovernorContact: '',
    elected: 'Ordfører',
    administration: 'Rådmann',
    employees: 'Fagforbundet',
  },
  councilDecision: { date: '2027-01-15', caseNumber: '27/12', fileId: null, fileName: null },
};

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoIdentities(db());
  await seedSmallRegistry(db());
  await seedDemoProgrammes(db());
  await seedDemoAssessment(db());
  call = (await findCall(db(), (await seededIds(db(), 'programme_calls', DEMO_CALL_KEY))!))!;
  // Porsgrunn's application continues an earlier project (videreføring): granted, it becomes a project linked to it.
  earlier = (await insertProject(db(), {
    applicationId: null,
    programmeId: call.programme.id,
    title: 'Tidligere prosjekt',
    caseNumber: '2024/1',
    country: 'NO',
    currency: 'NOK',
    grant: 500_000,
    conditions: '',
    state: 'closed',
    members: [{ code: '4001', name: 'Porsgrunn' }],
  }))!;
  await db()
    .updateTable('applications')
    .set({ continues_project_id: earlier })
    .where('call_id', '=', call.id)
    .where('lead_code', '=', '4001')
    .execute();
  const ids = await grantApproved(db(), call, { '4001': 1_000_000 }, projectFollowOn);
  project = (await findProjectOfApplication(db(), ids.get('4001')!))!;
}, 180_000);
afterAll(() => database.dispose());

describe(`projects: from grant to payments on the store (${engine})`, () => {
  it('makes the approved grant a project awaiting acceptance, with the members, amount and conditions of the decision', async () => {
    expect(project).toMatchObject({
      state: 'awaiting_acceptance',
      grant: 1_000_000,
      currency: 'NOK',
      conditions: 'Sluttrapport innen fristen.',
    });
    expect(project.members[0]).toMatchObject({ code: '4001', lead: true });
    expect(project.predecessorId).toBe(earlier);
    expect(project.title).toContain('Porsgrunn');
    expect((await listPlans(db(), project.id))[0]).toMatchObject({ number: 1, state: 'draft' });
  });

  it('lets the owner set the follow-up (refusing shares that do not make 100 %) and states it in the letter', async () => {
    const refused = await setFollowUp(
      db(),
      call.programme.id,
      0,
      { ...followUp, tranches: [{ share: '50', condition: 'accepted' }] },
      ingrid,
    );
    expect(refused).toMatchObject({ problem: { kind: 'followUpInvalid', issues: [{ code: 'sharesNot100', total: 50 }] } });
    expect(await setFollowUp(db(), call.programme.id, 0, followUp, ingrid)).toEqual({ version: 1 });
    expect(await setFollowUp(db(), call.programme.id, 0, followUp, ingrid)).toMatchObject({ problem: { kind: 'versionConflict' } });
    const paragraphs = (await projectFollowOn.letterParagraphs(db(), project.applicationId!, 'nb'))?.map((p) => p.replace(/\s/g, ' '));
    expect(paragraphs).toContain('40 % (400 000 NOK) når dere har akseptert tilskuddet og vilkårene i Stifinner.');
    expect(paragraphs).toContain('Sluttrapport (Sluttrapport) innen 1. juni 2028.');
  });

  it('asks for no payment before acceptance; the lead accepts (who and when kept, audited)', async () => {
    expect(await requestPayment(db(), queue, project.id, project.version, 't1', silje)).toMatchObject({
      problem: { kind: 'trancheNotDue' },
    });
    const accepted = orThrow(await acceptGrant(db(), queue, project.id, project.version, silje));
    expect(await current()).toMatchObject({ state: 'planning', acceptedByName: 'Silje Andersen', version: accepted.version });
    const events = await listAuditEvents(db(), { recordType: 'project', recordId: project.id, limit: 50 });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'accept']));
  });

  it('refuses an incomplete plan, returns one with a comment, keeps every version, and starts the project on approval', async () => {
    let version = (await current()).version;
    version = orThrow(
      await savePlan(db(), project.id, version, { ...plan, organisation: { ...plan.organisation, ministryRepresentative: '' } }, silje),
    ).version;
    expect(await submitPlan(db(), queue, project.id, version, silje)).toMatchObject({
      problem: { kind: 'planIncomplete', issues: [{ code: 'ministry' }] },
    });
    version = orThrow(await savePlan(db(), project.id, version, plan, silje)).version;
    version = orThrow(await submitPlan(db(), queue, project.id, version, silje)).version;
    expect(await reviewPlan(db(), queue, project.id, version, { action: 'return', comment: ' ' }, ingrid)).toMatchObject({
      problem: { kind: 'commentMissing' },
    });
    version = orThrow(await reviewPlan(db(), queue, project.id, version, { action: 'return', comment: 'Tydeligere mål.' }, ingrid)).version;
    version = orThrow(await savePlan(db(), project.id, version, { ...plan, goals: ['Ventetid under ti dager'] }, silje)).version;
    version = orThrow(await submitPlan(db(), queue, project.id, version, silje)).version;
    orThrow(await reviewPlan(db(), queue, project.id, version, { action: 'approve', comment: '' }, ingrid));
    expect((await listPlans(db(), project.id)).map((p) => [p.number, p.state])).toEqual([
      [2, 'approved'],
      [1, 'returned'],
    ]);
    expect(await current()).toMatchObject({ state: 'running', startsOn: '2027-01-01', endsOn: '2028-06-30' });
  });

  it('keeps a returned report as it was and approves the revision; the report releases its tranche', async () => {
    let version = (await current()).version;
    const target = { periodKey: 'p1', memberCode: '' };
    const content = { ...emptyReport(), indicators: { i1: 22 }, answers: { progress: 'Kartlegging ferdig.', deviations: '' } };
    version = orThrow(await saveReport(db(), project.id, version, target, content, silje)).version;
    expect(await submitReport(db(), queue, project.id, version, target, silje)).toMatchObject({ problem: { kind: 'reportIncomplete' } });
    version = orThrow(
      await saveReport(
        db(),
        project.id,
        version,
        target,
        { ...content, answers: { progress: 'Kartlegging ferdig.', deviations: 'Ingen.' } },
        silje,
      ),
    ).version;
    version = orThrow(await submitReport(db(), queue, project.id, version, target, silje)).version;
    const first = (await listReports(db(), [project.id]))[0]!;
    version = orThrow(
      await reviewReport(db(), queue, project.id, version, first.id, { action: 'return', comment: 'Mangler tall for Skien.' }, ingrid),
    ).version;
    version = orThrow(
      await saveReport(db(), project.id, version, target, { ...content, answers: { progress: 'Med Skien.', deviations: 'Ingen.' } }, silje),
    ).version;
    version = orThrow(await submitReport(db(), queue, project.id, version, target, silje)).version;
    const second = (await listReports(db(), [project.id]))[0]!;
    expect(second.version).toBe(2);
    version = orThrow(await reviewReport(db(), queue, project.id, version, second.id, { action: 'approve', comment: '' }, ingrid)).version;
    expect((await listReports(db(), [project.id])).map((r) => [r.version, r.state, r.content.answers.progress])).toEqual([
      [2, 'approved', 'Med Skien.'],
      [1, 'returned', 'Kartlegging ferdig.'],
    ]);
    version = orThrow(await requestPayment(db(), queue, project.id, version, 't1', silje)).version;
    version = orThrow(await requestPayment(db(), queue, project.id, version, 't2', silje)).version;
    expect(await requestPayment(db(), queue, project.id, version, 't2', silje)).toMatchObject({ problem: { kind: 'trancheAsked' } });
    expect(await requestPayment(db(), queue, project.id, version, 't3', silje)).toMatchObject({ problem: { kind: 'trancheNotDue' } });
  });

  it('never releases more than the grant, even for two releases at the same instant', async () => {
    // An appeal lowers the grant after both tranches were asked for: 400 000 + 400 000 > 700 000.
    await db()
      .transaction()
      .execute((trx) => projectFollowOn.amountChanged(trx, project.applicationId!, 700_000));
    const { version } = await current();
    const payments = await listPayments(db(), [project.id]);
    const outcomes = await Promise.all(payments.map((p) => releasePayment(db(), queue, project.id, version, p.id, ingrid)));
    expect(outcomes.filter((o) => !isRefused(o))).toHaveLength(1);
    const released = (await listPayments(db(), [project.id])).filter((p) => p.state === 'released');
    expect(released.reduce((sum, p) => sum + p.amount, 0)).toBe(400_000);
  });

  it('extends the end date on a granted change request, as a new approved plan version', async () => {
    let { version } = await current();
    expect(
      await requestChange(db(), queue, project.id, version, { kind: 'extension', endsOn: '2028-01-01' }, 'Forsinket', silje),
    ).toMatchObject({
      problem: { kind: 'changeInvalid' },
    });
    version = orThrow(
      await requestChange(db(), queue, project.id, version, { kind: 'extension', endsOn: '2028-12-31' }, 'Forsinket oppstart', silje),
    ).version;
    const request = (await db().selectFrom('project_change_requests').select('id').executeTakeFirstOrThrow()).id;
    orThrow(
      await decideChange(db(), queue, project.id, version, request, { action: 'grant', reason: 'Som i programmets forlengelse.' }, ingrid),
    );
    expect(await current()).toMatchObject({ endsOn: '2028-12-31' });
    expect((await listPlans(db(), project.id))[0]).toMatchObject({ number: 3, state: 'approved', content: { endsOn: '2028-12-31' } });
  });

  it('changes the members on a granted request: joiners after the lead, leavers out, and the plan versioned', async () => {
    let { version } = await current();
    const ask = (join: string[], leave: string[]) =>
      requestChange(db(), queue, project.id, version, { kind: 'members', join, leave, description: '' }, 'Nettverket endres', silje);
    const grant = async () => {
      const request = await db()
        .selectFrom('project_change_requests')
        .select(['id', 'proposal'])
        .where('state', '=', 'requested')
        .executeTakeFirstOrThrow();
      version = orThrow(
        await decideChange(db(), queue, project.id, version, request.id, { action: 'grant', reason: 'Innvilget.' }, ingrid),
      ).version;
      return request.proposal;
    };
    expect((await current()).members.map((m) => m.code)).toEqual(['4001', '4003', '4005']);
    // Nothing changed, a member joining again, the lead leaving, a Danish or unknown municipality joining, one both joining and leaving.
    for (const [join, leave] of [
      [[], []],
      [['4003'], []],
      [[], ['4001']],
      [['607'], []],
      [['9999'], []],
      [['4005'], ['4005']],
    ])
      expect(await ask(join!, leave!)).toMatchObject({ problem: { kind: 'membersInvalid' } });
    version = orThrow(await ask([], ['4005'])).version;
    expect(await grant()).toMatchObject({ names: { '4005': 'Notodden' } });
    expect((await current()).members.map((m) => m.code)).toEqual(['4001', '4003']);
    version = orThrow(await ask(['4005'], ['4003'])).version;
    expect(await grant()).toMatchObject({ names: { '4005': 'Notodden', '4003': 'Skien' } });
    expect((await current()).members.map((m) => [m.code, m.lead])).toEqual([
      ['4001', true],
      ['4005', false],
    ]);
    expect((await listPlans(db(), project.id)).slice(0, 2).map((p) => [p.number, p.state])).toEqual([
      [5, 'approved'],
      [4, 'approved'],
    ]);
  });

  it('reminds of a report once before it is due and once when it is overdue, not of an approved one', async () => {
    const sent = async (at: string) => remindOfReports(db(), queue, new Date(at));
    expect(await sent('2028-05-01T08:00:00Z')).toBe(0);
    const before = await sent('2028-05-20T08:00:00Z');
    expect(before).toBeGreaterThan(0);
    expect(await sent('2028-05-25T08:00:00Z')).toBe(0);
    expect(await sent('2028-06-02T08:00:00Z')).toBe(before);
    expect(await sent('2028-06-10T08:00:00Z')).toBe(0);
    const occasions = await db()
      .selectFrom('notifications')
      .select('occasion')
      .distinct()
      .where((eb) => eb.or([eb('occasion', 'like', 'report-before:%'), eb('occasion', 'like', 'report-overdue:%')]))
      .execute();
    expect(occasions.map((o) => o.occasion).sort()).toEqual([
      `report-before:${project.id}:p2:2028-06-01`,
      `report-overdue:${project.id}:p2:2028-06-01`,
    ]);
  });
});
