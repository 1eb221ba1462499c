/**
 * What citizens and case workers do with an initiative, one function each, in one transaction with
 * its version check, its audit entry and its mail: draft, confirm as co-initiator, send for
 * moderation, publish or refuse, sign and withdraw a signature, hand in.
 */
import { recordAudit } from '../platform/audit/store.js';
import { saveFile, type NewFile } from '../platform/files/store.js';
import type { Membership } from '../platform/auth/model.js';
import type { Queryable, Tx } from '../platform/db/database.js';
import { databaseNow, type Actor } from '../platform/db/kit.js';
import type { MessageKey } from '../platform/i18n/catalogue.js';
import type { JobQueue } from '../platform/jobs/queue.js';
import { notify } from '../platform/notifications/notify.js';
import { inTransaction, isRefused, orThrow, refuse, type Refused, type VersionConflict, versionConflict } from '../platform/outcome.js';
import { countyRecipients, municipalityRecipients } from '../platform/auth/store.js';
import { translate } from '../platform/ui/translate.js';
import {
  answersFor,
  DRAFTS_PER_ADDRESS_PER_DAY,
  DRAFTS_PER_DAY,
  decisionDeadline,
  INITIATIVE_FILE_LIMITS,
  sameTextKey,
  dueReminders,
  type InitiativeDraft,
  type LocalRule,
  type RefusalReason,
  type Treatment,
} from './model.js';
import {
  addInitiativeFile,
  confirmCoInitiator,
  draftsStartedToday,
  findInitiativeForSignature,
  forgetSignersOfClosed,
  insertInitiative,
  insertSignature,
  insertSignatureOfResident,
  listAwaitingCouncil,
  listCoInitiators,
  listInitiativeFiles,
  lockInitiative,
  openTitlesOf,
  moveInitiative,
  removeInitiativeFile,
  replaceCoInitiators,
  saveLocalRule,
  touchInitiative,
  updateInitiativeText,
  userEmail,
  withdrawSignature,
  type InitiativeMove,
  type StoredInitiative,
} from './store.js';
import { type Area, draftingOpen, findMunicipalityArea, homeAreas, thresholdFor } from './thresholds.js';
import { receiverWords } from './receiver.js';
import { initiativeWorkflow, type InitiativeAction, type InitiativeState } from './workflows.js';

export type ParticipationProblem =
  | { kind: 'initiativeNotFound' }
  /** Only a resident signed in with ID-porten, whose home municipality is known, may draft or sign. */
  | { kind: 'notResident' }
  /** Danish law gives no right to citizens' initiatives, and the municipality has not switched them on. */
  | { kind: 'notStatutory' }
  /** Danish regions own no citizens' initiatives: there are none at county level in Denmark. */
  | { kind: 'noDanishCounty' }
  | { kind: 'notInitiator' }
  | { kind: 'notModerator' }
  | { kind: 'notAsked' }
  | { kind: 'coInitiatorsPending' }
  | { kind: 'illegalTransition'; state: InitiativeState; action: InitiativeAction }
  | VersionConflict
  | { kind: 'notOpen' }
  | { kind: 'alreadySigned' }
  | { kind: 'notSigned' }
  | { kind: 'thresholdNotReached'; signatures: number; threshold: number }
  | { kind: 'tooManyDrafts'; max: number }
  | { kind: 'tooManyDraftsFromAddress'; max: number }
  /** The person already has an initiative with this title for this area in play. */
  | { kind: 'sameDraft' }
  | { kind: 'tooManyFiles'; max: number }
  | { kind: 'fileNotFound' };

type Outcome<T> = Promise<T | Refused<ParticipationProblem>>;

/** A signed-in person as the use cases need them. */
export interface Person {
  userId: string;
  name: string;
  homeMunicipalityCode: string | null;
  memberships: readonly Membership[];
  /** From the sign-in, when the identity provider gave a birth date (kept with a signature). */
  birthYear?: number | null;
}

/** A file as uploaded: who uploads it is the person attaching it. */
export type NewFileOf = Omit<NewFile, 'uploadedBy'>;

export interface Effects {
  jobs?: Pick<JobQueue, 'enqueue'>;
}

const audit = (trx: Tx, actor: Actor, id: string, action: string, from: string | null, to: string | null, reason?: string) =>
  recordAudit(trx, {
    actor: actor.user,
    requestId: actor.requestId,
    recordType: 'initiative',
    recordId: id,
    action,
    fromState: from,
    toState: to,
    reason: reason ?? null,
  });

