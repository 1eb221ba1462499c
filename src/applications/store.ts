/**
 * The applications' SQL. Every multi-step write is one transaction with its audit entry. The
 * working copy's answers carry a version that every save names; a stale save is refused
 * (VersionConflict) with what changed, never lost. The deadline is checked against the database
 * server's clock (`now()`) inside the submitting transaction, with the application row locked, so
 * two submissions at once cannot both become the same version.
 */
import { sql, type Generated, type Selectable } from 'kysely';
import type { DB, Queryable, Tx } from '../platform/db/database.js';
import { recordAudit } from '../platform/audit/store.js';
import { saveFile } from '../platform/files/store.js';
import { membersFromRegistry } from '../programmes/eligibility.js';
import type { AttachmentRef, Answers, FormDefinition } from '../programmes/form.js';
import { applicableDeadline, reliesOnExtension, type DeadlineExtension } from '../programmes/extensions.js';
import { applicantExtension, extendedRound, findCall, markExtensionUsed, type StoredCall } from '../programmes/store.js';
import type { Eligibility, EligibilityRule, MemberContext } from '../programmes/rules.js';
import {
  attachDecision,
  beforeDeadline,
  invite,
  isEditable,
  respond,
  roundAt,
  submit,
  withdraw,
  type Application,
  type ApplicationStatus,
  type Decision,
  type Member,
  type NetworkProblem,
  type ProjectedChallenge,
  type SubmissionProblem,
} from './model.js';

interface ApplicationTable {
  id: Generated<string>;
  call_id: string;
  round_index: number;
  deadline: Date;
  country: 'NO' | 'DK';
  lead_code: string;
  status: ApplicationStatus;
  answers: string;
  submissions: Generated<number>;
  contact_email: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  updated_by_name: string | null;
  version: Generated<number>;
}

interface MemberTable {
  application_id: string;
  municipality_code: string;
  municipality_name: string;
  role: 'lead' | 'co';
  invitation: 'pending' | 'accepted' | 'declined';
  contact_email: string | null;
  decision_body: string | null;
  decision_date: string | null;
  decision_file_id: string | null;
  decision_file_name: string | null;
  invited_at: Generated<Date>;
  responded_at: Date | null;
  responded_by_name: string | null;
}

interface FileLinkTable {
  file_id: string;
  application_id: string;
  part_key: string;
  name: string;
  content_type: string;
  size_bytes: number;
  uploaded_at: Generated<Date>;
}

interface DraftVersionTable {
  application_id: string;
  version: number;
  answers: string;
  actor_name: string | null;
  saved_at: Generated<Date>;
}

interface SubmissionTable {
  id: Generated<string>;
  application_id: string;
  number: number;
  submitted_at: Date;
  submitted_by_name: string | null;
  call_title: string;
  call_language: string;
  deadline: Date;
  answers: string;
  members: string;
  form: string;
  rules: string;
  eligibility: string;
  recipients: string;
  pdf_file_id: string | null;
  pdf_ready_at: Date | null;
  mail_sent_at: Date | null;
}

interface ReceiptMailTable {
  submission_id: string;
  message_id: string;
  claimed_at: Date;
  attempts: number;
  sent_at: Date | null;
}

interface SubmittedProjectionTable {
  submission_id: string;
  part_key: string;
  challenge: string;
}

declare module '../platform/db/schema.js' {
  interface Database {
    application_receipt_mails: ReceiptMailTable;
    application_submission_projections: SubmittedProjectionTable;
    applications: ApplicationTable;
    application_members: MemberTable;
    application_files: FileLinkTable;
    application_draft_versions: DraftVersionTable;
    application_submissions: SubmissionTable;
  }
}

export interface Actor {
  user: { userId: string; name: string } | null;
  requestId: string | null;
}

export type StoredMember = Member & { contactEmail: string | null; respondedByName: string | null };

export interface StoredApplication extends Application {
  members: StoredMember[];
  roundIndex: number;
  deadline: Date;
  country: 'NO' | 'DK';
  contactEmail: string | null;
  createdAt: Date;
  updatedAt: Date;
  updatedByName: string | null;
}

/** An attachment answer as stored: the form's description plus the file it names. */
export type StoredAttachment = AttachmentRef & { fileId: string };

