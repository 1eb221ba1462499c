import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAssessment } from './assessment/index.js';
import { seedDemoProgrammes } from './programmes/index.js';
import { importShippedRegistry } from './registry/index.js';
import type { Access } from './platform/auth/model.js';
import { translator } from './platform/i18n/index.js';
import {
  fillRoute,
  formEncode,
  formsIn,
  leakIn,
  linksIn,
  malformedText,
  matcherOf,
  multipart,
  parametersOf,
  percentEncode,
  routeParameter,
  wtf8,
  type HarvestedForm,
  type Input,
} from './platform/testing/fuzz-inputs.js';
import { CookieJar, csrfTokenIn, fetchWithJar, signInThroughProvider } from './platform/testing/harness.js';
import { startTestApp, type RunningApp } from './test-app.js';

/**
 * Every route of the running app, as an anonymous visitor and as each role, with property-based
 * malformed input (issue 11, part 10): no answer may be a 5xx or show a stack trace or SQL.
 * FUZZ_SEED and FUZZ_REQUESTS replay or widen a run.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_203);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 20_000);
/** Crawl and fuzz together; the whole file stays under six minutes even on a loaded machine (alone it takes about two). */
const TIME_BUDGET_MS = 300_000;

const PERSONA_OF_ROLE = {
  'programme owner': 'persona-kdd-owner',
  officer: 'persona-sfvt-officer',
  'case worker': 'persona-porsgrunn-case-worker',
  reviewer: 'persona-reviewer-expert',
  admin: 'persona-admin',
  citizen: 'persona-citizen-porsgrunn',
} as const;

interface Identity {
  name: string;
  roles: Set<string>;
  cookie?: string;
  csrf?: string;
  /** Each identity's own address, so that rate limits of one never touch another or the sign-ins. */
  remoteAddress: string;
}

interface Route {
  method: string;
  url: string;
  access: Access | undefined;
}

let running: RunningApp;
const identities: Identity[] = [];
const serverErrors = new Map<string, string>();
const queryKeysOfRoute = new Map<string, Set<string>>();

beforeAll(async () => {
  running = await startTestApp({
    prepare(app) {
      app.addHook('onRequest', async (request) => {
        const properties = (request.routeOptions.schema?.querystring as { properties?: object } | undefined)?.properties;
        if (properties && request.routeOptions.url) queryKeysOfRoute.set(request.routeOptions.url, new Set(Object.keys(properties)));
      });
      app.addHook('onError', async (request, _reply, error) => {
        const frame = error.stack?.split('\n').find((line) => line.includes('/src/')) ?? error.stack?.split('\n')[1] ?? '';
        serverErrors.set(request.id, `${error.message.slice(0, 160)} ${frame.trim()}`);
      });
    },
  });
  const db = running.database.db;
  await importShippedRegistry(db);
  await seedDemoProgrammes(db);
  await seedDemoAssessment(db);
  identities.push({ name: 'anonymous', roles: new Set(), remoteAddress: '10.9.0.1' });
  for (const [index, [role, subject]] of Object.entries(PERSONA_OF_ROLE).entries()) {
    const cookie = (await signInThroughProvider(running.baseUrl, subject)).header();
    const home = await running.app.inject({ url: '/', headers: { cookie } });
    const me = (await running.app.inject({ url: '/api/v1/me', headers: { cookie } })).json<{ roles: string[] }>();
    identities.push({ name: role, roles: new Set(me.roles), cookie, csrf: csrfTokenIn(home.body), remoteAddress: `10.9.0.${index + 2}` });
  }
}, 180_000);
afterAll(() => running?.close());

const englishErrorTitles = ([400, 403, 404, 413, 429] as const).map((status) => translator('en')(`error.${status}.title`));

function expectTranslatedRefusal(response: { statusCode: number; headers: Record<string, unknown>; body: string }, errorPage = true) {
  expect(response.statusCode, response.body.slice(0, 300)).toBeGreaterThanOrEqual(400);
  expect(response.statusCode).toBeLessThan(500);
  expect(String(response.headers['content-type'])).toContain('text/html');
  expect(response.body).toContain('<html lang="en"');
  expect(leakIn(response.body)).toBeUndefined();
  if (errorPage)
    expect(
      englishErrorTitles.some((title) => response.body.includes(title)),
      response.body.slice(0, 300),
    ).toBe(true);
}

