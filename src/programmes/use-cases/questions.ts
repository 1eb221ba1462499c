/** Questions and answers on a call: asked by a case worker, written, answered, published or kept back by the owner. */
import type { Queryable } from '../../platform/db/database.js';
import type { Actor } from '../../platform/db/kit.js';
import { inTransaction, refuse, versionConflict, type Refused } from '../../platform/outcome.js';
import type { ProgrammeProblem } from '../problems.js';
import {
  changeQuestion,
  textProblems,
  type CallQuestion,
  type QuestionAction,
  type QuestionLogKind,
  type QuestionStatus,
} from '../questions.js';
import { findCall, insertChange } from '../store/calls.js';
import { findAsker, findQuestion, insertQuestion, updateQuestion } from '../store/questions.js';
import { isLocale } from '../../platform/i18n/index.js';
import type { JobQueue } from '../../platform/jobs/queue.js';
import { notify } from '../../platform/notifications/notify.js';
import { audit, clock } from './kit.js';

/** The public change log's note; an entry taken down is noted without its text. */
function logQuestion(trx: Queryable, callId: string, kind: QuestionLogKind, question: string, at: Date, actor: Actor) {
  return insertChange(trx, callId, {
    at,
    kind,
    reason: kind === 'qa-unpublished' ? null : question,
    fields: [],
    actorName: actor.user?.name ?? null,
  });
}

/** A case worker's question to the owner of a published call; stored unanswered, never public as asked. */
export async function askQuestion(
  db: Queryable,
  callId: string,
  question: string,
  asker: { name: string; municipality: string | null },
  actor: Actor,
): Promise<string | Refused<ProgrammeProblem>> {
  const problems = textProblems(question, '', false);
  if (problems.length > 0) return refuse({ kind: 'invalidQuestion', problems });
  return inTransaction(db, async (trx) => {
    const call = await findCall(trx, callId);
    if (call?.status !== 'published') return refuse<ProgrammeProblem>({ kind: 'callNotFound' });
    const id = await insertQuestion(trx, {
      callId,
      status: 'asked',
      question: question.trim(),
      askedByName: asker.name,
      askedByMunicipality: asker.municipality,
      askedByUserId: actor.user?.userId ?? null,
    });
    await audit(trx, {
      actor: actor.user,
      recordType: 'call_question',
      recordId: id,
      action: 'ask',
      toState: 'asked',
      requestId: actor.requestId,
    });
    return id;
  });
}

/** The owner's own entry, published at once (and noted in the change log) or kept unpublished. */
export async function writeQuestion(
  db: Queryable,
  callId: string,
  texts: { question: string; answer: string },
  publishNow: boolean,
  actor: Actor,
): Promise<string | Refused<ProgrammeProblem>> {
  const problems = textProblems(texts.question, texts.answer, publishNow);
  if (problems.length > 0) return refuse({ kind: 'invalidQuestion', problems });
  return inTransaction(db, async (trx) => {
    const call = await findCall(trx, callId);
    if (!call || call.status === 'draft') return refuse<ProgrammeProblem>({ kind: 'callNotFound' });
    const now = await clock(trx, actor);
    const status: QuestionStatus = publishNow ? 'published' : 'unpublished';
    const question = texts.question.trim();
    const id = await insertQuestion(trx, {
      callId,
      status,
      question,
      answer: texts.answer.trim(),
      askedAt: now,
      askedByName: null,
      askedByMunicipality: null,
      publishedAt: publishNow ? now : null,
    });
    if (publishNow) await logQuestion(trx, callId, 'qa-published', question, now, actor);
    await audit(trx, {
      actor: actor.user,
      recordType: 'call_question',
      recordId: id,
      action: 'create',
      toState: status,
      requestId: actor.requestId,
    });
    return id;
  });
}

/** Edits an entry and publishes, unpublishes or keeps its state, with a version check. */
export async function changeCallQuestion(
  db: Queryable,
  id: string,
  expectedVersion: number,
  action: QuestionAction,
  texts: { question: string; answer: string },
  actor: Actor,
  effects: { jobs?: Pick<JobQueue, 'enqueue'> } = {},
): Promise<CallQuestion | Refused<ProgrammeProblem>> {
  return inTransaction(db, async (trx) => {
    const current = await findQuestion(trx, id, true);
    if (!current) return refuse<ProgrammeProblem>({ kind: 'questionNotFound' });
    if (current.version !== expectedVersion)
      return refuse<ProgrammeProblem>({ ...versionConflict(current.version, expectedVersion), record: 'question' });
    const now = await clock(trx, actor);
    const result = changeQuestion(current, action, texts, now);
    if (!result.ok) {
      if (result.problems.some((p) => p.code === 'illegal'))
        return refuse<ProgrammeProblem>({ kind: 'questionIllegal', status: current.status });
      return refuse<ProgrammeProblem>({ kind: 'invalidQuestion', problems: result.problems });
    }
    const next = result.question;
    await updateQuestion(trx, next);
    if (result.log) await logQuestion(trx, current.callId, result.log, next.question, now, actor);
    await audit(trx, {
      actor: actor.user,
      recordType: 'call_question',
      recordId: id,
      action,
      fromState: current.status,
      toState: next.status,
      requestId: actor.requestId,
    });
    if (current.answer === '' && next.answer !== '') await tellAsker(trx, effects, next);
    return next;
  });
}

/** The asker hears once, when their question first gets an answer, whether or not it is published yet. */
async function tellAsker(trx: Queryable, { jobs }: { jobs?: Pick<JobQueue, 'enqueue'> }, question: CallQuestion): Promise<void> {
  const asker = jobs ? await findAsker(trx, question.id) : undefined;
  const call = asker ? await findCall(trx, question.callId) : undefined;
  if (!jobs || !asker || !call) return;
  const locale = isLocale(call.content.language) ? call.content.language : 'nb';
  await notify(trx, jobs, {
    occasion: `question-answered:${question.id}`,
    recipients: [asker],
    locale,
    subject: 'programmes.mail.answered.subject',
    body: question.status === 'published' ? 'programmes.mail.answered.published' : 'programmes.mail.answered.body',
    params: { call: call.content.title, question: question.question, answer: question.answer },
    link: `/utlysninger/${call.id}`,
  });
}
