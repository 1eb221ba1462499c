/**
 * What case workers do with a benchmarking network, one function each, in one transaction with its
 * version check and audit entry: start a network, invite a municipality, answer an invitation,
 * define a figure of the network's own, enter a member's value for a year.
 */
import { recordAudit } from '../platform/audit/store.js';
import { saveFile } from '../platform/files/store.js';
import type { UploadedFile } from '../platform/http/input.js';
import type { MessageKey } from '../platform/i18n/catalogue.js';
import { formatInstant } from '../platform/i18n/index.js';
import type { JobQueue } from '../platform/jobs/queue.js';
import { notify } from '../platform/notifications/notify.js';
import type { Principal } from '../platform/auth/model.js';
import type { Queryable, Tx } from '../platform/db/database.js';
import type { Actor } from '../platform/db/kit.js';
import { inTransaction, isRefused, refuse, versionConflict, type Refused, type VersionConflict } from '../platform/outcome.js';
import { MAX_MEMBERS, networkTimeZone, type ActionDraft, type MeetingDraft, type OwnFigureDraft } from './model.js';
import type { ScenarioDraft } from './scenarios.js';
import type { CooperationDraft } from './cooperations.js';
import {
  bumpNetwork,
  findAction,
  findMember,
  findOwnFigure,
  insertAction,
  insertMember,
  insertNetwork,
  insertOwnFigure,
  insertScenario,
  findCooperation,
  findMeeting,
  insertMeeting,
  insertMeetingFile,
  memberContacts,
  updateMeeting,
  writeSummary,
  type StoredMeeting,
  updateCooperation,
  findScenario,
  updateScenario,
  listMembers,
  lockNetwork,
  moveAction,
  moveMember,
  writeOwnValue,
  type StoredNetwork,
} from './store.js';
import { actionWorkflow, membershipWorkflow, type ActionStep, type MembershipAction } from './workflows.js';

export type NetworkProblem =
  | { kind: 'networkNotFound' }
  | { kind: 'noMunicipality' }
  | { kind: 'notCoordinator' }
  | { kind: 'notMember' }
  | { kind: 'otherCountry' }
  | { kind: 'full'; max: number }
  | { kind: 'alreadyInvited' }
  | { kind: 'notInvited' }
  | { kind: 'duplicateFigure' }
  | { kind: 'figureNotFound' }
  | { kind: 'actionNotFound' }
  | { kind: 'notOwnAction' }
  | { kind: 'illegalStep' }
  | { kind: 'scenarioNotFound' }
  | { kind: 'notScenarioOwner' }
  | { kind: 'cooperationNotFound' }
  | { kind: 'notCooperationMember' }
  | { kind: 'meetingNotFound' }
  | VersionConflict;

type Outcome<T> = Promise<T | Refused<NetworkProblem>>;

/** A municipality as the use cases need it: its number, name and country. */
export interface Municipality {
  readonly code: string;
  readonly name: string;
  readonly country: 'NO' | 'DK';
}

/** The municipality a case worker works for (the first, when several). */
export function ownMunicipalityCode(person: Pick<Principal, 'memberships'>): string | undefined {
  return person.memberships.find((m) => m.role === 'case_worker' && m.organisationKind === 'municipality' && m.municipalityCode)
    ?.municipalityCode as string | undefined;
}

const audit = (
  trx: Tx,
  actor: Actor,
  recordType: 'network' | 'network_member' | 'network_action' | 'network_meeting' | 'structure_scenario' | 'cooperation',
  id: string,
  action: string,
  from?: string,
  to?: string,
) =>
  recordAudit(trx, {
    actor: actor.user,
    requestId: actor.requestId,
    recordType,
    recordId: id,
    action,
    fromState: from ?? null,
    toState: to ?? null,
    reason: null,
  });

