/**
 * Signing throughput of the signature store path (not yet HTTP — see issue 15 point 9):
 *   DATABASE_URL=postgres://… npm run bench -- signatures [--seconds N] [--signers N] [--concurrency N]
 *
 * On a throwaway PostgreSQL database (or PGlite without DATABASE_URL): N synthetic residents of
 * Porsgrunn, one published initiative; the use case `signInitiative` (residency check, one
 * transaction, primary-key insert) is called with C in flight for a fixed time, every tenth call
 * a repeat of someone who signed already. Prints signatures per minute, duplicates refused, and
 * whether the stored count equals the acknowledged signatures.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createTestDatabase } from '../src/platform/db/testing.js';
import { isRefused } from '../src/platform/outcome.js';
import { importShippedRegistry } from '../src/registry/index.js';
import { findInitiative } from '../src/participation/store.js';
import { signInitiative, type Person } from '../src/participation/use-cases.js';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    seconds: { type: 'string', default: '10' },
    signers: { type: 'string', default: '200000' },
    concurrency: { type: 'string', default: '16' },
  },
});
const SECONDS = Math.min(Math.max(Number(values.seconds), 1), 300);
const SIGNERS = Math.min(Math.max(Number(values.signers), 100), 2_000_000);
const CONCURRENCY = Math.min(Math.max(Number(values.concurrency), 1), 256);

const database = await createTestDatabase();
const db = database.db;
try {
  await importShippedRegistry(db);
  await sql`insert into users (identity_provider, subject, name, home_municipality_code)
    select 'bench', 'signer-' || n, 'Signer ' || n, '4001' from generate_series(1, ${SIGNERS}) n`.execute(db);
  const initiator = await db.selectFrom('users').select('id').where('subject', '=', 'signer-1').executeTakeFirstOrThrow();
  const { id } = await db
    .insertInto('participation_initiatives')
    .values({
      country: 'NO',
      scope: 'municipality',
      area_code: '4001',
      area_name: 'Porsgrunn',
      title: 'Benchmark',
      proposal: 'Benchmark',
      reason: 'Benchmark',
      state: 'published',
      initiator_id: initiator.id,
      threshold: 300,
      population: null,
      population_year: null,
      refusal_reason: null,
      refusal_note: null,
      published_at: new Date(),
      handed_in_at: null,
      deadline: null,
      treated_meeting_date: null,
      treated_case_number: null,
      treated_decision: null,
      treated_minutes_url: null,
      closed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids = (await db.selectFrom('users').select('id').where('identity_provider', '=', 'bench').orderBy('subject').execute()).map(
    (r) => r.id,
  );
  const person = (userId: string): Person => ({ userId, name: 'Signer', homeMunicipalityCode: '4001', memberships: [] });

  let next = 0;
  let signed = 0;
  let duplicates = 0;
  let other = 0;
  let attempts = 0;
  const until = Date.now() + SECONDS * 1000;
  const started = Date.now();
  async function worker() {
    while (Date.now() < until && next < ids.length) {
      attempts += 1;
      const repeat = attempts % 10 === 0 && next > 0;
      const userId = repeat ? ids[Math.floor(Math.random() * next)]! : ids[next++]!;
      const outcome = await signInitiative(db, id, person(userId), false);
      if (!isRefused(outcome)) signed += 1;
      else if (outcome.problem.kind === 'alreadySigned') duplicates += 1;
      else other += 1;
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (Date.now() - started) / 1000;
  const stored = (await findInitiative(db, id))!.signatures;
  console.log(`engine: ${database.url ? 'PostgreSQL' : 'PGlite'}; ${CONCURRENCY} in flight; ${elapsed.toFixed(1)} s`);
  console.log(`signatures: ${signed} (${Math.round((signed / elapsed) * 60).toLocaleString('en')} per minute)`);
  console.log(`duplicates refused: ${duplicates}; other refusals: ${other}`);
  console.log(`stored count ${stored} ${stored === signed ? '=' : '≠'} acknowledged ${signed}`);
} finally {
  await database.dispose();
}
