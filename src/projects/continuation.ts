/**
 * Continuation (videreføring, seed 004): what a project's members draft when it nears its end, and
 * how it becomes the answers of an application to an open call. The model is pure; the use cases
 * at the end own their transactions.
 */
import { sql, type Generated } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import { json, parsed, type Actor } from '../platform/db/kit.js';
import { inTransaction, isRefused, refuse, versionConflict } from '../platform/outcome.js';
import { startApplication } from '../applications/index.js';
import type { Answers, FormDefinition, StoredCall, TableRow } from '../programmes/index.js';
import { lockProject, type StoredProject } from './store.js';
import type { ProjectProblem } from './use-cases.js';
import { projectWorkflow } from './workflows.js';

export interface TargetGroup {
  group: string;
  value: string;
  priority: number | null;
}

export interface Continuation {
  /** Why continue: a clear reason why going on is needed and useful. */
  background: string;
  targetGroups: TargetGroup[];
  resultGoals: string[];
  mainActivities: string[];
  /** The organisation model: an umbrella project with a sub-project in each municipality. */
  organisationModel: string;
  /** What each member can give: money and people. */
  resources: { code: string; money: number; people: string }[];
}

/** Seed 004's target groups, in the project's language. */
const TARGET_GROUPS: Record<'NO' | 'DK', readonly string[]> = {
  NO: [
    'Nettverkets kommuner',
    'Andre kommuner',
    'Departementene',
    'Fylkene',
    'KS',
    'Direktorater og andre organisasjoner',
    'Funksjonshemmedes organisasjoner',
    'Allmennheten og innbyggerne',
  ],
  DK: [
    'Netværkets kommuner',
    'Andre kommuner',
    'Ministerierne',
    'Regionerne',
    'KL',
    'Styrelser og andre organisationer',
    'Handicaporganisationerne',
    'Offentligheden og borgerne',
  ],
};

const MODEL: Record<'NO' | 'DK', string> = {
  NO: 'Et hovedprosjekt som sikrer koordinering, erfarings- og idéutveksling og synergier, med et delprosjekt i hver kommune tilpasset lokale behov og ressurser.',
  DK: 'Et hovedprojekt, der sikrer koordinering, erfarings- og idéudveksling og synergier, med et delprojekt i hver kommune tilpasset lokale behov og ressourcer.',
};

export function newContinuation(project: StoredProject): Continuation {
  return {
    background: '',
    targetGroups: TARGET_GROUPS[project.country].map((group) => ({ group, value: '', priority: null })),
    resultGoals: [],
    mainActivities: [],
    organisationModel: MODEL[project.country],
    resources: project.members.map((m) => ({ code: m.code, money: 0, people: '' })),
  };
}

/** Whether the project is near enough its end to draft a continuation: within a year of it, or ended. */
export function mayContinue(project: StoredProject, today: string): boolean {
  if (projectWorkflow.isIn('ended', project.state)) return true;
  if (project.state !== 'running' || !project.endsOn) return false;
  const yearBefore = `${Number(project.endsOn.slice(0, 4)) - 1}${project.endsOn.slice(4)}`;
  return today >= yearBefore;
}

/**
 * The continuation as answers to a call's form, where the form has a place for them: a table with
 * target group, value and priority columns; the first required text part for the background; a
 * text part about goals for the result goals; one about the plan or activities for the main
 * activities and the organisation model. The rest is left for the applicant.
 */
export function continuationAnswers(form: FormDefinition, continuation: Continuation): Answers {
  const answers: Record<string, string | TableRow[]> = {};
  const parts = form.sections.flatMap((s) => s.parts);
  const texts = parts.filter((p) => p.kind === 'text');
  const table = parts.find((p) => p.kind === 'table' && ['group', 'value', 'priority'].every((k) => p.columns.some((c) => c.key === k)));
  if (table)
    answers[table.key] = continuation.targetGroups
      .filter((g) => g.value.trim() !== '')
      .map((g) => ({ group: g.group, value: g.value, priority: g.priority === null ? '' : String(g.priority) }));
  const goals = texts.find((p) => /goal|mål/i.test(p.key));
  const plan = texts.find((p) => /plan|activit|tiltak/i.test(p.key) && p !== goals);
  const background = texts.find((p) => p.required && p !== goals && p !== plan);
  if (background && continuation.background) answers[background.key] = continuation.background;
  if (goals && continuation.resultGoals.length > 0) answers[goals.key] = continuation.resultGoals.join('\n');
  if (plan) answers[plan.key] = [...continuation.mainActivities, continuation.organisationModel].filter(Boolean).join('\n\n');
  return answers;
}

