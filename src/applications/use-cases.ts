/**
 * Every change an applicant makes, one function each: it runs in one transaction with the
 * application row locked, judges by the database clock (deadlines, late-submission exceptions),
 * checks the version the person started from, writes, audits and enqueues what follows, and
 * answers what it did or `Refused<ApplicationProblem>` with nothing written.
 */
import { recordAudit } from '../platform/audit/store.js';
import { municipalityRecipients } from '../platform/auth/store.js';
import { formatInstant, isLocale, type Locale, type MessageKey } from '../platform/i18n/index.js';
import { notify, type Recipient } from '../platform/notifications/notify.js';
import { translate } from '../platform/ui/translate.js';
import type { Queryable, Tx } from '../platform/db/database.js';
import { databaseNow, type Actor } from '../platform/db/kit.js';
import type { UploadedFile } from '../platform/http/input.js';
import type { JobQueue } from '../platform/jobs/queue.js';
import { inTransaction, isRefused, refuse, versionConflict, type Refused } from '../platform/outcome.js';
import {
  extendedRound,
  findCall,
  markExtensionUsed,
  oneApplicationPerRound,
  reliesOnExtension,
  type Answers,
  type DeadlineExtension,
  type DecisionBody,
  type FormDefinition,
  type StoredCall,
} from '../programmes/index.js';
import {
  activeMembers,
  changedParts,
  decisionRefusal,
  invite,
  isEditable,
  releaseMember,
  partLabel,
  respond,
  roundAt,
  submit,
  type ApplicationProblem,
  type ProjectedChallenge,
} from './model.js';
import { RECEIPT_JOB } from './receipt.js';
import {
  applicationInRound,
  deadlineWithExtension,
  draftAnswers,
  draftsClosingBefore,
  findApplication,
  insertApplication,
  insertSubmission,
  insertSubmittedChallenge,
  lockMunicipalityInRound,
  registryFacts,
  storeAttachment,
  writeAnswers,
  writeDecision,
  writeInvitation,
  writeInvitationAnswer,
  writeStatus,
  type StoredApplication,
  type StoredAttachment,
} from './store.js';
import { applicationWorkflow } from './workflows.js';

type Outcome<T> = Promise<T | Refused<ApplicationProblem>>;

/** What a use case did where a refusal would be a broken invariant (demo data, test fixtures). */
const within = <T>(db: Queryable, work: (trx: Tx) => Outcome<T>): Outcome<T> => inTransaction(db, work);

/** The application locked for the change, its call, the database's now and the deadline that applies. */
interface Locked {
  application: StoredApplication;
  call: Exclude<StoredCall, { status: 'draft' }>;
  form: FormDefinition;
  now: Date;
  deadline: Date;
  ordinary: Date;
  extension: DeadlineExtension | undefined;
}

async function lock(trx: Tx, id: string): Outcome<Locked> {
  const application = await findApplication(trx, id, true);
  if (!application) return refuse({ kind: 'notFound' });
  const call = await findCall(trx, application.callId);
  if (!call || call.status === 'draft') return refuse({ kind: 'notFound' });
  const now = await databaseNow(trx);
  return { application, call, form: call.snapshot.form, now, ...(await deadlineWithExtension(trx, call, application, true)) };
}

const readOnly = ({ deadline, call }: Locked): Refused<ApplicationProblem> =>
  refuse({ kind: 'readOnly', deadline, timeZone: call.content.timeZone });

/** Locked, and refused when read-only by the database clock. */
async function lockEditable(trx: Tx, id: string): Outcome<Locked> {
  const locked = await lock(trx, id);
  if (isRefused(locked)) return locked;
  return isEditable(locked.application, locked.deadline, locked.now) ? locked : readOnly(locked);
}

/** The refusal of a stale version: who saved since, and which parts they changed. */
async function conflict(trx: Tx, { application, form }: Locked, baseVersion: number): Promise<Refused<ApplicationProblem>> {
  const current = (await findApplication(trx, application.id)) ?? application;
  const base = await draftAnswers(trx, application.id, baseVersion);
  const parts = base ? changedParts(base, current.answers).map((key) => partLabel(form, key)) : [];
  return refuse({ ...versionConflict(current.version, baseVersion, current.updatedByName), changedParts: parts });
}

