/**
 * @deprecated The store's former throwing API, kept for the capabilities that still call it (demo
 * data and tests of assessment and applications) until they take `Refused<ProgrammeProblem>` from
 * the use cases. Remove once nothing imports it.
 */
import type { Queryable } from '../platform/db/database.js';
import type { Actor } from '../platform/db/kit.js';
import type { FormDefinition } from './form.js';
import type { CallContent } from './model.js';
import { amendCall, closeCall, createCall as createCallOutcome, publishCall } from './use-cases/calls.js';
import { done } from './use-cases/done.js';
import { grantExtension as grantExtensionOutcome, revokeExtension as revokeExtensionOutcome, type GrantExtension } from './use-cases/extensions.js';
import { updateTemplate as updateTemplateOutcome } from './use-cases/templates.js';

export { ExtensionRefused } from './use-cases/done.js';

export const createCall = async (db: Queryable, programmeId: string, content: CallContent, actor: Actor, seedKey: string | null = null) => done(await createCallOutcome(db, programmeId, content, actor, seedKey));
export const publish = async (db: Queryable, callId: string, version: number, actor: Actor) => done(await publishCall(db, callId, version, actor));
export const amend = async (db: Queryable, callId: string, version: number, content: CallContent, reason: string, actor: Actor) => done(await amendCall(db, callId, version, content, reason, actor));
export const close = async (db: Queryable, callId: string, version: number, reason: string | null, actor: Actor) => done(await closeCall(db, callId, version, reason, actor));
export const grantExtension = async (db: Queryable, callId: string, request: GrantExtension, actor: Actor) => done(await grantExtensionOutcome(db, callId, request, actor));
export const revokeExtension = async (db: Queryable, id: string, version: number, reason: string, actor: Actor) => {
  done(await revokeExtensionOutcome(db, id, version, reason, actor));
};
export const updateTemplate = async (db: Queryable, id: string, version: number, form: FormDefinition, actor: Actor, details?: { name: string; language: string }) =>
  done(await updateTemplateOutcome(db, id, version, form, actor, details));
