import type { Country, LoginKind, OrganisationKind, OrganisationRole } from './model.js';

/**
 * The people of the demo and of the tests. The embedded OpenID provider signs them in, and the
 * demo data gives them their organisations and roles, exactly as Ansattporten and ID-porten users
 * would be given theirs by an administrator.
 */
export interface DemoOrganisation {
  key: string;
  kind: OrganisationKind;
  name: string;
  country: Country;
  municipalityCode: string | null;
  /** A county authority's county number (registry: Vestfold 39, Telemark 40). */
  countyCode?: string;
  /** The official mailbox (postmottak). */
  mailAddress?: string;
}

export interface Persona {
  subject: string;
  name: string;
  email: string;
  loginKind: LoginKind;
  /** What the persona is for, shown on the local sign-in page. */
  description: string;
  homeMunicipalityCode: string | null;
  /** A citizen's date of birth (YYYY-MM-DD), as ID-porten's population register lookup gives it; the signers' list shows its year. */
  birthDate?: string;
  roles: { organisation: string; role: OrganisationRole }[];
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { key: 'kdd', kind: 'ministry', name: 'Kommunal- og distriktsdepartementet', country: 'NO', municipalityCode: null },
  { key: 'sfvt', kind: 'state_office', name: 'Statsforvalteren i Vestfold og Telemark', country: 'NO', municipalityCode: null },
  {
    key: 'vestfold',
    kind: 'county',
    name: 'Vestfold fylkeskommune',
    country: 'NO',
    municipalityCode: null,
    countyCode: '39',
    mailAddress: 'postmottak@vestfoldfylke.example.no',
  },
  {
    key: 'telemark',
    kind: 'county',
    name: 'Telemark fylkeskommune',
    country: 'NO',
    municipalityCode: null,
    countyCode: '40',
    mailAddress: 'postmottak@telemarkfylke.example.no',
  },
  {
    key: 'porsgrunn',
    kind: 'municipality',
    name: 'Porsgrunn kommune',
    country: 'NO',
    municipalityCode: '4001',
    mailAddress: 'postmottak@porsgrunn.example.no',
  },
  {
    key: 'skien',
    kind: 'municipality',
    name: 'Skien kommune',
    country: 'NO',
    municipalityCode: '4003',
    mailAddress: 'postmottak@skien.example.no',
  },
  {
    key: 'notodden',
    kind: 'municipality',
    name: 'Notodden kommune',
    country: 'NO',
    municipalityCode: '4005',
    mailAddress: 'postmottak@notodden.example.no',
  },
  {
    key: 'fredericia',
    kind: 'municipality',
    name: 'Fredericia Kommune',
    country: 'DK',
    municipalityCode: '607',
    mailAddress: 'fredericia@fredericia.example.dk',
  },
  {
    key: 'middelfart',
    kind: 'municipality',
    name: 'Middelfart Kommune',
    country: 'DK',
    municipalityCode: '410',
    mailAddress: 'middelfart@middelfart.example.dk',
  },
  {
    key: 'kolding',
    kind: 'municipality',
    name: 'Kolding Kommune',
    country: 'DK',
    municipalityCode: '621',
    mailAddress: 'kolding@kolding.example.dk',
  },
  { key: 'ism', kind: 'ministry', name: 'Indenrigs- og Sundhedsministeriet', country: 'DK', municipalityCode: null },
  { key: 'kl', kind: 'external', name: 'KL – Kommunernes Landsforening', country: 'DK', municipalityCode: null },
  { key: 'kompetansesenter', kind: 'external', name: 'Kompetansesenter for kommunal innovasjon', country: 'NO', municipalityCode: null },
  { key: 'telemarksforsking', kind: 'external', name: 'Telemarksforsking', country: 'NO', municipalityCode: null },
  { key: 'stifinner', kind: 'platform', name: 'Stifinner drift', country: 'NO', municipalityCode: null },
];

