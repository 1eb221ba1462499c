/**
 * Administration of organisations and their people's roles: which roles an organisation of each
 * kind can give, and what a new organisation must say. Pure.
 */
import type { Country, OrganisationKind, OrganisationRole } from '../platform/auth/model.js';
import { isEmailAddress } from '../platform/http/input.js';

export const ORGANISATION_KINDS: readonly OrganisationKind[] = [
  'ministry',
  'state_office',
  'municipality',
  'county',
  'external',
  'platform',
];
export const COUNTRIES: readonly Country[] = ['NO', 'DK'];

/** The roles a person can hold through an organisation of each kind. */
const ROLES_OF_KIND: Record<OrganisationKind, readonly OrganisationRole[]> = {
  ministry: ['programme_owner', 'decision_approver', 'reviewer'],
  state_office: ['programme_owner', 'decision_approver', 'reviewer'],
  municipality: ['case_worker', 'reviewer'],
  county: ['case_worker', 'reviewer'],
  external: ['reviewer', 'adviser'],
  platform: ['admin'],
};

export const rolesOfKind = (kind: OrganisationKind): readonly OrganisationRole[] => ROLES_OF_KIND[kind];

export interface NewOrganisation {
  kind: OrganisationKind;
  name: string;
  country: Country;
  municipalityCode: string | null;
  /** A county authority's (fylkeskommune's) two-digit county number. */
  countyCode: string | null;
  mailAddress: string | null;
}

export type OrganisationField = 'kind' | 'name' | 'country' | 'municipalityCode' | 'countyCode' | 'mailAddress';
export interface OrganisationProblem {
  field: OrganisationField;
  code: 'required' | 'tooLong' | 'badCode' | 'badEmail' | 'notMunicipality' | 'badCountyCode' | 'notCounty' | 'noDanishCounty';
}

/** What keeps a new organisation from being registered: each at its field. */
export function organisationProblems(input: {
  kind: string;
  name: string;
  country: string;
  municipalityCode: string;
  countyCode?: string;
  mailAddress: string;
}): OrganisationProblem[] | NewOrganisation {
  const problems: OrganisationProblem[] = [];
  const kind = ORGANISATION_KINDS.find((k) => k === input.kind);
  const country = COUNTRIES.find((c) => c === input.country);
  const name = input.name.trim();
  const code = input.municipalityCode.trim();
  const county = (input.countyCode ?? '').trim();
  const mail = input.mailAddress.trim();
  if (!kind) problems.push({ field: 'kind', code: 'required' });
  if (!country) problems.push({ field: 'country', code: 'required' });
  if (name === '') problems.push({ field: 'name', code: 'required' });
  if (name.length > 200) problems.push({ field: 'name', code: 'tooLong' });
  if (kind === 'municipality' && !/^\d{3,4}$/.test(code)) problems.push({ field: 'municipalityCode', code: 'badCode' });
  if (kind && kind !== 'municipality' && code !== '') problems.push({ field: 'municipalityCode', code: 'notMunicipality' });
  // Danish regions own no citizens' initiatives (nor the rest of a fylkeskommune's tasks here): no county kind in Denmark.
  if (kind === 'county' && country === 'DK') problems.push({ field: 'kind', code: 'noDanishCounty' });
  else if (kind === 'county' && !/^\d{2}$/.test(county)) problems.push({ field: 'countyCode', code: 'badCountyCode' });
  if (kind && kind !== 'county' && county !== '') problems.push({ field: 'countyCode', code: 'notCounty' });
  if (mail !== '' && !isEmailAddress(mail)) problems.push({ field: 'mailAddress', code: 'badEmail' });
  if (problems.length > 0 || !kind || !country) return problems;
  return {
    kind,
    name,
    country,
    municipalityCode: kind === 'municipality' ? code : null,
    countyCode: kind === 'county' ? county : null,
    mailAddress: mail || null,
  };
}
