import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../audit/store.js';
import { CookieJar, csrfTokenIn, fetchWithJar, signInThroughProvider, startPlatformApp, type RunningApp } from '../testing/harness.js';
import { PERSONAS } from './personas.js';

let running: RunningApp;
beforeAll(async () => {
  running = await startPlatformApp();
});
afterAll(() => running.close());

const me = (jar: CookieJar) => fetchWithJar(jar, `${running.baseUrl}/api/v1/me`);

describe('sign-in through OpenID Connect', () => {
  it.each(PERSONAS.map((persona) => [persona.name, persona] as const))('%s signs in and gets their roles', async (_name, persona) => {
    const jar = await signInThroughProvider(running.baseUrl, persona.subject);
    const response = await me(jar);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { name: string; loginKind: string; roles: string[] };
    expect(body.name).toBe(persona.name);
    expect(body.loginKind).toBe(persona.loginKind);
    const expectedRoles = [...persona.roles.map((role) => role.role), ...(persona.loginKind === 'citizen' ? ['citizen'] : [])];
    expect(body.roles.sort()).toEqual(expectedRoles.sort());
  });

  it('issues a new session id at sign-in (no session fixation)', async () => {
    const jar = new CookieJar();
    await fetchWithJar(jar, `${running.baseUrl}/login/employee?returnTo=/`);
    const before = jar.get('stifinner_session');
    await signInThroughProvider(running.baseUrl, 'persona-admin', jar);
    expect(jar.get('stifinner_session')).toBeDefined();
    expect(jar.get('stifinner_session')).not.toBe(before);
  });

  it('refuses a callback whose state does not match', async () => {
    const jar = new CookieJar();
    await fetchWithJar(jar, `${running.baseUrl}/login/employee?returnTo=/`);
    const response = await fetchWithJar(jar, `${running.baseUrl}/auth/callback/employee?code=forged&state=forged`);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/login\?failed=1/);
    expect((await me(jar)).status).toBe(401);
  });

  it('refuses a callback with no sign-in in progress', async () => {
    const response = await fetch(`${running.baseUrl}/auth/callback/citizen?code=x&state=y`, { redirect: 'manual' });
    expect(response.status).toBe(400);
  });

  it('never sends a person to another site after sign-in', async () => {
    const jar = new CookieJar();
    const response = await fetchWithJar(jar, `${running.baseUrl}/login/employee?returnTo=//evil.example/`);
    expect(response.status).toBe(303);
    expect(jar.get('stifinner_session')).toBeDefined();
    const pending = await running.database.db.selectFrom('sessions').select('data').execute();
    expect(JSON.stringify(pending.map((row) => row.data))).not.toContain('evil.example');
  });

  it('sends the anonymous to sign in, with the page to come back to', async () => {
    const response = await fetch(`${running.baseUrl}/admin/audit?recordType=user`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?returnTo=%2Fadmin%2Faudit%3FrecordType%3Duser');
  });
});

describe('sign-out', () => {
  it('is a CSRF-protected POST that ends the session on every device, audited', async () => {
    const laptop = await signInThroughProvider(running.baseUrl, 'persona-kdd-owner');
    const phone = await signInThroughProvider(running.baseUrl, 'persona-kdd-owner');
    expect((await me(phone)).status).toBe(200);

    const page = await fetchWithJar(laptop, `${running.baseUrl}/`);
    const token = csrfTokenIn(await page.text());
    const response = await fetchWithJar(laptop, `${running.baseUrl}/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('/oidc/session/end');
    expect(response.headers.get('location')).toContain('id_token_hint=');

    expect((await me(laptop)).status).toBe(401);
    expect((await me(phone)).status).toBe(401);
    const events = await listAuditEvents(running.database.db, { recordType: 'user', limit: 50 });
    expect(events.some((event) => event.action === 'sign-out-everywhere' && event.actor_name === 'Ingrid Haugen')).toBe(true);
  });

  it('shows the provider’s sign-out confirmation in the person’s language, then returns', async () => {
    const jar = await signInThroughProvider(running.baseUrl, 'persona-citizen-porsgrunn');
    await fetchWithJar(jar, `${running.baseUrl}/?lang=nn`);
    const token = csrfTokenIn(await (await fetchWithJar(jar, `${running.baseUrl}/`)).text());
    const logout = await fetchWithJar(jar, `${running.baseUrl}/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token }),
    });
    const confirm = await fetchWithJar(jar, logout.headers.get('location')!);
    const html = await confirm.text();
    expect(html).toContain('Logge ut av innloggingstenesta?');
    const action = /action="([^"]+)"/.exec(html)![1]!;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1]!;
    const done = await fetchWithJar(jar, new URL(action, running.baseUrl).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    });
    expect(done.headers.get('location')).toBe(`${running.baseUrl}/logged-out`);
  });
});
