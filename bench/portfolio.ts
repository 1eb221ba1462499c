/**
 * The owner's portfolio page under load:
 *   npm run bench -- portfolio [--projects N] [--requests N]
 *
 * Fills one programme with N projects (default 2 000), each with an approved plan of 10 indicators,
 * 8 reporting periods with an approved report each, and two payments released; then, in one server
 * process, times the portfolio page (signed in as the programme's owner) and a static file of the
 * same server, one request after another, and prints the p50 and p95 of each, their ratio, and the
 * throughput of each as requests per second. PGlite in memory, or the PostgreSQL server named by
 * DATABASE_URL (a throwaway database).
 */
import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { json } from '../src/platform/db/kit.js';
import { signInThroughProvider } from '../src/platform/testing/harness.js';
import { PUBLIC_DIR, PUBLIC_PREFIX } from '../src/platform/ui/assets.js';
import { findCall, seedDemoProgrammes, seededIds, seedSmallRegistry } from '../src/programmes/index.js';
import { DEMO_CALL_KEY, seedDemoAssessment } from '../src/assessment/index.js';
import { emptyReport, EMPTY_PLAN, spentOfGrant, type FollowUpPlan, type ProjectPlan } from '../src/projects/model.js';
import { startTestApp } from '../src/test-app.js';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { projects: { type: 'string', default: '2000' }, requests: { type: 'string', default: '100' } },
});
const PROJECTS = Math.min(Math.max(Number(values.projects), 10), 50_000);
const REQUESTS = Math.min(Math.max(Number(values.requests), 10), 5_000);
const PERIODS = 8;
const INDICATORS = 10;
const MUNICIPALITIES = ['4001', '4003', '4005', '3905', '3907', '0301', '1506', '4613', '4640', '5001'];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

