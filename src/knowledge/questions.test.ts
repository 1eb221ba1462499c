import { describe, expect, it } from 'vitest';
import { isRefused } from '../platform/outcome.js';
import { answerProblem, publishProblem, questionWorkflow, readQuestionForm, type QuestionAction, type QuestionState } from './questions.js';

describe('the question workflow, every state × action', () => {
  const expected: Record<QuestionState, Partial<Record<QuestionAction, QuestionState>>> = {
    asked: { answer: 'answered' },
    answered: { answer: 'answered', publish: 'published' },
    published: {},
  };
  for (const state of questionWorkflow.states)
    for (const action of questionWorkflow.actions)
      it(`${state} × ${action} → ${expected[state][action] ?? 'refused'}`, () => {
        const move = questionWorkflow.apply(state, action);
        if (expected[state][action]) expect(move).toEqual({ from: state, to: expected[state][action], action });
        else expect(isRefused(move)).toBe(true);
      });
});

describe("the asker's form", () => {
  const good = {
    title: ' Velferdsteknologi ',
    question: 'Hvem har prøvd trygghetsalarmer?',
    sector: 'health_care',
    theme: '',
    mayPublish: 'yes',
  };
  it('gives a trimmed draft with the consent', () => {
    expect(readQuestionForm(good)).toEqual({
      title: 'Velferdsteknologi',
      question: 'Hvem har prøvd trygghetsalarmer?',
      sector: 'health_care',
      theme: null,
      mayPublish: true,
    });
    expect(readQuestionForm({ ...good, mayPublish: '' })).toMatchObject({ mayPublish: false });
  });
  it('names the first wrong field', () => {
    expect(readQuestionForm({ ...good, title: ' ' })).toEqual({ field: 'title', problem: 'titleMissing' });
    expect(readQuestionForm({ ...good, question: '' })).toEqual({ field: 'question', problem: 'questionMissing' });
    expect(readQuestionForm({ ...good, title: 'x'.repeat(201) })).toEqual({ field: 'title', problem: 'tooLong' });
    expect(readQuestionForm({ ...good, question: 'a\u0007b' })).toEqual({ field: 'question', problem: 'badText' });
    expect(readQuestionForm({ ...good, sector: 'zzz' })).toEqual({ field: 'sector', problem: 'badSector' });
    expect(readQuestionForm({ ...good, theme: 'zzz' })).toEqual({ field: 'theme', problem: 'badTheme' });
  });
});

describe('answering and publishing', () => {
  it('needs an answer of storable text within the limit', () => {
    expect(answerProblem('Se Vågå.')).toBeUndefined();
    expect(answerProblem('  ')?.problem).toEqual({ kind: 'answerMissing' });
    expect(answerProblem('x'.repeat(10_001))?.problem).toEqual({ kind: 'answerTooLong' });
    expect(answerProblem('a\u0000')?.problem).toEqual({ kind: 'badText' });
  });
  it("publishes only an answered question, and only with the asker's consent", () => {
    expect(publishProblem({ state: 'answered', mayPublish: true })).toBeUndefined();
    expect(publishProblem({ state: 'answered', mayPublish: false })?.problem).toEqual({ kind: 'noConsent' });
    expect(publishProblem({ state: 'asked', mayPublish: true })?.problem).toEqual({ kind: 'wrongStage' });
    expect(publishProblem({ state: 'published', mayPublish: true })?.problem).toEqual({ kind: 'wrongStage' });
  });
});
