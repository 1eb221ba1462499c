import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIdentities } from '../platform/auth/demo.js';
import { ensureOrganisation } from '../platform/auth/store.js';
import { listAuditEvents } from '../platform/audit/store.js';
import { createTestDatabase, type TestDatabase } from '../platform/db/testing.js';
import { seedDemoProgrammes } from './demo.js';
import { checkNetwork } from './eligibility.js';
import type { Actor } from '../platform/db/kit.js';
import type { Refused } from '../platform/outcome.js';
import type { CallContent } from './model.js';
import { contentAtVersion, findCall, listChanges, listPublicCalls } from './store/calls.js';
import { listQuestions } from './store/questions.js';
import { findTemplate } from './store/templates.js';
import * as calls from './use-cases/calls.js';
import { orThrow } from '../platform/outcome.js';
import { createProgramme } from './use-cases/programmes.js';
import * as questions from './use-cases/questions.js';
import * as templates from './use-cases/templates.js';
import { FIXTURE_YEAR, seedSmallRegistry } from './testing.js';

let database: TestDatabase;
let ownerId: string;
let programmeId: string;
let templateId: string;
const actor: Actor = { user: null, requestId: 'test' };

/** The use cases where the test expects them to succeed: a refusal throws. */
const unwrap =
  <A extends unknown[], T, P>(useCase: (...args: A) => Promise<T | Refused<P>>) =>
  async (...args: A): Promise<T> =>
    orThrow(await useCase(...args));
const createCall = unwrap(calls.createCall);
const saveDraft = unwrap(calls.saveCallDraft);
const publish = unwrap(calls.publishCall);
const amend = unwrap(calls.amendCall);
const close = unwrap(calls.closeCall);
const askQuestion = unwrap(questions.askQuestion);
const writeQuestion = unwrap(questions.writeQuestion);
const changeCallQuestion = unwrap(questions.changeCallQuestion);
const createTemplate = templates.createTemplate;
const updateTemplate = unwrap(templates.updateTemplate);

const form = {
  sections: [
    {
      key: 'vision',
      title: 'Visjon',
      parts: [{ kind: 'text' as const, key: 'vision.text', label: 'Visjon', required: true, maxWords: 100 }],
    },
  ],
};

const content = (over: Partial<CallContent> = {}): CallContent => ({
  title: 'Nettverk 2027',
  purpose: 'Formål',
  language: 'nb',
  timeZone: 'Europe/Oslo',
  rounds: [
    { opensAt: '2026-11-01T07:00:00.000Z', closesAt: '2027-01-15T11:00:00.000Z', expectedSelections: 6 },
    { opensAt: '2027-03-01T07:00:00.000Z', closesAt: '2027-05-03T10:00:00.000Z', expectedSelections: 6 },
  ],
  quota: { minSelected: 5, maxSelected: 7 },
  budget: { amount: 40_000_000, currency: 'NOK' },
  themes: ['Helse og omsorg'],
  criteria: [
    { title: 'A', description: '', weight: 70 },
    { title: 'B', description: '', weight: 30 },
  ],
  rules: [{ kind: 'network-population', minimum: 60_000 }],
  templateId,
  ...over,
});

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoIdentities(database.db);
  await seedSmallRegistry(database.db);
  ownerId = await ensureOrganisation(database.db, {
    kind: 'ministry',
    name: 'Kommunal- og distriktsdepartementet',
    country: 'NO',
    municipalityCode: null,
  });
  programmeId = await createProgramme(
    database.db,
    ownerId,
    { name: 'Test', purpose: '', country: 'NO', languages: ['nb'], periodStart: '2026-01-01', periodEnd: '2027-12-31', contacts: [] },
    actor,
  );
  templateId = await createTemplate(database.db, ownerId, 'Mal', 'nb', form, actor);
});
afterAll(() => database.dispose());