// Stored --------------------------------------------------------------------------------------------

interface ContinuationTable {
  project_id: string;
  content: unknown;
  saved_at: Generated<Date>;
  saved_by_name: string | null;
  application_id: string | null;
  version: Generated<number>;
}

declare module '../platform/db/schema.js' {
  interface Database {
    project_continuations: ContinuationTable;
  }
}

export interface StoredContinuation {
  content: Continuation;
  savedAt: Date;
  savedByName: string | null;
  applicationId: string | null;
  version: number;
}

export async function findContinuation(db: Queryable, projectId: string, lock = false): Promise<StoredContinuation | undefined> {
  let query = db.selectFrom('project_continuations').selectAll().where('project_id', '=', projectId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row
    ? {
        content: parsed<Continuation>(row.content),
        savedAt: row.saved_at,
        savedByName: row.saved_by_name,
        applicationId: row.application_id,
        version: row.version,
      }
    : undefined;
}

// Use cases -----------------------------------------------------------------------------------------

/** The members save the continuation being drafted (version 0 for the first); not after it is sent. */
export async function saveContinuation(db: Queryable, projectId: string, expectedVersion: number, content: Continuation, actor: Actor) {
  return inTransaction<{ version: number }, ProjectProblem>(db, async (trx) => {
    const project = await lockProject(trx, projectId);
    if (!project) return refuse({ kind: 'projectNotFound' });
    const current = await findContinuation(trx, projectId, true);
    if ((current?.version ?? 0) !== expectedVersion)
      return refuse(versionConflict(current?.version ?? 0, expectedVersion, current?.savedByName ?? null));
    if (current?.applicationId) return refuse({ kind: 'wrongState' });
    const byName = actor.user?.name ?? '';
    const row = await trx
      .insertInto('project_continuations')
      .values({ project_id: projectId, content: json(content), saved_by_name: byName })
      .onConflict((oc) =>
        oc.column('project_id').doUpdateSet({
          content: json(content),
          saved_by_name: byName,
          saved_at: sql`now()`,
          version: sql`project_continuations.version + 1`,
        }),
      )
      .returning('version')
      .executeTakeFirstOrThrow();
    return { version: row.version };
  });
}

/**
 * The lead sends the continuation to an open call: an application is started in the lead's name,
 * carrying the link to this project and the continuation as its first answers; the application
 * journey takes it from there (members invited, sent before the deadline).
 */
export async function applyWithContinuation(
  db: Queryable,
  projectId: string,
  expectedVersion: number,
  call: StoredCall,
  contactEmail: string | null,
  actor: Actor,
) {
  return inTransaction<{ applicationId: string }, ProjectProblem>(db, async (trx) => {
    const project = await lockProject(trx, projectId);
    if (!project) return refuse({ kind: 'projectNotFound' });
    const current = await findContinuation(trx, projectId, true);
    if (!current || current.version !== expectedVersion)
      return refuse(versionConflict(current?.version ?? 0, expectedVersion, current?.savedByName ?? null));
    if (current.applicationId) return refuse({ kind: 'wrongState' });
    if (call.status !== 'published' || call.programme.country !== project.country) return refuse({ kind: 'callNotOpen' });
    const lead = project.members[0]!;
    const started = await startApplication(trx, call, { code: lead.code, name: lead.name, contactEmail }, actor, {
      projectId,
      answers: continuationAnswers(call.snapshot.form, current.content),
    });
    if (isRefused(started))
      return refuse(
        started.problem.kind === 'alreadyInRound' ? { kind: 'alreadyInRound', other: started.problem.leadName } : { kind: 'callNotOpen' },
      );
    await trx
      .updateTable('project_continuations')
      .set({ application_id: started, version: sql`version + 1` })
      .where('project_id', '=', projectId)
      .execute();
    return { applicationId: started };
  });
}
