/**
 * The administrator's changes, one function each, in one transaction with its audit entry:
 * register an organisation, give a person a role in it, take a role away.
 */
import { recordAudit } from '../platform/audit/store.js';
import type { OrganisationRole } from '../platform/auth/model.js';
import { addPendingMembership, deletePendingMembership } from '../platform/auth/store.js';
import { isEmailAddress } from '../platform/http/input.js';
import type { Queryable, Tx } from '../platform/db/database.js';
import type { Actor } from '../platform/db/kit.js';
import { inTransaction, refuse, type Refused } from '../platform/outcome.js';
import { rolesOfKind, type NewOrganisation } from './model.js';
import { findPeopleByEmail } from '../platform/auth/store.js';
import { deleteMembership, findOrganisation, insertMembership, insertOrganisation, personName } from './store.js';

export type AdministrationProblem =
  | { kind: 'organisationExists' }
  | { kind: 'organisationNotFound' }
  | { kind: 'badEmail'; email: string }
  /** The address already has this role waiting for its first sign-in. */
  | { kind: 'alreadyPending'; email: string }
  | { kind: 'roleNotForKind' }
  | { kind: 'alreadyHolds'; name: string }
  | { kind: 'notHeld' };

type Outcome<T> = Promise<T | Refused<AdministrationProblem>>;

/** The organisation's history: what was done, to which role (its state), and the person or name it concerned (the reason). */
const audit = (trx: Tx, actor: Actor, recordId: string, action: string, reason: string, role?: OrganisationRole) =>
  recordAudit(trx, {
    actor: actor.user,
    requestId: actor.requestId,
    recordType: 'organisation',
    recordId,
    action,
    reason,
    ...(role ? { toState: role } : {}),
  });

export function registerOrganisation(db: Queryable, organisation: NewOrganisation, actor: Actor): Outcome<string> {
  return inTransaction(db, async (trx) => {
    const id = await insertOrganisation(trx, organisation);
    if (!id) return refuse<AdministrationProblem>({ kind: 'organisationExists' });
    await audit(trx, actor, id, 'create', organisation.name);
    return id;
  });
}

/** Who got the role: a person who has signed in, or an address that gets it at its first sign-in. */
export type Granted = { name: string } | { pendingEmail: string };

/**
 * Gives the person with this address a role the organisation's kind allows; a person who has not
 * signed in yet gets it at their first sign-in (as an employee, with that address).
 */
export function grantRole(db: Queryable, organisationId: string, email: string, role: OrganisationRole, actor: Actor): Outcome<Granted> {
  const address = email.trim();
  return inTransaction(db, async (trx) => {
    const organisation = await findOrganisation(trx, organisationId);
    if (!organisation) return refuse<AdministrationProblem>({ kind: 'organisationNotFound' });
    if (!rolesOfKind(organisation.kind).includes(role)) return refuse<AdministrationProblem>({ kind: 'roleNotForKind' });
    if (!isEmailAddress(address)) return refuse<AdministrationProblem>({ kind: 'badEmail', email: address });
    const [person] = await findPeopleByEmail(trx, address);
    if (!person) {
      if (!(await addPendingMembership(trx, { organisationId, email: address, role, grantedByName: actor.user?.name ?? null })))
        return refuse<AdministrationProblem>({ kind: 'alreadyPending', email: address });
      await audit(trx, actor, organisationId, 'grant-role-pending', address, role);
      return { pendingEmail: address };
    }
    if (!(await insertMembership(trx, person.id, organisationId, role)))
      return refuse<AdministrationProblem>({ kind: 'alreadyHolds', name: person.name });
    await audit(trx, actor, organisationId, 'grant-role', person.name, role);
    return { name: person.name };
  });
}

/** Takes back a role waiting for an address's first sign-in. */
export function cancelPendingRole(
  db: Queryable,
  organisationId: string,
  email: string,
  role: OrganisationRole,
  actor: Actor,
): Outcome<void> {
  return inTransaction(db, async (trx) => {
    if (!(await deletePendingMembership(trx, organisationId, email, role))) return refuse<AdministrationProblem>({ kind: 'notHeld' });
    await audit(trx, actor, organisationId, 'cancel-pending-role', email, role);
  });
}

export function revokeRole(db: Queryable, organisationId: string, userId: string, role: OrganisationRole, actor: Actor): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const name = await personName(trx, userId);
    if (!name || !(await deleteMembership(trx, userId, organisationId, role))) return refuse<AdministrationProblem>({ kind: 'notHeld' });
    await audit(trx, actor, organisationId, 'revoke-role', name, role);
  });
}