/** The initiative locked, at the version the person started from. */
async function locked(trx: Tx, id: string, version?: number): Promise<StoredInitiative | Refused<ParticipationProblem>> {
  const initiative = await lockInitiative(trx, id);
  if (!initiative) return refuse({ kind: 'initiativeNotFound' });
  if (version !== undefined && initiative.version !== version) return refuse(versionConflict(initiative.version, version));
  return initiative;
}

/** The municipality or county an initiative is for, as the thresholds know it. */
const areaOf = (initiative: StoredInitiative): Area => ({
  country: initiative.country,
  kind: initiative.scope,
  code: initiative.areaCode,
  name: initiative.areaName,
});

/** Moves the initiative by the workflow's table, audited. */
async function move(
  trx: Tx,
  initiative: StoredInitiative,
  action: InitiativeAction,
  actor: Actor,
  changes: Parameters<typeof moveInitiative>[5] = {},
  reason?: string,
): Promise<InitiativeState | Refused<ParticipationProblem>> {
  const step = initiativeWorkflow.apply(initiative.state, action);
  if (isRefused(step)) return refuse({ kind: 'illegalTransition', state: initiative.state, action });
  if (!(await moveInitiative(trx, initiative.id, initiative.version, step.from, step.to, changes)))
    return refuse(versionConflict(initiative.version + 1, initiative.version));
  await audit(trx, actor, initiative.id, action, step.from, step.to, reason);
  return step.to;
}

/** The case workers of the municipality, or of the county authority (fylkeskommune), the initiative is for. */
export const moderates = (person: Pick<Person, 'memberships'>, initiative: Pick<StoredInitiative, 'scope' | 'areaCode'>): boolean =>
  answersFor(person.memberships, { scope: initiative.scope, code: initiative.areaCode });

/** Whether the person lives in the initiative's municipality or county. */
async function residentOf(db: Queryable, person: Person, initiative: Pick<StoredInitiative, 'scope' | 'areaCode' | 'country'>) {
  // A municipality's resident carries its code (four digits in Norway, three in Denmark, so never the same); only a county needs the registry.
  if (initiative.scope === 'municipality') return person.homeMunicipalityCode === initiative.areaCode;
  const home = await homeAreas(db, person.homeMunicipalityCode);
  const area = initiative.scope === 'county' ? home.county : home.municipality;
  return area !== undefined && area.country === initiative.country && area.code === initiative.areaCode;
}

/**
 * A resident drafts an initiative for their own municipality or county; the co-initiators are asked
 * by mail. At most five a day from one person and twenty from one network address (its hash), and
 * never a second one with the same title for the same area while the first is in play.
 */
export function draftInitiative(
  db: Queryable,
  person: Person,
  draft: InitiativeDraft,
  actor: Actor,
  effects: Effects = {},
  sentFrom: string | null = null,
): Outcome<string> {
  return inTransaction(db, async (trx) => {
    const home = await homeAreas(trx, person.homeMunicipalityCode);
    if (draft.scope === 'county' && home.municipality?.country === 'DK') return refuse<ParticipationProblem>({ kind: 'noDanishCounty' });
    const area = draft.scope === 'county' ? home.county : home.municipality;
    if (!area) return refuse<ParticipationProblem>({ kind: 'notResident' });
    if (!(await draftingOpen(trx, area))) return refuse<ParticipationProblem>({ kind: 'notStatutory' });
    const started = await draftsStartedToday(trx, person.userId, sentFrom);
    if (started.byPerson >= DRAFTS_PER_DAY) return refuse<ParticipationProblem>({ kind: 'tooManyDrafts', max: DRAFTS_PER_DAY });
    if (sentFrom && started.byAddress >= DRAFTS_PER_ADDRESS_PER_DAY)
      return refuse<ParticipationProblem>({ kind: 'tooManyDraftsFromAddress', max: DRAFTS_PER_ADDRESS_PER_DAY });
    const key = sameTextKey(draft.title);
    if ((await openTitlesOf(trx, person.userId, area.kind, area.code)).some((title) => sameTextKey(title) === key))
      return refuse<ParticipationProblem>({ kind: 'sameDraft' });
    const id = await insertInitiative(trx, {
      country: area.country,
      scope: area.kind,
      areaCode: area.code,
      areaName: area.name,
      initiatorId: person.userId,
      sentFrom,
      title: draft.title,
      proposal: draft.proposal,
      reason: draft.reason,
    });
    const own = (await userEmail(trx, person.userId))?.toLowerCase();
    const coInitiators = draft.coInitiatorEmails.filter((e) => e !== own);
    await replaceCoInitiators(trx, id, coInitiators);
    await audit(trx, actor, id, 'create', null, 'draft', draft.title);
    await askCoInitiators(trx, effects, id, area.country, coInitiators, person.name, draft.title);
    return id;
  });
}

