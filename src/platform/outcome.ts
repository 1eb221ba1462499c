/**
 * The one failure model of the product. A use case returns what it did, or `Refused<Problem>`
 * naming why it would not; each capability keeps one table from its problems to an HTTP status and
 * a translated message (`defineProblems`), applied by its routes in one place. Exceptions are left
 * for broken invariants.
 */
import type { DB, Queryable, Tx } from './db/database.js';
import type { PageContext } from './ui/context.js';

/** An expected refusal: nothing was written. */
export class Refused<P> {
  constructor(readonly problem: P) {}
}

export const refuse = <P>(problem: P): Refused<P> => new Refused(problem);

export function isRefused<T, P>(outcome: T | Refused<P>): outcome is Refused<P> {
  return outcome instanceof Refused;
}

/** The outcome of a use case that must not be refused (demo data, test set-up): a refusal there is a broken invariant. */
export function orThrow<T, P>(outcome: T | Refused<P>): T {
  if (isRefused(outcome)) throw new Error(`refused: ${JSON.stringify(outcome.problem).slice(0, 200)}`);
  return outcome;
}

/** The record changed since the version the person started from. */
export interface VersionConflict {
  kind: 'versionConflict';
  currentVersion: number;
  baseVersion: number;
  /** Who made the change the person has not seen, when known. */
  changedByName: string | null;
}

export const versionConflict = (currentVersion: number, baseVersion: number, changedByName: string | null = null): VersionConflict => ({
  kind: 'versionConflict',
  currentVersion,
  baseVersion,
  changedByName,
});

class Rollback<P> extends Error {
  constructor(readonly refused: Refused<P>) {
    super('refused: rolled back');
  }
}

/**
 * Runs a use case's writes in one transaction: a refusal returned from `work` rolls back whatever
 * was written before it, and is returned as it was. Inside an open transaction `work` joins it,
 * and the caller, which gets the refusal back, decides.
 */
export async function inTransaction<T, P>(db: Queryable, work: (trx: Tx) => Promise<T | Refused<P>>): Promise<T | Refused<P>> {
  if (db.isTransaction) return work(db as Tx);
  try {
    return await (db as DB).transaction().execute(async (trx) => {
      const outcome = await work(trx);
      if (isRefused(outcome)) throw new Rollback(outcome);
      return outcome;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.refused as Refused<P>;
    throw error;
  }
}

export type RefusalStatus = 400 | 403 | 404 | 409 | 410 | 413 | 422 | 429;

/** How a problem reads to a person, and which HTTP status it answers with. */
export interface Explained {
  status: RefusalStatus;
  message: string;
  /** The form field the message is about, when there is one (the error summary links to it). */
  field?: string;
}

type Kinded = { kind: string };
type Explanation<P> = { status: RefusalStatus; field?: string; message: (ctx: PageContext, problem: P) => string };

/** One row per problem kind: the type checker refuses a table that misses one. */
export type ProblemTable<P extends Kinded> = { [K in P['kind']]: Explanation<Extract<P, { kind: K }>> };

/** A capability's table from its problems to statuses and messages, as one function. */
export function defineProblems<P extends Kinded>(table: ProblemTable<P>): (ctx: PageContext, problem: P) => Explained {
  return (ctx, problem) => {
    const row = table[problem.kind as P['kind']] as Explanation<P>;
    return { status: row.status, message: row.message(ctx, problem), ...(row.field ? { field: row.field } : {}) };
  };
}
