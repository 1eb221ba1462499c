/** A network's meetings and its published summary through HTTP: private to members, written by the coordinator only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfTokenIn, signInThroughProvider } from '../platform/testing/harness.js';
import { startSignedInApp, type SignedInApp } from './http-testing.js';

const SILJE = 'persona-porsgrunn-case-worker';
const OLA = 'persona-skien-case-worker';
const MARTE = 'persona-notodden-case-worker';
const CITIZEN = 'persona-citizen-porsgrunn';
const METTE = 'persona-fredericia-case-worker';
let app: SignedInApp;

beforeAll(async () => {
  app = await startSignedInApp([SILJE, OLA, MARTE, CITIZEN, METTE]);
}, 120_000);
afterAll(async () => {
  await app?.close();
});

const get = (url: string, who?: string) => app.get(url, who);
const post = (url: string, who: string, fields: Record<string, string>, formUrl: string) => app.post(url, who, fields, formUrl);
const versionOn = async (url: string, who: string) => /name="version" value="(\d+)"/.exec((await get(url, who)).body)![1]!;

/** Starts a network coordinated by `who`'s municipality; its page's path. */
async function startNetwork(who: string, name: string): Promise<string> {
  const started = await post('/nettverk', who, { name }, '/nettverk');
  expect(started.statusCode).toBe(303);
  return started.headers.location!.split('?')[0]!;
}