/** Mail about an initiative is written in the language of its country. */
const mailLocale = (country: string) => (country === 'DK' ? 'da' : 'nb');

async function askCoInitiators(
  trx: Tx,
  { jobs }: Effects,
  id: string,
  country: string,
  emails: readonly string[],
  initiator: string,
  title: string,
) {
  if (!jobs || emails.length === 0) return;
  await notify(trx, jobs, {
    occasion: `initiative-co-initiator:${id}`,
    recipients: emails.map((email) => ({ email })),
    locale: mailLocale(country),
    subject: 'participation.mail.coInitiator.subject',
    body: 'participation.mail.coInitiator.body',
    params: { initiator, title },
    link: `/innbyggerforslag/${id}`,
  });
}

/** The initiator changes the draft's text and co-initiators; a changed text asks the confirmed ones again. */
export function reviseDraft(
  db: Queryable,
  id: string,
  version: number,
  person: Person,
  draft: InitiativeDraft,
  actor: Actor,
  effects: Effects = {},
): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const initiative = await ownDraft(trx, id, version, person);
    if (isRefused(initiative)) return initiative;
    if (!(await updateInitiativeText(trx, id, version, draft))) return refuse(versionConflict(version + 1, version));
    const before = new Set((await listCoInitiators(trx, id)).map((c) => c.email));
    const own = (await userEmail(trx, person.userId))?.toLowerCase();
    const coInitiators = draft.coInitiatorEmails.filter((e) => e !== own);
    await replaceCoInitiators(trx, id, coInitiators);
    await audit(trx, actor, id, 'revise', initiative.state, initiative.state, draft.title);
    await askCoInitiators(
      trx,
      effects,
      id,
      initiative.country,
      coInitiators.filter((e) => !before.has(e)),
      person.name,
      draft.title,
    );
  });
}

/** The initiator's draft, locked at the version they started from: refused for anyone else, or once it has left the draft. */
async function ownDraft(trx: Tx, id: string, version: number, person: Person): Promise<StoredInitiative | Refused<ParticipationProblem>> {
  const initiative = await locked(trx, id, version);
  if (isRefused(initiative)) return initiative;
  if (initiative.initiatorId !== person.userId) return refuse({ kind: 'notInitiator' });
  if (!initiativeWorkflow.isIn('editable', initiative.state))
    return refuse({ kind: 'illegalTransition', state: initiative.state, action: 'edit' });
  return initiative;
}

/** The initiator attaches a file (its type and size checked by the caller) to the draft: at most five, audited. */
export function attachFile(db: Queryable, id: string, version: number, file: NewFileOf, person: Person, actor: Actor): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const initiative = await ownDraft(trx, id, version, person);
    if (isRefused(initiative)) return initiative;
    if ((await listInitiativeFiles(trx, id)).length >= INITIATIVE_FILE_LIMITS.files)
      return refuse<ParticipationProblem>({ kind: 'tooManyFiles', max: INITIATIVE_FILE_LIMITS.files });
    const fileId = await saveFile(trx, { ...file, uploadedBy: person.userId });
    await addInitiativeFile(trx, id, fileId);
    if (!(await touchInitiative(trx, id, version))) return refuse(versionConflict(version + 1, version));
    await audit(trx, actor, id, 'attach-file', initiative.state, initiative.state, file.name);
  });
}

/** The initiator removes a file from the draft; its bytes go with it. */
export function removeFile(db: Queryable, id: string, version: number, fileId: string, person: Person, actor: Actor): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const initiative = await ownDraft(trx, id, version, person);
    if (isRefused(initiative)) return initiative;
    const name = (await listInitiativeFiles(trx, id)).find((f) => f.fileId === fileId)?.name;
    if (!name || !(await removeInitiativeFile(trx, id, fileId))) return refuse<ParticipationProblem>({ kind: 'fileNotFound' });
    if (!(await touchInitiative(trx, id, version))) return refuse(versionConflict(version + 1, version));
    await audit(trx, actor, id, 'remove-file', initiative.state, initiative.state, name);
  });
}