const running = await startTestApp();
try {
  const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  const db = running.database.db;
  await seedSmallRegistry(db);
  await seedDemoProgrammes(db);
  await seedDemoAssessment(db);
  const programmeId = (await findCall(db, (await seededIds(db, 'programme_calls', DEMO_CALL_KEY))!))!.programme.id;
  const followUp: FollowUpPlan = {
    periods: Array.from({ length: PERIODS }, (_, i) => ({
      key: `p${i + 1}`,
      title: `Rapport ${i + 1}`,
      kind: i === PERIODS - 1 ? 'final' : 'progress',
      due: `${2027 + Math.floor(i / 2)}-${i % 2 === 0 ? '06' : '12'}-01`,
      templateId: null,
    })),
    tranches: [
      { key: 't1', share: 50, condition: { kind: 'accepted' } },
      { key: 't2', share: 50, condition: { kind: 'report-approved', period: 'p1' } },
    ],
    reminderDays: 14,
    ministryInSteeringGroup: false,
    countyGovernorContact: false,
  };
  await db
    .insertInto('programme_follow_up')
    .values({ programme_id: programmeId, plan: json(followUp), updated_by_name: 'bench' })
    .execute();
  const plan: ProjectPlan = {
    ...EMPTY_PLAN,
    purpose: 'Benchmark',
    startsOn: '2027-01-01',
    endsOn: '2030-12-31',
    goals: ['Mål'],
    indicators: Array.from({ length: INDICATORS }, (_, i) => ({
      key: `i${i + 1}`,
      name: `Indikator ${i + 1}`,
      unit: 'antall',
      baseline: 10,
      targets: Object.fromEntries(followUp.periods.map((p, k) => [p.key, 10 + k])),
    })),
  };
  const report = emptyReport();
  report.indicators = Object.fromEntries(plan.indicators.map((ind, i) => [ind.key, 10 + i]));
  report.answers = { progress: 'Framdrift.', deviations: 'Ingen.' };
  report.spent['own-staff'] = { grant: 10_000, ownWork: 5_000, ownFunding: 0 };

  const filling = performance.now();
  const BATCH = 200;
  for (let start = 0; start < PROJECTS; start += BATCH) {
    const count = Math.min(BATCH, PROJECTS - start);
    const rows = await db
      .insertInto('projects')
      .values(
        Array.from({ length: count }, (_, k) => ({
          programme_id: programmeId,
          application_id: null,
          title: `Prosjekt ${start + k + 1}`,
          case_number: `2027/${String(start + k + 1).padStart(5, '0')}`,
          country: 'NO' as const,
          currency: 'NOK' as const,
          grant_amount: 1_000_000,
          state: 'running' as const,
          starts_on: '2027-01-01',
          ends_on: '2030-12-31',
          accepted_at: new Date('2027-01-05T10:00:00Z'),
          accepted_by_name: 'bench',
        })),
      )
      .returning('id')
      .execute();
    const ids = rows.map((r) => r.id);
    await db
      .insertInto('project_members')
      .values(
        ids.map((id, k) => ({
          project_id: id,
          municipality_code: MUNICIPALITIES[(start + k) % MUNICIPALITIES.length]!,
          name: 'Kommune',
          position: 0,
        })),
      )
      .execute();
    await db
      .insertInto('project_plans')
      .values(ids.map((id) => ({ project_id: id, number: 1, state: 'approved' as const, content: json(plan), saved_by_name: 'bench' })))
      .execute();
    await db
      .insertInto('project_reports')
      .values(
        ids.flatMap((id) =>
          followUp.periods.map((p) => ({
            project_id: id,
            period_key: p.key,
            member_code: '',
            version: 1,
            state: 'approved' as const,
            content: json(report),
            spent_grant: spentOfGrant(report),
            saved_by_name: 'bench',
          })),
        ),
      )
      .execute();
    await db
      .insertInto('project_payments')
      .values(
        ids.flatMap((id) =>
          ['t1', 't2'].map((t) => ({
            project_id: id,
            tranche_key: t,
            amount: 500_000,
            state: 'released' as const,
            released_at: new Date('2027-02-01T10:00:00Z'),
            released_by_name: 'bench',
          })),
        ),
      )
      .execute();
    process.stdout.write(`\rfilling the programme: ${start + count} / ${PROJECTS}`);
  }
  process.stdout.write('\n');
  // A database in use has been vacuumed by autovacuum long since: without it the visibility map is empty
  // and no index-only scan (e.g. the approved reports' money) is possible, which no real portfolio sees.
  for (const table of ['projects', 'project_members', 'project_plans', 'project_reports', 'project_payments'])
    await sql`vacuum analyze ${sql.table(table)}`.execute(db);
  console.log(
    `${PROJECTS} projects × ${INDICATORS} indicators × ${PERIODS} periods filled in ${((performance.now() - filling) / 1000).toFixed(1)} s (${engine})`,
  );

  const cookie = (await signInThroughProvider(running.baseUrl, 'persona-kdd-owner')).header();
  const page = `/eier/programmer/${programmeId}/prosjekter`;
  const staticFile = `${PUBLIC_PREFIX}${readdirSync(PUBLIC_DIR).find((f) => f.endsWith('.css'))}`;
  async function timed(url: string, withCookie: boolean): Promise<number> {
    const started = performance.now();
    const response = await fetch(`${running.baseUrl}${url}`, { headers: withCookie ? { cookie } : {} });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
    if (withCookie && !/Side \d+ av (\d+)/.exec(body)?.[1]?.includes(String(Math.ceil(PROJECTS / 50))))
      throw new Error('the portfolio does not page through every project');
    return performance.now() - started;
  }
  // Each request a different page of 50, so the offsets are deep as well as shallow.
  const pageOf = (i: number) => `${page}?page=${(i % Math.ceil(PROJECTS / 50)) + 1}`;
  for (let i = 0; i < 5; i++) {
    await timed(pageOf(i), true);
    await timed(staticFile, false);
  }
  const portfolio: number[] = [];
  const file: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    portfolio.push(await timed(pageOf(i), true));
    file.push(await timed(staticFile, false));
  }
  const total = (list: number[]) => list.reduce((a, b) => a + b, 0);
  const perSecond = (list: number[]) => (list.length / total(list)) * 1000;
  portfolio.sort((a, b) => a - b);
  file.sort((a, b) => a - b);
  console.log(
    `portfolio of ${PROJECTS} projects, a page of 50 each time (status, next and overdue reports; granted, released and spent summed over all ${PROJECTS}), ${REQUESTS} requests one at a time:`,
  );
  console.log(
    `  p50 ${ms(percentile(portfolio, 50))}  p95 ${ms(percentile(portfolio, 95))}  ${perSecond(portfolio).toFixed(1)} requests/s`,
  );
  console.log(`static file ${staticFile.split('/').at(-1)} from the same server:`);
  console.log(`  p50 ${ms(percentile(file, 50))}  p95 ${ms(percentile(file, 95))}  ${perSecond(file).toFixed(1)} requests/s`);
  console.log(
    `ratio p95 portfolio / static: ${(percentile(portfolio, 95) / percentile(file, 95)).toFixed(1)}; throughput portfolio / static: ${(perSecond(portfolio) / perSecond(file)).toFixed(3)} (aim: p95 under 300 ms, throughput at least 0.1)`,
  );
} finally {
  await running.close();
}
