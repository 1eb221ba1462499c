import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../platform/audit/store.js';
import { listCapturedMail } from '../platform/mail/store.js';
import { formClient, signInThroughProvider } from '../platform/testing/harness.js';
import { startTestApp, type RunningApp } from '../test-app.js';
import { listSubmissions, listSubmittedApplications } from '../applications/index.js';
import { findCall, seedDemoProgrammes, seededIds, seedSmallRegistry, type StoredCall } from '../programmes/index.js';
import { DEMO_CALL_KEY, seedDemoAssessment } from './demo.js';
import { findAssignment, listAssignmentsOfCall, listPool, scoreHistory, type StoredAssignment } from './store.js';

let running: RunningApp;
let call: StoredCall;
let porsgrunnNetwork: string;
let per: string;
let anne: string;
const cookie: Record<string, string> = {};
const INGRID = 'persona-kdd-owner';
const LARS = 'persona-sfvt-officer';
const PER = 'persona-reviewer-porsgrunn';
const ANNE = 'persona-reviewer-expert';
const SILJE = 'persona-porsgrunn-case-worker';

beforeAll(async () => {
  running = await startTestApp();
  const db = running.database.db;
  await seedSmallRegistry(db);
  await seedDemoProgrammes(db);
  await seedDemoAssessment(db);
  for (const subject of [INGRID, LARS, PER, ANNE, SILJE])
    cookie[subject] = (await signInThroughProvider(running.baseUrl, subject)).header();
  call = (await findCall(db, (await seededIds(db, 'programme_calls', DEMO_CALL_KEY))!))!;
  porsgrunnNetwork = (await listSubmittedApplications(db, call.id)).find((s) => s.application.leadCode === '4001')!.application.id;
  const pool = await listPool(db, call.programmeId);
  per = pool.find((m) => m.name === 'Per Holm')!.userId;
  anne = pool.find((m) => m.name === 'Anne Strand')!.userId;
}, 120_000);
afterAll(() => running.close());

const client = formClient(() => running, cookie);
const { get } = client;
/** Posts with the token every signed-in page carries (the sign-out form). */
const post = (url: string, who: string, form: Record<string, string>) => client.post(url, who, form, '/');
const assignments = () => listAssignmentsOfCall(running.database.db, call.id);
const of = async (reviewer: string, applicationId?: string): Promise<StoredAssignment> =>
  (await assignments()).find(
    (a) =>
      a.reviewerId === reviewer &&
      (applicationId === undefined || a.applicationId === applicationId) &&
      ['assigned', 'declared', 'submitted'].includes(a.state),
  )!;
const dashboard = () => `/eier/utlysninger/${call.id}/vurdering`;

