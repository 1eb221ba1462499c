/**
 * Questions and answers on a call. A case worker may ask the owner (the asker is shown to the owner
 * only); the owner answers and publishes, or writes an entry directly. Published entries are public
 * and anonymous. Pure: no IO.
 */

import { isRefused } from '../platform/outcome.js';
import { questionWorkflow, type QuestionStatus } from './workflows.js';

export type { QuestionStatus } from './workflows.js';
/** Publishing and keeping back move the entry (see `questionWorkflow`); editing its texts is allowed in every state. */
export type QuestionAction = 'edit' | (typeof questionWorkflow.actions)[number];

export interface CallQuestion {
  id: string;
  callId: string;
  status: QuestionStatus;
  question: string;
  answer: string;
  askedAt: string;
  /** Shown to the owner only; null when the owner wrote the entry. */
  askedByName: string | null;
  askedByMunicipality: string | null;
  publishedAt: string | null;
  updatedAt: string;
  version: number;
}

export interface QuestionProblem {
  field: 'question' | 'answer' | 'status';
  code: 'required' | 'tooLong' | 'illegal';
  params?: Record<string, string | number>;
}

export const QUESTION_MAX = 4000;
export const ANSWER_MAX = 20_000;

export function textProblems(question: string, answer: string, needsAnswer: boolean): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  if (question.trim() === '') problems.push({ field: 'question', code: 'required' });
  if (question.length > QUESTION_MAX) problems.push({ field: 'question', code: 'tooLong', params: { max: QUESTION_MAX } });
  if (needsAnswer && answer.trim() === '') problems.push({ field: 'answer', code: 'required' });
  if (answer.length > ANSWER_MAX) problems.push({ field: 'answer', code: 'tooLong', params: { max: ANSWER_MAX } });
  return problems;
}

/** The public log's note for a change, or none (an unanswered question never reaches the public). */
export type QuestionLogKind = 'qa-published' | 'qa-updated' | 'qa-unpublished';

export type QuestionChange = { ok: true; question: CallQuestion; log: QuestionLogKind | null } | { ok: false; problems: QuestionProblem[] };

/**
 * Edits the texts and optionally moves the entry: `publish` needs an answer, `unpublish` hides it.
 * Editing a published entry notes an update in the public log.
 */
export function changeQuestion(
  current: CallQuestion,
  action: QuestionAction,
  texts: { question: string; answer: string },
  at: Date,
): QuestionChange {
  const move = action === 'edit' ? undefined : questionWorkflow.apply(current.status, action);
  if (isRefused(move)) return { ok: false, problems: [{ field: 'status', code: 'illegal', params: { status: current.status } }] };
  const status: QuestionStatus = move?.to ?? current.status;
  const problems = textProblems(texts.question, texts.answer, status === 'published');
  if (problems.length > 0) return { ok: false, problems };
  const changedText = texts.question.trim() !== current.question || texts.answer.trim() !== current.answer;
  const log: QuestionLogKind | null =
    action === 'publish'
      ? 'qa-published'
      : action === 'unpublish'
        ? current.status === 'published'
          ? 'qa-unpublished'
          : null
        : status === 'published' && changedText
          ? 'qa-updated'
          : null;
  return {
    ok: true,
    log,
    question: {
      ...current,
      status,
      question: texts.question.trim(),
      answer: texts.answer.trim(),
      publishedAt: action === 'publish' ? (current.publishedAt ?? at.toISOString()) : current.publishedAt,
      updatedAt: at.toISOString(),
      version: current.version + 1,
    },
  };
}

/** Published entries in the order they were first published. */
export function publicQuestions(questions: readonly CallQuestion[]): CallQuestion[] {
  return questions
    .filter((q) => q.status === 'published')
    .sort((a, b) => Date.parse(a.publishedAt!) - Date.parse(b.publishedAt!) || a.id.localeCompare(b.id));
}