export interface StoredSubmission {
  id: string;
  applicationId: string;
  number: number;
  submittedAt: Date;
  submittedByName: string | null;
  callTitle: string;
  callLanguage: string;
  deadline: Date;
  answers: Answers;
  members: StoredMember[];
  form: FormDefinition;
  rules: EligibilityRule[];
  eligibility: Eligibility;
  recipients: string[];
  pdfFileId: string | null;
  mailSentAt: Date | null;
}

export class ApplicationNotFound extends Error {
  constructor() {
    super('application not found');
  }
}

/** The answers changed since the version the person started from. */
export class VersionConflict extends Error {
  constructor(
    readonly current: StoredApplication,
    readonly base: Answers | undefined,
    readonly baseVersion: number,
    readonly savedByName: string | null,
  ) {
    super(`version ${baseVersion} is stale; the application is at version ${current.version}`);
  }
}

/** The deadline has passed (database clock), or the application was withdrawn. */
export class ReadOnly extends Error {
  constructor(readonly deadline: Date) {
    super('the application is read-only');
  }
}

export class CallNotOpen extends Error {
  constructor() {
    super('the call is not open for applications');
  }
}

export class NetworkRefused extends Error {
  constructor(readonly problem: NetworkProblem) {
    super(`network change refused: ${problem}`);
  }
}

export class SubmissionRefused extends Error {
  constructor(readonly problems: SubmissionProblem[]) {
    super('submission refused');
  }
}

const json = (value: unknown) => JSON.stringify(value);
const parsed = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));
const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
const dateText = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

async function databaseNow(db: Queryable): Promise<Date> {
  const row = (await sql<{ now: Date }>`select now() as now`.execute(db)).rows[0]!;
  return new Date(row.now);
}

function toMember(row: Selectable<MemberTable>): StoredMember {
  const decision: Decision | null =
    row.decision_body && row.decision_date && row.decision_file_id
      ? { body: row.decision_body as Decision['body'], date: dateText(row.decision_date), fileId: row.decision_file_id, fileName: row.decision_file_name ?? '' }
      : null;
  return {
    code: row.municipality_code,
    name: row.municipality_name,
    role: row.role,
    invitation: row.invitation,
    decision,
    contactEmail: row.contact_email,
    respondedByName: row.responded_by_name,
  };
}

export async function findApplication(db: Queryable, id: string, lock = false): Promise<StoredApplication | undefined> {
  if (!isUuid(id)) return undefined;
  let query = db.selectFrom('applications').selectAll().where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const members = await db.selectFrom('application_members').selectAll().where('application_id', '=', id).orderBy('role', 'desc').orderBy('invited_at').orderBy('municipality_code').execute();
  return {
    id: row.id,
    callId: row.call_id,
    leadCode: row.lead_code,
    status: row.status,
    version: row.version,
    answers: parsed<Answers>(row.answers),
    members: members.map(toMember),
    submissions: row.submissions,
    roundIndex: row.round_index,
    deadline: row.deadline,
    country: row.country,
    contactEmail: row.contact_email,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedByName: row.updated_by_name,
  };
}

export interface ApplicationSummary {
  id: string;
  callId: string;
  status: ApplicationStatus;
  deadline: Date;
  leadCode: string;
  leadName: string;
  /** The member row of the asking municipality. */
  mine: { code: string; name: string; role: 'lead' | 'co'; invitation: 'pending' | 'accepted' | 'declined' };
  submissions: number;
  updatedAt: Date;
}

/** Applications in which any of the municipalities is lead or invited, newest first. */
export async function listApplicationsOf(db: Queryable, codes: readonly string[]): Promise<ApplicationSummary[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('application_members as mine')
    .innerJoin('applications', 'applications.id', 'mine.application_id')
    .innerJoin('application_members as lead', (join) => join.onRef('lead.application_id', '=', 'applications.id').on('lead.role', '=', 'lead'))
    .select([
      'applications.id',
      'applications.call_id',
      'applications.status',
      'applications.deadline',
      'applications.lead_code',
      'applications.submissions',
      'applications.updated_at',
      'lead.municipality_name as lead_name',
      'mine.municipality_code',
      'mine.municipality_name as mine_name',
      'mine.role',
      'mine.invitation',
    ])
    .where('mine.municipality_code', 'in', [...codes])
    .orderBy('applications.updated_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    callId: r.call_id,
    status: r.status,
    deadline: r.deadline,
    leadCode: r.lead_code,
    leadName: r.lead_name,
    mine: { code: r.municipality_code, name: r.mine_name, role: r.role, invitation: r.invitation },
    submissions: r.submissions,
    updatedAt: r.updated_at,
  }));
}

