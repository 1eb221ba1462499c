import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideAccess, principalRoles, type Principal } from './platform/auth/model.js';
import { PERSONAS, type Persona } from './platform/auth/personas.js';
import { translator } from './platform/i18n/index.js';
import { signInThroughProvider } from './platform/testing/harness.js';
import { startTestApp, type RunningApp } from './test-app.js';

let running: RunningApp;
const cookies = new Map<string, string>();

beforeAll(async () => {
  running = await startTestApp();
  for (const persona of PERSONAS) cookies.set(persona.subject, (await signInThroughProvider(running.baseUrl, persona.subject)).header());
});
afterAll(() => running.close());

function principalOf(persona: Persona): Principal {
  const memberships = persona.roles.map(({ role }) => ({
    organisationId: '',
    organisationName: '',
    organisationKind: 'municipality' as const,
    municipalityCode: null,
    role,
  }));
  return {
    userId: persona.subject,
    name: persona.name,
    loginKind: persona.loginKind,
    homeMunicipalityCode: persona.homeMunicipalityCode,
    memberships,
    roles: principalRoles(persona.loginKind, memberships),
  };
}

const CSRF_REFUSAL = translator('nb')('error.403.csrf');

describe('every route for every role', () => {
  it('declares who may use it', () => {
    const undeclared = running.app.declaredRoutes().filter((route) => !route.access);
    expect(undeclared).toEqual([]);
  });

  it('answers each persona and the anonymous as its rule says', async () => {
    const routes = running.app.declaredRoutes().filter((route) => route.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(10);
    const visitors = [{ name: 'anonymous', principal: null, cookie: '' }].concat(
      PERSONAS.map((persona) => ({ name: persona.name, principal: principalOf(persona), cookie: cookies.get(persona.subject)! })) as never,
    ) as { name: string; principal: Principal | null; cookie: string }[];
    let checked = 0;
    for (const route of routes) {
      const url = route.url.replace(/:\w+/g, 'x').replace('*', 'x');
      for (const visitor of visitors) {
        const expected = decideAccess(route.access!, visitor.principal);
        const response = await running.app.inject({
          method: route.method as 'GET',
          url,
          headers: { cookie: visitor.cookie, accept: 'application/json' },
        });
        const what = `${route.method} ${route.url} as ${visitor.name}: expected ${expected}, got ${response.statusCode}`;
        if (expected === 'sign-in') expect(response.statusCode, what).toBe(401);
        else if (expected === 'forbid') {
          expect(response.statusCode, what).toBe(403);
          expect(response.json().detail, what).toBeUndefined();
        } else {
          expect(response.statusCode, what).not.toBe(401);
          if (response.statusCode === 403) expect(response.json().detail, what).toBe(CSRF_REFUSAL);
        }
        checked++;
      }
    }
    expect(checked).toBe(routes.length * visitors.length);
  });

  it('keeps the audit log from everyone but administrators', async () => {
    const admin = await running.app.inject({ url: '/admin/audit', headers: { cookie: cookies.get('persona-admin')! } });
    expect(admin.statusCode).toBe(200);
    const owner = await running.app.inject({ url: '/admin/audit', headers: { cookie: cookies.get('persona-kdd-owner')! } });
    expect(owner.statusCode).toBe(403);
  });
});