describe('a call in the store', () => {
  it('round-trips its content, rounds and criteria', async () => {
    const id = await createCall(database.db, programmeId, content(), actor);
    const call = await findCall(database.db, id);
    expect(call).toMatchObject({ status: 'draft', version: 1, content: content() });
  });

  it("detects a concurrent edit by its version and keeps the first writer's change", async () => {
    const id = await createCall(database.db, programmeId, content(), actor);
    await saveDraft(database.db, id, 1, content({ title: 'Første' }), actor);
    const stale = await calls.saveCallDraft(database.db, id, 1, content({ title: 'Andre' }), actor);
    expect(stale).toMatchObject({ problem: { kind: 'versionConflict', record: 'call', baseVersion: 1, currentVersion: 2 } });
    expect((await contentAtVersion(database.db, id, 1))?.title).toBe('Nettverk 2027');
    expect((await findCall(database.db, id))?.content.title).toBe('Første');
  });

  it('refuses invalid content and a wrong transition, writing nothing', async () => {
    const id = await createCall(database.db, programmeId, content(), actor);
    expect(
      await calls.saveCallDraft(database.db, id, 1, content({ criteria: [{ title: 'A', description: '', weight: 10 }] }), actor),
    ).toMatchObject({ problem: { kind: 'invalidCall', problems: [{ code: 'weightsSum' }] } });
    expect(await calls.closeCall(database.db, id, 1, null, actor)).toMatchObject({
      problem: { kind: 'callIllegal', status: 'draft', action: 'close' },
    });
    expect((await findCall(database.db, id))?.version).toBe(1);
    expect(await contentAtVersion(database.db, id, 2)).toBeUndefined();
  });

  it('publishes a snapshot that later template edits do not change', async () => {
    const id = await createCall(database.db, programmeId, content(), actor);
    const published = await publish(database.db, id, 1, actor);
    expect(published.status).toBe('published');
    const template = (await findTemplate(database.db, templateId))!;
    const edited = {
      sections: [
        ...form.sections,
        { key: 'extra', title: 'Ekstra', parts: form.sections[0]!.parts.map((p) => ({ ...p, key: 'extra.text' })) },
      ],
    };
    await updateTemplate(database.db, templateId, template.version, edited, actor);
    const after = await findCall(database.db, id);
    expect(after?.status === 'published' && after.snapshot.form).toEqual(form);
    expect(after?.status === 'published' && after.snapshot.templateVersion).toBe(template.version);
    expect((await findTemplate(database.db, templateId))?.form.sections).toHaveLength(2);
    await updateTemplate(database.db, templateId, template.version + 1, form, actor);
  });

  it('keeps a visible change log of publication, amendments and closing, each audited', async () => {
    const id = await createCall(database.db, programmeId, content(), actor);
    const published = await publish(database.db, id, 1, actor);
    const amended = await amend(
      database.db,
      id,
      published.version,
      content({ title: 'Nettverk 2027 (fristen forlenget)' }),
      'Fristen er forlenget',
      actor,
    );
    await close(database.db, id, amended.version, 'Kvoten er fylt', actor);
    const log = await listChanges(database.db, id);
    expect(log.map((entry) => [entry.kind, entry.reason, entry.fields])).toEqual([
      ['published', null, []],
      ['amended', 'Fristen er forlenget', ['title']],
      ['closed', 'Kvoten er fylt', []],
    ]);
    const audit = await listAuditEvents(database.db, { recordType: 'call', recordId: id, limit: 10 });
    expect(audit.map((event) => event.action).reverse()).toEqual(['create', 'publish', 'amend', 'close']);
  });
});

describe('the eligibility check against the registry', () => {
  const rules = [{ kind: 'network-population' as const, minimum: 60_000 }];
  it('fails Skien alone with its population and year, and passes with Porsgrunn and Notodden', async () => {
    const alone = await checkNetwork(database.db, 'NO', rules, ['4003']);
    expect(alone.eligibility.results[0]).toMatchObject({
      outcome: 'fail',
      explanation: { params: { total: 55_900, year: String(FIXTURE_YEAR) } },
    });
    const network = await checkNetwork(database.db, 'NO', rules, ['4003', '4001', '4005', '4001']);
    expect(network.members.map((m) => m.name)).toEqual(['Skien', 'Porsgrunn', 'Notodden']);
    expect(network.eligibility.results[0]).toMatchObject({ outcome: 'pass', explanation: { params: { total: 106_500 } } });
  });
  it("reports codes that are not municipalities of the call's country", async () => {
    const result = await checkNetwork(database.db, 'NO', rules, ['4003', '9999', '607']);
    expect(result.unknownCodes).toEqual(['9999', '607']);
    const danish = await checkNetwork(database.db, 'DK', rules, ['607']);
    expect(danish.members[0]?.population).toEqual({ persons: 52_000, year: 2024 });
  });
});