/**
 * The applications of a call whose latest state is submitted, each with its last submitted version
 * (the one that counts, and the one reviewers assess), lead first in its member list.
 */
export async function listSubmittedApplications(db: Queryable, callId: string): Promise<{ application: StoredApplication; submission: StoredSubmission }[]> {
  if (!isUuid(callId)) return [];
  const rows = await db.selectFrom('applications').select('id').where('call_id', '=', callId).where('status', '=', 'submitted').orderBy('created_at').orderBy('id').execute();
  const result: { application: StoredApplication; submission: StoredSubmission }[] = [];
  for (const { id } of rows) {
    const application = await findApplication(db, id);
    const submission = (await listSubmissions(db, id)).at(-1);
    if (application && submission) result.push({ application, submission });
  }
  return result;
}

/**
 * Starts an application for a municipality on a call whose round is running by the database clock,
 * or after it closed when the owner granted the municipality an exception that still runs.
 */
export async function startApplication(db: DB, call: StoredCall, lead: { code: string; name: string; contactEmail: string | null }, actor: Actor): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const now = await databaseNow(trx);
    const index = call.status === 'published' ? (roundAt(call.content.rounds, now) ?? (await extendedRound(trx, call.id, lead.code, now))) : undefined;
    if (index === undefined) throw new CallNotOpen();
    const row = await trx
      .insertInto('applications')
      .values({
        call_id: call.id,
        round_index: index,
        deadline: new Date(call.content.rounds[index]!.closesAt),
        country: call.programme.country,
        lead_code: lead.code,
        status: 'draft',
        answers: json({}),
        contact_email: lead.contactEmail,
        updated_by_name: actor.user?.name ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('application_members')
      .values({ application_id: row.id, municipality_code: lead.code, municipality_name: lead.name, role: 'lead', invitation: 'accepted', contact_email: lead.contactEmail, responded_at: now, responded_by_name: actor.user?.name ?? null })
      .execute();
    await trx.insertInto('application_draft_versions').values({ application_id: row.id, version: 1, answers: json({}), actor_name: actor.user?.name ?? null }).execute();
    await recordAudit(trx, { actor: actor.user, recordType: 'application', recordId: row.id, action: 'create', toState: 'draft', requestId: actor.requestId });
    return row.id;
  });
}

/** Locks the application, refuses it when it is gone or read-only by the database clock. */
async function editable(trx: Tx, id: string): Promise<{ application: StoredApplication; now: Date }> {
  const application = await findApplication(trx, id, true);
  if (!application) throw new ApplicationNotFound();
  const now = await databaseNow(trx);
  const deadline = await deadlineOf(trx, application);
  if (!isEditable(application, deadline, now)) throw new ReadOnly(deadline);
  return { application, now };
}

/** The closing instant of the application's round as the call stands now (an amendment may move it). */
export function callDeadline(call: StoredCall, roundIndex: number, fallback: Date): Date {
  const round = call.content.rounds[roundIndex];
  return round ? new Date(round.closesAt) : fallback;
}

/**
 * The deadline that applies to the application: its round's, or the later instant of an unrevoked
 * exception the owner granted its lead municipality (late submission by exception).
 */
export async function deadlineWithExtension(db: Queryable, call: StoredCall, application: Pick<StoredApplication, 'roundIndex' | 'deadline' | 'leadCode'>, lock = false): Promise<{ deadline: Date; ordinary: Date; extension: DeadlineExtension | undefined }> {
  const ordinary = callDeadline(call, application.roundIndex, application.deadline);
  const extension = await applicantExtension(db, call.id, application.roundIndex, application.leadCode, lock);
  return { deadline: applicableDeadline(ordinary, extension), ordinary, extension };
}

async function deadlineOf(trx: Tx, application: StoredApplication): Promise<Date> {
  const call = await findCall(trx, application.callId);
  return call ? (await deadlineWithExtension(trx, call, application)).deadline : application.deadline;
}

async function conflict(trx: Tx, application: StoredApplication, expectedVersion: number): Promise<VersionConflict> {
  const base = await trx.selectFrom('application_draft_versions').select('answers').where('application_id', '=', application.id).where('version', '=', expectedVersion).executeTakeFirst();
  return new VersionConflict(application, base ? parsed<Answers>(base.answers) : undefined, expectedVersion, application.updatedByName);
}

