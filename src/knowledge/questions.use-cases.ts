/**
 * The competence centre's questions and answers, one function per change, each in one transaction
 * with its audit entry: a case worker asks, an adviser answers (the asker is told by mail) and,
 * with the asker's consent, publishes the question and answer without the asker's name.
 */
import { recordAudit } from '../platform/audit/store.js';
import type { Queryable, Tx } from '../platform/db/database.js';
import type { Actor } from '../platform/db/kit.js';
import type { Locale } from '../platform/i18n/index.js';
import type { JobQueue } from '../platform/jobs/queue.js';
import { notify } from '../platform/notifications/notify.js';
import { inTransaction, isRefused, orThrow, refuse, versionConflict, type Refused, type VersionConflict } from '../platform/outcome.js';
import {
  answerProblem,
  publishProblem,
  questionWorkflow,
  type QuestionAction,
  type QuestionDraft,
  type QuestionProblem,
} from './questions.js';
import {
  addQuestionWords,
  findAskerAddress,
  findQuestion,
  insertQuestion,
  updateQuestion,
  type StoredQuestion,
} from './questions.store.js';
import { findCaseBySlug } from './store.js';
import { findEntryBySlug } from './directory.store.js';

export type QuestionRefusal = QuestionProblem | VersionConflict;
type Outcome<T> = Promise<T | Refused<QuestionRefusal>>;
/** The adviser's answer: the text, the bank's cases and the directory's actors and schemes it refers to. */
type Answer = { text: string; caseSlugs: readonly string[]; directorySlugs?: readonly string[] };

/** A municipal case worker asks the centre a question, for their organisation. */
export function askQuestion(
  db: Queryable,
  draft: QuestionDraft,
  asker: { organisationName: string; locale: Locale },
  actor: Actor & { user: { userId: string; name: string } },
): Promise<string> {
  const asked = inTransaction<string, never>(db, async (trx) => {
    const id = await insertQuestion(trx, {
      ...draft,
      ...asker,
      askedByUserId: actor.user.userId,
      askedByName: actor.user.name,
    });
    await recordAudit(trx, {
      actor: actor.user,
      requestId: actor.requestId,
      recordType: 'knowledge_question',
      recordId: id,
      action: 'ask',
      toState: 'asked',
    });
    return id;
  });
  return asked.then(orThrow);
}

async function move(
  trx: Tx,
  question: StoredQuestion,
  baseVersion: number,
  action: QuestionAction,
  actor: Actor,
  answer?: Answer,
): Promise<Refused<QuestionRefusal> | undefined> {
  if (question.version !== baseVersion) return refuse(versionConflict(question.version, baseVersion));
  const moved = questionWorkflow.apply(question.state, action);
  if (isRefused(moved)) return refuse({ kind: 'wrongStage' });
  const change = answer
    ? {
        state: moved.to,
        answer: answer.text,
        caseSlugs: answer.caseSlugs,
        directorySlugs: answer.directorySlugs ?? [],
        answeredByName: actor.user?.name ?? null,
      }
    : { state: moved.to };
  if (!(await updateQuestion(trx, question.id, baseVersion, change))) return refuse(versionConflict(baseVersion + 1, baseVersion));
  await recordAudit(trx, {
    actor: actor.user,
    requestId: actor.requestId,
    recordType: 'knowledge_question',
    recordId: question.id,
    action: moved.action,
    fromState: moved.from,
    toState: moved.to,
  });
  return undefined;
}

/** An adviser answers an open (or corrects an answered) question, linking cases of the bank; the asker is told. */
export function answerQuestion(
  db: Queryable,
  id: string,
  baseVersion: number,
  answer: Answer,
  actor: Actor,
  effects: { jobs?: Pick<JobQueue, 'enqueue'> } = {},
): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const question = await findQuestion(trx, id, true);
    if (!question) return refuse<QuestionRefusal>({ kind: 'questionNotFound' });
    const problem = answerProblem(answer.text);
    if (problem) return problem;
    const slugs = [...new Set(answer.caseSlugs)];
    for (const slug of slugs) if (!(await findCaseBySlug(trx, slug))) return refuse<QuestionRefusal>({ kind: 'caseNotFound' });
    const entries = [...new Set(answer.directorySlugs ?? [])];
    for (const slug of entries) if (!(await findEntryBySlug(trx, slug))) return refuse<QuestionRefusal>({ kind: 'directoryEntryNotFound' });
    const moved = await move(trx, question, baseVersion, 'answer', actor, {
      text: answer.text.trim(),
      caseSlugs: slugs,
      directorySlugs: entries,
    });
    if (moved) return moved;
    const asker = await findAskerAddress(trx, question.askedByUserId);
    if (effects.jobs && asker)
      await notify(trx, effects.jobs, {
        occasion: `knowledge-question-answered:${question.id}:${baseVersion + 1}`,
        recipients: [asker],
        locale: question.locale,
        subject: 'knowledge.q.mail.subject',
        body: 'knowledge.q.mail.body',
        params: { title: question.title },
        link: '/kunnskapsbank/sporsmal/mine',
      });
  });
}

/** An adviser publishes an answered question without the asker's name; refused without the asker's consent. */
export function publishQuestion(db: Queryable, id: string, baseVersion: number, actor: Actor): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const question = await findQuestion(trx, id, true);
    if (!question) return refuse<QuestionRefusal>({ kind: 'questionNotFound' });
    if (question.version !== baseVersion) return refuse(versionConflict(question.version, baseVersion));
    const problem = publishProblem(question);
    if (problem) return problem;
    const moved = await move(trx, question, baseVersion, 'publish', actor);
    if (!moved) await addQuestionWords(trx, question.id);
    return moved;
  });
}