describe('assessment over HTTP', () => {
  it('the owner sees the dashboard with the exclusion explained; other owners, reviewers and applicants are refused', async () => {
    const page = await get(dashboard(), INGRID);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Per Holm er ansatt i Porsgrunn (4001), som er med i søknaden.');
    expect((await get(dashboard(), LARS)).statusCode).toBe(403);
    expect((await get(dashboard(), PER)).statusCode).toBe(403);
    expect((await get('/vurderinger', SILJE)).statusCode).toBe(403);
    expect((await get(`/vurdering/soknader/${porsgrunnNetwork}`, SILJE)).statusCode).toBe(403);
    expect((await get(`/eier/programmer/${call.programmeId}/fagpanel`, INGRID)).body).toContain('Anne Strand');
    expect((await get(`${dashboard()}?lang=en`, INGRID)).body).toContain(
      'Per Holm is employed by Porsgrunn (4001), a member of the application.',
    );
    expect((await get(`${dashboard()}?lang=nn`, INGRID)).body).toContain('Framdrift per fagperson');
  });

  it('a bad batch size is a 400 with the form kept and nothing assigned; a good one assigns with Per kept off Porsgrunn', async () => {
    const bad = await post(`${dashboard()}/fordel`, INGRID, { perApplication: 'to' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Skriv et helt tall fra 1 til 10.');
    expect(await assignments()).toEqual([]);
    expect((await post(`${dashboard()}/fordel`, LARS, { perApplication: '2' })).statusCode).toBe(403);
    expect(await assignments()).toEqual([]);
    const done = await post(`${dashboard()}/fordel`, INGRID, { perApplication: '2' });
    expect(done.statusCode).toBe(303);
    expect(await assignments()).toHaveLength(11);
    expect(await of(per, porsgrunnNetwork)).toBeUndefined();
    // Each reviewer is told of each assignment, once, and reads it under notifications.
    const told = await running.database.db.selectFrom('notifications').select('occasion').where('occasion', 'like', 'assigned:%').execute();
    expect(told).toHaveLength(11);
    expect((await get('/varsler', ANNE)).body).toContain('Ny søknad til vurdering');
    const manual = await post(`${dashboard()}/tildel`, INGRID, { application: porsgrunnNetwork, [`reviewer-${porsgrunnNetwork}`]: per });
    expect(manual.statusCode).toBe(409);
    expect(manual.body).toContain('Per Holm er ansatt i Porsgrunn');
    expect(await assignments()).toHaveLength(11);
    // The manual list offers only those who may still take the application: here no one.
    const page = (await get(dashboard(), INGRID)).body;
    const start = page.indexOf(`id="application-${porsgrunnNetwork}"`);
    const card = page.slice(start, page.indexOf('class="ds-card"', start));
    expect(card).not.toContain(`id="reviewer-${porsgrunnNetwork}"`);
    expect(card).toContain('Ingen andre i fagpanelet kan få denne søknaden');
  });

  it("a reviewer sees no content before declaring, and another reviewer's assignment is a 403 that changes nothing", async () => {
    const mine = await of(per);
    const before = await get(`/vurderinger/${mine.id}`, PER);
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('name="conflict"');
    expect(before.body).not.toContain('id="content"');
    expect(before.body).not.toContain('hverdagsrehabilitering');
    const decision = (await listSubmissions(running.database.db, mine.applicationId)).at(-1)!.members[0]!.decision!.fileId;
    expect((await get(`/vurderinger/${mine.id}/filer/${decision}`, PER)).statusCode).toBe(403);
    expect((await get(`/vurdering/soknader/${mine.applicationId}/filer/${decision}`, PER)).statusCode).toBe(403);
    expect((await get(`/vurderinger/${mine.id}`, ANNE)).statusCode).toBe(403);
    expect((await post(`/vurderinger/${mine.id}/erklaering`, ANNE, { version: String(mine.version), conflict: 'no' })).statusCode).toBe(
      403,
    );
    expect(
      (await post(`/vurderinger/${mine.id}/poeng`, ANNE, { version: String(mine.version), action: 'save', 'score-1': '3' })).statusCode,
    ).toBe(403);
    const annes = await of(anne, porsgrunnNetwork);
    expect((await get(`/vurderinger/${annes.id}`, PER)).statusCode).toBe(403);
    expect((await get(`/vurdering/soknader/${porsgrunnNetwork}`, PER)).statusCode).toBe(403);
    expect(await findAssignment(running.database.db, mine.id)).toEqual(mine);
    expect(await findAssignment(running.database.db, annes.id)).toEqual(annes);
  });

  it('a declaration without kind or text is a 400 that keeps the answer; a conflict removes Per and mails the owner', async () => {
    const mine = await of(per);
    const bad = await post(`/vurderinger/${mine.id}/erklaering`, PER, {
      version: String(mine.version),
      conflict: 'yes',
      kind: '',
      text: 'Nabo',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Nabo');
    expect((await findAssignment(running.database.db, mine.id))!.state).toBe('assigned');
    const done = await post(`/vurderinger/${mine.id}/erklaering`, PER, {
      version: String(mine.version),
      conflict: 'yes',
      kind: 'personal',
      text: 'Bror av rådmannen',
    });
    expect(done.statusCode).toBe(303);
    expect((await findAssignment(running.database.db, mine.id))!.state).toBe('conflicted');
    expect((await get(dashboard(), INGRID)).body).toContain('id="reassign"');
    let mails = await listCapturedMail(running.database.db);
    for (let i = 0; i < 60 && !mails.some((m) => m.subject.startsWith('Inhabilitet meldt')); i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      mails = await listCapturedMail(running.database.db);
    }
    const mail = mails.find((m) => m.subject.startsWith('Inhabilitet meldt'))!;
    expect(mail.recipients).toContain('ingrid.haugen@kdd.example.no');
    expect(mail.text_body).toContain('Bror av rådmannen');
  }, 60_000);

  it('scores: a score off the scale is a 400 with nothing written; a stale version is a 409 that keeps the input', async () => {
    const mine = await of(per);
    await post(`/vurderinger/${mine.id}/erklaering`, PER, { version: String(mine.version), conflict: 'no' });
    const declared = (await findAssignment(running.database.db, mine.id))!;
    expect((await get(`/vurderinger/${mine.id}`, PER)).body).toContain('id="content"');
    const decision = (await listSubmissions(running.database.db, mine.applicationId)).at(-1)!.members[0]!.decision!.fileId;
    const file = await get(`/vurderinger/${mine.id}/filer/${decision}`, PER);
    expect([file.statusCode, file.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect((await get(`/vurdering/soknader/${mine.applicationId}/filer/${decision}`, INGRID)).statusCode).toBe(200);
    const bad = await post(`/vurderinger/${mine.id}/poeng`, PER, {
      version: String(declared.version),
      action: 'save',
      'score-1': '9',
      'rationale-1': 'For høyt',
    });
    expect(bad.statusCode).toBe(400);
    expect(await scoreHistory(running.database.db, mine.id)).toEqual([]);
    const draft = await post(`/vurderinger/${mine.id}/poeng`, PER, {
      version: String(declared.version),
      action: 'save',
      'score-1': '3',
      'rationale-1': 'Middels',
    });
    expect(draft.statusCode).toBe(303);
    expect((await get(draft.headers.location as string, PER)).body).toContain('id="warnings"');
    const stale = await post(`/vurderinger/${mine.id}/poeng`, PER, {
      version: String(declared.version),
      action: 'save',
      'score-1': '4',
      'rationale-1': 'Min nye tekst',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Min nye tekst');
    const incomplete = await post(`/vurderinger/${mine.id}/poeng`, PER, {
      version: String(declared.version + 1),
      action: 'submit',
      'score-1': '4',
      'rationale-1': 'x',
    });
    expect(incomplete.statusCode).toBe(400);
    expect(await scoreHistory(running.database.db, mine.id)).toHaveLength(1);
  });

  it('the lead may open the review page only where she declared no conflict; the owner always', async () => {
    const annes = await of(anne, porsgrunnNetwork);
    expect((await get(`/vurdering/soknader/${porsgrunnNetwork}`, ANNE)).statusCode).toBe(403);
    await post(`/vurderinger/${annes.id}/erklaering`, ANNE, { version: String(annes.version), conflict: 'no' });
    expect((await get(`/vurdering/soknader/${porsgrunnNetwork}`, ANNE)).statusCode).toBe(200);
    const applicantView = await get(`/soknader/${porsgrunnNetwork}`, SILJE);
    expect(applicantView.statusCode).toBe(200);
    expect(applicantView.body).not.toContain('Anne Strand');
    expect(applicantView.body).not.toContain('Per Holm');
    expect((await get(`/vurdering/soknader/${porsgrunnNetwork}`, INGRID)).statusCode).toBe(200);
    const early = await post(`/vurdering/soknader/${porsgrunnNetwork}/konsensus`, ANNE, {
      version: '2',
      'score-1': '4',
      'reasoning-1': 'x',
      'score-2': '4',
      'reasoning-2': 'x',
      'score-3': '4',
      'reasoning-3': 'x',
    });
    expect(early.statusCode).toBe(409);
    const emptyFlag = await post(`/vurdering/soknader/${porsgrunnNetwork}/flagg`, ANNE, { flagText: '  ' });
    expect(emptyFlag.statusCode).toBe(400);
  });

  it('the pool: only the owner changes it; an unknown person is a 400, removing a reviewer with live work a 409, nothing changed', async () => {
    const pool = `/eier/programmer/${call.programmeId}/fagpanel`;
    const before = await listPool(running.database.db, call.programmeId);
    expect((await post(pool, LARS, { user: per })).statusCode).toBe(403);
    expect((await post(pool, INGRID, { user: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(400);
    expect((await post(pool, INGRID, { user: per })).statusCode).toBe(409);
    const removal = await post(`${pool}/${per}/fjern`, INGRID, {});
    expect(removal.statusCode).toBe(409);
    expect(removal.body).toContain('Personen har tildelte søknader');
    expect(await listPool(running.database.db, call.programmeId)).toEqual(before);
    expect((await post(`${pool}/${per}/leder`, INGRID, { lead: 'yes' })).statusCode).toBe(303);
    expect((await listPool(running.database.db, call.programmeId)).find((m) => m.userId === per)?.lead).toBe(true);
    expect((await post(`${pool}/${per}/leder`, INGRID, { lead: 'no' })).statusCode).toBe(303);
    expect(await listPool(running.database.db, call.programmeId)).toEqual(before);
  });

  it('the owner withdraws an assignment with a reason (audited); a stale version is a 409 that changes nothing', async () => {
    const target = (await assignments()).find((a) => a.reviewerId === anne && a.state === 'assigned')!;
    const url = `/eier/vurdering/tildelinger/${target.id}/trekk`;
    expect((await post(url, LARS, { version: String(target.version) })).statusCode).toBe(403);
    expect((await post(url, INGRID, { version: String(target.version + 1), [`reason-${target.id}`]: 'Omfordeling' })).statusCode).toBe(409);
    expect(await findAssignment(running.database.db, target.id)).toEqual(target);
    expect(
      (await post(url, INGRID, { version: String(target.version), [`reason-${target.id}`]: 'Omfordeling etter ferie' })).statusCode,
    ).toBe(303);
    expect((await findAssignment(running.database.db, target.id))!.state).toBe('withdrawn');
    const [event] = await listAuditEvents(running.database.db, { recordType: 'review_assignment', recordId: target.id, limit: 1 });
    expect(event).toMatchObject({
      action: 'unassign',
      from_state: 'assigned',
      to_state: 'withdrawn',
      reason: 'Omfordeling etter ferie',
      actor_name: 'Ingrid Haugen',
    });
  });

  it('invitations: Ingrid invites Nora (no account yet) by e-mail; the single-use link lets her sign in and join the pool; a used, withdrawn or expired link says why', async () => {
    const db = running.database.db;
    const pool = `/eier/programmer/${call.programmeId}/fagpanel`;
    const invite = (form: Record<string, string>, who = INGRID) => post(`${pool}/invitasjoner`, who, form);
    const incomplete = await invite({ name: ' ', email: 'nora.berg', employer: 'NTNU' });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.body).toContain('Skriv en gyldig e-postadresse.');
    expect(incomplete.body).toContain('Skriv navnet til fagpersonen.');
    expect((await invite({ name: 'Nora Berg', email: 'nora.berg@ntnu.example.no', employer: 'NTNU' }, LARS)).statusCode).toBe(403);
    const nora = { name: 'Nora Berg', email: 'nora.berg@ntnu.example.no', employer: 'NTNU' };
    const sent = await invite(nora);
    expect(sent.statusCode).toBe(303);
    expect((await get(sent.headers.location as string, INGRID)).body).toContain('Invitasjonen er sendt.');
    const twice = await invite({ ...nora, email: 'Nora.Berg@ntnu.example.no' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('har allerede en invitasjon til dette panelet');
    const linkTo = async (email: string) => {
      const notice = await db
        .selectFrom('notifications')
        .select(['link', 'subject', 'body'])
        .where('occasion', 'like', 'pool-invitation:%')
        .where('recipient_email', '=', email)
        .executeTakeFirstOrThrow();
      return notice;
    };
    const mail = await linkTo('nora.berg@ntnu.example.no');
    expect(mail.subject).toContain('Invitasjon til fagpanelet');
    expect(mail.body).toContain('Ingrid Haugen i Kommunal- og distriktsdepartementet inviterer deg');
    const link = mail.link!;
    expect(link).toMatch(/^\/fagpanel\/invitasjon\/[A-Za-z0-9_-]{43}$/);
    const signedOut = await get(`${link}?lang=nb`);
    expect(signedOut.statusCode).toBe(200);
    expect(signedOut.body).toContain('Logg inn med Ansattporten for å takke ja');
    expect(signedOut.body).toContain(`/login/employee?returnTo=${encodeURIComponent(`${link}?lang=nb`)}`);
    const NORA = 'persona-invited-expert';
    cookie[NORA] = (await signInThroughProvider(running.baseUrl, NORA)).header();
    expect((await get('/vurderinger', NORA)).statusCode).toBe(403);
    expect((await get(link, NORA)).body).toContain('Takk ja og bli med i fagpanelet');
    const accepted = await post(link, NORA, {});
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toContain('/vurderinger');
    expect((await get(accepted.headers.location as string, NORA)).body).toContain('Du er med i fagpanelet.');
    const member = (await listPool(db, call.programmeId)).find((m) => m.name === 'Nora Berg');
    expect(member).toMatchObject({ kind: 'external', lead: false });
    const used = await get(link, NORA);
    expect(used.statusCode).toBe(409);
    expect(used.body).toContain('Invitasjonen er allerede brukt.');
    expect((await post(link, NORA, {})).statusCode).toBe(409);
    // A withdrawn link and an expired one each say why; a malformed one is a 400.
    expect((await invite({ name: 'Ola Dahl', email: 'ola.dahl@uib.example.no', employer: 'Universitetet i Bergen' })).statusCode).toBe(303);
    const [open] = await db.selectFrom('assessment_pool_invitations').select('id').where('email', '=', 'ola.dahl@uib.example.no').execute();
    expect((await get(pool, INGRID)).body).toContain('Trekk invitasjonen til Ola Dahl');
    expect((await post(`${pool}/invitasjoner/${open!.id}/trekk`, INGRID, {})).statusCode).toBe(303);
    expect((await post(`${pool}/invitasjoner/${open!.id}/trekk`, INGRID, {})).statusCode).toBe(404);
    const withdrawn = await get((await linkTo('ola.dahl@uib.example.no')).link!);
    expect(withdrawn.statusCode).toBe(404);
    expect(withdrawn.body).toContain('invitasjonen finnes ikke eller er trukket');
    expect((await invite({ name: 'Eva Lie', email: 'eva.lie@oslomet.example.no', employer: 'OsloMet' })).statusCode).toBe(303);
    await db
      .updateTable('assessment_pool_invitations')
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where('email', '=', 'eva.lie@oslomet.example.no')
      .execute();
    const expired = await get((await linkTo('eva.lie@oslomet.example.no')).link!);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('Lenken er for gammel.');
    expect((await get('/fagpanel/invitasjon/not-a-token')).statusCode).toBe(400);
    const events = await listAuditEvents(db, { recordType: 'reviewer_pool', limit: 20 });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['invite', 'accept-invitation', 'withdraw-invitation']));
  });
});