async function writeAnswers(trx: Tx, application: StoredApplication, expectedVersion: number, answers: Answers, actor: Actor, now: Date): Promise<number> {
  const updated = await trx
    .updateTable('applications')
    .set({ answers: json(answers), version: sql`version + 1`, updated_at: now, updated_by_name: actor.user?.name ?? null })
    .where('id', '=', application.id)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  if (!updated) throw await conflict(trx, (await findApplication(trx, application.id))!, expectedVersion);
  await trx.insertInto('application_draft_versions').values({ application_id: application.id, version: updated.version, answers: json(answers), actor_name: actor.user?.name ?? null }).execute();
  return updated.version;
}

/** Saves the working copy's answers (validation only warns; the caller shows the warnings). */
export async function saveAnswers(db: DB, id: string, expectedVersion: number, answers: Answers, actor: Actor): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { application, now } = await editable(trx, id);
    if (application.version !== expectedVersion) throw await conflict(trx, application, expectedVersion);
    const version = await writeAnswers(trx, application, expectedVersion, answers, actor, now);
    await recordAudit(trx, { actor: actor.user, recordType: 'application', recordId: id, action: 'save', requestId: actor.requestId });
    return version;
  });
}

export interface UploadedFile {
  name: string;
  contentType: string;
  content: Buffer;
}

/** Adds a file to an attachment part: the file, its link and the answer in one transaction. */
export async function addAttachment(db: DB, id: string, expectedVersion: number, partKey: string, file: UploadedFile, actor: Actor): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { application, now } = await editable(trx, id);
    if (application.version !== expectedVersion) throw await conflict(trx, application, expectedVersion);
    const fileId = await saveFile(trx, { name: file.name, contentType: file.contentType, content: file.content, uploadedBy: actor.user?.userId ?? null });
    await trx.insertInto('application_files').values({ file_id: fileId, application_id: id, part_key: partKey, name: file.name, content_type: file.contentType, size_bytes: file.content.length }).execute();
    const previous = (application.answers[partKey] as StoredAttachment[] | undefined) ?? [];
    const attachment: StoredAttachment = { name: file.name, type: file.contentType, bytes: file.content.length, fileId };
    const version = await writeAnswers(trx, application, expectedVersion, { ...application.answers, [partKey]: [...previous, attachment] }, actor, now);
    await recordAudit(trx, { actor: actor.user, recordType: 'application', recordId: id, action: 'attach', reason: partKey, requestId: actor.requestId });
    return version;
  });
}

/** Whether the file belongs to the application (an attachment or a member's decision). */
export async function applicationFile(db: Queryable, applicationId: string, fileId: string): Promise<boolean> {
  if (!isUuid(fileId)) return false;
  const link = await db.selectFrom('application_files').select('file_id').where('application_id', '=', applicationId).where('file_id', '=', fileId).executeTakeFirst();
  if (link) return true;
  const decision = await db.selectFrom('application_members').select('decision_file_id').where('application_id', '=', applicationId).where('decision_file_id', '=', fileId).executeTakeFirst();
  if (decision) return true;
  const pdf = await db.selectFrom('application_submissions').select('pdf_file_id').where('application_id', '=', applicationId).where('pdf_file_id', '=', fileId).executeTakeFirst();
  return pdf !== undefined;
}

/** Invites a municipality of the call's country into the network. */
export async function inviteMunicipality(db: DB, id: string, invited: { code: string; name: string }, maxMembers: number | undefined, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { application } = await editable(trx, id);
    const result = invite(application.members, invited.code, invited.name, maxMembers);
    if (!result.ok) throw new NetworkRefused(result.problem);
    await trx.deleteFrom('application_members').where('application_id', '=', id).where('municipality_code', '=', invited.code).execute();
    await trx.insertInto('application_members').values({ application_id: id, municipality_code: invited.code, municipality_name: invited.name, role: 'co', invitation: 'pending' }).execute();
    await recordAudit(trx, { actor: actor.user, recordType: 'application_member', recordId: `${id}/${invited.code}`, action: 'invite', toState: 'pending', requestId: actor.requestId });
  });
}