/** A case worker starts a network; their municipality coordinates it and is its first member, with them as its contact. */
export function startNetwork(db: Queryable, person: Principal, own: Municipality, name: string, actor: Actor): Outcome<string> {
  return inTransaction(db, async (trx) => {
    if (ownMunicipalityCode(person) !== own.code) return refuse<NetworkProblem>({ kind: 'noMunicipality' });
    const id = await insertNetwork(trx, { country: own.country, name, coordinatorCode: own.code, createdBy: person.userId });
    await insertMember(trx, {
      networkId: id,
      code: own.code,
      name: own.name,
      state: 'member',
      contactName: person.name,
      contactUserId: person.userId,
    });
    await audit(trx, actor, 'network', id, 'create');
    return id;
  });
}

async function lockedAt(trx: Tx, networkId: string, version?: number): Promise<StoredNetwork | Refused<NetworkProblem>> {
  const network = await lockNetwork(trx, networkId);
  if (!network) return refuse({ kind: 'networkNotFound' });
  if (version !== undefined && network.version !== version) return refuse(versionConflict(network.version, version));
  return network;
}

/** The coordinator invites a municipality of the same country, while the network has fewer than eight members and invitations. */
export function inviteMunicipality(
  db: Queryable,
  person: Principal,
  networkId: string,
  version: number,
  invited: Municipality,
  actor: Actor,
): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const network = await lockedAt(trx, networkId, version);
    if (isRefused(network)) return network;
    if (ownMunicipalityCode(person) !== network.coordinatorCode) return refuse<NetworkProblem>({ kind: 'notCoordinator' });
    if (invited.country !== network.country) return refuse<NetworkProblem>({ kind: 'otherCountry' });
    const members = await listMembers(trx, networkId);
    const existing = members.find((m) => m.code === invited.code);
    if (existing && membershipWorkflow.isIn('counted', existing.state)) return refuse<NetworkProblem>({ kind: 'alreadyInvited' });
    if (members.filter((m) => membershipWorkflow.isIn('counted', m.state)).length >= MAX_MEMBERS)
      return refuse<NetworkProblem>({ kind: 'full', max: MAX_MEMBERS });
    if (existing) {
      const step = membershipWorkflow.apply(existing.state, 'reinvite');
      if (isRefused(step) || !(await moveMember(trx, networkId, invited.code, { ...step, version: existing.version })))
        return refuse(versionConflict(existing.version + 1, existing.version));
    } else await insertMember(trx, { networkId, code: invited.code, name: invited.name, state: 'invited' });
    await bumpNetwork(trx, networkId, network.version);
    await audit(trx, actor, 'network_member', `${networkId}/${invited.code}`, 'invite', existing?.state, 'invited');
    return undefined;
  });
}

/** A case worker of an invited municipality accepts (becoming its contact) or declines. */
export function answerInvitation(
  db: Queryable,
  person: Principal,
  networkId: string,
  answer: Extract<MembershipAction, 'accept' | 'decline'>,
  actor: Actor,
): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const network = await lockedAt(trx, networkId);
    if (isRefused(network)) return network;
    const code = ownMunicipalityCode(person);
    const member = code ? await findMember(trx, networkId, code) : undefined;
    if (!code || !member) return refuse<NetworkProblem>({ kind: 'notInvited' });
    const step = membershipWorkflow.apply(member.state, answer);
    if (isRefused(step)) return refuse<NetworkProblem>({ kind: 'notInvited' });
    const contact = answer === 'accept' ? { contactName: person.name, contactUserId: person.userId } : {};
    if (!(await moveMember(trx, networkId, code, { ...step, version: member.version, ...contact })))
      return refuse(versionConflict(member.version + 1, member.version));
    await bumpNetwork(trx, networkId, network.version);
    await audit(trx, actor, 'network_member', `${networkId}/${code}`, answer, step.from, step.to);
    return undefined;
  });
}

