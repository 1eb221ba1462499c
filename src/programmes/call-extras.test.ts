import { describe, expect, it } from 'vitest';
import { applicableDeadline, extensionState, grantProblems, reliesOnExtension, revokeProblem } from './extensions.js';
import { OMSTILLING_FORM } from './demo.js';
import { changeQuestion, publicQuestions, type CallQuestion } from './questions.js';
import { applyEditorOp, definitionFromEditor, editorFromDefinition, readEditor, type EditorValues } from './template-form.js';

const closes = '2027-01-15T11:00:00.000Z';
const at = (iso: string) => new Date(iso);

describe('late-submission exceptions', () => {
  it('must lie after the ordinary deadline and in the future, with a reason', () => {
    expect(
      grantProblems({ roundIndex: 0, until: at('2027-01-15T10:00:00Z'), reason: '' }, closes, at('2027-01-10T00:00:00Z')).map(
        (p) => p.code,
      ),
    ).toEqual(['untilBeforeDeadline', 'required']);
    expect(
      grantProblems({ roundIndex: 0, until: at('2027-01-20T10:00:00Z'), reason: 'Sykdom' }, closes, at('2027-01-21T00:00:00Z')).map(
        (p) => p.code,
      ),
    ).toEqual(['untilPast']);
    expect(
      grantProblems({ roundIndex: 3, until: at('2027-01-20T10:00:00Z'), reason: 'Sykdom' }, undefined, at('2027-01-10T00:00:00Z')).map(
        (p) => p.code,
      ),
    ).toEqual(['noSuchRound']);
    expect(
      grantProblems({ roundIndex: 0, until: at('2027-01-20T10:00:00Z'), reason: 'Sykdom' }, closes, at('2027-01-16T00:00:00Z')),
    ).toEqual([]);
  });

  it('moves the deadline only later, and only while unrevoked', () => {
    const ordinary = at(closes);
    const extension = { until: '2027-01-20T10:00:00.000Z', revokedAt: null };
    expect(applicableDeadline(ordinary, extension).toISOString()).toBe('2027-01-20T10:00:00.000Z');
    expect(applicableDeadline(ordinary, { ...extension, revokedAt: '2027-01-16T00:00:00.000Z' })).toBe(ordinary);
    expect(applicableDeadline(ordinary, { ...extension, until: '2027-01-01T00:00:00.000Z' })).toBe(ordinary);
    expect(applicableDeadline(ordinary, undefined)).toBe(ordinary);
    expect(reliesOnExtension(ordinary, at('2027-01-15T11:00:01Z'))).toBe(true);
    expect(reliesOnExtension(ordinary, at('2027-01-15T10:59:59Z'))).toBe(false);
  });

  it('is revocable until used, and names its state', () => {
    const base = { until: '2027-01-20T10:00:00.000Z', revokedAt: null, usedAt: null };
    expect(revokeProblem(base)).toBeUndefined();
    expect(revokeProblem({ ...base, usedAt: '2027-01-16T00:00:00.000Z' })?.code).toBe('used');
    expect(revokeProblem({ ...base, revokedAt: '2027-01-16T00:00:00.000Z' })?.code).toBe('revoked');
    expect(extensionState(base, at('2027-01-16T00:00:00Z'))).toBe('active');
    expect(extensionState({ ...base, usedAt: '2027-01-16T00:00:00.000Z' }, at('2027-01-17T00:00:00Z'))).toBe('used');
    expect(extensionState(base, at('2027-01-20T10:00:00Z'))).toBe('expired');
  });
});