/** Locked, editable, and at the version the person started from. */
async function lockVersion(trx: Tx, id: string, expectedVersion: number): Outcome<Locked> {
  const locked = await lockEditable(trx, id);
  if (isRefused(locked)) return locked;
  return locked.application.version === expectedVersion ? locked : conflict(trx, locked, expectedVersion);
}

/** Where the call holds a municipality to one application per round: the refusal naming the other one. */
async function otherApplicationInRound(
  trx: Tx,
  call: Pick<StoredCall, 'id' | 'content'>,
  { roundIndex, code, name, except }: { roundIndex: number; code: string; name: string; except?: string },
): Promise<Refused<ApplicationProblem> | undefined> {
  if (!oneApplicationPerRound(call.content)) return undefined;
  await lockMunicipalityInRound(trx, call.id, roundIndex, code);
  const other = await applicationInRound(trx, { callId: call.id, roundIndex, code, ...(except ? { except } : {}) });
  return other
    ? refuse({
        kind: 'alreadyInRound',
        municipality: name,
        leadName: other.leadName,
        startedAt: other.createdAt,
        timeZone: call.content.timeZone,
      })
    : undefined;
}

/** Where the notices a change causes go; without it none are made (fixtures, the demo's history). */
export interface Effects {
  jobs?: Pick<JobQueue, 'enqueue'>;
}

const callLocale = (call: StoredCall): Locale => (isLocale(call.content.language) ? call.content.language : 'nb');
const leadOf = (application: StoredApplication) => application.members.find((m) => m.role === 'lead')!;

/**
 * Mails the municipalities named (their case workers and official mailbox) and any extra addresses
 * about a change to the application, in the call's language, once per occasion.
 */
async function tell(
  trx: Tx,
  { jobs }: Effects,
  { application, call, deadline }: Pick<Locked, 'application' | 'call' | 'deadline'>,
  notice: {
    occasion: string;
    codes: readonly string[];
    /** Whether the municipalities' official mailbox hears too (not for reminders). */
    mailbox?: boolean;
    also?: readonly Recipient[];
    subject: MessageKey;
    body: MessageKey;
    link: string;
    params: Record<string, string | number>;
  },
): Promise<number> {
  if (!jobs) return 0;
  const locale = callLocale(call);
  const municipalities = await municipalityRecipients(trx, application.country, notice.codes, { mailbox: notice.mailbox ?? true });
  return notify(trx, jobs, {
    occasion: notice.occasion,
    recipients: [...municipalities, ...(notice.also ?? [])],
    locale,
    subject: notice.subject,
    body: notice.body,
    link: notice.link,
    params: {
      call: call.content.title,
      lead: leadOf(application).name,
      deadline: formatInstant(locale, deadline, call.content.timeZone),
      ...notice.params,
    },
  });
}

const audit = (
  trx: Tx,
  actor: Actor,
  entry: { recordType: string; recordId: string; action: string; fromState?: string; toState?: string; reason?: string | null },
) => recordAudit(trx, { actor: actor.user, requestId: actor.requestId, ...entry });

/**
 * Starts an application for a municipality on a call whose round is running by the database clock,
 * or after it closed when the owner granted the municipality an exception that still runs.
 */
export async function startApplication(
  db: Queryable,
  call: StoredCall,
  lead: { code: string; name: string; contactEmail: string | null },
  actor: Actor,
  /** A continuation of an earlier project: its id and the answers it brings. */
  continuation: { projectId: string; answers: Answers } | undefined = undefined,
): Outcome<string> {
  return within(db, async (trx) => {
    const now = await databaseNow(trx);
    const roundIndex =
      call.status === 'published' ? (roundAt(call.content.rounds, now) ?? (await extendedRound(trx, call.id, lead.code, now))) : undefined;
    if (roundIndex === undefined) return refuse({ kind: 'callNotOpen' });
    const taken = await otherApplicationInRound(trx, call, { roundIndex, code: lead.code, name: lead.name });
    if (taken) return taken;
    const id = await insertApplication(
      trx,
      { call, roundIndex, lead, continuesProjectId: continuation?.projectId ?? null, answers: continuation?.answers ?? {} },
      now,
      actor,
    );
    await audit(trx, actor, { recordType: 'application', recordId: id, action: 'create', toState: 'draft' });
    return id;
  });
}

