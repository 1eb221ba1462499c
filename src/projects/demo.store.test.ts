import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIdentities } from '../platform/auth/demo.js';
import { createTestDatabase, type TestDatabase } from '../platform/db/testing.js';
import { seedDemoProgrammes, seededIds, seedSmallRegistry } from '../programmes/index.js';
import { seedDemoProjects } from './demo.js';
import { listPayments, listProjects } from './store.js';

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
  });

  it('has Ressurskommunen as an umbrella project with three sub-projects, running near its end', async () => {
    const network = (await listProjects(database.db, { memberCodes: ['5038'] }))[0]!;
    expect(network.members.map((m) => m.name)).toEqual(['Porsgrunn', 'Trondheim', 'Verdal']);
    expect(network).toMatchObject({ state: 'running', endsOn: '2013-12-31' });
  });
});
