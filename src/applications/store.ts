/**
 * The applications' SQL: plain reads and writes. The use cases (use-cases.ts) decide, in one
 * transaction each; a write that names a version answers undefined when the row moved on. The
 * receipt job's records are in receipt-store.ts.
 */
import { sql, type Generated, type Selectable } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import { isUuid, json, parsed, type Actor } from '../platform/db/kit.js';
import { saveFile } from '../platform/files/store.js';
import type { UploadedFile } from '../platform/http/input.js';
import {
  applicableDeadline,
  applicantExtension,
  membersFromRegistry,
  type Answers,
  type AttachmentRef,
  type DeadlineExtension,
  type Eligibility,
  type EligibilityRule,
  type FormDefinition,
  type MemberContext,
  type StoredCall,
} from '../programmes/index.js';
import type { InvitationState } from './workflows.js';
import { callDeadline, type Application, type ApplicationStatus, type Decision, type Member, type ProjectedChallenge } from './model.js';

interface ApplicationTable {
  id: Generated<string>;
  /** The case number (saksnummer) people quote, e.g. 2026/0042. */
  case_number: string;
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
  continues_project_id: Generated<string | null>;
}

interface MemberTable {
  application_id: string;
  municipality_code: string;
  municipality_name: string;
  role: 'lead' | 'co';
  invitation: InvitationState;
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
    application_case_numbers: { year: number; last: number };
    application_members: MemberTable;
    application_files: FileLinkTable;
    application_draft_versions: DraftVersionTable;
    application_submissions: SubmissionTable;
  }
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
  /** The earlier project this application continues, if any. */
  continuesProjectId: string | null;
}

/** An attachment answer as stored: the form's description plus the file it names. */
export type StoredAttachment = AttachmentRef & { fileId: string };