/** Saves the working copy's answers (validation only warns; the caller shows the warnings); the new version. */
export async function saveAnswers(db: Queryable, id: string, expectedVersion: number, answers: Answers, actor: Actor): Outcome<number> {
  return within(db, async (trx) => {
    const locked = await lockVersion(trx, id, expectedVersion);
    if (isRefused(locked)) return locked;
    const version = await writeAnswers(trx, id, expectedVersion, answers, locked.now, actor);
    if (version === undefined) return conflict(trx, locked, expectedVersion);
    await audit(trx, actor, { recordType: 'application', recordId: id, action: 'save' });
    return version;
  });
}

/** Adds a file to an attachment part: the file, its link and the answer in one version; the new version. */
export async function addAttachment(
  db: Queryable,
  id: string,
  expectedVersion: number,
  partKey: string,
  file: UploadedFile,
  actor: Actor,
): Outcome<number> {
  return within(db, async (trx) => {
    const locked = await lockVersion(trx, id, expectedVersion);
    if (isRefused(locked)) return locked;
    const part = locked.form.sections.flatMap((s) => s.parts).find((p) => p.key === partKey);
    const previous = (locked.application.answers[partKey] as StoredAttachment[] | undefined) ?? [];
    if (part?.kind === 'attachment' && previous.length >= part.maxFiles) return refuse({ kind: 'tooManyFiles', max: part.maxFiles });
    const attachment = await storeAttachment(trx, id, partKey, file, actor);
    const version = await writeAnswers(
      trx,
      id,
      expectedVersion,
      { ...locked.application.answers, [partKey]: [...previous, attachment] },
      locked.now,
      actor,
    );
    if (version === undefined) return conflict(trx, locked, expectedVersion);
    await audit(trx, actor, { recordType: 'application', recordId: id, action: 'attach', reason: `${part?.label ?? ''}: ${file.name}` });
    return version;
  });
}

/** Invites a municipality of the call's country into the network, within the call's maximum. */
export async function inviteMunicipality(
  db: Queryable,
  id: string,
  invited: { code: string; name: string },
  maxMembers: number | undefined,
  actor: Actor,
  effects: Effects = {},
): Outcome<void> {
  return within(db, async (trx) => {
    const locked = await lockEditable(trx, id);
    if (isRefused(locked)) return locked;
    const members = invite(locked.application.members, invited.code, invited.name, maxMembers);
    if (isRefused(members)) return members;
    await writeInvitation(trx, id, invited);
    await audit(trx, actor, { recordType: 'application_member', recordId: `${id}/${invited.code}`, action: 'invite', toState: 'pending' });
    await tell(trx, effects, locked, {
      occasion: `invited:${id}:${invited.code}:${locked.now.toISOString()}`,
      codes: [invited.code],
      subject: 'applications.mail.invited.subject',
      body: 'applications.mail.invited.body',
      link: '/soknader',
      params: { member: invited.name },
    });
  });
}

/**
 * The lead withdraws an invitation nobody has answered, or removes a member (its decision no
 * longer counts); audited, and the municipality is told.
 */
async function releaseFromNetwork(
  db: Queryable,
  id: string,
  code: string,
  action: 'withdraw' | 'remove',
  actor: Actor,
  effects: Effects,
): Outcome<void> {
  return within(db, async (trx) => {
    const locked = await lockEditable(trx, id);
    if (isRefused(locked)) return locked;
    const moved = releaseMember(locked.application.members, code, action);
    if (isRefused(moved)) return moved;
    await writeInvitationAnswer(trx, id, code, { invitation: moved.to, contactEmail: null }, locked.now, actor);
    await audit(trx, actor, {
      recordType: 'application_member',
      recordId: `${id}/${code}`,
      action,
      fromState: moved.from,
      toState: moved.to,
    });
    const kind = action === 'withdraw' ? 'withdrawn' : 'removed';
    await tell(trx, effects, locked, {
      occasion: `${kind}:${id}:${code}:${locked.now.toISOString()}`,
      codes: [code],
      subject: `applications.mail.${kind}.subject`,
      body: `applications.mail.${kind}.body`,
      link: '/soknader',
      params: { member: locked.application.members.find((m) => m.code === code)!.name },
    });
  });
}

export const withdrawInvitation = (db: Queryable, id: string, code: string, actor: Actor, effects: Effects = {}) =>
  releaseFromNetwork(db, id, code, 'withdraw', actor, effects);

export const removeMember = (db: Queryable, id: string, code: string, actor: Actor, effects: Effects = {}) =>
  releaseFromNetwork(db, id, code, 'remove', actor, effects);

