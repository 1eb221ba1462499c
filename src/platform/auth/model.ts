/** Who may do what: roles, the signed-in principal, and the access rule every route declares. */

export const ROLES = ['admin', 'programme_owner', 'decision_approver', 'case_worker', 'reviewer', 'adviser', 'citizen'] as const;
export type Role = (typeof ROLES)[number];
/** Roles held through an organisation; `citizen` comes from signing in with ID-porten instead. */
export type OrganisationRole = Exclude<Role, 'citizen'>;

export type LoginKind = 'citizen' | 'employee';
/** `county`: a Norwegian county authority (fylkeskommune); Danish regions own no citizens' initiatives, so Denmark has none. */
export type OrganisationKind = 'ministry' | 'state_office' | 'municipality' | 'county' | 'external' | 'platform';
export type Country = 'NO' | 'DK';

export interface Membership {
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  municipalityCode: string | null;
  /** The county number (registry) of a county authority's membership; absent or null for every other kind. */
  countyCode?: string | null;
  role: OrganisationRole;
}

export interface Principal {
  userId: string;
  name: string;
  loginKind: LoginKind;
  homeMunicipalityCode: string | null;
  memberships: Membership[];
  roles: ReadonlySet<Role>;
}

export function principalRoles(loginKind: LoginKind, memberships: readonly Membership[]): Set<Role> {
  const roles = new Set<Role>(memberships.map((membership) => membership.role));
  if (loginKind === 'citizen') roles.add('citizen');
  return roles;
}

/**
 * Every route says who may use it. There is no default: a route without an access rule is refused
 * when it is registered, and a rule that names no role lets nobody in.
 */
export type Access = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'roles'; roles: readonly Role[] };

export const access = {
  public: { kind: 'public' } as Access,
  signedIn: { kind: 'signed-in' } as Access,
  roles: (...roles: Role[]): Access => ({ kind: 'roles', roles }),
};

export type AccessDecision = 'allow' | 'sign-in' | 'forbid';

export function decideAccess(rule: Access, principal: Principal | null): AccessDecision {
  if (rule.kind === 'public') return 'allow';
  if (principal === null) return 'sign-in';
  if (rule.kind === 'signed-in') return 'allow';
  return rule.roles.some((role) => principal.roles.has(role)) ? 'allow' : 'forbid';
}

/** Only paths on this site are followed after sign-in, so a crafted link cannot send people elsewhere. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000 || !/^\/[\x21-\x7e]*$/.test(value)) return '/';
  if (value.startsWith('//') || value.includes('\\')) return '/';
  return value;
}