describe('questions and answers', () => {
  const asked: CallQuestion = {
    id: 'a',
    callId: 'c',
    status: 'asked',
    question: 'Kan fylket søke?',
    answer: '',
    askedAt: '2026-12-01T10:00:00.000Z',
    askedByName: 'Ola',
    askedByMunicipality: 'Skien',
    publishedAt: null,
    updatedAt: '2026-12-01T10:00:00.000Z',
    version: 1,
  };

  it('publishes only with an answer, noting it in the public log', () => {
    const refused = changeQuestion(asked, 'publish', { question: asked.question, answer: ' ' }, at('2026-12-02T10:00:00Z'));
    expect(refused).toEqual({ ok: false, problems: [{ field: 'answer', code: 'required' }] });
    const published = changeQuestion(
      asked,
      'publish',
      { question: 'Kan et fylke søke?', answer: 'Nei, bare kommuner.' },
      at('2026-12-02T10:00:00Z'),
    );
    expect(published.ok && published.question).toMatchObject({
      status: 'published',
      publishedAt: '2026-12-02T10:00:00.000Z',
      version: 2,
      question: 'Kan et fylke søke?',
    });
    expect(published.ok && published.log).toBe('qa-published');
  });

  it('notes edits of published entries and unpublishing, never an unanswered question', () => {
    const published = { ...asked, status: 'published' as const, answer: 'Nei.', publishedAt: '2026-12-02T10:00:00.000Z' };
    const edited = changeQuestion(
      published,
      'edit',
      { question: published.question, answer: 'Nei, bare kommuner.' },
      at('2026-12-03T10:00:00Z'),
    );
    expect(edited.ok && edited.log).toBe('qa-updated');
    expect(edited.ok && edited.question.publishedAt).toBe('2026-12-02T10:00:00.000Z');
    const same = changeQuestion(published, 'edit', { question: published.question, answer: 'Nei.' }, at('2026-12-03T10:00:00Z'));
    expect(same.ok && same.log).toBeNull();
    const hidden = changeQuestion(
      published,
      'unpublish',
      { question: published.question, answer: published.answer },
      at('2026-12-03T10:00:00Z'),
    );
    expect(hidden.ok && hidden.log).toBe('qa-unpublished');
    const dismissed = changeQuestion(asked, 'unpublish', { question: asked.question, answer: '' }, at('2026-12-03T10:00:00Z'));
    expect(dismissed.ok && dismissed.log).toBeNull();
    expect(changeQuestion(published, 'publish', { question: 'x', answer: 'y' }, at('2026-12-03T10:00:00Z')).ok).toBe(false);
  });

  it('lists published entries in the order they were first published', () => {
    const one = { ...asked, id: '1', status: 'published' as const, publishedAt: '2026-12-05T10:00:00.000Z' };
    const two = { ...asked, id: '2', status: 'published' as const, publishedAt: '2026-12-02T10:00:00.000Z' };
    expect(publicQuestions([one, asked, two]).map((q) => q.id)).toEqual(['2', '1']);
  });
});

describe('the template editor', () => {
  const fields = (values: EditorValues) => values;

  it('round-trips a stored definition without change', () => {
    const { form, problems } = definitionFromEditor(editorFromDefinition(OMSTILLING_FORM));
    expect(problems).toEqual([]);
    expect(form).toEqual(OMSTILLING_FORM);
  });

  it('adds, moves and removes sections and parts by buttons, keeping what was typed', () => {
    let editor = readEditor(
      fields({
        's0-key': 'vision',
        's0-title': 'Visjon',
        's0-guidance': '',
        's0-p0-key': 'vision.text',
        's0-p0-kind': 'text',
        's0-p0-label': 'Visjon',
        's0-p0-maxWords': 'mange',
      }),
    );
    editor = applyEditorOp(editor, 'add-part:0', { 's0-newKind': 'attachment' });
    expect(editor[0]!.parts.map((p) => p.kind)).toEqual(['text', 'attachment']);
    expect(editor[0]!.parts[1]!.allowedTypes).toEqual(['application/pdf']);
    editor = applyEditorOp(editor, 'up-part:0:1', {});
    expect(editor[0]!.parts.map((p) => p.kind)).toEqual(['attachment', 'text']);
    expect(editor[0]!.parts[1]!.fields.maxWords).toBe('mange');
    editor = applyEditorOp(editor, 'add-section', {});
    editor = applyEditorOp(editor, 'up-section:1', {});
    expect(editor.map((s) => s.key)).toEqual(['section1', 'vision']);
    editor = applyEditorOp(editor, 'remove-section:0', {});
    editor = applyEditorOp(editor, 'remove-part:0:0', {});
    expect(editor).toHaveLength(1);
    expect(editor[0]!.parts.map((p) => p.key)).toEqual(['vision.text']);
    expect(applyEditorOp(editor, 'add-part:0', { 's0-newKind': 'nonsense' })).toBe(editor);
  });

  it('ties every problem to its field', () => {
    const editor = readEditor(
      fields({
        's0-key': 'a',
        's0-title': '',
        's0-p0-key': 'a.text',
        's0-p0-kind': 'text',
        's0-p0-label': 'Tekst',
        's0-p0-maxWords': '10',
        's0-p0-minWords': '20',
        's0-p1-key': 'a.table',
        's0-p1-kind': 'table',
        's0-p1-label': 'Tabell',
        's0-p1-columns': 'Målgruppe; text\nVerdi; money',
        's0-p2-key': 'a.choice',
        's0-p2-kind': 'choice',
        's0-p2-label': '',
        's0-p2-options': '',
        's0-p3-key': 'a.file',
        's0-p3-kind': 'attachment',
        's0-p3-label': 'Vedlegg',
        's0-p3-maxMegabytes': 'ti',
      }),
    );
    const { problems } = definitionFromEditor(editor);
    expect(problems.map((p) => `${p.field}:${p.code}`).sort()).toEqual(
      [
        's0-p0-maxWords:badLimit',
        's0-p1-columns:badColumn',
        's0-p2-label:required',
        's0-p2-options:noOptions',
        's0-p3-maxMegabytes:notANumber',
        's0-title:required',
      ].sort(),
    );
  });
});