/** A co-applicant accepts (with its contact for the receipt) or declines its invitation. */
export async function respondToInvitation(
  db: Queryable,
  id: string,
  code: string,
  answer: 'accepted' | 'declined',
  contactEmail: string | null,
  actor: Actor,
  effects: Effects = {},
): Outcome<void> {
  return within(db, async (trx) => {
    const locked = await lockEditable(trx, id);
    if (isRefused(locked)) return locked;
    const moved = respond(locked.application.members, code, answer);
    if (isRefused(moved)) return moved;
    if (answer === 'accepted') {
      const member = locked.application.members.find((m) => m.code === code)!;
      const { roundIndex, id: except } = locked.application;
      const taken = await otherApplicationInRound(trx, locked.call, { roundIndex, code, name: member.name, except });
      if (taken) return taken;
    }
    await writeInvitationAnswer(trx, id, code, { invitation: moved.to, contactEmail }, locked.now, actor);
    await audit(trx, actor, {
      recordType: 'application_member',
      recordId: `${id}/${code}`,
      action: moved.action,
      fromState: moved.from,
      toState: moved.to,
    });
    const lead = leadOf(locked.application);
    await tell(trx, effects, locked, {
      occasion: `answered:${id}:${code}:${locked.now.toISOString()}`,
      codes: [lead.code],
      also: [{ email: locked.application.contactEmail }],
      subject: 'applications.mail.answered.subject',
      body: 'applications.mail.answered.body',
      link: `/soknader/${id}`,
      params: {
        member: locked.application.members.find((m) => m.code === code)!.name,
        answer: translate(callLocale(locked.call), `applications.mail.answer.${answer}`),
        name: actor.user?.name ?? '',
      },
    });
  });
}

/** Attaches a member's political decision: the file and the member's row in one transaction. */
export async function attachMemberDecision(
  db: Queryable,
  id: string,
  code: string,
  decision: { body: string; date: string },
  file: UploadedFile,
  actor: Actor,
): Outcome<void> {
  return within(db, async (trx) => {
    const locked = await lockEditable(trx, id);
    if (isRefused(locked)) return locked;
    const refused = decisionRefusal(locked.application.members, code, decision, locked.application.country);
    if (refused) return refused;
    await writeDecision(trx, id, code, decision, file, actor);
    await audit(trx, actor, {
      recordType: 'application_member',
      recordId: `${id}/${code}`,
      action: 'decision',
      reason: `${translate(locked.application.country === 'DK' ? 'da' : 'nb', `programmes.body.${decision.body as DecisionBody}`)} ${decision.date}`,
    });
  });
}

/** Withdraws the application before the deadline (database clock), audited with the reason. */
export async function withdrawApplication(
  db: Queryable,
  id: string,
  expectedVersion: number,
  reason: string | null,
  actor: Actor,
): Outcome<void> {
  return within(db, async (trx) => {
    const locked = await lockVersion(trx, id, expectedVersion);
    if (isRefused(locked)) return locked;
    const moved = applicationWorkflow.apply(locked.application.status, 'withdraw');
    if (isRefused(moved)) return readOnly(locked);
    if ((await writeStatus(trx, locked.application, expectedVersion, { status: moved.to }, locked.now, actor)) === undefined)
      return conflict(trx, locked, expectedVersion);
    await audit(trx, actor, {
      recordType: 'application',
      recordId: id,
      action: moved.action,
      fromState: moved.from,
      toState: moved.to,
      reason,
    });
  });
}

/** The projected-challenge figures computed for the network before submitting, to keep with the version. */
export interface ChallengeSnapshot {
  memberCodes: readonly string[];
  challenges: readonly ProjectedChallenge[];
}

export interface SubmissionEffects extends Effects {
  /** Kept with the version; refused when they were computed for other members than the version's. */
  snapshot?: ChallengeSnapshot;
}

const sameCodes = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();

/**
 * Submits the application: row locked, version checked, every rule and part checked, the deadline
 * checked on the database clock, the call's form and rules copied into a new numbered version, the
 * projected figures kept and the receipt job enqueued — all in one transaction, or nothing.
 */