export async function respondToInvitation(db: DB, id: string, code: string, answer: 'accepted' | 'declined', contactEmail: string | null, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { application, now } = await editable(trx, id);
    const result = respond(application.members, code, answer);
    if (!result.ok) throw new NetworkRefused(result.problem);
    await trx
      .updateTable('application_members')
      .set({ invitation: answer, contact_email: contactEmail, responded_at: now, responded_by_name: actor.user?.name ?? null })
      .where('application_id', '=', id)
      .where('municipality_code', '=', code)
      .execute();
    await recordAudit(trx, { actor: actor.user, recordType: 'application_member', recordId: `${id}/${code}`, action: answer === 'accepted' ? 'accept' : 'decline', fromState: 'pending', toState: answer, requestId: actor.requestId });
  });
}

/** Attaches a member's political decision: the file and the member's row in one transaction. */
export async function attachMemberDecision(db: DB, id: string, code: string, decision: { body: string; date: string }, file: UploadedFile, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { application } = await editable(trx, id);
    const check = attachDecision(application.members, code, { body: decision.body as Decision['body'], date: decision.date, fileId: 'pending', fileName: file.name });
    if (!check.ok) throw new NetworkRefused(check.problem);
    const fileId = await saveFile(trx, { name: file.name, contentType: file.contentType, content: file.content, uploadedBy: actor.user?.userId ?? null });
    await trx
      .updateTable('application_members')
      .set({ decision_body: decision.body, decision_date: decision.date, decision_file_id: fileId, decision_file_name: file.name })
      .where('application_id', '=', id)
      .where('municipality_code', '=', code)
      .execute();
    await recordAudit(trx, { actor: actor.user, recordType: 'application_member', recordId: `${id}/${code}`, action: 'decision', reason: `${decision.body} ${decision.date}`, requestId: actor.requestId });
  });
}

/** Withdraws the application before the deadline (database clock), audited with the reason. */
export async function withdrawApplication(db: DB, id: string, expectedVersion: number, reason: string | null, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const application = await findApplication(trx, id, true);
    if (!application) throw new ApplicationNotFound();
    if (application.version !== expectedVersion) throw await conflict(trx, application, expectedVersion);
    const now = await databaseNow(trx);
    const deadline = await deadlineOf(trx, application);
    if (!beforeDeadline(deadline, now) || application.status === 'withdrawn') throw new ReadOnly(deadline);
    const { event } = withdraw(application, deadline, now);
    await trx.updateTable('applications').set({ status: 'withdrawn', version: sql`version + 1`, updated_at: now, updated_by_name: actor.user?.name ?? null }).where('id', '=', id).where('version', '=', expectedVersion).execute();
    await recordAudit(trx, { actor: actor.user, recordType: 'application', recordId: id, action: 'withdraw', fromState: event.from, toState: event.to, reason, requestId: actor.requestId });
  });
}

/** Registry facts of the members, for the rules (populations with their year). */
export async function registryFacts(db: Queryable, country: 'NO' | 'DK', codes: readonly string[]): Promise<Map<string, Pick<MemberContext, 'kind' | 'population'>>> {
  const { members } = await membersFromRegistry(db, country, codes);
  return new Map(members.map((m) => [m.code, { kind: m.kind, population: m.population }]));
}

/**
 * Submits the application: row locked, version checked, every rule and part checked, the deadline
 * checked on the database clock, the call's form and rules copied into a new numbered version, the
 * receipt job enqueued — all in one transaction, or nothing.
 */