/** A person asked by address confirms, signed in, that they stand behind the draft with the initiator. */
export function confirmCoInitiation(db: Queryable, id: string, person: Person, actor: Actor): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const initiative = await locked(trx, id);
    if (isRefused(initiative)) return initiative;
    if (!initiativeWorkflow.isIn('editable', initiative.state))
      return refuse<ParticipationProblem>({ kind: 'illegalTransition', state: initiative.state, action: 'edit' });
    const email = await userEmail(trx, person.userId);
    if (!email || !(await confirmCoInitiator(trx, id, email, person.userId))) return refuse<ParticipationProblem>({ kind: 'notAsked' });
    await audit(trx, actor, id, 'confirm-co-initiator', initiative.state, initiative.state, person.name);
  });
}

/** The initiator sends the draft to the municipality once every co-initiator has confirmed. */
export function submitInitiative(db: Queryable, id: string, version: number, person: Person, actor: Actor): Outcome<InitiativeState> {
  return inTransaction(db, async (trx) => {
    const initiative = await locked(trx, id, version);
    if (isRefused(initiative)) return initiative;
    if (initiative.initiatorId !== person.userId) return refuse<ParticipationProblem>({ kind: 'notInitiator' });
    if ((await listCoInitiators(trx, id)).some((c) => !c.confirmed)) return refuse<ParticipationProblem>({ kind: 'coInitiatorsPending' });
    return move(trx, initiative, 'submit', actor);
  });
}

/** Tells the initiator by mail, once per occasion. */
async function tellInitiator(
  trx: Tx,
  { jobs }: Effects,
  initiative: StoredInitiative,
  occasion: string,
  subject: MessageKey,
  body: MessageKey,
  params: Record<string, string> = {},
) {
  if (!jobs) return;
  await notify(trx, jobs, {
    occasion: `initiative-${occasion}:${initiative.id}`,
    recipients: [{ userId: initiative.initiatorId, email: initiative.initiatorEmail }],
    locale: mailLocale(initiative.country),
    subject,
    body,
    params: { title: initiative.title, area: initiative.areaName, ...receiverWords(mailLocale(initiative.country), initiative), ...params },
    link: `/innbyggerforslag/${initiative.id}`,
  });
}

/** A case worker's step: its action by the workflow, the columns it sets, the reason audited, and the mail the initiator gets. */
interface ModeratorStep {
  action: InitiativeAction;
  mail: 'published' | 'refused' | 'hidden' | 'treated';
  /** Once per occasion: the mail's name unless a step can recur (a refusal, after the draft was changed). */
  occasion?: string;
  changes?: (trx: Tx, initiative: StoredInitiative) => Promise<InitiativeMove> | InitiativeMove;
  reason?: string;
  params?: Record<string, string>;
}

/**
 * What every case worker's step shares: the initiative locked at the version the case worker saw,
 * only a case worker of its municipality or county authority, moved by the workflow (audited), the
 * initiator told by mail.
 */
function moderatorStep(
  db: Queryable,
  id: string,
  version: number,
  person: Person,
  actor: Actor,
  { jobs }: Effects,
  step: ModeratorStep,
): Outcome<InitiativeState> {
  return inTransaction(db, async (trx) => {
    const initiative = await locked(trx, id, version);
    if (isRefused(initiative)) return initiative;
    if (!moderates(person, initiative)) return refuse<ParticipationProblem>({ kind: 'notModerator' });
    const moved = await move(trx, initiative, step.action, actor, (await step.changes?.(trx, initiative)) ?? {}, step.reason);
    if (isRefused(moved)) return moved;
    await tellInitiator(
      trx,
      { jobs },
      initiative,
      step.occasion ?? step.mail,
      `participation.mail.${step.mail}.subject`,
      `participation.mail.${step.mail}.body`,
      step.params,
    );
    return moved;
  });
}

/** A case worker of the municipality or county authority publishes the initiative with the threshold of today's population. */
export function publishInitiative(
  db: Queryable,
  id: string,
  version: number,
  person: Person,
  actor: Actor,
  effects: Effects = {},
): Outcome<InitiativeState> {
  return moderatorStep(db, id, version, person, actor, effects, {
    action: 'publish',
    mail: 'published',
    changes: async (trx, initiative) => {
      const threshold = await thresholdFor(trx, areaOf(initiative));
      return {
        published: true,
        threshold: threshold.signatures,
        population: threshold.population?.persons ?? null,
        population_year: threshold.population?.year ?? null,
      };
    },
  });
}

