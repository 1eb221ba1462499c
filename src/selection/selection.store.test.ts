import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../platform/audit/store.js';
import { seedDemoIdentities } from '../platform/auth/demo.js';
import { createTestDatabase, type TestDatabase } from '../platform/db/testing.js';
import { findFile } from '../platform/files/store.js';
import type { Actor } from '../platform/db/kit.js';
import type { Queryable } from '../platform/db/database.js';
import type { JobQueue } from '../platform/jobs/queue.js';
import type { Mailer, OutgoingMail } from '../platform/mail/mailer.js';
import { isRefused, refuse, versionConflict } from '../platform/outcome.js';
import { DEMO_CALL_KEY, raiseFlag, seedDemoAssessment } from '../assessment/index.js';
import { findCall, seedDemoProgrammes, seededIds, seedSmallRegistry, type StoredCall } from '../programmes/index.js';
import type { Choice, DecisionInput } from './model.js';
import { threeSixtyGivingPackage } from './open-data.js';
import { decisionForApplicant, findAppeal, findDecision, listPublishedGrants, loadSelectionBoard } from './store.js';
import {
  approveDecisions,
  decideApplications,
  lodgeAppeal,
  produceLetter,
  publishDecisions,
  recordSelection,
  returnDecision,
} from './use-cases.js';
import { agreeScores, threeSixtyGivingErrors } from './testing.js';

let database: TestDatabase;
let call: StoredCall;
let ids: Map<string, string>;
/** Each member's mailbox given on the application, then its case workers on the platform. */
const PORSGRUNN_NETWORK_RECIPIENTS = [
  'postmottak@porsgrunn.kommune.example.no',
  'silje.andersen@porsgrunn.example.no',
  'postmottak@skien.kommune.example.no',
  'ola.dahl@skien.example.no',
  'postmottak@notodden.kommune.example.no',
  'marte.lie@notodden.example.no',
];
const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const ingrid = { user: { userId: '00000000-0000-4000-8000-00000000aaaa', name: 'Ingrid Haugen' }, requestId: 'test' } satisfies Actor;
const kari = { user: { userId: '00000000-0000-4000-8000-00000000bbbb', name: 'Kari Nilsen' }, requestId: 'test' } satisfies Actor;
const id = (lead: string) => ids.get(lead)!;
const board = async () => loadSelectionBoard(database.db, (await findCall(database.db, call.id))!, new Date());
/** A queue that only enqueues letter jobs, the way `enqueue` says. */
const jobs = (enqueue: (trx: Queryable, applicationId: string) => Promise<unknown>): Pick<JobQueue, 'enqueue'> => ({
  enqueue: async (trx, _name, data) => {
    await enqueue(trx, (data as { applicationId: string }).applicationId);
    return 'job';
  },
});
const choice = (lead: string, amount: number | null, reason = `Begrunnelse for ${lead}`): Choice => ({
  applicationId: id(lead),
  selected: amount !== null,
  amount,
  reason,
});

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoIdentities(database.db);
  await seedSmallRegistry(database.db);
  await seedDemoProgrammes(database.db);
  await seedDemoAssessment(database.db);
  call = (await findCall(database.db, (await seededIds(database.db, 'programme_calls', DEMO_CALL_KEY))!))!;
  // Porsgrunn 4.6; Bodø and Kragerø tie at 4.0; Lillehammer 3.4 (flagged below); Larvik 1.8; Tinn without consensus.
  ids = await agreeScores(database.db, call, {
    '4001': [5, 4, 5],
    '1804': [4, 4, 4],
    '4014': [4, 4, 4],
    '3405': [3, 4, 3],
    '3909': [2, 2, 1],
  });
  await raiseFlag(database.db, call.id, id('3405'), 'Trenger juridisk vurdering', { user: null, requestId: 'test' });
}, 180_000);
afterAll(() => database.dispose());