/** Sends one file as a multipart form as Silje, with the CSRF token and the version shown on `page`. */
async function upload(url: string, page: string, name: string, type: string) {
  const jar = await signInThroughProvider(app.running.baseUrl, SILJE);
  const form = await app.running.app.inject({ url: page, headers: { cookie: jar.header() } });
  const boundary = 'network-meeting-boundary';
  const field = (key: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`;
  const version = /action="[^"]*\/filer[^"]*"[^>]*>[\s\S]*?name="version" value="(\d+)"/.exec(form.body)![1]!;
  return app.running.app.inject({
    method: 'POST',
    url,
    headers: { cookie: jar.header(), 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(field('_csrf', csrfTokenIn(form.body)) + field('version', version)),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
      Buffer.from('%PDF-1.7 referat'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
}

const meetingFields = { title: 'Nettverksmøte 1', place: 'https://meet.example.no/grenland', agenda: 'Velkommen\nSykefravær\nTiltak' };

describe("a network's meetings through HTTP", () => {
  it('are planned and minuted by the coordinator, read by members, and hidden from everyone else', async () => {
    const path = await startNetwork(SILJE, 'Møter i Grenland');
    expect((await post(`${path}/inviter`, SILJE, { municipality: '4003', version: await versionOn(path, SILJE) }, path)).statusCode).toBe(
      303,
    );
    expect((await post(`${path}/bli-med`, OLA, {}, path)).statusCode).toBe(303);

    const version = await versionOn(path, SILJE);
    const badDate = await post(`${path}/moter`, SILJE, { ...meetingFields, starts: '2027-02-30T10:00', version }, path);
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain('Skriv dato og klokkeslett som ÅÅÅÅ-MM-DD TT:MM');
    const inEnglish = await post(`${path}/moter?lang=en`, SILJE, { ...meetingFields, starts: 'tomorrow', version }, path);
    expect(inEnglish.body).toContain('Write the date and time as YYYY-MM-DD HH:MM');
    const stale = await post(
      `${path}/moter`,
      SILJE,
      { ...meetingFields, starts: '2027-01-14T10:00', version: String(Number(version) - 1) },
      path,
    );
    expect(stale.statusCode).toBe(409);
    const byOla = await post(`${path}/moter`, OLA, { ...meetingFields, starts: '2027-01-14T10:00', version }, path);
    expect(byOla.statusCode).toBe(403);
    expect((await post(`${path}/moter`, SILJE, { ...meetingFields, starts: '2027-01-14 10:00', version }, path)).statusCode).toBe(303);

    const list = await get(path, OLA);
    expect(list.body).toContain('Tidene står i norsk tid.');
    const meetingPath = /href="(\/nettverk\/[^/]+\/moter\/[0-9a-f-]{36})\?/.exec(list.body)![1]!;
    const page = await get(meetingPath, OLA);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('14. januar 2027 kl. 10:00 (norsk tid)');
    expect(page.body).toContain('<li>Sykefravær</li>');
    expect(page.body).toContain('href="https://meet.example.no/grenland"');
    expect(page.body).not.toContain('Skriv referatet');
    // Not a member, not a case worker, not signed in: nothing to see.
    expect((await get(meetingPath, MARTE)).statusCode).toBe(404);
    expect((await get(meetingPath, CITIZEN)).statusCode).toBe(403);
    expect((await get(meetingPath)).statusCode).toBeGreaterThanOrEqual(300);

    const notesVersion = /name="version" value="(\d+)"/.exec((await get(meetingPath, SILJE)).body)![1]!;
    expect((await post(`${meetingPath}/referat`, OLA, { notes: 'Referat', version: notesVersion }, meetingPath)).statusCode).toBe(403);
    expect((await post(`${meetingPath}/referat`, SILJE, { notes: ' ', version: notesVersion }, meetingPath)).statusCode).toBe(400);
    const notes = 'Vi ble enige om å måle sykefravær på samme måte.';
    expect((await post(`${meetingPath}/referat`, SILJE, { notes, version: notesVersion }, meetingPath)).statusCode).toBe(303);
    expect((await get(meetingPath, OLA)).body).toContain(notes);
    expect((await post(`${meetingPath}/referat`, SILJE, { notes, version: notesVersion }, meetingPath)).statusCode).toBe(409);

    const refused = await upload(`${meetingPath}/filer`, meetingPath, 'program.exe', 'application/x-msdownload');
    expect(refused.statusCode).toBe(415);
    expect(refused.body).toContain('program.exe kan ikke lastes opp');
    expect((await upload(`${meetingPath}/filer`, meetingPath, 'referat.pdf', 'application/pdf')).statusCode).toBe(303);
    const filePath = /href="(\/nettverk\/[^"]+\/filer\/[0-9a-f-]{36})"/.exec((await get(meetingPath, OLA)).body)![1]!;
    const download = await get(filePath, OLA);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment; filename="referat.pdf"');
    expect(download.body).toBe('%PDF-1.7 referat');
    expect((await get(filePath, MARTE)).statusCode).toBe(404);
  });

  it('of a Danish network are on Copenhagen time, in Danish', async () => {
    const path = await startNetwork(METTE, 'Ældrepleje i Trekantområdet');
    const version = await versionOn(`${path}?lang=da`, METTE);
    // 02:30 does not exist on the morning Denmark moves to summer time.
    const skipped = await post(`${path}/moter?lang=da`, METTE, { ...meetingFields, starts: '2027-03-28T02:30', version }, path);
    expect(skipped.statusCode).toBe(400);
    expect(skipped.body).toContain('Skriv dato og klokkeslæt som ÅÅÅÅ-MM-DD TT:MM');
    expect((await post(`${path}/moter?lang=da`, METTE, { ...meetingFields, starts: '2027-03-28T10:00', version }, path)).statusCode).toBe(
      303,
    );
    const list = await get(`${path}?lang=da`, METTE);
    expect(list.body).toContain('Tidspunkterne står i dansk tid.');
    const meetingPath = /href="(\/nettverk\/[^/]+\/moter\/[0-9a-f-]{36})\?/.exec(list.body)![1]!;
    const page = await get(`${meetingPath}?lang=da`, METTE);
    expect(page.body).toContain('28. marts 2027 kl. 10.00 (dansk tid)');
    expect(page.body).toContain('value="2027-03-28T10:00"');
    expect(page.body).toContain('Gem og send referatet');
  });
});

describe("a network's published summary", () => {
  it('is published by the coordinator, read by anyone, and withdrawn; the private pages stay private', async () => {
    const path = await startNetwork(SILJE, 'Åpne tall i Grenland');
    const id = path.split('/').pop()!;
    const summary = 'Vi sammenligner hjemmetjenestene i fem kommuner.';
    const version = await versionOn(path, SILJE);
    expect((await post(`${path}/sammendrag`, SILJE, { summary: '', version }, path)).statusCode).toBe(400);
    expect((await post(`${path}/sammendrag`, SILJE, { summary, version: String(Number(version) - 1) }, path)).statusCode).toBe(409);
    expect((await post(`${path}/sammendrag`, SILJE, { summary, version }, path)).statusCode).toBe(303);

    const listed = await get('/nettverk/publiserte?lang=nb');
    expect(listed.statusCode).toBe(200);
    expect(listed.body).toContain(`href="/nettverk/publiserte/${id}?lang=nb"`);
    const visitor = await get(`/nettverk/publiserte/${id}?lang=en`);
    expect(visitor.statusCode).toBe(200);
    expect(visitor.body).toContain(summary);
    expect(visitor.body).toContain('Members (1 municipality)');
    expect(visitor.body).toContain('The members have not recorded any actions yet.');
    expect((await get(path)).statusCode).toBeGreaterThanOrEqual(300);
    expect((await get(path, MARTE)).statusCode).toBe(404);

    expect((await post(`${path}/sammendrag/trekk-tilbake`, SILJE, { version: await versionOn(path, SILJE) }, path)).statusCode).toBe(303);
    expect((await get(`/nettverk/publiserte/${id}`)).statusCode).toBe(404);
  });
});