/** A case worker refuses to publish, with a reason from the law's list; the initiator may change the draft and send it again. */
export function refuseInitiative(
  db: Queryable,
  id: string,
  version: number,
  reason: RefusalReason,
  note: string,
  person: Person,
  actor: Actor,
  effects: Effects = {},
): Outcome<InitiativeState> {
  return moderatorStep(db, id, version, person, actor, effects, {
    action: 'refuse',
    mail: 'refused',
    occasion: `refused-${version}`,
    changes: () => ({ refusal_reason: reason, refusal_note: note || null }),
    reason,
    params: { note: note || '–' },
  });
}

/** A case worker hides a published initiative (unlawful or offensive content found later): it leaves the public lists, its record and audit trail stay. */
export function hideInitiative(
  db: Queryable,
  id: string,
  version: number,
  reason: string,
  person: Person,
  actor: Actor,
  effects: Effects = {},
): Outcome<InitiativeState> {
  return moderatorStep(db, id, version, person, actor, effects, { action: 'hide', mail: 'hidden', reason, params: { note: reason } });
}

/**
 * A resident signs a published initiative, once: a second attempt is refused as already signed and
 * never counts twice (the primary key decides, also at the same instant). No lock on the initiative.
 */
export async function signInitiative(db: Queryable, id: string, person: Person, showName: boolean): Outcome<void> {
  // One write, so no transaction of its own: the check reads committed state, as it would inside one
  // (nothing is locked either way), and the insert alone decides "already signed". The common case —
  // a resident of the initiative's municipality signing for the first time — is one statement; only
  // when it signs nothing are the reasons looked up one by one.
  if (
    person.homeMunicipalityCode &&
    (await insertSignatureOfResident(
      db,
      id,
      person.userId,
      showName,
      person.homeMunicipalityCode,
      initiativeWorkflow.groups.signable,
      person.birthYear ?? null,
    ))
  )
    return;
  const initiative = await findInitiativeForSigning(db, id);
  if (isRefused(initiative)) return initiative;
  if (!(await residentOf(db, person, initiative))) return refuse<ParticipationProblem>({ kind: 'notResident' });
  if (!(await insertSignature(db, id, person.userId, showName, person.birthYear ?? null)))
    return refuse<ParticipationProblem>({ kind: 'alreadySigned' });
}

/** A signer withdraws their signature until the initiative is handed in. */
export function withdrawMySignature(db: Queryable, id: string, person: Person): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const initiative = await findInitiativeForSigning(trx, id);
    if (isRefused(initiative)) return initiative;
    if (!(await withdrawSignature(trx, id, person.userId))) return refuse<ParticipationProblem>({ kind: 'notSigned' });
  });
}

async function findInitiativeForSigning(
  trx: Queryable,
  id: string,
): Promise<Pick<StoredInitiative, 'state' | 'scope' | 'areaCode' | 'country'> | Refused<ParticipationProblem>> {
  const initiative = await findInitiativeForSignature(trx, id);
  if (!initiative || !initiativeWorkflow.isIn('public', initiative.state)) return refuse({ kind: 'initiativeNotFound' });
  if (!initiativeWorkflow.isIn('signable', initiative.state)) return refuse({ kind: 'notOpen' });
  return initiative;
}

/** The initiator hands in an initiative that reached its threshold; the council's six months start today (Norwegian time). */
export function handInInitiative(
  db: Queryable,
  id: string,
  version: number,
  person: Person,
  actor: Actor,
  today: string,
  effects: Effects = {},
): Outcome<{ deadline: string }> {
  return inTransaction(db, async (trx) => {
    const initiative = await locked(trx, id, version);
    if (isRefused(initiative)) return initiative;
    if (initiative.initiatorId !== person.userId) return refuse<ParticipationProblem>({ kind: 'notInitiator' });
    const threshold = initiative.threshold ?? 0;
    if (initiative.signatures < threshold)
      return refuse<ParticipationProblem>({ kind: 'thresholdNotReached', signatures: initiative.signatures, threshold });
    const rule = await thresholdFor(trx, areaOf(initiative));
    const deadline = decisionDeadline(today, rule.decisionMonths ?? undefined);
    const moved = await move(trx, initiative, 'handIn', actor, { handedIn: true, deadline });
    if (isRefused(moved)) return moved;
    await tellReceiver(trx, effects, initiative, 'handed-in', 'participation.mail.handedIn.subject', 'participation.mail.handedIn.body', {
      received: today,
      deadline,
      count: String(initiative.signatures),
      rule:
        rule.country === 'DK'
          ? translate(mailLocale(initiative.country), 'participation.mail.ruleOwn', { name: initiative.areaName })
          : translate(mailLocale(initiative.country), 'participation.mail.ruleLaw'),
    });
    return { deadline };
  });
}