const owner = () => identities.find((identity) => identity.name === 'programme owner')!;

async function programmeForm(): Promise<[string, string][]> {
  const page = await running.app.inject({ url: '/eier/programmer/ny?lang=en', headers: { cookie: owner().cookie! } });
  const form = formsIn(page.body).find((candidate) => candidate.action.startsWith('/eier/programmer'));
  if (!form) throw new Error('no programme form on /eier/programmer/ny');
  return form.fields;
}

async function postProgramme(changes: Record<string, string>) {
  const fields = new Map(await programmeForm());
  for (const [name, value] of Object.entries({
    name: 'Fuzz',
    purpose: 'Fuzz',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    ...changes,
  }))
    fields.set(name, value);
  return running.app.inject({
    method: 'POST',
    url: '/eier/programmer?lang=en',
    headers: { cookie: owner().cookie!, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    payload: formEncode([...fields]),
  });
}

describe('the five reproductions of issue 11 answer a translated 4xx page', () => {
  it('an id of 36 hex-or-dash characters that is not a UUID', async () => {
    const response = await running.app.inject({ url: '/utlysninger/ffffffffffffffffffffffffffffffffffff?lang=en' });
    expectTranslatedRefusal(response);
  });

  it.each(['multipart/form-data; boundary=', 'multipart/form-data'])(
    'a multipart body without a boundary (%s), before any session or CSRF check',
    async (contentType) => {
      const response = await running.app.inject({
        method: 'POST',
        url: '/logout?lang=en',
        headers: { 'content-type': contentType, accept: 'text/html' },
        payload: '--\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n----\r\n',
      });
      expectTranslatedRefusal(response);
    },
  );

  it('a NUL byte in a text field', async () => {
    expectTranslatedRefusal(await postProgramme({ name: 'a\0b' }), false);
  });

  it('an impossible date on the programme form', async () => {
    expectTranslatedRefusal(await postProgramme({ periodStart: '2026-02-30' }), false);
  });

  it('a returnTo with control characters and U+2028, through the sign-in round trip to the callback', async () => {
    const returnTo = '/utlysninger\r\nSet-Cookie: x=1\u2028\u0007';
    const signInPage = await running.app.inject({ url: `/login?returnTo=${percentEncode(returnTo)}&lang=en` });
    expect(signInPage.statusCode).toBeLessThan(500);
    expect(leakIn(signInPage.body)).toBeUndefined();
    if (signInPage.statusCode >= 400) return expectTranslatedRefusal(signInPage);
    const answer = await roundTrip(`${running.baseUrl}/login/employee?returnTo=${percentEncode(returnTo)}&lang=en`, 'persona-admin');
    expect(answer.status, answer.body.slice(0, 300)).toBeLessThan(500);
    if (answer.status >= 400) {
      expectTranslatedRefusal({ statusCode: answer.status, headers: { 'content-type': answer.contentType }, body: answer.body });
    } else {
      // Signed in after all: then the way back must be a same-site path of printable characters.
      expect(answer.location).toMatch(/^\/(?!\/)[\x21-\x7e]*$/);
    }
  });
});

/** Follows the sign-in of a persona from `start` to the first answer that is not a redirect within the site, or back home. */
async function roundTrip(start: string, subject: string) {
  const jar = new CookieJar();
  let location = start;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetchWithJar(jar, location);
    const body = await response.text();
    if (response.status === 200 && location.includes('/idp/interaction/')) {
      const form = new URLSearchParams({ _csrf: csrfTokenIn(body), persona: subject });
      const posted = await fetchWithJar(jar, location, { method: 'POST', body: form });
      location = new URL(posted.headers.get('location') ?? '', running.baseUrl).href;
      continue;
    }
    const next = response.headers.get('location');
    const contentType = response.headers.get('content-type') ?? '';
    if (response.status >= 400 || !next) return { status: response.status, body, contentType, location: next };
    if (location.includes('/auth/callback/')) return { status: response.status, body, contentType, location: next };
    location = new URL(next, running.baseUrl).href;
  }
  throw new Error('sign-in did not finish in 10 redirects');
}

/* ---------------------------------------------------------------- the fuzz ---- */

