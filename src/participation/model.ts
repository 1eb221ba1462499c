/**
 * Citizens' initiatives (innbyggerforslag): the rule as data with its source, the threshold it
 * gives for a municipality or a county, and what a draft must say. Pure.
 */

import type { Membership } from '../platform/auth/model.js';

export type Country = 'NO' | 'DK';
export type AreaKind = 'municipality' | 'county';

/**
 * The areas a person answers for as a case worker: their municipality's, or their county
 * authority's (fylkeskommune) — whose initiatives they moderate, receive and treat. A county's
 * initiatives belong to the county authority, never to the municipalities in it.
 */
export const caseWorkerAreas = (memberships: readonly Membership[]): { scope: AreaKind; code: string }[] =>
  memberships.flatMap((m): { scope: AreaKind; code: string }[] => {
    if (m.role !== 'case_worker') return [];
    if (m.organisationKind === 'municipality' && m.municipalityCode) return [{ scope: 'municipality', code: m.municipalityCode }];
    if (m.organisationKind === 'county' && m.countyCode) return [{ scope: 'county', code: m.countyCode }];
    return [];
  });

/** Whether the person is a case worker of the area the initiative (or idea) is for. */
export const answersFor = (memberships: readonly Membership[], area: { scope: AreaKind; code: string }): boolean =>
  caseWorkerAreas(memberships).some((a) => a.scope === area.scope && a.code === area.code);

/** A law as cited: its name and, where it has one, its address at the official source. */
export interface LegalSource {
  title: string;
  section: string | null;
  url: string | null;
}

/** The statutory right of a country, or the statement that it has none. */
export type InitiativeRule =
  | {
      country: 'NO';
      statutory: true;
      source: LegalSource;
      /** The share of the residents whose signatures always suffice, as a fraction. */
      share: number;
      /** The number of signatures that is always enough, whatever the population. */
      cap: Record<AreaKind, number>;
      /** The council takes its position within this many months of the proposal being put forward. */
      decisionMonths: number;
    }
  | {
      country: 'DK';
      statutory: false;
      source: LegalSource;
      /** A Danish municipality's own rule, where it has switched citizens' proposals on: its source is its own decision. */
      local?: { signatures: number; decisionMonths: number };
    };

/**
 * Kommuneloven (LOV-2018-06-22-83) § 12-1: residents may propose matters concerning the
 * municipality's or county's activity; the council must itself take a position when at least 2 %
 * of the residents stand behind it, 300 signatures in a municipality or 500 in a county are always
 * enough, it decides within six months, and a proposal with the same content as one treated in the
 * electoral period cannot be put forward again.
 */
export const NORWEGIAN_RULE = {
  country: 'NO',
  statutory: true,
  source: {
    title: 'Lov om kommuner og fylkeskommuner (kommuneloven), LOV-2018-06-22-83',
    section: '§ 12-1 Innbyggerforslag',
    url: 'https://lovdata.no/lov/2018-06-22-83/§12-1',
  },
  share: 0.02,
  cap: { municipality: 300, county: 500 },
  decisionMonths: 6,
} as const satisfies InitiativeRule;

/**
 * Denmark's law on municipal government (kommunestyrelsesloven) gives residents no right to put a
 * proposal to the council: there is no statutory threshold or deadline to compute.
 */
export const DANISH_RULE = {
  country: 'DK',
  statutory: false,
  source: { title: 'Lov om kommunernes styrelse (kommunestyrelsesloven)', section: null, url: null },
} as const satisfies InitiativeRule;

export const ruleOf = (country: Country): InitiativeRule => (country === 'NO' ? NORWEGIAN_RULE : DANISH_RULE);

/**
 * A Danish municipality's own rule for citizens' proposals, as its case worker sets it. We chose a
 * fixed number of signatures (as Danish municipalities that run borgerforslag set it, e.g. 500),
 * not a share: one figure the council decides and residents can read.
 */
export interface LocalRule {
  enabled: boolean;
  signatures: number;
  decisionMonths: number;
}
export const LOCAL_RULE_DEFAULT: LocalRule = { enabled: false, signatures: 500, decisionMonths: 6 };
export const LOCAL_RULE_LIMITS = { signatures: { min: 1, max: 100_000 }, decisionMonths: { min: 1, max: 12 } } as const;
export type LocalRuleField = 'signatures' | 'decisionMonths';

/** The rule from the form, or what is wrong with it: whole numbers within their limits. */
export function localRuleProblems(input: {
  enabled: boolean;
  signatures: string;
  decisionMonths: string;
}): { field: LocalRuleField; min: number; max: number }[] | LocalRule {
  const problems: { field: LocalRuleField; min: number; max: number }[] = [];
  const value = (field: LocalRuleField) => {
    const raw = input[field].trim();
    const { min, max } = LOCAL_RULE_LIMITS[field];
    const n = /^[0-9]{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(n >= min && n <= max)) problems.push({ field, min, max });
    return n;
  };
  const signatures = value('signatures');
  const decisionMonths = value('decisionMonths');
  return problems.length > 0 ? problems : { enabled: input.enabled, signatures, decisionMonths };
}

