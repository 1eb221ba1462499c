/** Questions and answers on a call (plain data access). */
import type { Generated, Selectable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import { isUuid } from '../../platform/db/kit.js';
import type { CallQuestion, QuestionStatus } from '../questions.js';

interface QuestionTable {
  id: Generated<string>;
  call_id: string;
  status: QuestionStatus;
  question: string;
  answer: Generated<string>;
  asked_at: Generated<Date>;
  asked_by_name: string | null;
  asked_by_municipality: string | null;
  asked_by_user_id: string | null;
  published_at: Date | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    programme_call_questions: QuestionTable;
  }
}

function toQuestion(row: Selectable<QuestionTable>): CallQuestion {
  return {
    id: row.id,
    callId: row.call_id,
    status: row.status,
    question: row.question,
    answer: row.answer,
    askedAt: row.asked_at.toISOString(),
    askedByName: row.asked_by_name,
    askedByMunicipality: row.asked_by_municipality,
    publishedAt: row.published_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export interface NewQuestion {
  callId: string;
  status: QuestionStatus;
  question: string;
  answer?: string;
  /** The database clock when not given. */
  askedAt?: Date;
  askedByName: string | null;
  askedByMunicipality: string | null;
  askedByUserId?: string | null;
  publishedAt?: Date | null;
}

export async function insertQuestion(db: Queryable, entry: NewQuestion): Promise<string> {
  const row = await db
    .insertInto('programme_call_questions')
    .values({
      call_id: entry.callId,
      status: entry.status,
      question: entry.question,
      asked_by_name: entry.askedByName,
      asked_by_municipality: entry.askedByMunicipality,
      asked_by_user_id: entry.askedByUserId ?? null,
      ...(entry.answer !== undefined ? { answer: entry.answer } : {}),
      ...(entry.askedAt ? { asked_at: entry.askedAt, updated_at: entry.askedAt } : {}),
      published_at: entry.publishedAt ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateQuestion(db: Queryable, next: CallQuestion): Promise<void> {
  await db
    .updateTable('programme_call_questions')
    .set({
      status: next.status,
      question: next.question,
      answer: next.answer,
      published_at: next.publishedAt ? new Date(next.publishedAt) : null,
      updated_at: new Date(next.updatedAt),
      version: next.version,
    })
    .where('id', '=', next.id)
    .execute();
}

/** `lock` holds the row until the transaction ends. */
export async function findQuestion(db: Queryable, id: string, lock = false): Promise<CallQuestion | undefined> {
  if (!isUuid(id)) return undefined;
  let query = db.selectFrom('programme_call_questions').selectAll().where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toQuestion(row) : undefined;
}

/** Every entry of a call, oldest first (the owner's view; the public page filters). */
export async function listQuestions(db: Queryable, callId: string): Promise<CallQuestion[]> {
  const rows = await db
    .selectFrom('programme_call_questions')
    .selectAll()
    .where('call_id', '=', callId)
    .orderBy('asked_at')
    .orderBy('id')
    .execute();
  return rows.map(toQuestion);
}

/** The person who asked a question, to tell them of the answer. */
export async function findAsker(db: Queryable, id: string): Promise<{ userId: string; email: string | null } | undefined> {
  return db
    .selectFrom('programme_call_questions')
    .innerJoin('users', 'users.id', 'programme_call_questions.asked_by_user_id')
    .select(['users.id as userId', 'users.email as email'])
    .where('programme_call_questions.id', '=', id)
    .executeTakeFirst();
}