/** Routes that are not request handling of the product: the deliberate failure of the error-page test. */
const NOT_FUZZED = new Set(['/dev/fail']);

interface Knowledge {
  /** Real parameter values per route, as links on the pages name them. */
  tuples: Map<string, Record<string, string>[]>;
  /** The forms that post to a route, with the values they carry. */
  forms: Map<string, HarvestedForm[]>;
  /** Query values seen in links, per key. */
  queryValues: Map<string, Set<string>>;
  /** Every UUID in the database, of whatever record. */
  databaseIds: string[];
  crawled: number;
}

async function databaseIds(): Promise<string[]> {
  const db = running.database.db;
  const columns = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and data_type = 'uuid'`.execute(db);
  const ids = new Set<string>();
  for (const { table_name, column_name } of columns.rows) {
    const rows = await sql<{
      id: string;
    }>`select distinct ${sql.ref(column_name)}::text as id from ${sql.table(table_name)} where ${sql.ref(column_name)} is not null limit 15`.execute(
      db,
    );
    for (const row of rows.rows) ids.add(row.id);
  }
  return [...ids];
}

const PAGES_PER_CRAWL = 60;

const withoutLanguage = (link: string) => link.replace(/[?&]lang=[a-z]*$/, '').replace(/([?&])lang=[a-z]*&/, '$1');

interface Submission {
  identity: Identity;
  form: HarvestedForm;
}

/**
 * Visits the pages each identity can reach, from the routes without parameters, to learn real ids,
 * forms and query values. Returns the forms each identity was offered.
 */
async function crawl(routes: Route[], knowledge: Knowledge, check: Check, crawlers: Identity[]): Promise<Submission[]> {
  const matchers = routes.map((route) => ({ route, match: matcherOf(route.url) }));
  const learn = (link: string, method: string) => {
    const url = new URL(link, 'http://x');
    for (const [key, value] of url.searchParams)
      (knowledge.queryValues.get(key) ?? knowledge.queryValues.set(key, new Set()).get(key)!).add(value);
    const found = matchers.find(({ route, match }) => route.method === method && match(url.pathname));
    if (!found) return undefined;
    const params = found.match(url.pathname)!;
    if (Object.keys(params).length > 0) {
      const known = knowledge.tuples.get(found.route.url) ?? knowledge.tuples.set(found.route.url, []).get(found.route.url)!;
      if (!known.some((tuple) => JSON.stringify(tuple) === JSON.stringify(params))) known.push(params);
    }
    return found.route.url;
  };
  const submissions: Submission[] = [];
  for (const identity of crawlers) {
    // The least visited route first, so that a small budget of pages reaches every kind of page.
    const queue = routes
      .filter((route) => route.method === 'GET' && parametersOf(route.url).length === 0 && !route.url.startsWith('/log'))
      .map((route) => ({ link: route.url, pattern: route.url }));
    const seen = new Set(queue.map((entry) => entry.link));
    const visitsOfPattern = new Map<string, number>();
    const visits = (pattern: string) => visitsOfPattern.get(pattern) ?? 0;
    for (let visited = 0; queue.length > 0 && visited < PAGES_PER_CRAWL; visited++) {
      const next = queue.reduce((best, entry, index) => (visits(entry.pattern) < visits(queue[best]!.pattern) ? index : best), 0);
      const { link, pattern: visitedPattern } = queue.splice(next, 1)[0]!;
      visitsOfPattern.set(visitedPattern, visits(visitedPattern) + 1);
      const page = await running.app.inject({
        url: link,
        headers: identity.cookie ? { cookie: identity.cookie } : {},
        remoteAddress: identity.remoteAddress,
      });
      check(page, { method: 'GET', route: link, identity: identity.name, classes: ['crawl'], url: link });
      knowledge.crawled++;
      if (!String(page.headers['content-type']).includes('text/html')) continue;
      for (const form of formsIn(page.body)) {
        const pattern = learn(form.action, 'POST');
        if (!pattern) continue;
        const forms = knowledge.forms.get(pattern) ?? knowledge.forms.set(pattern, []).get(pattern)!;
        if (forms.length < 6) forms.push(form);
        if (!submissions.some((s) => s.identity === identity && s.form.action === form.action)) submissions.push({ identity, form });
      }
      for (const found of linksIn(page.body)) {
        const pattern = learn(found, 'GET');
        const target = withoutLanguage(found);
        if (!pattern || seen.has(target)) continue;
        seen.add(target);
        queue.push({ link: target, pattern });
      }
    }
  }
  return submissions;
}

/**
 * Sends every form once as offered, so that the workflows move on (drafts exist, reviews are
 * assigned) and a second crawl finds the pages and forms of the later steps.
 */
/** Forms that end something (close, withdraw, remove, sign out) are left for the fuzz, so that the later steps stay open. */
const MOVES_ON = /^(?!\/logout|\/idp\/)(?!.*\/(steng|trekk|fjern)(\?|$))/;

async function submitOnce(submissions: Submission[], check: Check) {
  for (const { identity, form } of submissions) {
    if (!identity.csrf || !MOVES_ON.test(form.action)) continue;
    const fields = form.fields.map(([name, value]): [string, string] => [name, name === '_csrf' ? identity.csrf! : value]);
    const response = await running.app.inject({
      method: 'POST',
      url: form.action,
      headers: { cookie: identity.cookie!, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: formEncode(fields),
      remoteAddress: identity.remoteAddress,
    });
    check(response, { method: 'POST', route: form.action, identity: identity.name, classes: ['form as offered'], url: form.action });
  }
}

interface Case {
  identity: Identity;
  method: string;
  route: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** The classes of input in the request, for the failure report. */
  classes: string[];
}

const GENERIC_QUERY_KEYS = [
  'lang',
  'returnTo',
  'failed',
  'q',
  'page',
  'call',
  'programme',
  'status',
  'year',
  'scenario',
  'codes',
  'sort',
  'format',
  'recordType',
  'from',
  'to',
  'number',
];
const GENERIC_FIELDS = [
  'name',
  'title',
  'purpose',
  'periodStart',
  'periodEnd',
  'version',
  'reason',
  'question',
  'answer',
  'email',
  'score',
  'comment',
  'opensAt',
  'closesAt',
  'decision',
  'amount',
  'userId',
  'applicationId',
  'member',
  'code',
];
const ACCEPTS = ['text/html', 'text/html', 'text/html', 'application/json', '*/*', 'image/png', ''];
const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'image/png',
  'application/x-www-form-urlencoded; charset=utf-16',
  'application/x-www-form-urlencoded; charset=latin1',
  'multipart/mixed; boundary=x',
  'a/b/c',
  'application/json; charset=klingon',
  ';',
];

/** `arbitrary` once in `times` draws, otherwise null. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>, times: number) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: times - 1 }, { arbitrary, weight: 1 });

const labelled = (label: string, value: Input): Input => ({ kind: `${label}:${value.kind}`, value: value.value });

function parametersArbitrary(route: Route, knowledge: Knowledge): fc.Arbitrary<{ values: Record<string, string>; classes: string[] }> {
  const names = parametersOf(route.url);
  const tuples = knowledge.tuples.get(route.url) ?? [];
  const perName = Object.fromEntries(
    names.map((name) => {
      const real = [...new Set(tuples.map((tuple) => tuple[name]!).filter(Boolean))];
      const sameNameElsewhere = [...knowledge.tuples.values()].flat().flatMap((tuple) => (tuple[name] ? [tuple[name]] : []));
      const others = [...new Set([...sameNameElsewhere, ...knowledge.databaseIds])].filter((value) => !real.includes(value));
      return [name, routeParameter(real, others).map((value) => labelled(`param ${name}`, value))];
    }),
  );
  const mixed = fc.record(perName).map((inputs) => ({
    values: Object.fromEntries(Object.entries(inputs).map(([name, value]) => [name, value.value])),
    classes: Object.values(inputs).map((value) => value.kind),
  }));
  if (tuples.length === 0) return mixed;
  return fc.oneof(
    { arbitrary: fc.constantFrom(...tuples).map((values) => ({ values, classes: ['real params'] })), weight: 1 },
    { arbitrary: mixed, weight: 3 },
  );
}

function valueArbitrary(key: string, knowledge: Knowledge): fc.Arbitrary<Input> {
  const seen = [...(knowledge.queryValues.get(key) ?? [])];
  const known: fc.WeightedArbitrary<Input>[] =
    seen.length > 0 ? [{ arbitrary: fc.constantFrom(...seen).map((value) => ({ kind: 'known', value })), weight: 1 }] : [];
  return fc.oneof({ arbitrary: malformedText, weight: 3 }, ...known);
}

function queryArbitrary(route: Route, knowledge: Knowledge): fc.Arbitrary<{ query: string; classes: string[] }> {
  const keys = [...new Set([...(queryKeysOfRoute.get(route.url) ?? []), ...GENERIC_QUERY_KEYS])];
  const pair = fc.constantFrom(...keys).chain((key) => valueArbitrary(key, knowledge).map((value) => [key, value] as const));
  const badEncoding = fc.constantFrom('%E0%A4%A', '%zz', '%', '%00', '%ED%A0%80', '%C0%AF').map((raw) => `lang=${raw}`);
  return fc
    .record({
      pairs: fc.array(pair, { maxLength: 3 }),
      lang: fc.constantFrom('', 'nb', 'nn', 'da', 'en', 'xx'),
      raw: rarely(badEncoding, 12),
    })
    .map(({ pairs, lang, raw }) => ({
      query: [
        ...pairs.map(([key, value]) => `${key}=${percentEncode(value.value)}`),
        ...(lang ? [`lang=${lang}`] : []),
        ...(raw ? [raw] : []),
      ].join('&'),
      classes: [...pairs.map(([key, value]) => `query ${key}:${value.kind}`), ...(raw ? ['query:bad-percent-encoding'] : [])],
    }));
}

type Body = { contentType?: string; payload?: string | Buffer; classes: string[] };

/** A body for a POST: the route's own form with fields broken, or a body of the wrong shape altogether. */
function bodyArbitrary(route: Route, knowledge: Knowledge, csrf: string | undefined): fc.Arbitrary<Body> {
  const forms = knowledge.forms.get(route.url) ?? [];
  const baselines = forms.length > 0 ? forms.map((form) => form.fields.filter(([name]) => name !== '_csrf')) : [[] as [string, string][]];
  const fieldNames = [...new Set([...baselines.flat().map(([name]) => name), ...GENERIC_FIELDS])];
  const fileFields = [...new Set(forms.flatMap((form) => form.files)), 'document'];
  const token: [string, string][] = csrf ? [['_csrf', csrf]] : [];
  const breakField = fc.tuple(fc.constantFrom(...fieldNames), malformedText);
  const fields = fc
    .record({
      baseline: fc.constantFrom(...baselines),
      broken: fc.array(breakField, { minLength: 1, maxLength: 3 }),
      repeat: fc.boolean(),
    })
    .map(({ baseline, broken, repeat }) => {
      const map = new Map<string, string>(baseline);
      for (const [name, value] of broken) map.set(name, value.value);
      const list: [string, string][] = [...token, ...map];
      if (repeat && broken[0]) list.push([broken[0][0], 'again']);
      return {
        fields: list,
        classes: broken.map(([name, value]) => `field ${name}:${value.kind}`).concat(repeat ? ['field:repeated'] : []),
      };
    });
  const boundary = 'fuzzboundary';
  const nastyFilename = fc.oneof(
    malformedText,
    fc.constantFrom('a.pdf', '../../x.pdf', 'C:\\x.pdf', '.pdf', '').map((value) => ({ kind: 'filename', value })),
  );
  return fc.oneof(
    {
      arbitrary: fields.map((f) => ({
        contentType: 'application/x-www-form-urlencoded',
        payload: formEncode(f.fields),
        classes: ['form', ...f.classes],
      })),
      weight: 10,
    },
    {
      arbitrary: fc
        .tuple(
          fields,
          fc.option(
            fc.tuple(
              fc.constantFrom(...fileFields),
              nastyFilename,
              fc.constantFrom('application/pdf', 'text/html', '', 'x'),
              fc.nat({ max: 2000 }),
            ),
          ),
        )
        .map(([f, file]) => ({
          contentType: `multipart/form-data; boundary=${boundary}`,
          payload: multipart(
            boundary,
            f.fields,
            file ? [{ field: file[0], filename: file[1].value, contentType: file[2], bytes: Buffer.alloc(file[3], 0x25) }] : [],
          ),
          classes: ['multipart', ...f.classes, ...(file ? [`filename:${file[1].kind}`] : [])],
        })),
      weight: 3,
    },
    {
      arbitrary: fields.map((f) => ({
        contentType: 'multipart/form-data; boundary=',
        payload: multipart('', f.fields),
        classes: ['multipart:boundary-less'],
      })),
      weight: 1,
    },
    {
      arbitrary: fields.map((f) => ({
        contentType: 'multipart/form-data',
        payload: multipart(boundary, f.fields),
        classes: ['multipart:no-boundary-parameter'],
      })),
      weight: 1,
    },
    {
      arbitrary: fc.tuple(fields, fc.double({ min: 0, max: 1, noNaN: true })).map(([f, cut]) => {
        const whole = multipart(boundary, f.fields, [
          { field: fileFields[0]!, filename: 'a.pdf', contentType: 'application/pdf', bytes: Buffer.alloc(500, 0x25) },
        ]);
        return {
          contentType: `multipart/form-data; boundary=${boundary}`,
          payload: whole.subarray(0, Math.floor(whole.length * cut)),
          classes: ['multipart:truncated'],
        };
      }),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom(...fieldNames),
          fc.oneof(fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 2 })),
        )
        .map(([name, value]) => ({
          contentType: 'application/json',
          payload: JSON.stringify({ ...Object.fromEntries(token), [name]: value }),
          classes: ['json:wrong-type'],
        })),
      weight: 2,
    },
    {
      arbitrary: fc
        .constantFrom('{"name":', '[', 'null', '"x"', '{"__proto__":{"x":1}}', '\u0000', '{"_csrf":{"value":1}}')
        .map((payload) => ({ contentType: 'application/json', payload, classes: ['json:malformed'] })),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...WRONG_CONTENT_TYPES), fields)
        .map(([contentType, f]) => ({ contentType, payload: wtf8(formEncode(f.fields)), classes: [`content-type:${contentType}`] })),
      weight: 2,
    },
    { arbitrary: fc.constant<Body>({ classes: ['body:empty'] }), weight: 1 },
    {
      arbitrary: fc.constant<Body>({
        contentType: 'application/x-www-form-urlencoded',
        payload: `name=${'a'.repeat(70_000)}`,
        classes: ['body:too-large'],
      }),
      weight: 1,
    },
  );
}

function mayUse(identity: Identity, route: Route): boolean {
  const rule = route.access;
  if (!rule || rule.kind === 'public') return true;
  if (rule.kind === 'signed-in') return identity.cookie !== undefined;
  return rule.roles.some((role) => identity.roles.has(role));
}

/** Routes that take more input get more requests: a POST most, a page without parameters least. */
const inputsOf = (route: Route) => (route.method === 'POST' ? 4 : parametersOf(route.url).length > 0 ? 2 : 1);

/**
 * An anonymous visitor sends two fifths of the requests (cheap: no session to load); the personas
 * send most of theirs to the routes their role may use, so that the handlers run.
 */
function requesterArbitrary(routes: Route[]): fc.Arbitrary<{ identity: Identity; route: Route }> {
  return fc.oneof(
    ...identities.map((identity) => ({
      weight: identity.cookie ? 1 : 4,
      arbitrary: fc
        .oneof(...routes.map((route) => ({ arbitrary: fc.constant(route), weight: inputsOf(route) * (mayUse(identity, route) ? 3 : 1) })))
        .map((route) => ({ identity, route })),
    })),
  );
}

function caseArbitrary(routes: Route[], knowledge: Knowledge): fc.Arbitrary<Case> {
  return requesterArbitrary(routes).chain(({ route, identity }) => {
    const isPost = route.method === 'POST';
    // Signing out would end the persona's session for the rest of the run: /logout gets no valid token.
    const csrfChoice =
      isPost && identity.csrf && route.url !== '/logout'
        ? fc.constantFrom('valid', 'valid', 'valid', 'valid', 'valid', 'valid', 'valid', 'missing', 'forged')
        : fc.constant('none');
    return fc
      .record({
        params: parametersArbitrary(route, knowledge),
        query: queryArbitrary(route, knowledge),
        accept: fc.constantFrom(...ACCEPTS),
        headChoice: fc.nat({ max: 19 }),
        csrf: csrfChoice,
        cookieLang: rarely(malformedText, 15),
      })
      .chain((parts) => {
        const token = parts.csrf === 'valid' ? identity.csrf : parts.csrf === 'forged' ? `${identity.csrf!.slice(0, -4)}AAAA` : undefined;
        const body = isPost ? bodyArbitrary(route, knowledge, token) : fc.constant<Body>({ classes: [] });
        return body.map((b): Case => {
          const method = route.method === 'GET' && parts.headChoice === 0 ? 'HEAD' : route.method;
          const headers: Record<string, string> = {};
          if (parts.accept) headers.accept = parts.accept;
          const cookies = [identity.cookie, parts.cookieLang ? `lang=${percentEncode(parts.cookieLang.value)}` : undefined].filter(Boolean);
          if (cookies.length > 0) headers.cookie = cookies.join('; ');
          if (token) headers['x-csrf-token'] = token;
          if (b.contentType !== undefined) headers['content-type'] = b.contentType;
          const path = fillRoute(route.url, parts.params.values);
          return {
            identity,
            method,
            route: route.url,
            url: parts.query.query ? `${path}?${parts.query.query}` : path,
            headers,
            payload: b.payload,
            classes: [
              ...parts.params.classes,
              ...parts.query.classes,
              ...b.classes,
              ...(parts.csrf === 'valid' || parts.csrf === 'none' ? [] : [`csrf:${parts.csrf}`]),
              ...(parts.cookieLang ? [`cookie lang:${parts.cookieLang.kind}`] : []),
            ],
          };
        });
      });
  });
}

type Check = (
  response: { statusCode: number; headers: Record<string, unknown>; body: string },
  meta: Omit<Failure, 'status' | 'body' | 'cause'>,
) => void;

interface Failure {
  method: string;
  route: string;
  identity: string;
  classes: string[];
  status: number;
  body: string;
  cause: string;
  url: string;
}

describe('fuzzing every route', () => {
  it(`answers ${REQUESTS} malformed requests from every role without a 5xx or internals (seed ${SEED})`, async () => {
    const routes = running.app
      .declaredRoutes()
      .filter((route) => route.method !== 'HEAD' && !NOT_FUZZED.has(route.url))
      .map(({ method, url, access }) => ({ method, url, access }));
    const started = performance.now();
    const byClass: Record<string, number> = {};
    const failures: Failure[] = [];
    const check: Check = (response, meta) => {
      const statusClass = `${Math.floor(response.statusCode / 100)}xx`;
      byClass[statusClass] = (byClass[statusClass] ?? 0) + 1;
      const leak = leakIn(response.body);
      if (response.statusCode < 500 && !leak) return;
      const cause = serverErrors.get(String(response.headers['x-request-id'])) ?? (leak ? `body shows "${leak}"` : 'no error logged');
      failures.push({ ...meta, status: response.statusCode, body: response.body.slice(0, 200), cause, url: meta.url.slice(0, 200) });
    };
    const knowledge: Knowledge = {
      tuples: new Map(),
      forms: new Map(),
      queryValues: new Map(),
      databaseIds: await databaseIds(),
      crawled: 0,
    };
    const submissions = await crawl(routes, knowledge, check, identities);
    await submitOnce(submissions, check);
    await crawl(routes, knowledge, check, [...new Set(submissions.map((submission) => submission.identity))]);
    const crawlMs = performance.now() - started;
    const cases = fc.sample(caseArbitrary(routes, knowledge), { seed: SEED, numRuns: REQUESTS });
    const cpuBefore = process.cpuUsage();
    let sent = 0;
    const timeOfRoute = new Map<string, { count: number; ms: number }>();
    const fuzzStart = performance.now();
    for (const request of cases) {
      if (performance.now() - started > TIME_BUDGET_MS) break;
      const before = performance.now();
      const response = await running.app.inject({
        method: request.method as 'GET',
        url: request.url,
        headers: request.headers,
        payload: request.payload,
        remoteAddress: request.identity.remoteAddress,
      });
      sent++;
      for (const key of [`${request.method} ${request.route}`, `as ${request.identity.name}`]) {
        const time = timeOfRoute.get(key) ?? { count: 0, ms: 0 };
        timeOfRoute.set(key, { count: time.count + 1, ms: time.ms + performance.now() - before });
      }
      check(response, {
        method: request.method,
        route: request.route,
        identity: request.identity.name,
        classes: request.classes,
        url: request.url,
      });
    }
    const fuzzMs = performance.now() - fuzzStart;
    const cpu = process.cpuUsage(cpuBefore);
    const covered = new Set(cases.slice(0, sent).map((c) => `${c.method === 'HEAD' ? 'GET' : c.method} ${c.route}`));
    console.log(
      [
        `fuzz: seed ${SEED}; ${sent} requests in ${(fuzzMs / 1000).toFixed(1)} s (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU) after crawling ${knowledge.crawled} pages and sending each form once, in ${(crawlMs / 1000).toFixed(1)} s`,
        `  ${covered.size} of ${routes.length} routes; real parameters known for ${knowledge.tuples.size} routes, forms for ${knowledge.forms.size}; ${knowledge.databaseIds.length} ids from the database`,
        `  no real parameters found for: ${routes
          .filter((route) => parametersOf(route.url).length > 0 && !knowledge.tuples.has(route.url))
          .map((route) => `${route.method} ${route.url}`)
          .join(', ')}`,
        `  no form found for: ${routes
          .filter((route) => route.method === 'POST' && !knowledge.forms.has(route.url))
          .map((route) => route.url)
          .join(', ')}`,
        `  time by identity: ${identities.map(({ name }) => `${name} ${((timeOfRoute.get(`as ${name}`)?.ms ?? 0) / 1000).toFixed(1)} s/${timeOfRoute.get(`as ${name}`)?.count ?? 0}`).join(', ')}`,
        `  slowest routes: ${[...timeOfRoute]
          .filter(([key]) => !key.startsWith('as '))
          .sort((a, b) => b[1].ms - a[1].ms)
          .slice(0, 6)
          .map(([route, t]) => `${route} ${(t.ms / 1000).toFixed(1)} s/${t.count}`)
          .join(', ')}`,
        `  by status: ${Object.entries(byClass)
          .sort()
          .map(([cls, count]) => `${cls} ${count}`)
          .join(', ')}`,
        ...causesReport(failures),
      ].join('\n'),
    );
    expect(sent, 'the time budget ran out before every request was sent').toBe(REQUESTS);
    expect(failures.length, failureSample(failures)).toBe(0);
    for (const identity of identities.filter((candidate) => candidate.cookie)) {
      const me = await running.app.inject({ url: '/api/v1/me', headers: { cookie: identity.cookie! } });
      expect(me.statusCode, `${identity.name} lost the session during the run`).toBe(200);
    }
  }, 360_000);
});

/** One line per distinct cause, with the routes it was seen on and one example. */
function causesReport(failures: Failure[]): string[] {
  const byCause = new Map<string, Failure[]>();
  for (const failure of failures) {
    const key = `${failure.status} ${failure.cause.replace(/"[^"]*"/g, '"…"').replace(/:\d+:\d+\)/g, ')')}`;
    byCause.set(key, [...(byCause.get(key) ?? []), failure]);
  }
  return [...byCause].flatMap(([cause, list]) => {
    const routes = [...new Set(list.map((f) => `${f.method} ${f.route}`))];
    const example = list[0]!;
    return [
      `  CAUSE ×${list.length} on ${routes.length} routes: ${cause}`,
      `    routes: ${routes.join(', ')}`,
      `    e.g. ${example.identity}: ${example.method} ${JSON.stringify(example.url)} [${example.classes.join('; ')}]`,
    ];
  });
}

/** A deduplicated sample of the failures: one per route, input class and status. */
function failureSample(failures: Failure[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const failure of failures) {
    const key = `${failure.method} ${failure.route} ${failure.classes
      .map((c) => c.split(':').pop())
      .sort()
      .join(',')} ${failure.status}`;
    if (seen.has(key) || lines.length >= 40) continue;
    seen.add(key);
    lines.push(
      `${failure.method} ${failure.route} as ${failure.identity} [${failure.classes.join('; ')}] → ${failure.status}: ${failure.cause} | ${JSON.stringify(failure.body)}`,
    );
  }
  return `${failures.length} requests failed; a sample:\n${lines.join('\n')}`;
}
