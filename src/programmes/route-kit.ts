/** What the programmes' routes files share: schemas, who may manage, and the one way a refusal becomes a page. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../platform/auth/model.js';
import { idParams as uuidParams } from '../platform/http/input.js';
import type { Queryable } from '../platform/db/database.js';
import { HttpProblem, notFound } from '../platform/http/problems.js';
import type { FieldError } from '../platform/ui/components.js';
import { canManage } from './model.js';
import { explainProblem, problemErrors, type ProgrammeProblem } from './problems.js';
import { findCall, type StoredCall } from './store/calls.js';

export const idParams = uuidParams('id');
export const formBody = {
  type: 'object',
  additionalProperties: {
    anyOf: [
      { type: 'string', maxLength: 20_000 },
      { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 200 } },
    ],
  },
};
export const OWNER = access.roles('programme_owner', 'admin');

/** A text field of a parsed urlencoded body, or '' (repeated fields and absent ones alike). */
export const textOf = (values: Record<string, unknown>, key: string) => (typeof values[key] === 'string' ? (values[key] as string) : '');

/**
 * A use case's refusal as a page: the status from the problem table, and the page `again` draws
 * with the field errors the problem names (renamed by `where` to the fields of that page).
 */
export function refused(
  reply: FastifyReply,
  problem: ProgrammeProblem,
  again: (errors: FieldError[], status: number) => unknown,
  where?: (field: string) => string,
) {
  const ctx = reply.pageContext();
  return again(problemErrors(ctx, problem, where), explainProblem(ctx, problem).status);
}

/** The call of the route's `:id`, for those who manage it: 404 when there is none, 403 for others. */
export async function managedCall(db: Queryable, request: FastifyRequest): Promise<StoredCall> {
  const { id } = request.params as { id: string };
  const call = await findCall(db, id);
  if (!call) throw notFound();
  if (!canManage(request.principal, call.programme.ownerOrganisationId)) throw new HttpProblem(403);
  return call;
}
