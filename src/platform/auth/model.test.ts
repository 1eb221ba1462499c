import { describe, expect, it } from 'vitest';
import { access, decideAccess, principalRoles, safeReturnPath, type Principal } from './model.js';

function principal(roles: Principal['roles']): Principal {
  return { userId: 'u', name: 'n', loginKind: 'employee', homeMunicipalityCode: null, memberships: [], roles };
}

describe('decideAccess', () => {
  it('lets anyone use a public route', () => {
    expect(decideAccess(access.public, null)).toBe('allow');
  });

  it('asks the anonymous to sign in before anything else', () => {
    expect(decideAccess(access.signedIn, null)).toBe('sign-in');
    expect(decideAccess(access.roles('admin'), null)).toBe('sign-in');
  });

  it('allows a role-restricted route only to holders of one of its roles', () => {
    const owner = principal(new Set(['programme_owner']));
    expect(decideAccess(access.roles('admin', 'programme_owner'), owner)).toBe('allow');
    expect(decideAccess(access.roles('admin'), owner)).toBe('forbid');
  });

  it('lets nobody in when a rule names no role', () => {
    expect(decideAccess(access.roles(), principal(new Set(['admin'])))).toBe('forbid');
  });
});

describe('principalRoles', () => {
  it('adds citizen for ID-porten sign-ins only', () => {
    expect([...principalRoles('citizen', [])]).toEqual(['citizen']);
    expect([...principalRoles('employee', [])]).toEqual([]);
  });
});

describe('safeReturnPath', () => {
  it.each([
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
    '/a\u0001b',
    '/a\u2028b',
    '/a b',
    42,
    undefined,
  ])('refuses %s', (value) => expect(safeReturnPath(value)).toBe('/'));

  it('keeps paths on this site', () => {
    expect(safeReturnPath('/admin/audit?recordType=user')).toBe('/admin/audit?recordType=user');
  });
});
