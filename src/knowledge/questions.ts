/**
 * The competence centre's questions and answers: a municipal case worker asks, an adviser answers,
 * and with the asker's consent the question and answer are published without the asker's name.
 * The states are data; the checks are pure (no IO).
 */
import { refuse, type Refused } from '../platform/outcome.js';
import { defineWorkflow } from '../platform/workflow.js';
import { hasControlCharacters, isSector, isTheme, type Sector, type Theme } from './model.js';

export const questionWorkflow = defineWorkflow({
  states: {
    asked: {
      staff: { nb: 'Venter på svar', nn: 'Ventar på svar', da: 'Venter på svar', en: 'Awaiting an answer' },
      public: { nb: 'Venter på svar', nn: 'Ventar på svar', da: 'Venter på svar', en: 'Awaiting an answer' },
    },
    answered: {
      staff: { nb: 'Besvart', nn: 'Svara', da: 'Besvaret', en: 'Answered' },
      public: { nb: 'Besvart', nn: 'Svara', da: 'Besvaret', en: 'Answered' },
    },
    published: {
      staff: { nb: 'Publisert', nn: 'Publisert', da: 'Offentliggjort', en: 'Published' },
      public: { nb: 'Publisert', nn: 'Publisert', da: 'Offentliggjort', en: 'Published' },
    },
  },
  transitions: {
    /** The adviser answers; an answered question may be answered again (corrected) before it is published. */
    answer: { from: ['asked', 'answered'], to: 'answered' },
    publish: { from: ['answered'], to: 'published' },
  },
});

export type QuestionState = (typeof questionWorkflow.states)[number];
export type QuestionAction = (typeof questionWorkflow.actions)[number];

export const MAX_TITLE = 200;
export const MAX_TEXT = 10_000;

export interface QuestionDraft {
  title: string;
  question: string;
  sector: Sector | null;
  theme: Theme | null;
  mayPublish: boolean;
}

/** A wrong field, with the knowledge bank's message for it (`knowledge.problem.<problem>`). */
export type QuestionFormProblem = {
  field: 'title' | 'question' | 'sector' | 'theme';
  problem: 'titleMissing' | 'questionMissing' | 'tooLong' | 'badText' | 'badSector' | 'badTheme';
};

export type QuestionProblem =
  | { kind: 'questionNotFound' }
  | { kind: 'answerMissing' }
  | { kind: 'answerTooLong' }
  | { kind: 'badText' }
  | { kind: 'noConsent' }
  | { kind: 'wrongStage' }
  | { kind: 'caseNotFound' }
  | { kind: 'directoryEntryNotFound' };

function textProblem(field: 'title' | 'question', text: string, max: number): QuestionFormProblem | undefined {
  if (text === '') return { field, problem: field === 'title' ? 'titleMissing' : 'questionMissing' };
  if (text.length > max) return { field, problem: 'tooLong' };
  if (hasControlCharacters(text)) return { field, problem: 'badText' };
  return undefined;
}

/** The asker's form as a draft, or the first field that is wrong. */
export function readQuestionForm(fields: Record<string, string | string[]>): QuestionDraft | QuestionFormProblem {
  const one = (name: string) => {
    const value = fields[name];
    return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
  };
  const title = one('title');
  const question = one('question');
  const sector = one('sector');
  const theme = one('theme');
  const problem = textProblem('title', title, MAX_TITLE) ?? textProblem('question', question, MAX_TEXT);
  if (problem) return problem;
  if (sector !== '' && !isSector(sector)) return { field: 'sector', problem: 'badSector' };
  if (theme !== '' && !isTheme(theme)) return { field: 'theme', problem: 'badTheme' };
  return {
    title,
    question,
    sector: sector === '' ? null : sector,
    theme: theme === '' ? null : theme,
    mayPublish: one('mayPublish') === 'yes',
  };
}

/** Whether the adviser's answer can be given: text, within the limits. */
export function answerProblem(answer: string): Refused<QuestionProblem> | undefined {
  if (answer.trim() === '') return refuse({ kind: 'answerMissing' });
  if (answer.length > MAX_TEXT) return refuse({ kind: 'answerTooLong' });
  if (hasControlCharacters(answer)) return refuse({ kind: 'badText' });
  return undefined;
}

/** Whether a question may be published: answered, and the asker said it may be. */
export function publishProblem(question: { state: QuestionState; mayPublish: boolean }): Refused<QuestionProblem> | undefined {
  if (!question.mayPublish) return refuse({ kind: 'noConsent' });
  if (!questionWorkflow.can(question.state, 'publish')) return refuse({ kind: 'wrongStage' });
  return undefined;
}