describe(`selection and decisions: the use cases on the store (${engine})`, () => {
  it('ranks the closed call by agreed scores: a tie shared, the unscored apart, the flagged paused', async () => {
    const { ranking, frame, version } = await board();
    expect(version).toBe(1);
    expect(frame).toEqual({ rounds: [{ expected: 3 }], quota: { min: 2, max: 4 }, budget: 24_000_000, currency: 'NOK' });
    expect(ranking.ranked.map((r) => [r.applicant.replace(/^\d{4}\/\d{4} /, '').split(',')[0], r.rank, r.total, r.tied, r.paused])).toEqual(
      [
        ['Porsgrunn', 1, 4.6, false, false],
        ['Kragerø', 2, 4, true, false],
        ['Bodø', 2, 4, true, false],
        ['Lillehammer', 4, 3.4, false, true],
        ['Larvik', 5, 1.8, false, false],
      ],
    );
    expect(ranking.unrankable).toEqual([
      expect.objectContaining({
        applicant: expect.stringMatching(/^\d{4}\/\d{4} Tinn$/),
        missing: ['Utfordringen er dokumentert med egne tall', 'Tiltakene når målene', 'Målbart mål'],
      }),
    ]);
  });

  it('refuses a selection over the budget with the numbers, and writes nothing', async () => {
    const refused = await recordSelection(
      database.db,
      call.id,
      1,
      [choice('4001', 12_000_000), choice('4014', 8_000_000), choice('1804', 6_000_000), choice('3909', null)],
      ingrid,
    );
    expect(refused).toEqual(
      refuse({
        kind: 'selectionBreaksRules',
        currency: 'NOK',
        breaches: [{ kind: 'overBudget', granted: 26_000_000, budget: 24_000_000, excess: 2_000_000 }],
      }),
    );
    expect((await board()).recorded).toEqual([]);
    expect((await board()).version).toBe(1);
  });

  it('refuses the paused and the unrankable, a missing reason, and a stale version', async () => {
    expect(
      await recordSelection(
        database.db,
        call.id,
        1,
        [choice('3405', 1_000_000), choice('4026', 1_000_000), choice('3909', null, ' ')],
        ingrid,
      ),
    ).toMatchObject({
      problem: {
        kind: 'selectionBreaksRules',
        breaches: [
          { kind: 'notSelectable', applicationId: id('3405'), why: 'paused' },
          { kind: 'notSelectable', applicationId: id('4026'), why: 'unrankable' },
          { kind: 'reasonMissing', applicationId: id('3909') },
        ].map((p) => expect.objectContaining(p)),
      },
    });
    expect(await recordSelection(database.db, call.id, 7, [choice('4001', 1)], ingrid)).toEqual(refuse(versionConflict(1, 7, null)));
  });

  it('records a selection within quota and budget with a reason per application, audited; a concurrent record of the same version is refused', async () => {
    // Two owners record at once from the same version: one wins, the other is told (on PostgreSQL the row lock decides).
    const choices = [choice('4001', 10_000_000), choice('4014', 8_000_000), choice('1804', null), choice('3909', null)];
    const results = await Promise.all([
      recordSelection(database.db, call.id, 1, choices, ingrid),
      recordSelection(database.db, call.id, 1, choices, ingrid),
    ]);
    expect(results.filter((r) => !isRefused(r))).toEqual([2]);
    expect(results.filter(isRefused)).toEqual([refuse(versionConflict(2, 1, 'Ingrid Haugen'))]);
    const { recorded } = await board();
    expect(recorded.map((c) => [c.applicationId, c.selected, c.amount])).toEqual(
      expect.arrayContaining([
        [id('4001'), true, 10_000_000],
        [id('4014'), true, 8_000_000],
        [id('1804'), false, null],
        [id('3909'), false, null],
      ]),
    );
    const audit = await listAuditEvents(database.db, { recordType: 'selection_entry', recordId: id('4001'), limit: 5 });
    expect(audit[0]).toMatchObject({
      action: 'select',
      from_state: 'none',
      to_state: 'selected',
      actor_name: 'Ingrid Haugen',
      reason: '10000000 NOK: Begrunnelse for 4001',
    });
  });

  const inputs = (leads: string[], extra: Partial<DecisionInput> = {}) =>
    new Map(
      leads.map((lead) => [
        id(lead),
        {
          conditions: 'Sluttrapport innen 1. juni 2028.',
          reason: `Vedtaksgrunn ${lead}`,
          publicSummary: `Prosjekt ${lead}`,
          letterLanguage: lead === '4014' ? 'nn' : 'nb',
          ...extra,
        },
      ]),
    );

  it('refuses the whole decision when a reason is missing, or when enqueuing fails: nothing written', async () => {
    expect(
      await decideApplications(
        database.db,
        jobs(async () => undefined),
        call.id,
        2,
        inputs(['4001', '4014'], { reason: '' }),
        ingrid,
      ),
    ).toMatchObject({
      problem: {
        kind: 'decisionIncomplete',
        lacks: [
          expect.objectContaining({ applicant: expect.stringMatching(/ Porsgrunn, Skien, Notodden$/), field: 'reason', code: 'required' }),
          expect.objectContaining({ field: 'reason', code: 'required' }),
        ],
      },
    });
    const queueDown = jobs(async () => {
      throw new Error('queue down');
    });
    await expect(decideApplications(database.db, queueDown, call.id, 2, inputs(['4001']), ingrid)).rejects.toThrow('queue down');
    expect(await findDecision(database.db, id('4001'))).toBeUndefined();
    expect((await board()).version).toBe(2);
  });

  it('decides as selected (granted or rejected), sends nothing until a second person approves; the approver sends back or approves, letters enqueued then', async () => {
    const letters: string[] = [];
    const queue = jobs(async (trx, applicationId) => {
      if (!applicationId) return; // the approvers' notice
      // The job is enqueued inside the approving transaction: the approval is already visible there.
      expect(await trx.selectFrom('decisions').select('approval').where('application_id', '=', applicationId).executeTakeFirst()).toEqual({
        approval: 'approved',
      });
      letters.push(applicationId);
    });
    const result = await decideApplications(database.db, queue, call.id, 2, inputs(['4001', '4014', '1804', '3909']), ingrid);
    expect(result).toEqual({ version: 3, decided: 4 });
    expect(letters).toEqual([]);
    expect(await findDecision(database.db, id('4001'))).toMatchObject({
      state: 'granted',
      approval: 'awaiting',
      amount: 10_000_000,
      currency: 'NOK',
      letterLanguage: 'nb',
      decidedByName: 'Ingrid Haugen',
      letterRecipients: PORSGRUNN_NETWORK_RECIPIENTS,
    });
    expect(await decisionForApplicant(database.db, id('4001'))).toBeUndefined();
    const toApprove = await database.db
      .selectFrom('notifications')
      .select('recipient_email')
      .where('occasion', 'like', `decisions-prepared:${call.id}:%`)
      .execute();
    expect(toApprove.map((n) => n.recipient_email)).toEqual(['kari.nilsen@kdd.example.no']);
    // Four eyes: Ingrid cannot approve her own; Kari sends Larvik back, Ingrid prepares it again, Kari approves all four.
    expect(await approveDecisions(database.db, queue, call.id, 3, [id('4001')], ingrid)).toMatchObject({
      problem: { kind: 'ownDecision' },
    });
    expect(await returnDecision(database.db, queue, call.id, 3, id('3909'), '  ', kari)).toMatchObject({
      problem: { kind: 'returnReasonMissing' },
    });
    expect(await returnDecision(database.db, queue, call.id, 3, id('3909'), 'Begrunnelsen må vise til kriteriene.', kari)).toEqual({
      version: 4,
    });
    expect((await board()).returned.map((d) => [d.applicationId, d.returnedReason])).toEqual([
      [id('3909'), 'Begrunnelsen må vise til kriteriene.'],
    ]);
    expect(await decideApplications(database.db, queue, call.id, 4, inputs(['3909']), ingrid)).toEqual({ version: 5, decided: 1 });
    expect(await approveDecisions(database.db, queue, call.id, 5, [id('4001'), id('4014'), id('1804'), id('3909')], kari)).toEqual({
      version: 6,
      approved: 4,
    });
    expect(letters.sort()).toEqual([id('4001'), id('4014'), id('1804'), id('3909')].sort());
    expect(await approveDecisions(database.db, queue, call.id, 6, [id('4001')], kari)).toEqual(refuse({ kind: 'nothingToApprove' }));
    expect(await findDecision(database.db, id('3909'))).toMatchObject({
      state: 'rejected',
      approval: 'approved',
      approvedByName: 'Kari Nilsen',
      amount: null,
      publicSummary: '',
      letterRecipients: ['postmottak@larvik.kommune.example.no'],
    });
    const audit = await listAuditEvents(database.db, { recordType: 'decision', recordId: id('4014'), limit: 5 });
    expect(audit.map((e) => `${e.action}:${e.from_state}->${e.to_state}:${e.actor_name}`)).toEqual([
      'approve:awaiting->approved:Kari Nilsen',
      'grant:pending->granted:Ingrid Haugen',
    ]);
    expect(
      await decideApplications(
        database.db,
        jobs(async () => undefined),
        call.id,
        6,
        inputs(['4001']),
        ingrid,
      ),
    ).toEqual(refuse({ kind: 'nothingToDecide' }));
  });

  it('locks the selection of a decided application; the undecided can still change', async () => {
    expect(
      await recordSelection(
        database.db,
        call.id,
        6,
        [choice('4001', 12_000_000), choice('4014', 8_000_000), choice('1804', null), choice('3909', null)],
        ingrid,
      ),
    ).toMatchObject({
      problem: { breaches: [expect.objectContaining({ kind: 'locked', applicationId: id('4001') })] },
    });
    expect((await findDecision(database.db, id('4001')))!.amount).toBe(10_000_000);
  });

  it('makes the letter once and mails it once, even when the job runs again; a refused send is retried', async () => {
    const sent: OutgoingMail[] = [];
    let smtpRefuses = true;
    const mailer: Mailer = {
      send: async (mail: OutgoingMail) => {
        if (smtpRefuses) throw new Error('SMTP 451');
        sent.push(mail);
      },
      close() {},
    };
    const app = { db: database.db, mailer };
    await expect(produceLetter(app, id('4001'))).rejects.toThrow('SMTP 451');
    const made = (await findDecision(database.db, id('4001')))!;
    expect(made.letterFileId).not.toBeNull();
    expect(made.mailSentAt).toBeNull();
    smtpRefuses = false;
    await produceLetter(app, id('4001'));
    await produceLetter(app, id('4001'));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: PORSGRUNN_NETWORK_RECIPIENTS,
      subject: 'Vedtak på søknaden til «Nettverk for bærekraftige tjenester 2026»',
    });
    const after = (await findDecision(database.db, id('4001')))!;
    expect(after.letterFileId).toBe(made.letterFileId);
    expect(after.mailSentAt).not.toBeNull();
    const pdf = (await findFile(database.db, after.letterFileId!))!;
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(sent[0]!.attachments![0]!.content.equals(pdf.content)).toBe(true);
    // A rejection gets its reasoned letter too.
    await produceLetter(app, id('3909'));
    expect((await findDecision(database.db, id('3909')))!.letterFileId).not.toBeNull();
    expect(sent.map((mail) => mail.to)).toEqual([PORSGRUNN_NETWORK_RECIPIENTS, ['postmottak@larvik.kommune.example.no']]);
  });

  it('publishes only granted decisions; the open data holds exactly those, valid 360Giving', async () => {
    expect(await listPublishedGrants(database.db)).toEqual([]);
    expect(await publishDecisions(database.db, call.id, 2, ingrid)).toEqual(refuse(versionConflict(6, 2, 'Kari Nilsen')));
    expect(await publishDecisions(database.db, call.id, 6, ingrid)).toEqual({ version: 7, published: 2 });
    expect(await publishDecisions(database.db, call.id, 7, ingrid)).toEqual(refuse({ kind: 'nothingToPublish' }));
    const grants = await listPublishedGrants(database.db);
    expect(grants.map((g) => [g.members[0]!.name, g.amount, g.summary])).toEqual([
      ['Porsgrunn', 10_000_000, 'Prosjekt 4001'],
      ['Kragerø', 8_000_000, 'Prosjekt 4014'],
    ]);
    expect(threeSixtyGivingErrors(threeSixtyGivingPackage(grants, 'http://localhost'))).toEqual([]);
    expect((await findDecision(database.db, id('3909')))!.state).toBe('rejected');
    const audit = await listAuditEvents(database.db, { recordType: 'decision', recordId: id('4001'), limit: 10 });
    expect(audit.map((e) => `${e.action}:${e.from_state ?? ''}->${e.to_state ?? ''}`)).toEqual([
      'publish:granted->published',
      'letter-sent:->',
      'letter-made:->',
      'approve:awaiting->approved',
      'grant:pending->granted',
    ]);
  });

  it('refuses an appeal after the period with the deadline, and an appeal on a decision not yet approved', async () => {
    const queue = jobs(async () => undefined);
    const silje = { user: { userId: '00000000-0000-4000-8000-00000000cccc', name: 'Silje Andersen' }, requestId: 'test' } satisfies Actor;
    await database.db
      .updateTable('decisions')
      .set({ approved_at: new Date('2026-01-01T10:00:00Z') })
      .where('application_id', '=', id('3909'))
      .execute();
    const late = await lodgeAppeal(database.db, queue, id('3909'), 'For sent?', silje);
    expect(late).toMatchObject({ problem: { kind: 'appealTooLate', deadline: new Date('2026-01-22T10:00:00Z') } });
    expect(await findAppeal(database.db, id('3909'))).toBeUndefined();
    expect(await lodgeAppeal(database.db, queue, id('3405'), 'Ingen vedtak ennå', silje)).toEqual(refuse({ kind: 'appealNotFound' }));
  });
});