export async function submitApplication(
  db: DB,
  id: string,
  expectedVersion: number,
  actor: Actor,
  enqueue: (trx: Tx, submissionId: string) => Promise<unknown>,
): Promise<{ submissionId: string; number: number }> {
  return db.transaction().execute(async (trx) => {
    const application = await findApplication(trx, id, true);
    if (!application) throw new ApplicationNotFound();
    if (application.version !== expectedVersion) throw await conflict(trx, application, expectedVersion);
    const now = await databaseNow(trx);
    if (application.status === 'withdrawn') throw new ReadOnly(application.deadline);
    const call = await findCall(trx, application.callId);
    if (!call || call.status === 'draft') throw new ApplicationNotFound();
    const form = call.snapshot.form;
    const rules = call.snapshot.rules;
    const registry = await registryFacts(trx, application.country, application.members.filter((m) => m.invitation === 'accepted').map((m) => m.code));
    const { deadline, ordinary, extension } = await deadlineWithExtension(trx, call, application, true);
    const result = submit(application, { form, rules, registry, deadline, now });
    if (!result.ok) throw new SubmissionRefused(result.problems);
    if (extension && reliesOnExtension(ordinary, now)) await markExtensionUsed(trx, extension, id, now, actor);
    const updated = await trx
      .updateTable('applications')
      .set({ status: 'submitted', submissions: result.application.submissions, version: sql`version + 1`, updated_at: now, updated_by_name: actor.user?.name ?? null })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returning('version')
      .executeTakeFirst();
    if (!updated) throw await conflict(trx, (await findApplication(trx, id))!, expectedVersion);
    await trx.insertInto('application_draft_versions').values({ application_id: id, version: updated.version, answers: json(application.answers), actor_name: actor.user?.name ?? null }).execute();
    const recipients = [...new Set(application.members.filter((m) => m.invitation === 'accepted').map((m) => m.contactEmail).filter((e): e is string => !!e))];
    const row = await trx
      .insertInto('application_submissions')
      .values({
        application_id: id,
        number: result.event.type === 'submitted' ? result.event.number : 0,
        submitted_at: now,
        submitted_by_name: actor.user?.name ?? null,
        call_title: call.content.title,
        call_language: call.content.language,
        deadline,
        answers: json(application.answers),
        members: json(application.members.filter((m) => m.invitation === 'accepted')),
        form: json(form),
        rules: json(rules),
        eligibility: json(result.eligibility),
        recipients: json(recipients),
      })
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: actor.user, recordType: 'application', recordId: id, action: 'submit', fromState: application.status, toState: 'submitted', reason: `version ${row.number}`, requestId: actor.requestId });
    await enqueue(trx, row.id);
    return { submissionId: row.id, number: row.number };
  });
}

function toSubmission(row: Selectable<SubmissionTable>): StoredSubmission {
  return {
    id: row.id,
    applicationId: row.application_id,
    number: row.number,
    submittedAt: row.submitted_at,
    submittedByName: row.submitted_by_name,
    callTitle: row.call_title,
    callLanguage: row.call_language,
    deadline: row.deadline,
    answers: parsed<Answers>(row.answers),
    members: parsed<StoredMember[]>(row.members),
    form: parsed<FormDefinition>(row.form),
    rules: parsed<EligibilityRule[]>(row.rules),
    eligibility: parsed<Eligibility>(row.eligibility),
    recipients: parsed<string[]>(row.recipients),
    pdfFileId: row.pdf_file_id,
    mailSentAt: row.mail_sent_at,
  };
}

export async function listSubmissions(db: Queryable, applicationId: string): Promise<StoredSubmission[]> {
  const rows = await db.selectFrom('application_submissions').selectAll().where('application_id', '=', applicationId).orderBy('number').execute();
  return rows.map((r) => toSubmission(r));
}

export async function findSubmission(db: Queryable, id: string): Promise<StoredSubmission | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db.selectFrom('application_submissions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSubmission(row) : undefined;
}

/** Stores the receipt PDF of a submission once (a rerun of the job keeps the first). */
export async function storeReceiptPdf(db: DB, submissionId: string, pdf: Buffer, name: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('application_submissions').select(['pdf_file_id', 'application_id']).where('id', '=', submissionId).forUpdate().executeTakeFirstOrThrow();
    if (row.pdf_file_id) return row.pdf_file_id;
    const fileId = await saveFile(trx, { name, contentType: 'application/pdf', content: pdf, uploadedBy: null });
    await trx.updateTable('application_submissions').set({ pdf_file_id: fileId, pdf_ready_at: sql`now()` }).where('id', '=', submissionId).execute();
    await recordAudit(trx, { actor: null, recordType: 'application', recordId: row.application_id, action: 'receipt-pdf', requestId: null });
    return fileId;
  });
}

/** The network changed between reading it for the projected figures and submitting: ask again. */
export class NetworkChanged extends Error {
  constructor() {
    super('the network changed while submitting');
  }
}

/**
 * Keeps the projected-challenge figures with a submitted version, inside the submitting
 * transaction; refuses (rolling the submission back) when they were computed for other members
 * than the version's.
 */