export async function submitApplication(
  db: Queryable,
  id: string,
  expectedVersion: number,
  actor: Actor,
  effects: SubmissionEffects = {},
): Outcome<{ submissionId: string; number: number }> {
  return within(db, async (trx) => {
    const locked = await lock(trx, id);
    if (isRefused(locked)) return locked;
    const { application, call, form, now, deadline, ordinary, extension } = locked;
    if (application.version !== expectedVersion) return conflict(trx, locked, expectedVersion);
    const rules = call.snapshot.rules;
    const members = activeMembers(application.members);
    const registry = await registryFacts(
      trx,
      application.country,
      members.map((m) => m.code),
    );
    const submitted = submit(application, { form, rules, registry, deadline, timeZone: call.content.timeZone, now });
    if (isRefused(submitted)) {
      const refusal = submitted.problem;
      return refusal.kind === 'blocked'
        ? refuse({ kind: 'submissionBlocked', blockers: refusal.blockers, timeZone: call.content.timeZone })
        : readOnly(locked);
    }
    if (
      effects.snapshot &&
      !sameCodes(
        effects.snapshot.memberCodes,
        members.map((m) => m.code),
      )
    )
      return refuse({ kind: 'networkChanged' });
    if (extension && reliesOnExtension(ordinary, now)) await markExtensionUsed(trx, extension, now, actor);
    const version = await writeStatus(
      trx,
      application,
      expectedVersion,
      { status: submitted.transition.to, submissions: submitted.number },
      now,
      actor,
    );
    if (version === undefined) return conflict(trx, locked, expectedVersion);
    const submission = await insertSubmission(trx, {
      applicationId: id,
      number: submitted.number,
      submittedAt: now,
      submittedByName: actor.user?.name ?? null,
      callTitle: call.content.title,
      callLanguage: call.content.language,
      deadline,
      answers: application.answers,
      members,
      form,
      rules,
      eligibility: submitted.eligibility,
      recipients: [...new Set(members.map((m) => m.contactEmail).filter((e): e is string => !!e))],
    });
    for (const challenge of effects.snapshot?.challenges ?? []) await insertSubmittedChallenge(trx, submission.id, challenge);
    await audit(trx, actor, {
      recordType: 'application',
      recordId: id,
      action: 'submit',
      fromState: application.status,
      toState: submitted.transition.to,
    });
    if (effects.jobs) await effects.jobs.enqueue(trx, RECEIPT_JOB, { submissionId: submission.id });
    await tell(trx, effects, locked, {
      occasion: `submitted:${submission.id}`,
      codes: members.filter((m) => m.role !== 'lead').map((m) => m.code),
      subject: 'applications.mail.submitted.subject',
      body: 'applications.mail.submitted.body',
      link: `/soknader/${id}`,
      params: {
        members: members.map((m) => m.name).join(', '),
        time: formatInstant(callLocale(call), now, call.content.timeZone),
        number: submission.number,
      },
    });
    return { submissionId: submission.id, number: submission.number };
  });
}

const DAY_MS = 24 * 3600 * 1000;

/** Which reminder a draft is due, by the time left to its deadline: a week before, then a day before. */
export function reminderDue(deadline: Date, now: Date): 'week' | 'day' | undefined {
  const left = deadline.getTime() - now.getTime();
  if (left <= 0 || left > 7 * DAY_MS) return undefined;
  return left <= DAY_MS ? 'day' : 'week';
}

/**
 * Reminds the lead's case workers and contact of drafts not submitted, a week and a day before the
 * deadline that applies to them (an exception counts). Each reminder is made once per deadline, so
 * the sweep may run as often as it likes; how many notices were new.
 */
export async function remindOfDeadlines(db: Queryable, jobs: Pick<JobQueue, 'enqueue'>): Promise<number> {
  const now = await databaseNow(db);
  let made = 0;
  for (const id of await draftsClosingBefore(db, new Date(now.getTime() + 8 * DAY_MS))) {
    const outcome = await within<number>(db, async (trx) => {
      const locked = await lock(trx, id);
      if (isRefused(locked) || locked.application.status !== 'draft') return 0;
      const due = reminderDue(locked.deadline, locked.now);
      if (!due) return 0;
      return tell(trx, { jobs }, locked, {
        occasion: `reminder-${due}:${id}:${locked.deadline.toISOString()}`,
        codes: [locked.application.leadCode],
        mailbox: false,
        also: [{ email: locked.application.contactEmail }],
        subject: `applications.mail.reminder.${due}.subject`,
        body: 'applications.mail.reminder.body',
        link: `/soknader/${id}`,
        params: {
          members: activeMembers(locked.application.members)
            .map((m) => m.name)
            .join(', '),
        },
      });
    });
    made += isRefused(outcome) ? 0 : outcome;
  }
  return made;
}