/** Whether the person's municipality is a member of the network (what lets them see it and enter figures). */
export async function isMemberOf(db: Queryable, person: Pick<Principal, 'memberships'>, networkId: string): Promise<boolean> {
  const code = ownMunicipalityCode(person);
  const member = code ? await findMember(db, networkId, code) : undefined;
  return member !== undefined && membershipWorkflow.isIn('member', member.state);
}

/** Any member defines a figure of the network's own: name, unit and definition, once per name. */
export function defineOwnFigure(db: Queryable, person: Principal, networkId: string, draft: OwnFigureDraft, actor: Actor): Outcome<string> {
  return inTransaction(db, async (trx) => {
    const network = await lockedAt(trx, networkId);
    if (isRefused(network)) return network;
    if (!(await isMemberOf(trx, person, networkId))) return refuse<NetworkProblem>({ kind: 'notMember' });
    const id = await insertOwnFigure(trx, { networkId, ...draft, createdBy: person.userId });
    if (!id) return refuse<NetworkProblem>({ kind: 'duplicateFigure' });
    await audit(trx, actor, 'network', networkId, 'define-figure');
    return id;
  });
}

/**
 * A member enters its own municipality's value of a figure for a year, from the version it saw
 * (0 when there was none): a value changed by a colleague in between is refused, not overwritten.
 */
export function enterOwnValue(
  db: Queryable,
  person: Principal,
  entry: { figureId: string; year: number; value: number; version: number },
  actor: Actor,
): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const figure = await findOwnFigure(trx, entry.figureId);
    if (!figure) return refuse<NetworkProblem>({ kind: 'figureNotFound' });
    const code = ownMunicipalityCode(person);
    if (!code || !(await isMemberOf(trx, person, figure.networkId))) return refuse<NetworkProblem>({ kind: 'notMember' });
    const written = await writeOwnValue(trx, { ...entry, code, userId: person.userId, userName: person.name });
    if (!written) return refuse(versionConflict(entry.version + 1, entry.version));
    await audit(trx, actor, 'network', figure.networkId, 'enter-value');
    return undefined;
  });
}

/**
 * A member records what it will change and the figure it should move; the figure's value when
 * recorded is kept, so the network's page can show the movement since.
 */
export function recordAction(
  db: Queryable,
  person: Principal,
  networkId: string,
  draft: ActionDraft & { figureRef: string; baseline: { year: number; value: number } | undefined },
  actor: Actor,
): Outcome<string> {
  return inTransaction(db, async (trx) => {
    const network = await lockedAt(trx, networkId);
    if (isRefused(network)) return network;
    const code = ownMunicipalityCode(person);
    if (!code || !(await isMemberOf(trx, person, networkId))) return refuse<NetworkProblem>({ kind: 'notMember' });
    const id = await insertAction(trx, {
      networkId,
      code,
      action: draft.action,
      figureRef: draft.figureRef,
      owner: draft.owner,
      due: draft.due,
      baselineYear: draft.baseline?.year ?? null,
      baselineValue: draft.baseline?.value ?? null,
      createdBy: person.userId,
    });
    await audit(trx, actor, 'network_action', id, 'create', undefined, 'planned');
    return id;
  });
}

/** A case worker of the member that recorded the action moves its status, from the version they saw. */
export function moveActionStatus(
  db: Queryable,
  person: Principal,
  actionId: string,
  step: ActionStep,
  version: number,
  actor: Actor,
): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const action = await findAction(trx, actionId);
    if (!action) return refuse<NetworkProblem>({ kind: 'actionNotFound' });
    if (ownMunicipalityCode(person) !== action.code || !(await isMemberOf(trx, person, action.networkId)))
      return refuse<NetworkProblem>({ kind: 'notOwnAction' });
    if (action.version !== version) return refuse(versionConflict(action.version, version));
    const moved = actionWorkflow.apply(action.state, step);
    if (isRefused(moved)) return refuse<NetworkProblem>({ kind: 'illegalStep' });
    if (!(await moveAction(trx, actionId, { ...moved, version }))) return refuse(versionConflict(version + 1, version));
    await audit(trx, actor, 'network_action', actionId, step, moved.from, moved.to);
    return undefined;
  });
}

