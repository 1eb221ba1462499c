/**
 * The innovation prize over HTTP, one year from nomination to publication: a case not put to use
 * refused, Porsgrunn nominates its own case, Per Holm (employed by Porsgrunn) excluded from it with
 * the reason shown, Anne Strand declares and scores, the jury agrees, the winner is published and
 * marked in the bank. The demo's earlier years are on the public page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfTokenIn, signInThroughProvider } from '../platform/testing/harness.js';
import { startTestApp, type RunningApp } from '../test-app.js';
import { seedDemoKnowledge } from './index.js';
import { findPrize, listAssignmentsOfPrize, listNominations } from './prize.store.js';
import { writePorsgrunnCase } from './testing/porsgrunn-case.js';

let running: RunningApp;
const cookie: Record<string, string> = {};
const OWNER = 'persona-kdd-owner';
const SILJE = 'persona-porsgrunn-case-worker';
const ANNE = 'persona-reviewer-expert';
const PER = 'persona-reviewer-porsgrunn';
let year: number;

beforeAll(async () => {
  running = await startTestApp();
  await seedDemoKnowledge(running.database.db);
  await writePorsgrunnCase(running.database.db);
  for (const subject of [OWNER, SILJE, ANNE, PER]) cookie[subject] = (await signInThroughProvider(running.baseUrl, subject)).header();
  year = (await running.database.db.selectFrom('knowledge_prizes').select('year').where('state', '=', 'open').executeTakeFirstOrThrow())
    .year;
}, 60_000);
afterAll(() => running.close());

const get = (url: string, who?: string) => running.app.inject({ url, headers: who ? { cookie: cookie[who]! } : {} });
async function post(url: string, who: string, fields: Record<string, string | string[]>, formUrl: string) {
  const page = await get(formUrl, who);
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...fields, _csrf: csrfTokenIn(page.body) }))
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  return running.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookie[who]!, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}
const prize = async () => (await findPrize(running.database.db, 'NO', year))!;
const manage = () => `/innovasjonspris/no/${year}/forvaltning?lang=nb`;

describe('the innovation prize', () => {
  it('shows this year’s call, last year’s winner and Denmark’s 2010 prize in four languages', async () => {
    const page = await get('/innovasjonspris?lang=nb');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Innovasjonsprisen ${year}`);
    expect(page.body).toContain('Rehabiliteringsteam for hverdagsrehabilitering i Nome');
    expect(page.body).toContain('Den danske innovationspris 2010');
    for (const path of ['/innovationspris?lang=da', '/innovation-prize?lang=en', '/innovasjonspris?lang=nn'])
      expect((await get(path)).statusCode).toBe(200);
  });

  it('refuses a case not put to use, and takes Porsgrunn’s own case', async () => {
    const url = `/innovasjonspris/no/${year}/nominer?lang=nb`;
    const notYet = await post(
      url,
      SILJE,
      { case: 'innovasjonsnettverket-i-saman-om-ein-betre-kommune', reason: 'Godt' },
      '/innovasjonspris',
    );
    expect(notYet.statusCode).toBe(400);
    expect(notYet.body).toContain('Bare erfaringer som er tatt i bruk');
    const own = await post(
      url,
      SILJE,
      { case: 'digitalt-tilsyn-om-natten-i-porsgrunn', reason: 'Vi er stolte av det.' },
      '/innovasjonspris',
    );
    expect(own.statusCode).toBe(303);
    const again = await post(url, SILJE, { case: 'digitalt-tilsyn-om-natten-i-porsgrunn', reason: 'Igjen' }, '/innovasjonspris');
    expect(again.statusCode).toBe(409);
  });

  it('only the owner manages, and closing excludes Per Holm from Porsgrunn’s nomination with the reason', async () => {
    expect((await get(manage(), SILJE)).statusCode).toBe(403);
    const closed = await post(
      `/innovasjonspris/no/${year}/til-juryen?lang=nb`,
      OWNER,
      { version: String((await prize()).version) },
      manage(),
    );
    expect(closed.statusCode).toBe(303);
    const page = await get(manage(), OWNER);
    expect(page.body).toMatch(/Per Holm[^<]*Porsgrunn/);
    const assignments = await listAssignmentsOfPrize(running.database.db, (await prize()).id);
    const pers = assignments.filter((a) => a.jurorName === 'Per Holm');
    expect(pers.filter((a) => a.exclusion?.reason === 'employer')).toHaveLength(1);
    expect(pers.filter((a) => a.state === 'assigned')).toHaveLength(2);
  });

  it('Anne declares before she sees the nomination, then scores; the jury agrees; the winner is published and marked', async () => {
    const db = running.database.db;
    const nominations = await listNominations(db, (await prize()).id);
    const porsgrunn = nominations.find((n) => n.caseSlug === 'digitalt-tilsyn-om-natten-i-porsgrunn')!;
    const anne = (await listAssignmentsOfPrize(db, (await prize()).id)).find(
      (a) => a.nominationId === porsgrunn.id && a.jurorName === 'Anne Strand',
    )!;
    const url = `/innovasjonspris/jury/${anne.id}`;
    const before = await get(`${url}?lang=nb`, ANNE);
    expect(before.body).not.toContain('Vi er stolte av det.');
    expect((await get(`${url}?lang=nb`, PER)).statusCode).toBe(404);
    expect((await post(`${url}/erklaering`, ANNE, { version: '1', conflict: 'yes' }, url)).statusCode).toBe(400);
    expect((await post(`${url}/erklaering`, ANNE, { version: '1', conflict: 'no' }, url)).statusCode).toBe(303);
    expect((await get(`${url}?lang=nb`, ANNE)).body).toContain('Vi er stolte av det.');
    const scores = {
      'score-1': '5',
      'rationale-1': 'Stor nytte.',
      'score-2': '4',
      'rationale-2': 'Nytt her.',
      'score-3': '9',
      'rationale-3': 'Lett.',
    };
    expect((await post(`${url}/poeng`, ANNE, { version: '2', submit: 'submit', ...scores }, url)).statusCode).toBe(400);
    const incomplete = await post(`${url}/poeng`, ANNE, { version: '2', submit: 'submit', ...scores, 'score-3': '' }, url);
    expect(incomplete.statusCode).toBe(400);
    expect((await post(`${url}/poeng`, ANNE, { version: '2', submit: 'submit', ...scores, 'score-3': '4' }, url)).statusCode).toBe(303);

    const agreeUrl = `/innovasjonspris/no/${year}/enighet/${porsgrunn.id}`;
    const agreed = {
      'score-1': '5',
      'reasoning-1': 'Enig.',
      'score-2': '4',
      'reasoning-2': 'Enig.',
      'score-3': '4',
      'reasoning-3': 'Enig.',
    };
    expect((await post(agreeUrl, OWNER, agreed, agreeUrl)).statusCode).toBe(303);
    const decide = `/innovasjonspris/no/${year}/vedtak?lang=nb`;
    const noStatement = await post(
      decide,
      OWNER,
      { version: String((await prize()).version), winner: porsgrunn.id, statement: '' },
      manage(),
    );
    expect(noStatement.statusCode).toBe(400);
    const other = nominations.find((n) => n.id !== porsgrunn.id)!;
    const notAgreed = await post(
      decide,
      OWNER,
      { version: String((await prize()).version), winner: porsgrunn.id, mentions: other.id, statement: 'Fordi' },
      manage(),
    );
    expect(notAgreed.statusCode).toBe(409);
    const version = String((await prize()).version);
    expect(
      (await post(decide, OWNER, { version, winner: porsgrunn.id, statement: 'Sensorene gir ro om natten.' }, manage())).statusCode,
    ).toBe(303);
    expect((await get('/innovasjonspris?lang=nb')).body).not.toContain('Sensorene gir ro om natten.');
    const stale = await post(`/innovasjonspris/no/${year}/publiser?lang=nb`, OWNER, { version }, manage());
    expect(stale.statusCode).toBe(409);
    expect(
      (await post(`/innovasjonspris/no/${year}/publiser?lang=nb`, OWNER, { version: String((await prize()).version) }, manage()))
        .statusCode,
    ).toBe(303);
    expect((await get('/innovasjonspris?lang=nb')).body).toContain('Sensorene gir ro om natten.');
    expect((await get('/kunnskapsbank/digitalt-tilsyn-om-natten-i-porsgrunn?lang=nb')).body).toContain(`Innovasjonsprisen ${year}`);
  });
});
