/**
 * Test support: agreed scores on the demo call, and the 360Giving check (ajv, which Fastify already carries, with ajv-formats) against
 * the schema subset in fixtures/, used by the unit, route and browser tests alike.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { DB } from '../platform/db/database.js';
import { listSubmittedApplications } from '../applications/index.js';
import {
  assignInBatch,
  declareInterests,
  findAssignment,
  findReview,
  listAssignmentsOfCall,
  saveConsensus,
  saveScores,
} from '../assessment/index.js';
import type { StoredCall } from '../programmes/index.js';
import { orThrow } from '../platform/outcome.js';
import { approveDecisions, decideApplications, recordSelection, type DecisionFollowOn } from './use-cases.js';

const SCHEMA = JSON.parse(readFileSync(new URL('./fixtures/360giving-schema-subset.json', import.meta.url), 'utf8')) as object;
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(SCHEMA);

/** The schema errors of a 360Giving package, one line each; empty when valid. */
export function threeSixtyGivingErrors(data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/**
 * Brings the demo call's applications to agreed scores through the assessment's own store
 * functions: one reviewer each (balanced by the batch), declared without conflict, scores
 * submitted, consensus recorded. `scores` maps a lead municipality's code to its three scores;
 * applications not named stay without consensus.
 */
export async function agreeScores(
  db: DB,
  call: StoredCall,
  scores: Readonly<Record<string, readonly number[]>>,
): Promise<Map<string, string>> {
  const actor = { user: null, requestId: 'test' };
  const ids = new Map((await listSubmittedApplications(db, call.id)).map((s) => [s.application.leadCode, s.application.id]));
  await assignInBatch(db, call, 1, actor);
  for (const [lead, values] of Object.entries(scores)) {
    const applicationId = ids.get(lead)!;
    const sheet = Object.fromEntries(values.map((score, i) => [String(i + 1), { score, rationale: `Omforent vurdering ${i + 1}` }]));
    const assignment = (await listAssignmentsOfCall(db, call.id)).find((a) => a.applicationId === applicationId && a.state === 'assigned')!;
    await declareInterests(db, assignment.id, assignment.version, { conflict: false }, actor, async () => undefined);
    const declared = (await findAssignment(db, assignment.id))!;
    await saveScores(db, call, assignment.id, declared.version, sheet, true, actor);
    await saveConsensus(db, call, applicationId, (await findReview(db, applicationId)).version, sheet, actor);
  }
  return ids;
}

/**
 * Grants the named leads' applications on the demo call with the amounts given, the way the
 * owner and the approver do it (selection recorded, decisions prepared by one person, approved by
 * another), with `followOn` run as app.ts wires it. Returns each lead's application id.
 */
export async function grantApproved(
  db: DB,
  call: StoredCall,
  amounts: Readonly<Record<string, number>>,
  followOn: DecisionFollowOn,
): Promise<Map<string, string>> {
  const ids = await agreeScores(db, call, Object.fromEntries(Object.keys(amounts).map((lead) => [lead, [5, 5, 5]])));
  const owner = { user: { userId: '00000000-0000-4000-8000-00000000aaaa', name: 'Ingrid Haugen' }, requestId: 'test' };
  const approver = { user: { userId: '00000000-0000-4000-8000-00000000bbbb', name: 'Kari Nilsen' }, requestId: 'test' };
  const queue = { enqueue: async () => 'job' };
  const chosen = Object.entries(amounts).map(([lead, amount]) => ({
    applicationId: ids.get(lead)!,
    selected: true,
    amount,
    reason: `Valgt: ${lead}`,
  }));
  orThrow(await recordSelection(db, call.id, 1, chosen, owner));
  const input = {
    conditions: 'Sluttrapport innen fristen.',
    reason: 'Godt begrunnet.',
    publicSummary: 'Et prosjekt for bedre tjenester.',
    letterLanguage: 'nb',
  };
  const inputs = new Map(chosen.map((c) => [c.applicationId, input]));
  orThrow(await decideApplications(db, queue, call.id, 2, inputs, owner));
  orThrow(
    await approveDecisions(
      db,
      queue,
      call.id,
      3,
      chosen.map((c) => c.applicationId),
      approver,
      followOn,
    ),
  );
  return ids;
}