/** The rule that applies in an area: the law's, or in Denmark the municipality's own decision while switched on. */
export function ruleIn(area: { country: Country; name: string }, local: LocalRule | undefined): InitiativeRule {
  if (area.country === 'NO' || !local?.enabled) return ruleOf(area.country);
  return {
    country: 'DK',
    statutory: false,
    source: { title: `${area.name} Kommunes egen beslutning (ikke kommunestyrelsesloven)`, section: null, url: null },
    local: { signatures: local.signatures, decisionMonths: local.decisionMonths },
  };
}

/** 2 % of the residents, rounded up: an integer divided by 100 is exact when it divides, so no rounding error. */
const twoPercentOf = (residents: number): number => Math.ceil((residents * 2) / 100);

/** `ceil(2 % × residents)`, never more than 300 (municipality) or 500 (county); in whole numbers, so no rounding error. */
export function signatureThreshold(kind: AreaKind, residents: number): number {
  if (!Number.isInteger(residents) || residents < 0) throw new RangeError(`residents must be a whole number ≥ 0, not ${residents}`);
  return Math.min(twoPercentOf(residents), NORWEGIAN_RULE.cap[kind]);
}

/** Whether the 300 / 500 cap, rather than 2 %, decides the threshold. */
export const cappedByLaw = (kind: AreaKind, residents: number): boolean => twoPercentOf(residents) > NORWEGIAN_RULE.cap[kind];

/** The population a threshold is computed from, and where the figure comes from. */
export interface Population {
  persons: number;
  /** The figures are residents on 1 January of this year. */
  year: number;
  source: string;
}

export interface Threshold {
  country: Country;
  kind: AreaKind;
  code: string;
  name: string;
  population: Population | null;
  /** Null where neither the law nor the municipality sets one, or no population figure is known. */
  signatures: number | null;
  capped: boolean;
  /** The months the council has to treat a handed-in proposal; null where no rule applies. */
  decisionMonths: number | null;
  rule: InitiativeRule;
}

export function thresholdOf(
  area: { country: Country; kind: AreaKind; code: string; name: string },
  population: Population | null,
  local?: LocalRule,
): Threshold {
  const rule = ruleIn(area, local);
  if (!rule.statutory)
    return {
      ...area,
      population,
      signatures: rule.local?.signatures ?? null,
      capped: false,
      decisionMonths: rule.local?.decisionMonths ?? null,
      rule,
    };
  const signatures = population ? signatureThreshold(area.kind, population.persons) : null;
  const capped = population ? cappedByLaw(area.kind, population.persons) : false;
  return { ...area, population, signatures, capped, decisionMonths: rule.decisionMonths, rule };
}

/** The day the council's deadline falls on: six months after the day the proposal was put forward (same day of month, or the month's last). */
export function decisionDeadline(receivedOn: string, months: number = NORWEGIAN_RULE.decisionMonths): string {
  const [y, m, d] = receivedOn.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** Share of the threshold reached, 0–100, for the progress bar. */
export const progressPercent = (signatures: number, threshold: number | null): number =>
  threshold === null || threshold <= 0 ? 0 : Math.min(100, Math.floor((signatures * 100) / threshold));

export type DraftField = 'title' | 'proposal' | 'reason' | 'scope' | 'coInitiators';
export interface DraftProblem {
  field: DraftField;
  code: 'required' | 'tooLong' | 'badEmail' | 'tooMany';
}

export const LIMITS = { title: 200, proposal: 4000, reason: 8000, coInitiators: 10 } as const;

/** The most initiatives one person may start in a day (abuse: issue 15 point 10). */
export const DRAFTS_PER_DAY = 5;
/** The most initiatives started from one network address in a day. */
export const DRAFTS_PER_ADDRESS_PER_DAY = 20;

/** The same text sent twice: its words, case, punctuation and spacing aside. */
export const sameTextKey = (text: string): string =>
  text
    .toLocaleLowerCase('nb')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export interface InitiativeDraft {
  scope: AreaKind;
  title: string;
  proposal: string;
  reason: string;
  coInitiatorEmails: string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What keeps a draft from being saved: each at its field. */
export function draftProblems(input: {
  scope: string;
  title: string;
  proposal: string;
  reason: string;
  coInitiators: string;
}): DraftProblem[] | InitiativeDraft {
  const problems: DraftProblem[] = [];
  const scope = input.scope === 'county' ? 'county' : input.scope === 'municipality' ? 'municipality' : undefined;
  const title = input.title.trim();
  const proposal = input.proposal.trim();
  const reason = input.reason.trim();
  const emails = [
    ...new Set(
      input.coInitiators
        .split(/[\s,;]+/)
        .map((e) => e.trim().toLowerCase())
        .filter((e) => e !== ''),
    ),
  ];
  if (!scope) problems.push({ field: 'scope', code: 'required' });
  for (const [field, value] of [
    ['title', title],
    ['proposal', proposal],
    ['reason', reason],
  ] as const) {
    if (value === '') problems.push({ field, code: 'required' });
    else if (value.length > LIMITS[field]) problems.push({ field, code: 'tooLong' });
  }
  if (emails.some((e) => !EMAIL.test(e) || e.length > 200)) problems.push({ field: 'coInitiators', code: 'badEmail' });
  if (emails.length > LIMITS.coInitiators) problems.push({ field: 'coInitiators', code: 'tooMany' });
  if (problems.length > 0 || !scope) return problems;
  return { scope, title, proposal, reason, coInitiatorEmails: emails };
}

/** The files an initiator may attach to a draft, by declared type, and the word for each kind. */
export const INITIATIVE_FILE_TYPES = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
} as const;
export type InitiativeFileKind = (typeof INITIATIVE_FILE_TYPES)[keyof typeof INITIATIVE_FILE_TYPES];
/** At most 5 MB a file and five files an initiative: enough for a map, photos or a report. */
export const INITIATIVE_FILE_LIMITS = { bytes: 5 * 1024 * 1024, files: 5 } as const;

/** The first bytes each kind starts with: a file must be what it says it is (Word and OpenDocument are zip archives). */
const SIGNATURES: Record<InitiativeFileKind, number[]> = {
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d],
  docx: [0x50, 0x4b, 0x03, 0x04],
  odt: [0x50, 0x4b, 0x03, 0x04],
  png: [0x89, 0x50, 0x4e, 0x47],
  jpeg: [0xff, 0xd8, 0xff],
};