/** Anyone signed in saves a municipal-structure scenario as theirs; anyone with its link may read it. */
export function saveScenario(
  db: Queryable,
  person: Principal,
  scenario: ScenarioDraft & { country: 'NO' | 'DK' },
  actor: Actor,
): Outcome<string> {
  return inTransaction(db, async (trx) => {
    const id = await insertScenario(trx, { ...scenario, ownerId: person.userId });
    await audit(trx, actor, 'structure_scenario', id, 'create');
    return id;
  });
}

/** Its owner renames a scenario or changes its members, from the version they saw. */
export function changeScenario(
  db: Queryable,
  person: Principal,
  id: string,
  version: number,
  scenario: ScenarioDraft & { country: 'NO' | 'DK' },
  actor: Actor,
): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const stored = await findScenario(trx, id);
    if (!stored) return refuse<NetworkProblem>({ kind: 'scenarioNotFound' });
    if (stored.ownerId !== person.userId) return refuse<NetworkProblem>({ kind: 'notScenarioOwner' });
    if (stored.version !== version || !(await updateScenario(trx, id, version, scenario)))
      return refuse(versionConflict(stored.version, version));
    await audit(trx, actor, 'structure_scenario', id, 'update');
    return undefined;
  });
}

/** A case worker of one of its members changes a cooperation in the registry, from the version they saw. */
export function changeCooperation(
  db: Queryable,
  person: Principal,
  id: string,
  version: number,
  draft: CooperationDraft,
  actor: Actor,
): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const stored = await findCooperation(trx, id);
    if (!stored) return refuse<NetworkProblem>({ kind: 'cooperationNotFound' });
    const own = ownMunicipalityCode(person);
    if (!own || !stored.members.some((m) => m.code === own)) return refuse<NetworkProblem>({ kind: 'notCooperationMember' });
    if (stored.version !== version || !(await updateCooperation(trx, id, version, draft)))
      return refuse(versionConflict(stored.version, version));
    await audit(trx, actor, 'cooperation', id, 'update');
    return undefined;
  });
}

/** What a use case may set off beyond its transaction: the notices to members. */
export interface Effects {
  readonly jobs?: Pick<JobQueue, 'enqueue'>;
}

/** The network at the version the coordinator saw, locked, when the person works for its coordinating municipality. */
async function asCoordinator(trx: Tx, person: Principal, networkId: string, version?: number) {
  const network = await lockedAt(trx, networkId, version);
  if (isRefused(network)) return network;
  if (ownMunicipalityCode(person) !== network.coordinatorCode || !(await isMemberOf(trx, person, networkId)))
    return refuse<NetworkProblem>({ kind: 'notCoordinator' });
  return network;
}

/** Tells the members' contacts about a meeting, in the network's language, with a link to the meeting's page. */
async function tellMembers(
  trx: Tx,
  effects: Effects,
  network: StoredNetwork,
  meeting: Pick<StoredMeeting, 'id' | 'title' | 'startsAt' | 'place'>,
  what: { occasion: string; subject: MessageKey; body: MessageKey },
) {
  if (!effects.jobs) return;
  const locale = network.country === 'DK' ? 'da' : 'nb';
  await notify(trx, effects.jobs, {
    occasion: what.occasion,
    recipients: await memberContacts(trx, network.id),
    locale,
    subject: what.subject,
    body: what.body,
    params: {
      network: network.name,
      title: meeting.title,
      time: formatInstant(locale, meeting.startsAt, networkTimeZone(network.country)),
      place: meeting.place,
    },
    link: `/nettverk/${network.id}/moter/${meeting.id}`,
  });
}

