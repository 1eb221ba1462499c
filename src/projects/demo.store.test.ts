import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIdentities } from '../platform/auth/demo.js';
import { createTestDatabase, type TestDatabase } from '../platform/db/testing.js';
import { seedDemoProgrammes, seededIds, seedSmallRegistry } from '../programmes/index.js';
import { seedDemoProjects } from './demo.js';
import { findFollowUp, listLatestReportSummaries, listPayments, listPlans, listProjects, listReports, sumProjects } from './store.js';
import { followUpStatus } from './views.js';
import { threeSixtyGivingErrors, threeSixtyGivingPackage } from '../selection/index.js';
import { openGrants } from './open-data.js';
import { findContinuation } from './continuation.js';

const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoIdentities(database.db);
  await seedSmallRegistry(database.db);
  await seedDemoProgrammes(database.db);
  await seedDemoProjects(database.db);
  await seedDemoProjects(database.db);
}, 180_000);
afterAll(() => database.dispose());

describe(`the demo projects (${engine})`, () => {
  it('has the eight Stifinneren municipalities of seed 001 in every state from running to closed, once', async () => {
    const programmeId = (await seededIds(database.db, 'programmes', 'omstilling-2003'))!;
    const projects = await listProjects(database.db, { programmeIds: [programmeId] });
    expect(projects.map((p) => p.members[0]!.code).sort()).toEqual(['0301', '1506', '1515', '1560', '4001', '4613', '4640', '5607']);
    expect(
      Object.fromEntries(['running', 'completed', 'evaluated', 'closed'].map((s) => [s, projects.filter((p) => p.state === s).length])),
    ).toEqual({
      running: 2,
      completed: 2,
      evaluated: 2,
      closed: 2,
    });
    expect(projects.find((p) => p.members[0]!.code === '4613')).toMatchObject({ endsOn: '2006-12-31', startsOn: '2004-01-01' });
    const payments = await listPayments(
      database.db,
      projects.map((p) => p.id),
    );
    // Each closed project got all three tranches, never more than its grant.
    for (const project of projects)
      expect(payments.filter((p) => p.projectId === project.id).reduce((s, p) => s + p.amount, 0)).toBeLessThanOrEqual(project.grant);
    expect(
      payments
        .find((p) => p.trancheKey === 't1')
        ?.releasedAt?.toISOString()
        .slice(0, 10),
    ).toBe('2004-02-01');
    // Every row written in the historic programme carries its historic day, not the day the demo was loaded.
    const reports = await listReports(
      database.db,
      projects.map((p) => p.id),
    );
    const plans = (await Promise.all(projects.map((p) => listPlans(database.db, p.id)))).flat();
    const written = [...reports, ...plans].map((r) => r.savedAt.getUTCFullYear());
    expect(Math.max(...written, ...payments.map((p) => p.requestedAt.getUTCFullYear()))).toBeLessThanOrEqual(2006);
  });

  it('has Ressurskommunen as an umbrella project with three sub-projects, running near its end', async () => {
    const network = (await listProjects(database.db, { memberCodes: ['5038'] }))[0]!;
    expect(network.members.map((m) => m.name)).toEqual(['Porsgrunn', 'Trondheim', 'Verdal']);
    expect(network).toMatchObject({ state: 'running', endsOn: '2013-12-31' });
    const continuation = await findContinuation(database.db, network.id);
    expect(continuation?.applicationId).toBeNull();
    expect(continuation?.content.targetGroups.map((g) => g.group)).toContain('Funksjonshemmedes organisasjoner');
  });

  it('gives the 360Giving export grants out of the box, with planned and actual dates and the payments as transactions, valid against the standard', async () => {
    const pack = threeSixtyGivingPackage(await openGrants(database.db, []), 'https://stifinner.example.no');
    expect(threeSixtyGivingErrors(pack)).toEqual([]);
    expect(pack.grants).toHaveLength(9);
    const bomlo = pack.grants.find((g) => g.beneficiaryLocation[0]!.geoCode === '4613')!;
    expect(bomlo).toMatchObject({
      plannedDates: [{ startDate: '2004-01-01', endDate: '2005-12-31' }],
      actualDates: [{ startDate: '2004-01-01' }],
      amountDisbursed: 980_000,
    });
    expect(bomlo.disbursementTransaction?.map((t) => [t.transactionDate, t.value])).toEqual([
      ['2004-02-01', 560_000],
      ['2005-01-05', 420_000],
    ]);
    const tingvoll = pack.grants.find((g) => g.beneficiaryLocation[0]!.geoCode === '1560')!;
    expect(tingvoll.actualDates).toEqual([{ startDate: '2004-01-01', endDate: '2005-12-31' }]);
    expect(tingvoll.amountDisbursed).toBe(1_400_000);
  });

  it('sums granted, released and spent in the database as the pages do row by row, and pages and filters the list there', async () => {
    const programmeId = (await seededIds(database.db, 'programmes', 'omstilling-2003'))!;
    const projects = await listProjects(database.db, { programmeIds: [programmeId] });
    const ids = projects.map((p) => p.id);
    const reports = await listLatestReportSummaries(database.db, ids);
    const payments = await listPayments(database.db, ids);
    const { plan } = await findFollowUp(database.db, programmeId);
    const statuses = projects.map((p) => followUpStatus(p, plan, [], reports, payments, new Date('2006-06-01T12:00:00Z')));
    const totals = await sumProjects(database.db, { programmeIds: [programmeId] });
    expect(totals).toEqual({
      count: 8,
      granted: projects.reduce((s, p) => s + p.grant, 0),
      released: statuses.reduce((s, x) => s + x.released, 0),
      spent: statuses.reduce((s, x) => s + x.spent, 0),
    });
    expect(totals.spent).toBeGreaterThan(0);

    const first = await listProjects(database.db, { programmeIds: [programmeId] }, { limit: 5, offset: 0 });
    const rest = await listProjects(database.db, { programmeIds: [programmeId] }, { limit: 5, offset: 5 });
    expect([...first, ...rest].map((p) => p.id)).toEqual(ids);

    const running = await sumProjects(database.db, { programmeIds: [programmeId], states: ['running'] });
    expect(running.count).toBe(2);
    expect(await sumProjects(database.db, { programmeIds: [programmeId], memberCodes: [] })).toMatchObject({ count: 0, granted: 0 });

    // Overdue on a period: running, and the whole project's report for it neither handed in nor approved.
    const overdue = await listProjects(database.db, { programmeIds: [programmeId], overdueIn: plan.periods.map((p) => p.key) });
    const handedIn = (period: (typeof statuses)[number]['periods'][number]) =>
      period.approved || period.parts[0]!.latest?.state === 'submitted';
    const expected = projects.filter((p, i) => p.state === 'running' && statuses[i]!.periods.some((period) => !handedIn(period)));
    expect(overdue.map((p) => p.id).sort()).toEqual(expected.map((p) => p.id).sort());
    expect(overdue.length).toBeGreaterThan(0);
    const overdueTotals = await sumProjects(database.db, { programmeIds: [programmeId], overdueIn: plan.periods.map((p) => p.key) });
    expect(overdueTotals).toMatchObject({ count: overdue.length, granted: overdue.reduce((s, p) => s + p.grant, 0) });
  });
});