export async function keepSubmittedChallenges(trx: Tx, submissionId: string, memberCodes: readonly string[], challenges: readonly ProjectedChallenge[]): Promise<void> {
  const row = await trx.selectFrom('application_submissions').select('members').where('id', '=', submissionId).executeTakeFirstOrThrow();
  const codes = parsed<StoredMember[]>(row.members).map((m) => m.code);
  if ([...codes].sort().join() !== [...memberCodes].sort().join()) throw new NetworkChanged();
  for (const challenge of challenges) {
    await trx.insertInto('application_submission_projections').values({ submission_id: submissionId, part_key: challenge.part, challenge: json(challenge) }).execute();
  }
}

/** The projected-challenge figures as they were when the version was submitted. */
export async function submittedChallenges(db: Queryable, submissionId: string): Promise<ProjectedChallenge[]> {
  if (!isUuid(submissionId)) return [];
  const rows = await db.selectFrom('application_submission_projections').select('challenge').where('submission_id', '=', submissionId).orderBy('part_key').execute();
  return rows.map((r) => parsed<ProjectedChallenge>(r.challenge));
}

export type ReceiptMailClaim = { state: 'claimed'; messageId: string; attempt: number } | { state: 'sent' } | { state: 'busy' };

/**
 * Claims the receipt mail of a submission before it is sent, in one transaction: the first claim
 * fixes the Message-ID; a mail already sent is not claimed again, nor one claimed less than
 * `leaseSeconds` ago (its sender is still at it); an older claim is taken over with the same
 * Message-ID (its sender died between claiming and marking).
 */
export async function claimReceiptMail(db: DB, submissionId: string, messageId: string, leaseSeconds: number): Promise<ReceiptMailClaim> {
  return db.transaction().execute(async (trx) => {
    const submission = await trx.selectFrom('application_submissions').select('application_id').where('id', '=', submissionId).executeTakeFirstOrThrow();
    const audit = (attempt: number, id: string) =>
      recordAudit(trx, { actor: null, recordType: 'application', recordId: submission.application_id, action: 'receipt-mail-claim', reason: `${id} attempt ${attempt}`, requestId: null });
    const inserted = await trx
      .insertInto('application_receipt_mails')
      .values({ submission_id: submissionId, message_id: messageId, claimed_at: sql<Date>`now()`, attempts: 1 })
      .onConflict((oc) => oc.column('submission_id').doNothing())
      .returning('message_id')
      .executeTakeFirst();
    if (inserted) {
      await audit(1, inserted.message_id);
      return { state: 'claimed', messageId: inserted.message_id, attempt: 1 };
    }
    const row = await trx
      .selectFrom('application_receipt_mails')
      .select(['message_id', 'attempts', 'sent_at', sql<boolean>`claimed_at > now() - make_interval(secs => ${leaseSeconds})`.as('fresh')])
      .where('submission_id', '=', submissionId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.sent_at) return { state: 'sent' };
    if (row.fresh) return { state: 'busy' };
    const attempt = row.attempts + 1;
    await trx.updateTable('application_receipt_mails').set({ claimed_at: sql<Date>`now()`, attempts: attempt }).where('submission_id', '=', submissionId).execute();
    await audit(attempt, row.message_id);
    return { state: 'claimed', messageId: row.message_id, attempt };
  });
}

/** Marks the receipt mail sent (the relay took it), audited with its Message-ID. */
export async function markReceiptMailSent(db: DB, submissionId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const mail = await trx
      .updateTable('application_receipt_mails')
      .set({ sent_at: sql<Date>`now()` })
      .where('submission_id', '=', submissionId)
      .where('sent_at', 'is', null)
      .returning('message_id')
      .executeTakeFirst();
    if (!mail) return;
    const row = await trx.updateTable('application_submissions').set({ mail_sent_at: sql`now()` }).where('id', '=', submissionId).returning('application_id').executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: null, recordType: 'application', recordId: row.application_id, action: 'receipt-mail', reason: mail.message_id, requestId: null });
  });
}

/** The receipt mail's record: its Message-ID, how many times it was claimed, and when it was sent. */
export async function findReceiptMail(db: Queryable, submissionId: string): Promise<{ messageId: string; attempts: number; sentAt: Date | null } | undefined> {
  const row = await db.selectFrom('application_receipt_mails').selectAll().where('submission_id', '=', submissionId).executeTakeFirst();
  return row ? { messageId: row.message_id, attempts: row.attempts, sentAt: row.sent_at } : undefined;
}

export { beforeDeadline };