export interface StoredSubmission {
  id: string;
  applicationId: string;
  /** The application's case number (saksnummer). */
  caseNumber: string;
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

const dateText = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

function toMember(row: Selectable<MemberTable>): StoredMember {
  const decision: Decision | null =
    row.decision_body && row.decision_date && row.decision_file_id
      ? {
          body: row.decision_body as Decision['body'],
          date: dateText(row.decision_date),
          fileId: row.decision_file_id,
          fileName: row.decision_file_name ?? '',
        }
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
  const members = await db
    .selectFrom('application_members')
    .selectAll()
    .where('application_id', '=', id)
    .orderBy('role', 'desc')
    .orderBy('invited_at')
    .orderBy('municipality_code')
    .execute();
  return {
    id: row.id,
    caseNumber: row.case_number,
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
    continuesProjectId: row.continues_project_id,
  };
}

/** Drafts whose deadline as started falls before `until` and after now (the sweep checks each one's deadline as it stands). */
export async function draftsClosingBefore(db: Queryable, until: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('applications')
    .select('id')
    .where('status', '=', 'draft')
    .where('deadline', '>', sql<Date>`now()`)
    .where('deadline', '<=', until)
    .execute();
  return rows.map((row) => row.id);
}

export interface ApplicationSummary {
  id: string;
  caseNumber: string;
  callId: string;
  roundIndex: number;
  status: ApplicationStatus;
  deadline: Date;
  leadCode: string;
  leadName: string;
  /** The member row of the asking municipality. */
  mine: { code: string; name: string; role: 'lead' | 'co'; invitation: InvitationState };
  submissions: number;
  updatedAt: Date;
}

/** Applications in which any of the municipalities is lead or invited, newest first. */
export async function listApplicationsOf(db: Queryable, codes: readonly string[]): Promise<ApplicationSummary[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('application_members as mine')
    .innerJoin('applications', 'applications.id', 'mine.application_id')
    .innerJoin('application_members as lead', (join) =>
      join.onRef('lead.application_id', '=', 'applications.id').on('lead.role', '=', 'lead'),
    )
    .select([
      'applications.id',
      'applications.case_number',
      'applications.round_index',
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
    caseNumber: r.case_number,
    roundIndex: r.round_index,
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
export async function listSubmittedApplications(
  db: Queryable,
  callId: string,
): Promise<{ application: StoredApplication; submission: StoredSubmission }[]> {
  if (!isUuid(callId)) return [];
  const rows = await db
    .selectFrom('applications')
    .select('id')
    .where('call_id', '=', callId)
    .where('status', '=', 'submitted')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const result: { application: StoredApplication; submission: StoredSubmission }[] = [];
  for (const { id } of rows) {
    const application = await findApplication(db, id);
    const submission = (await listSubmissions(db, id)).at(-1);
    if (application && submission) result.push({ application, submission });
  }
  return result;
}

const nameOf = (actor: Actor) => actor.user?.name ?? null;

export interface NewApplication {
  call: StoredCall;
  roundIndex: number;
  lead: { code: string; name: string; contactEmail: string | null };
  continuesProjectId?: string | null;
  answers?: Answers;
}

/** A draft with its lead as the first, accepted member and its first (empty) version. */
/**
 * Holds, until the transaction ends, the right to put a municipality into an application of a
 * call's round: two starts or two acceptances at once are taken one after the other.
 */
export async function lockMunicipalityInRound(db: Queryable, callId: string, roundIndex: number, code: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`applications:${callId}:${roundIndex}:${code}`}))`.execute(db);
}

/** The live application of the call's round the municipality is already in, as lead or accepted member. */
export async function applicationInRound(
  db: Queryable,
  { callId, roundIndex, code, except }: { callId: string; roundIndex: number; code: string; except?: string },
): Promise<{ id: string; leadName: string; createdAt: Date } | undefined> {
  let query = db
    .selectFrom('applications')
    .innerJoin('application_members as member', 'member.application_id', 'applications.id')
    .innerJoin('application_members as lead', (join) =>
      join.onRef('lead.application_id', '=', 'applications.id').on('lead.role', '=', 'lead'),
    )
    .select(['applications.id', 'lead.municipality_name as lead_name', 'applications.created_at'])
    .where('applications.call_id', '=', callId)
    .where('applications.round_index', '=', roundIndex)
    .where('applications.status', '!=', 'withdrawn')
    .where('member.municipality_code', '=', code)
    .where('member.invitation', '=', 'accepted');
  if (except) query = query.where('applications.id', '!=', except);
  const row = await query.orderBy('applications.created_at').executeTakeFirst();
  return row && { id: row.id, leadName: row.lead_name, createdAt: row.created_at };
}

export async function insertApplication(
  db: Queryable,
  { call, roundIndex, lead, continuesProjectId = null, answers = {} }: NewApplication,
  now: Date,
  actor: Actor,
): Promise<string> {
  const row = await db
    .insertInto('applications')
    .values({
      case_number: await nextCaseNumber(db, now),
      call_id: call.id,
      round_index: roundIndex,
      deadline: new Date(call.content.rounds[roundIndex]!.closesAt),
      country: call.programme.country,
      lead_code: lead.code,
      status: 'draft',
      answers: json(answers),
      contact_email: lead.contactEmail,
      updated_by_name: nameOf(actor),
      continues_project_id: continuesProjectId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('application_members')
    .values({
      application_id: row.id,
      municipality_code: lead.code,
      municipality_name: lead.name,
      role: 'lead',
      invitation: 'accepted',
      contact_email: lead.contactEmail,
      responded_at: now,
      responded_by_name: nameOf(actor),
    })
    .execute();
  await insertDraftVersion(db, row.id, 1, answers, actor);
  return row.id;
}

/** The next case number of the year (Norwegian time), e.g. `2026/0042`; the year's row serialises concurrent starts. */
async function nextCaseNumber(db: Queryable, now: Date): Promise<string> {
  const year = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Oslo' }).format(now));
  const { last } = await db
    .insertInto('application_case_numbers')
    .values({ year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql<number>`application_case_numbers.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${year}/${String(last).padStart(4, '0')}`;
}

async function insertDraftVersion(db: Queryable, applicationId: string, version: number, answers: Answers, actor: Actor): Promise<void> {
  await db
    .insertInto('application_draft_versions')
    .values({ application_id: applicationId, version, answers: json(answers), actor_name: nameOf(actor) })
    .execute();
}

/** The answers as they were saved in `version`, if that version was kept. */
export async function draftAnswers(db: Queryable, applicationId: string, version: number): Promise<Answers | undefined> {
  const row = await db
    .selectFrom('application_draft_versions')
    .select('answers')
    .where('application_id', '=', applicationId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? parsed<Answers>(row.answers) : undefined;
}

/** Writes the answers over `expectedVersion` and keeps them as the next version; undefined when the row moved on. */
export async function writeAnswers(
  db: Queryable,
  applicationId: string,
  expectedVersion: number,
  answers: Answers,
  now: Date,
  actor: Actor,
): Promise<number | undefined> {
  const updated = await db
    .updateTable('applications')
    .set({ answers: json(answers), version: sql`version + 1`, updated_at: now, updated_by_name: nameOf(actor) })
    .where('id', '=', applicationId)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  if (updated) await insertDraftVersion(db, applicationId, updated.version, answers, actor);
  return updated?.version;
}

/** Moves the application to `status` over `expectedVersion` (a submission keeps its answers as the next version); undefined when the row moved on. */
export async function writeStatus(
  db: Queryable,
  application: Pick<StoredApplication, 'id' | 'answers'>,
  expectedVersion: number,
  change: { status: ApplicationStatus; submissions?: number },
  now: Date,
  actor: Actor,
): Promise<number | undefined> {
  const updated = await db
    .updateTable('applications')
    .set({
      status: change.status,
      ...(change.submissions === undefined ? {} : { submissions: change.submissions }),
      version: sql`version + 1`,
      updated_at: now,
      updated_by_name: nameOf(actor),
    })
    .where('id', '=', application.id)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  if (updated && change.status === 'submitted') await insertDraftVersion(db, application.id, updated.version, application.answers, actor);
  return updated?.version;
}

/** A file of an attachment part, stored and linked to the application. */
export async function storeAttachment(
  db: Queryable,
  applicationId: string,
  partKey: string,
  file: UploadedFile,
  actor: Actor,
): Promise<StoredAttachment> {
  const fileId = await saveFile(db, {
    name: file.name,
    contentType: file.contentType,
    content: file.content,
    uploadedBy: actor.user?.userId ?? null,
  });
  await db
    .insertInto('application_files')
    .values({
      file_id: fileId,
      application_id: applicationId,
      part_key: partKey,
      name: file.name,
      content_type: file.contentType,
      size_bytes: file.content.length,
    })
    .execute();
  return { name: file.name, type: file.contentType, bytes: file.content.length, fileId };
}

/** Whether the file belongs to the application (an attachment or a member's decision). */
export async function applicationFile(db: Queryable, applicationId: string, fileId: string): Promise<boolean> {
  if (!isUuid(fileId)) return false;
  const ofApplication = db
    .selectFrom('application_files')
    .select('file_id as id')
    .where('application_id', '=', applicationId)
    .where('file_id', '=', fileId);
  const decisions = db
    .selectFrom('application_members')
    .select('decision_file_id as id')
    .where('application_id', '=', applicationId)
    .where('decision_file_id', '=', fileId)
    .$narrowType<{ id: string }>();
  const receipts = db
    .selectFrom('application_submissions')
    .select('pdf_file_id as id')
    .where('application_id', '=', applicationId)
    .where('pdf_file_id', '=', fileId)
    .$narrowType<{ id: string }>();
  return (await ofApplication.union(decisions).union(receipts).executeTakeFirst()) !== undefined;
}

/** A (new or renewed) pending invitation of a municipality into the network. */
export async function writeInvitation(db: Queryable, applicationId: string, invited: { code: string; name: string }): Promise<void> {
  await db
    .deleteFrom('application_members')
    .where('application_id', '=', applicationId)
    .where('municipality_code', '=', invited.code)
    .execute();
  await db
    .insertInto('application_members')
    .values({
      application_id: applicationId,
      municipality_code: invited.code,
      municipality_name: invited.name,
      role: 'co',
      invitation: 'pending',
    })
    .execute();
}

export async function writeInvitationAnswer(
  db: Queryable,
  applicationId: string,
  code: string,
  answer: { invitation: Member['invitation']; contactEmail: string | null },
  now: Date,
  actor: Actor,
): Promise<void> {
  await db
    .updateTable('application_members')
    .set({ invitation: answer.invitation, contact_email: answer.contactEmail, responded_at: now, responded_by_name: nameOf(actor) })
    .where('application_id', '=', applicationId)
    .where('municipality_code', '=', code)
    .execute();
}

/** A member's political decision with its file. */
export async function writeDecision(
  db: Queryable,
  applicationId: string,
  code: string,
  decision: { body: string; date: string },
  file: UploadedFile,
  actor: Actor,
): Promise<void> {
  const fileId = await saveFile(db, {
    name: file.name,
    contentType: file.contentType,
    content: file.content,
    uploadedBy: actor.user?.userId ?? null,
  });
  await db
    .updateTable('application_members')
    .set({ decision_body: decision.body, decision_date: decision.date, decision_file_id: fileId, decision_file_name: file.name })
    .where('application_id', '=', applicationId)
    .where('municipality_code', '=', code)
    .execute();
}

/**
 * The deadline that applies to the application: its round's, or the later instant of an unrevoked
 * exception the owner granted its lead municipality (late submission by exception).
 */
export async function deadlineWithExtension(
  db: Queryable,
  call: StoredCall,
  application: Pick<StoredApplication, 'roundIndex' | 'deadline' | 'leadCode'>,
  lock = false,
): Promise<{ deadline: Date; ordinary: Date; extension: DeadlineExtension | undefined }> {
  const ordinary = callDeadline(call, application.roundIndex, application.deadline);
  const extension = await applicantExtension(db, call.id, application.roundIndex, application.leadCode, lock);
  return { deadline: applicableDeadline(ordinary, extension), ordinary, extension };
}

/** Registry facts of the members, for the rules (populations with their year). */
export async function registryFacts(
  db: Queryable,
  country: 'NO' | 'DK',
  codes: readonly string[],
): Promise<Map<string, Pick<MemberContext, 'kind' | 'population'>>> {
  const { members } = await membersFromRegistry(db, country, codes);
  return new Map(members.map((m) => [m.code, { kind: m.kind, population: m.population }]));
}

export type NewSubmission = Omit<StoredSubmission, 'id' | 'caseNumber' | 'pdfFileId' | 'mailSentAt'>;

export async function insertSubmission(db: Queryable, submission: NewSubmission): Promise<{ id: string; number: number }> {
  return db
    .insertInto('application_submissions')
    .values({
      application_id: submission.applicationId,
      number: submission.number,
      submitted_at: submission.submittedAt,
      submitted_by_name: submission.submittedByName,
      call_title: submission.callTitle,
      call_language: submission.callLanguage,
      deadline: submission.deadline,
      answers: json(submission.answers),
      members: json(submission.members),
      form: json(submission.form),
      rules: json(submission.rules),
      eligibility: json(submission.eligibility),
      recipients: json(submission.recipients),
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
}

function toSubmission(row: Selectable<SubmissionTable> & { case_number: string }): StoredSubmission {
  return {
    id: row.id,
    applicationId: row.application_id,
    caseNumber: row.case_number,
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

/** Submitted versions with their application's case number. */
const submissions = (db: Queryable) =>
  db
    .selectFrom('application_submissions')
    .innerJoin('applications', 'applications.id', 'application_submissions.application_id')
    .selectAll('application_submissions')
    .select('applications.case_number');

export async function listSubmissions(db: Queryable, applicationId: string): Promise<StoredSubmission[]> {
  const rows = await submissions(db).where('application_id', '=', applicationId).orderBy('number').execute();
  return rows.map((r) => toSubmission(r));
}

export async function findSubmission(db: Queryable, id: string): Promise<StoredSubmission | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await submissions(db).where('application_submissions.id', '=', id).executeTakeFirst();
  return row ? toSubmission(row) : undefined;
}

/** Keeps a projected-challenge part's figures with a submitted version. */
export async function insertSubmittedChallenge(db: Queryable, submissionId: string, challenge: ProjectedChallenge): Promise<void> {
  await db
    .insertInto('application_submission_projections')
    .values({ submission_id: submissionId, part_key: challenge.part, challenge: json(challenge) })
    .execute();
}

/** The projected-challenge figures as they were when the version was submitted. */
export async function submittedChallenges(db: Queryable, submissionId: string): Promise<ProjectedChallenge[]> {
  if (!isUuid(submissionId)) return [];
  const rows = await db
    .selectFrom('application_submission_projections')
    .select('challenge')
    .where('submission_id', '=', submissionId)
    .orderBy('part_key')
    .execute();
  return rows.map((r) => parsed<ProjectedChallenge>(r.challenge));
}
