/** The ideas box: ideas, their support and the receivers' comments (plain data access). */
import { sql, type Generated } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import { isUuid } from '../platform/db/kit.js';
import type { IdeaOutcomeLink, IdeaSearch, IdeaTheme, ReceiverKind } from './ideas.model.js';
import type { Country } from './model.js';
import type { IdeaState } from './workflows.js';

interface IdeaTable {
  id: Generated<string>;
  country: Country;
  receiver_kind: ReceiverKind;
  receiver_code: string;
  receiver_name: string;
  theme: IdeaTheme;
  title: string;
  description: string;
  anonymous: boolean;
  author_id: string;
  sent_from: string | null;
  same_key: string;
  state: Generated<IdeaState>;
  answer: string | null;
  outcome_url: string | null;
  outcome_title: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

interface IdeaSupportTable {
  idea_id: string;
  user_id: string;
  supported_at: Generated<Date>;
}

interface IdeaCommentTable {
  id: Generated<string>;
  idea_id: string;
  author_id: string;
  organisation_name: string;
  body: string;
  created_at: Generated<Date>;
}

declare module '../platform/db/schema.js' {
  interface Database {
    participation_ideas: IdeaTable;
    participation_idea_supports: IdeaSupportTable;
    participation_idea_comments: IdeaCommentTable;
  }
}

export interface StoredIdea {
  id: string;
  country: Country;
  receiverKind: ReceiverKind;
  receiverCode: string;
  receiverName: string;
  theme: IdeaTheme;
  title: string;
  description: string;
  anonymous: boolean;
  authorId: string;
  authorName: string;
  authorEmail: string | null;
  state: IdeaState;
  answer: string | null;
  outcomeUrl: string | null;
  outcomeTitle: string | null;
  createdAt: Date;
  version: number;
  supports: number;
}

const ideas = (db: Queryable) =>
  db
    .selectFrom('participation_ideas as i')
    .innerJoin('users as u', 'u.id', 'i.author_id')
    .select([
      'i.id',
      'i.country',
      'i.receiver_kind as receiverKind',
      'i.receiver_code as receiverCode',
      'i.receiver_name as receiverName',
      'i.theme',
      'i.title',
      'i.description',
      'i.anonymous',
      'i.author_id as authorId',
      'u.name as authorName',
      'u.email as authorEmail',
      'i.state',
      'i.answer',
      'i.outcome_url as outcomeUrl',
      'i.outcome_title as outcomeTitle',
      'i.created_at as createdAt',
      'i.version',
      sql<number>`(select count(*)::int from participation_idea_supports s where s.idea_id = i.id)`.as('supports'),
    ]);

export async function findIdea(db: Queryable, id: string): Promise<StoredIdea | undefined> {
  if (!isUuid(id)) return undefined;
  return ideas(db).where('i.id', '=', id).executeTakeFirst();
}

/** The idea locked for a change in this transaction. */
export async function lockIdea(db: Queryable, id: string): Promise<StoredIdea | undefined> {
  if (!isUuid(id)) return undefined;
  await db.selectFrom('participation_ideas').select('id').where('id', '=', id).forUpdate().execute();
  return findIdea(db, id);
}

export interface NewIdea {
  country: Country;
  receiverKind: ReceiverKind;
  receiverCode: string;
  receiverName: string;
  theme: IdeaTheme;
  title: string;
  description: string;
  anonymous: boolean;
  authorId: string;
  sentFrom: string | null;
  sameKey: string;
}

export async function insertIdea(db: Queryable, idea: NewIdea): Promise<string> {
  const row = await db
    .insertInto('participation_ideas')
    .values({
      country: idea.country,
      receiver_kind: idea.receiverKind,
      receiver_code: idea.receiverCode,
      receiver_name: idea.receiverName,
      theme: idea.theme,
      title: idea.title,
      description: idea.description,
      anonymous: idea.anonymous,
      author_id: idea.authorId,
      sent_from: idea.sentFrom,
      same_key: idea.sameKey,
      answer: null,
      outcome_url: null,
      outcome_title: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Ideas sent in the last day by this person, and from this network address (the limits against abuse). */
export async function ideasSentToday(
  db: Queryable,
  authorId: string,
  sentFrom: string | null,
): Promise<{ byPerson: number; byAddress: number }> {
  const row = await db
    .selectFrom('participation_ideas')
    .select([
      sql<number>`count(*) filter (where author_id = ${authorId})::int`.as('byPerson'),
      sql<number>`count(*) filter (where sent_from = ${sentFrom})::int`.as('byAddress'),
    ])
    .where('created_at', '>', sql<Date>`now() - interval '1 day'`)
    .where((eb) => eb.or([eb('author_id', '=', authorId), ...(sentFrom ? [eb('sent_from', '=', sentFrom)] : [])]))
    .executeTakeFirstOrThrow();
  return { byPerson: Number(row.byPerson), byAddress: Number(row.byAddress) };
}

/** Whether the person already sent this receiver an idea with the same title (and it was not refused). */
export async function hasSentSameIdea(db: Queryable, authorId: string, receiverKind: ReceiverKind, receiverCode: string, sameKey: string) {
  const row = await db
    .selectFrom('participation_ideas')
    .select('id')
    .where('author_id', '=', authorId)
    .where('receiver_kind', '=', receiverKind)
    .where('receiver_code', '=', receiverCode)
    .where('same_key', '=', sameKey)
    .where('state', '!=', 'refused')
    .executeTakeFirst();
  return row !== undefined;
}

export type IdeaChanges = Partial<Pick<IdeaTable, 'answer'>> & { outcome?: IdeaOutcomeLink };

/** Moves the idea from `from` to `to` if it is still there at `version`; whether it was. */
export async function moveIdea(
  db: Queryable,
  id: string,
  version: number,
  from: IdeaState,
  to: IdeaState,
  changes: IdeaChanges = {},
): Promise<boolean> {
  const { outcome, ...columns } = changes;
  const result = await db
    .updateTable('participation_ideas')
    .set({
      ...columns,
      ...(outcome ? { outcome_url: outcome.url, outcome_title: outcome.title } : {}),
      state: to,
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('state', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Supports once: false when the person's support already stands (the primary key decides, also at the same instant). */
export async function insertSupport(db: Queryable, ideaId: string, userId: string): Promise<boolean> {
  const row = await db
    .insertInto('participation_idea_supports')
    .values({ idea_id: ideaId, user_id: userId })
    .onConflict((oc) => oc.columns(['idea_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function hasSupported(db: Queryable, ideaId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('participation_idea_supports')
    .select('user_id')
    .where('idea_id', '=', ideaId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface IdeaComment {
  organisationName: string;
  authorName: string;
  body: string;
  createdAt: Date;
}

/** Adds the receiver's comment; how many comments the idea has now. */
export async function insertComment(
  db: Queryable,
  ideaId: string,
  authorId: string,
  organisationName: string,
  body: string,
): Promise<number> {
  await db
    .insertInto('participation_idea_comments')
    .values({ idea_id: ideaId, author_id: authorId, organisation_name: organisationName, body })
    .execute();
  const row = await db
    .selectFrom('participation_idea_comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('idea_id', '=', ideaId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listComments(db: Queryable, ideaId: string): Promise<IdeaComment[]> {
  return db
    .selectFrom('participation_idea_comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.organisation_name as organisationName', 'u.name as authorName', 'c.body', 'c.created_at as createdAt'])
    .where('c.idea_id', '=', ideaId)
    .orderBy('c.created_at')
    .execute();
}

/**
 * The query's words in the idea's own language and the other (a Danish idea is stemmed as Danish),
 * and unstemmed, as the knowledge bank searches: any configuration may match.
 */
const matches = (q: string) =>
  sql<boolean>`i.search @@ (websearch_to_tsquery('norwegian', ${q}) || websearch_to_tsquery('danish', ${q}) || websearch_to_tsquery('simple', ${q}))`;

export interface IdeaFilter extends IdeaSearch {
  states: readonly IdeaState[];
  /** Only the ideas to these receivers (the ones a person handles). */
  receivers?: readonly { kind: ReceiverKind; code: string }[];
  authorId?: string;
}

export const IDEA_PAGE_SIZE = 100;

export async function listIdeas(db: Queryable, filter: IdeaFilter): Promise<StoredIdea[]> {
  const states = filter.state ? filter.states.filter((s) => s === filter.state) : filter.states;
  if (states.length === 0) return [];
  let query = ideas(db).where('i.state', 'in', states);
  const { receiver, receivers, theme, authorId } = filter;
  if (receiver) query = query.where('i.receiver_kind', '=', receiver.kind).where('i.receiver_code', '=', receiver.code);
  if (receivers) {
    if (receivers.length === 0) return [];
    query = query.where((eb) =>
      eb.or(receivers.map((r) => eb.and([eb('i.receiver_kind', '=', r.kind), eb('i.receiver_code', '=', r.code)]))),
    );
  }
  if (theme) query = query.where('i.theme', '=', theme);
  if (authorId) query = query.where('i.author_id', '=', authorId);
  const q = filter.q?.trim();
  if (q) query = query.where(matches(q));
  return query.orderBy('i.created_at', 'desc').limit(IDEA_PAGE_SIZE).execute();
}

/** Published ideas to the same receiver that share words with this one: the moderator's candidates for a duplicate. */
export async function ideaLookAlikes(db: Queryable, idea: Pick<StoredIdea, 'id' | 'receiverKind' | 'receiverCode' | 'title'>, limit = 5) {
  const query = sql`nullif(replace(plainto_tsquery('norwegian', ${idea.title})::text, '&', '|'), '')::tsquery`;
  return db
    .selectFrom('participation_ideas as i')
    .select(['i.id', 'i.title'])
    .where('i.id', '!=', idea.id)
    .where('i.receiver_kind', '=', idea.receiverKind)
    .where('i.receiver_code', '=', idea.receiverCode)
    .where('i.state', 'in', ['received', 'considering', 'taken_up', 'not_taken_up'])
    .where(sql<boolean>`i.search @@ ${query}`)
    .orderBy(sql`ts_rank(i.search, ${query})`, 'desc')
    .limit(limit)
    .execute();
}

export interface Ministry {
  id: string;
  name: string;
  country: Country;
}

/** The ministries ideas can go to: the platform's ministry organisations. */
export async function listMinistries(db: Queryable): Promise<Ministry[]> {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'country'])
    .where('kind', '=', 'ministry')
    .orderBy('name')
    .execute() as Promise<Ministry[]>;
}

export async function findMinistry(db: Queryable, id: string): Promise<Ministry | undefined> {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'country'])
    .where('kind', '=', 'ministry')
    .where('id', '=', id)
    .executeTakeFirst() as Promise<Ministry | undefined>;
}