export const PERSONAS: Persona[] = [
  {
    subject: 'persona-kdd-owner',
    name: 'Ingrid Haugen',
    email: 'ingrid.haugen@kdd.example.no',
    loginKind: 'employee',
    description: 'programme owner, KDD',
    homeMunicipalityCode: null,
    roles: [{ organisation: 'kdd', role: 'programme_owner' }],
  },
  {
    subject: 'persona-kdd-approver',
    name: 'Kari Nilsen',
    email: 'kari.nilsen@kdd.example.no',
    loginKind: 'employee',
    description: 'approves decisions (second pair of eyes), KDD',
    homeMunicipalityCode: null,
    roles: [{ organisation: 'kdd', role: 'decision_approver' }],
  },
  {
    subject: 'persona-sfvt-officer',
    name: 'Lars Berg',
    email: 'lars.berg@statsforvalteren.example.no',
    loginKind: 'employee',
    description: 'officer, Statsforvalteren i Vestfold og Telemark',
    homeMunicipalityCode: null,
    roles: [{ organisation: 'sfvt', role: 'programme_owner' }],
  },
  {
    subject: 'persona-porsgrunn-case-worker',
    name: 'Silje Andersen',
    email: 'silje.andersen@porsgrunn.example.no',
    loginKind: 'employee',
    description: 'case worker, Porsgrunn',
    homeMunicipalityCode: null,
    roles: [{ organisation: 'porsgrunn', role: 'case_worker' }],
  },
  {
    subject: 'persona-skien-case-worker',
    name: 'Ola Dahl',
    email: 'ola.dahl@skien.example.no',
    loginKind: 'employee',
    description: 'case worker, Skien',
    homeMunicipalityCode: null,
    roles: [{ organisation: 'skien', role: 'case_worker' }],
  },
  {
    subject: 'persona-notodden-case-worker',
    name: 'Marte Lie',
    email: 'marte.lie@notodden.example.no',
    loginKind: 'employee',
    description: 'case worker, Notodden',
    homeMunicipalityCode: null,
    roles: [{ organisation: 'notodden', role: 'case_worker' }],
  },
  {
    subject: 'persona-vestfold-case-worker',
    name: 'Tone Kristiansen',
    email: 'tone.kristiansen@vestfoldfylke.example.no',
    loginKind: 'employee',
    description: 'case worker, Vestfold fylkeskommune (county initiatives)',
    homeMunicipalityCode: null,
    roles: [{ organisation: 'vestfold', role: 'case_worker' }],
  },
  {
    subject: 'persona-telemark-case-worker',
    name: 'Håkon Eide',
    email: 'hakon.eide@telemarkfylke.example.no',
    loginKind: 'employee',
    description: 'case worker, Telemark fylkeskommune (county initiatives)',
    homeMunicipalityCode: null,
    roles: [{ organisation: 'telemark', role: 'case_worker' }],
  },
  {
    subject: 'persona-fredericia-case-worker',
    name: 'Mette Jensen',
    email: 'mette.jensen@fredericia.example.dk',
    loginKind: 'employee',
    description: 'case worker, Fredericia',
    homeMunicipalityCode: null,
    roles: [{ organisation: 'fredericia', role: 'case_worker' }],
  },
  {
    subject: 'persona-reviewer-porsgrunn',
    name: 'Per Holm',
    email: 'per.holm@porsgrunn.example.no',
    loginKind: 'employee',
    description: 'reviewer, employed by Porsgrunn',
    homeMunicipalityCode: null,
    roles: [{ organisation: 'porsgrunn', role: 'reviewer' }],
  },
  {
    subject: 'persona-reviewer-expert',
    name: 'Anne Strand',
    email: 'anne.strand@telemarksforsking.example.no',
    loginKind: 'employee',
    description: 'reviewer, external expert',
    homeMunicipalityCode: null,
    roles: [{ organisation: 'telemarksforsking', role: 'reviewer' }],
  },
  {
    subject: 'persona-ism-owner',
    name: 'Sofie Christensen',
    email: 'sofie.christensen@ism.example.dk',
    loginKind: 'employee',
    description: 'programme owner, Indenrigs- og Sundhedsministeriet (frikommuneforsøg)',
    homeMunicipalityCode: null,
    roles: [{ organisation: 'ism', role: 'programme_owner' }],
  },
  {
    subject: 'persona-ism-approver',
    name: 'Jens Mortensen',
    email: 'jens.mortensen@ism.example.dk',
    loginKind: 'employee',
    description: 'approves decisions, Indenrigs- og Sundhedsministeriet',
    homeMunicipalityCode: null,
    roles: [{ organisation: 'ism', role: 'decision_approver' }],
  },
  {
    subject: 'persona-middelfart-case-worker',
    name: 'Rasmus Holm',
    email: 'rasmus.holm@middelfart.example.dk',
    loginKind: 'employee',
    description: 'case worker, Middelfart',
    homeMunicipalityCode: null,
    roles: [{ organisation: 'middelfart', role: 'case_worker' }],
  },
  {
    subject: 'persona-kolding-case-worker',
    name: 'Louise Berg',
    email: 'louise.berg@kolding.example.dk',
    loginKind: 'employee',
    description: 'case worker, Kolding',
    homeMunicipalityCode: null,
    roles: [{ organisation: 'kolding', role: 'case_worker' }],
  },
  {
    subject: 'persona-kl-reviewer',
    name: 'Birgitte Lund',
    email: 'birgitte.lund@kl.example.dk',
    loginKind: 'employee',
    description: 'reviewer, KL',
    homeMunicipalityCode: null,
    roles: [{ organisation: 'kl', role: 'reviewer' }],
  },
  {
    subject: 'persona-invited-expert',
    name: 'Nora Berg',
    email: 'nora.berg@ntnu.example.no',
    loginKind: 'employee',
    description: 'external expert at NTNU, no role until a programme owner invites her to a reviewer pool',
    homeMunicipalityCode: null,
    roles: [],
  },
  {
    subject: 'persona-adviser',
    name: 'Ragnhild Aas',
    email: 'ragnhild.aas@kompetansesenter.example.no',
    loginKind: 'employee',
    description: 'adviser, competence centre for municipal innovation (writes and curates the knowledge bank)',
    homeMunicipalityCode: null,
    roles: [{ organisation: 'kompetansesenter', role: 'adviser' }],
  },
  {
    subject: 'persona-admin',
    name: 'Eirik Moen',
    email: 'eirik.moen@stifinner.example.no',
    loginKind: 'employee',
    description: 'system administrator',
    homeMunicipalityCode: null,
    roles: [{ organisation: 'stifinner', role: 'admin' }],
  },
  {
    subject: 'persona-citizen-porsgrunn',
    name: 'Nora Bakke',
    email: 'nora.bakke@example.no',
    loginKind: 'citizen',
    description: 'citizen resident in Porsgrunn',
    homeMunicipalityCode: '4001',
    birthDate: '1984-03-12',
    roles: [],
  },
  {
    subject: 'persona-citizen-porsgrunn-2',
    name: 'Jonas Vik',
    email: 'jonas.vik@example.no',
    loginKind: 'citizen',
    description: 'citizen resident in Porsgrunn (co-initiator, signer)',
    homeMunicipalityCode: '4001',
    birthDate: '1991-11-02',
    roles: [],
  },
  {
    subject: 'persona-citizen-skien',
    name: 'Emma Solberg',
    email: 'emma.solberg@example.no',
    loginKind: 'citizen',
    description: 'citizen resident in Skien (same county as Porsgrunn, another municipality)',
    homeMunicipalityCode: '4003',
    birthDate: '1978-06-25',
    roles: [],
  },
  {
    subject: 'persona-citizen-tonsberg',
    name: 'Henrik Aas',
    email: 'henrik.aas@example.no',
    loginKind: 'citizen',
    description: 'citizen resident in Tønsberg (Vestfold, another county)',
    homeMunicipalityCode: '3905',
    birthDate: '1969-09-30',
    roles: [],
  },
  {
    subject: 'persona-citizen-fredericia',
    name: 'Freja Nielsen',
    email: 'freja.nielsen@example.dk',
    loginKind: 'citizen',
    description: 'citizen resident in Fredericia (Denmark)',
    homeMunicipalityCode: '607',
    birthDate: '1988-01-17',
    roles: [],
  },
];

/**
 * The load benchmark's residents of Porsgrunn (`synthetic-citizen-1` … `synthetic-citizen-100000`):
 * made on demand rather than listed, so the sign-in page shows only the demo's people.
 */
const SYNTHETIC_CITIZEN = /^synthetic-citizen-([1-9][0-9]{0,4}|100000)$/;
function syntheticCitizen(subject: string): Persona | undefined {
  const n = SYNTHETIC_CITIZEN.exec(subject)?.[1];
  if (!n) return undefined;
  return {
    subject,
    name: `Syntetisk innbygger ${n}`,
    email: `synthetic-citizen-${n}@example.invalid`,
    loginKind: 'citizen',
    description: 'synthetic resident of Porsgrunn (load benchmark)',
    homeMunicipalityCode: '4001',
    // Spread over 1930–2007 (all of age), so the signers' list shows varied years.
    birthDate: `${1930 + (Number(n) % 78)}-${String((Number(n) % 12) + 1).padStart(2, '0')}-${String((Number(n) % 28) + 1).padStart(2, '0')}`,
    roles: [],
  };
}

export function findPersona(subject: string): Persona | undefined {
  return PERSONAS.find((persona) => persona.subject === subject) ?? syntheticCitizen(subject);
}
