import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formClient, signInThroughProvider } from '../platform/testing/harness.js';
import { seedDemoProgrammes, seededIds, seedSmallRegistry } from '../programmes/index.js';
import { startTestApp, type RunningApp } from '../test-app.js';
import { insertProject } from './store.js';

// A Danish grant as a project: kroner, Danish regions, the map of Denmark, and the pages in Danish.
let running: RunningApp;
let projectId: string;
let programmeId: string;
const cookie: Record<string, string> = {};
const OWNER = 'persona-ism-owner';
const METTE = 'persona-fredericia-case-worker';
const SILJE = 'persona-porsgrunn-case-worker';

beforeAll(async () => {
  running = await startTestApp();
  const db = running.database.db;
  await seedSmallRegistry(db);
  await seedDemoProgrammes(db);
  programmeId = (await seededIds(db, 'programmes', 'frikommune-2027'))!;
  projectId = (await insertProject(db, {
    applicationId: null,
    programmeId,
    title: 'Fredericia: sammenhængende indsats for udsatte børn',
    caseNumber: '2027-1',
    country: 'DK',
    currency: 'DKK',
    grant: 750_000,
    conditions: 'Slutrapport inden fristen.',
    state: 'awaiting_acceptance',
    members: [{ code: '607', name: 'Fredericia' }],
  }))!;
  for (const subject of [OWNER, METTE, SILJE]) cookie[subject] = (await signInThroughProvider(running.baseUrl, subject)).header();
}, 180_000);
afterAll(() => running.close());

const { get, post } = formClient(() => running, cookie, { versionFromForm: true });

describe('projects: a Danish grant', () => {
  it('is followed in Danish: Fredericia accepts, the ministry sees it by region and on the map of Denmark', async () => {
    const workspace = `/prosjekter/${projectId}/oppfolging?lang=da`;
    expect((await get(workspace, SILJE)).statusCode).toBe(403);
    const page = (await get(workspace, METTE)).body;
    expect(page).toContain('750.000 DKK');
    expect(page).toContain('Acceptér tilskuddet og vilkårene');
    expect((await post(`/prosjekter/${projectId}/aksepter?lang=da`, METTE, {}, workspace)).statusCode).toBe(303);

    const portfolio = `/eier/programmer/${programmeId}/prosjekter?lang=da`;
    const owner = (await get(portfolio, OWNER)).body;
    expect(owner).toContain('Region Syddanmark');
    expect(owner).toContain('1 projekt: 750.000 DKK bevilget');
    const map = (await get(`/eier/programmer/${programmeId}/prosjekter/kart?lang=da`, OWNER)).body;
    expect(map).toContain('Fredericia');
    expect(map).not.toContain('Porsgrunn');

    const open = (await get(`/prosjekter/${projectId}?lang=da`)).body;
    expect(open).toContain('Fredericia: sammenhængende indsats for udsatte børn');
    expect((await get(`/projekter?lang=da&country=DK`)).body).toContain(projectId);
  });
});