describe('the demo programmes', () => {
  it('load once, and again without change', async () => {
    const now = new Date('2026-11-23T10:00:00Z');
    await seedDemoProgrammes(database.db, now);
    const first = await listPublicCalls(database.db);
    await seedDemoProgrammes(database.db, now);
    const second = await listPublicCalls(database.db);
    expect(second.map((c) => [c.id, c.version])).toEqual(first.map((c) => [c.id, c.version]));
    const titles = second.map((c) => c.content.title);
    expect(titles).toContain('Invitasjon til å delta i kommunalt omstillingsprogram');
    expect(titles).toContain('Invitation til nyt frikommuneforsøg');
    const frikommune = second.find((c) => c.content.language === 'da')!;
    expect(frikommune.status).toBe('closed');
    expect(frikommune.programme.ownerName).toBe('Økonomi- og Indenrigsministeriet');
    expect(frikommune.content.rounds.map((r) => r.closesAt)).toEqual(['2019-04-01T21:59:00.000Z', '2019-10-01T21:59:00.000Z']);
    expect(frikommune.content.themes).toHaveLength(6);
    const open = second.find((c) => c.content.title === 'Nettverk for bærekraftige tjenester 2027')!;
    expect(Date.parse(open.content.rounds[0]!.closesAt)).toBeGreaterThan(now.getTime() + 14 * 86_400_000);
    expect(open.status).toBe('published');
  });
});

describe('questions and answers and template versions in the store', () => {
  it('keeps the asker from the public, notes publication and edits in the change log, and refuses a stale version', async () => {
    const id = await createCall(database.db, programmeId, content(), actor);
    const call = await publish(database.db, id, 1, actor);
    const asked = await askQuestion(database.db, call.id, 'Kan vi søke alene?', { name: 'Ola Dahl', municipality: 'Skien kommune' }, actor);
    expect((await listQuestions(database.db, call.id))[0]).toMatchObject({ status: 'asked', askedByName: 'Ola Dahl', answer: '' });
    expect(
      await questions.changeCallQuestion(database.db, asked, 1, 'publish', { question: 'Kan vi søke alene?', answer: '' }, actor),
    ).toMatchObject({ problem: { kind: 'invalidQuestion' } });
    const published = await changeCallQuestion(
      database.db,
      asked,
      1,
      'publish',
      { question: 'Kan en kommune søke alene?', answer: 'Ja.' },
      actor,
    );
    expect(published).toMatchObject({ status: 'published', version: 2 });
    expect(await questions.changeCallQuestion(database.db, asked, 1, 'edit', { question: 'x', answer: 'y' }, actor)).toMatchObject({
      problem: { kind: 'versionConflict', record: 'question' },
    });
    await changeCallQuestion(
      database.db,
      asked,
      2,
      'edit',
      { question: 'Kan en kommune søke alene?', answer: 'Ja, med høyst fem i nettverk.' },
      actor,
    );
    await writeQuestion(database.db, call.id, { question: 'Når kommer svaret?', answer: 'I mars.' }, true, actor);
    await changeCallQuestion(
      database.db,
      asked,
      3,
      'unpublish',
      { question: 'Kan en kommune søke alene?', answer: 'Ja, med høyst fem i nettverk.' },
      actor,
    );
    const log = (await listChanges(database.db, call.id)).map((c) => [c.kind, c.reason]);
    expect(log).toEqual([
      ['published', null],
      ['qa-published', 'Kan en kommune søke alene?'],
      ['qa-updated', 'Kan en kommune søke alene?'],
      ['qa-published', 'Når kommer svaret?'],
      ['qa-unpublished', null],
    ]);
    expect(
      (await listAuditEvents(database.db, { recordType: 'call_question', recordId: asked, limit: 10 })).map((e) => e.action).sort(),
    ).toEqual(['ask', 'edit', 'publish', 'unpublish']);
    expect(
      await questions.askQuestion(
        database.db,
        await createCall(database.db, programmeId, content(), actor),
        'Utkast?',
        { name: 'Ola', municipality: null },
        actor,
      ),
    ).toMatchObject({ problem: { kind: 'callNotFound' } });
  });

  it('refuses a stale template save with the current template', async () => {
    const id = await createTemplate(database.db, ownerId, 'Versjoner', 'nb', form, actor);
    await updateTemplate(
      database.db,
      id,
      1,
      form,
      { user: { userId: '00000000-0000-0000-0000-000000000009', name: 'Ingrid Haugen' }, requestId: 'x' },
      { name: 'Versjoner 2', language: 'nn' },
    );
    const stale = await templates.updateTemplate(database.db, id, 1, form, actor);
    expect(stale).toMatchObject({
      problem: { kind: 'versionConflict', record: 'template', currentVersion: 2, changedByName: 'Ingrid Haugen' },
    });
    expect(await findTemplate(database.db, id)).toMatchObject({
      version: 2,
      name: 'Versjoner 2',
      language: 'nn',
      updatedByName: 'Ingrid Haugen',
    });
  });
});