export const fileKindOf = (contentType: string): InitiativeFileKind | undefined =>
  Object.hasOwn(INITIATIVE_FILE_TYPES, contentType) ? INITIATIVE_FILE_TYPES[contentType as keyof typeof INITIATIVE_FILE_TYPES] : undefined;

/** Why a file cannot be attached: a type not allowed (or content that is not of its type), or too large. */
export function fileProblem(file: { contentType: string; content: Uint8Array }): 'fileType' | 'fileSize' | undefined {
  const kind = fileKindOf(file.contentType);
  if (!kind || !SIGNATURES[kind].every((byte, i) => file.content[i] === byte)) return 'fileType';
  if (file.content.length > INITIATIVE_FILE_LIMITS.bytes) return 'fileSize';
  return undefined;
}

/** Why case workers refuse to publish an initiative (kommuneloven § 12-1). */
export const REFUSAL_REASONS = ['outsideActivity', 'sameContent', 'unlawfulOrOffensive'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
export const isRefusalReason = (value: string): value is RefusalReason => (REFUSAL_REASONS as readonly string[]).includes(value);

/** The council's treatment as the municipality records it. */
export interface Treatment {
  meetingDate: string;
  caseNumber: string;
  decision: string;
  minutesUrl: string | null;
}
export type TreatmentField = 'meetingDate' | 'caseNumber' | 'decision' | 'minutesUrl';
export interface TreatmentProblem {
  field: TreatmentField;
  code: 'required' | 'tooLong' | 'badDate' | 'badUrl';
}

const isCalendarDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
};

export function treatmentProblems(input: {
  meetingDate: string;
  caseNumber: string;
  decision: string;
  minutesUrl: string;
}): TreatmentProblem[] | Treatment {
  const problems: TreatmentProblem[] = [];
  const meetingDate = input.meetingDate.trim();
  const caseNumber = input.caseNumber.trim();
  const decision = input.decision.trim();
  const minutesUrl = input.minutesUrl.trim();
  if (meetingDate === '') problems.push({ field: 'meetingDate', code: 'required' });
  else if (!isCalendarDate(meetingDate)) problems.push({ field: 'meetingDate', code: 'badDate' });
  if (caseNumber === '') problems.push({ field: 'caseNumber', code: 'required' });
  else if (caseNumber.length > 50) problems.push({ field: 'caseNumber', code: 'tooLong' });
  if (decision === '') problems.push({ field: 'decision', code: 'required' });
  else if (decision.length > 4000) problems.push({ field: 'decision', code: 'tooLong' });
  if (minutesUrl !== '' && (!/^https?:\/\/[^\s]+$/.test(minutesUrl) || minutesUrl.length > 500))
    problems.push({ field: 'minutesUrl', code: 'badUrl' });
  if (problems.length > 0) return problems;
  return { meetingDate, caseNumber, decision, minutesUrl: minutesUrl || null };
}

/** The reminders to the municipality before the council's deadline: a month and a week before. */
export function dueReminders(deadline: string, today: string): ('month' | 'week')[] {
  const days = (Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  if (days < 0) return [];
  const due: ('month' | 'week')[] = [];
  if (days <= 31) due.push('month');
  if (days <= 7) due.push('week');
  return due;
}

/** The signers' list the municipality receives: names and the day they signed, as CSV (RFC 4180, semicolons for spreadsheet users in Norway). */
export function signersCsv(
  rows: readonly { name: string; birthYear: string; signedOn: string }[],
  header: { name: string; birthYear: string; signedOn: string },
): string {
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[";\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return `${[[header.name, header.birthYear, header.signedOn], ...rows.map((r) => [r.name, r.birthYear, r.signedOn])].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}