/** Tells the case workers and the official mailbox of the municipality or county authority the initiative is for, once per occasion. */
async function tellReceiver(
  trx: Queryable,
  { jobs }: Effects,
  initiative: StoredInitiative,
  occasion: string,
  subject: MessageKey,
  body: MessageKey,
  params: Record<string, string>,
): Promise<number> {
  if (!jobs) return 0;
  const recipients = initiative.scope === 'county' ? countyRecipients : municipalityRecipients;
  return notify(trx, jobs, {
    occasion: `initiative-${occasion}:${initiative.id}`,
    recipients: await recipients(trx, initiative.country, [initiative.areaCode]),
    locale: mailLocale(initiative.country),
    subject,
    body,
    params: { title: initiative.title, area: initiative.areaName, ...receiverWords(mailLocale(initiative.country), initiative), ...params },
    link: `/innbyggerforslag/${initiative.id}`,
  });
}

/** A case worker records the council's treatment: meeting date, case number, decision and minutes. */
export function recordTreatment(
  db: Queryable,
  id: string,
  version: number,
  treatment: Treatment,
  person: Person,
  actor: Actor,
  effects: Effects = {},
): Outcome<InitiativeState> {
  return moderatorStep(db, id, version, person, actor, effects, {
    action: 'recordTreatment',
    mail: 'treated',
    changes: () => ({
      treated_meeting_date: treatment.meetingDate,
      treated_case_number: treatment.caseNumber,
      treated_decision: treatment.decision,
      treated_minutes_url: treatment.minutesUrl,
    }),
    reason: treatment.caseNumber,
    params: { decision: treatment.decision },
  });
}

/**
 * Reminds the municipality a month and a week before the council's deadline of each handed-in
 * initiative: each reminder once (its occasion), so the sweep may run as often as it likes.
 */
export async function remindOfCouncilDeadlines(db: Queryable, jobs: Pick<JobQueue, 'enqueue'>, today: string): Promise<number> {
  const until = decisionDeadline(today, 2);
  let made = 0;
  for (const initiative of await listAwaitingCouncil(db, until)) {
    for (const due of dueReminders(initiative.deadline!, today)) {
      const remind = (trx: Tx) =>
        tellReceiver(
          trx,
          { jobs },
          initiative,
          `reminder-${due}`,
          'participation.mail.reminder.subject',
          'participation.mail.reminder.body',
          {
            deadline: initiative.deadline!,
          },
        );
      made += orThrow(await inTransaction(db, remind));
    }
  }
  return made;
}

/** The privacy job: signer identities go six months after an initiative closed (by the database clock); counts stay. */
export async function forgetClosedSigners(db: Queryable): Promise<number> {
  return forgetSignersOfClosed(db, await databaseNow(db));
}

/** The Danish municipality whose rule the person, a case worker there, sets (Norwegian ones follow the law). */
export async function localRuleMunicipality(db: Queryable, person: Pick<Person, 'memberships'>) {
  for (const m of person.memberships)
    if (m.role === 'case_worker' && m.organisationKind === 'municipality' && m.municipalityCode) {
      const area = await findMunicipalityArea(db, m.municipalityCode);
      if (area?.country === 'DK') return area;
    }
  return undefined;
}

/** A Danish municipality's case worker switches citizens' proposals on or off and sets its threshold and deadline, audited. */
export function setLocalRule(
  db: Queryable,
  municipalityCode: string,
  version: number,
  rule: LocalRule,
  person: Person,
  actor: Actor,
): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const area = await localRuleMunicipality(trx, person);
    if (area?.code !== municipalityCode) return refuse<ParticipationProblem>({ kind: 'notModerator' });
    if (!(await saveLocalRule(trx, municipalityCode, version, rule, person.userId))) return refuse(versionConflict(version + 1, version));
    await recordAudit(trx, {
      actor: actor.user,
      requestId: actor.requestId,
      recordType: 'initiative-rule',
      recordId: municipalityCode,
      action: rule.enabled ? 'switchOn' : 'switchOff',
      fromState: null,
      toState: null,
      reason: `${rule.signatures} / ${rule.decisionMonths}`,
    });
  });
}