/** The coordinator plans a meeting, from the network's version they saw; the members are told. */
export function planMeeting(
  db: Queryable,
  person: Principal,
  networkId: string,
  version: number,
  draft: MeetingDraft,
  actor: Actor,
  effects: Effects = {},
): Outcome<string> {
  return inTransaction(db, async (trx) => {
    const network = await asCoordinator(trx, person, networkId, version);
    if (isRefused(network)) return network;
    const id = await insertMeeting(trx, { networkId, ...draft, createdBy: person.userId });
    await bumpNetwork(trx, networkId, version);
    await audit(trx, actor, 'network_meeting', id, 'create');
    await tellMembers(
      trx,
      effects,
      network,
      { id, ...draft },
      {
        occasion: `network-meeting-planned:${id}`,
        subject: 'networks.meeting.mail.plannedSubject',
        body: 'networks.meeting.mail.plannedBody',
      },
    );
    return id;
  });
}

/** The meeting of the network at the version the coordinator saw. */
async function meetingAt(trx: Tx, networkId: string, meetingId: string, version: number) {
  const meeting = await findMeeting(trx, networkId, meetingId);
  if (!meeting) return refuse<NetworkProblem>({ kind: 'meetingNotFound' });
  if (meeting.version !== version) return refuse(versionConflict(meeting.version, version));
  return meeting;
}

/**
 * The coordinator changes a meeting (its time, place and agenda) or writes its notes, from the
 * version they saw; new or changed notes are sent to the members.
 */
export function changeMeeting(
  db: Queryable,
  person: Principal,
  ids: { networkId: string; meetingId: string },
  version: number,
  change: { draft: MeetingDraft } | { notes: string },
  actor: Actor,
  effects: Effects = {},
): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const network = await asCoordinator(trx, person, ids.networkId);
    if (isRefused(network)) return network;
    const meeting = await meetingAt(trx, ids.networkId, ids.meetingId, version);
    if (isRefused(meeting)) return meeting;
    if (!(await updateMeeting(trx, meeting.id, version, 'draft' in change ? change.draft : change))) {
      return refuse(versionConflict(version + 1, version));
    }
    if ('draft' in change) {
      await audit(trx, actor, 'network_meeting', meeting.id, 'edit');
      return undefined;
    }
    await audit(trx, actor, 'network_meeting', meeting.id, 'write-notes');
    await tellMembers(trx, effects, network, meeting, {
      occasion: `network-meeting-notes:${meeting.id}:${version + 1}`,
      subject: 'networks.meeting.mail.notesSubject',
      body: 'networks.meeting.mail.notesBody',
    });
    return undefined;
  });
}

/** The coordinator adds a file (minutes, a presentation) to a meeting, from the version they saw. */
export function addMeetingFile(
  db: Queryable,
  person: Principal,
  ids: { networkId: string; meetingId: string },
  version: number,
  file: UploadedFile,
  actor: Actor,
): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const network = await asCoordinator(trx, person, ids.networkId);
    if (isRefused(network)) return network;
    const meeting = await meetingAt(trx, ids.networkId, ids.meetingId, version);
    if (isRefused(meeting)) return meeting;
    if (!(await updateMeeting(trx, meeting.id, version, {}))) return refuse(versionConflict(version + 1, version));
    const fileId = await saveFile(trx, { ...file, uploadedBy: person.userId });
    await insertMeetingFile(trx, { meetingId: meeting.id, fileId, name: file.name });
    await audit(trx, actor, 'network_meeting', meeting.id, 'add-file');
    return undefined;
  });
}

/** The coordinator publishes the network's summary for everyone (text), or withdraws it (null), from the version they saw. */
export function publishSummary(
  db: Queryable,
  person: Principal,
  networkId: string,
  version: number,
  summary: string | null,
  actor: Actor,
): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const network = await asCoordinator(trx, person, networkId, version);
    if (isRefused(network)) return network;
    if (!(await writeSummary(trx, networkId, version, summary))) return refuse(versionConflict(version + 1, version));
    await audit(trx, actor, 'network', networkId, summary === null ? 'unpublish' : 'publish');
    return undefined;
  });
}
