/**
 * Inter-municipal cooperations (interkommunalt samarbeid), pure: the legal forms kommuneloven
 * knows, and the shipped list of child-welfare cooperations read and matched to today's codes.
 */

/** Kommuneloven's forms of cooperation, and "other" for the rest. */
export const LEGAL_FORMS = ['iks', 'vertskommune', 'samkommune', 'politisk_rad', 'avtale_17_1', 'other'] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

export const SERVICE_AREAS = ['child_welfare', 'health_care', 'ict', 'other'] as const;
export type CooperationArea = (typeof SERVICE_AREAS)[number];

export interface CooperationRow {
  /** The members as the source writes them (upper case), in its order. */
  readonly names: readonly string[];
  readonly codes: readonly string[];
  readonly county: string;
}

/** Bufdir's list: "kommunenavn;kommunenummer;fylke", names and numbers comma-separated, UTF-8 with BOM. */
export function parseCooperationsCsv(text: string): CooperationRow[] {
  const [, ...lines] = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  return lines.map((line) => {
    const [names = '', codes = '', county = ''] = line.split(';');
    const list = (s: string) =>
      s
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
    return { names: list(names), codes: list(codes), county: county.trim() };
  });
}

export interface CodeChange {
  readonly oldCode: string;
  readonly oldName: string;
  readonly newCode: string;
  readonly changeOccurred: string;
}

/** Today's codes an old code went into, following later changes (a merger then a renumbering). */
export function currentCodes(code: string, today: ReadonlySet<string>, changes: readonly CodeChange[], from = '0000'): string[] {
  if (today.has(code)) return [code];
  const next = changes.filter((c) => c.oldCode === code && c.changeOccurred > from && c.newCode !== code);
  return [...new Set(next.flatMap((c) => currentCodes(c.newCode, today, changes, c.changeOccurred)))];
}

export interface MatchedCooperation {
  readonly county: string;
  readonly members: readonly { code: string; name: string }[];
  /** Members of the source that no code of today matches, as the source wrote them. */
  readonly unmatched: readonly { code: string; name: string }[];
}

export interface ImportReport {
  readonly cooperations: number;
  readonly memberEntries: number;
  readonly matched: number;
  /** Source code → today's code, where they differ. */
  readonly recoded: readonly { from: string; to: string }[];
  readonly unmatched: readonly { code: string; name: string; county: string }[];
}

/** Each source member matched to today's municipality by its number, through the code changes where it has changed. */
export function matchCooperations(
  rows: readonly CooperationRow[],
  today: ReadonlyMap<string, string>,
  changes: readonly CodeChange[],
): { cooperations: MatchedCooperation[]; report: ImportReport } {
  const codes = new Set(today.keys());
  const recoded: { from: string; to: string }[] = [];
  const cooperations = rows.map((row) => {
    const members: { code: string; name: string }[] = [];
    const unmatched: { code: string; name: string }[] = [];
    row.codes.forEach((code, i) => {
      const found = currentCodes(code.padStart(4, '0'), codes, changes);
      if (found.length !== 1) unmatched.push({ code, name: row.names[i] ?? '' });
      else {
        if (found[0] !== code) recoded.push({ from: code, to: found[0]! });
        if (!members.some((m) => m.code === found[0])) members.push({ code: found[0]!, name: today.get(found[0]!)! });
      }
    });
    return { county: row.county, members, unmatched };
  });
  return {
    cooperations,
    report: {
      cooperations: rows.length,
      memberEntries: rows.reduce((s, r) => s + r.codes.length, 0),
      matched: rows.reduce((s, r) => s + r.codes.length, 0) - cooperations.reduce((s, c) => s + c.unmatched.length, 0),
      recoded,
      unmatched: cooperations.flatMap((c) => c.unmatched.map((u) => ({ ...u, county: c.county }))),
    },
  };
}

/** How a municipality's name is compared: case and the Sami and Kven forms after the dash set aside ("harstad" finds "Harstad – Hárstták"). */
export const nameKey = (name: string) =>
  name
    .split(/\s[–-]\s/)[0]!
    .trim()
    .toLocaleLowerCase('nb');

export interface CooperationDraft {
  readonly name: string;
  readonly legalForm: LegalForm;
  readonly serviceArea: CooperationArea;
  readonly members: readonly { code: string; name: string }[];
  readonly hostCode: string | null;
  readonly startYear: number | null;
}

export type CooperationProblem =
  | { field: 'name'; code: 'required' | 'tooLong' }
  | { field: 'legalForm' | 'serviceArea'; code: 'unknownChoice' }
  | { field: 'members'; code: 'tooFew' }
  | { field: 'members'; code: 'unknownName'; name: string }
  | { field: 'hostCode'; code: 'hostNotMember' }
  | { field: 'startYear'; code: 'badYear' };

/**
 * A cooperation as a case worker writes it: a name, a legal form and service area from the lists,
 * the members' names (commas or new lines, at least two known municipalities), a host among the
 * members or none, and a start year from 1900 to the current year or none.
 */
export function checkCooperation(
  input: { name: string; legalForm: string; serviceArea: string; members: string; hostCode: string; startYear: string },
  municipalities: readonly { code: string; name: string }[],
  currentYear: number,
): CooperationDraft | CooperationProblem[] {
  const problems: CooperationProblem[] = [];
  const name = input.name.trim();
  if (name === '') problems.push({ field: 'name', code: 'required' });
  else if (name.length > 300) problems.push({ field: 'name', code: 'tooLong' });
  const legalForm = LEGAL_FORMS.find((f) => f === input.legalForm);
  if (!legalForm) problems.push({ field: 'legalForm', code: 'unknownChoice' });
  const serviceArea = SERVICE_AREAS.find((a) => a === input.serviceArea);
  if (!serviceArea) problems.push({ field: 'serviceArea', code: 'unknownChoice' });
  const byName = new Map(municipalities.map((m) => [nameKey(m.name), m]));
  const members: { code: string; name: string }[] = [];
  for (const part of input.members
    .split(/[,\n;]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 100)) {
    const found = byName.get(nameKey(part));
    if (!found) problems.push({ field: 'members', code: 'unknownName', name: part.slice(0, 100) });
    else if (!members.some((m) => m.code === found.code)) members.push({ code: found.code, name: found.name });
  }
  if (members.length < 2) problems.push({ field: 'members', code: 'tooFew' });
  const hostCode = input.hostCode === '' ? null : input.hostCode;
  if (hostCode !== null && !members.some((m) => m.code === hostCode)) problems.push({ field: 'hostCode', code: 'hostNotMember' });
  const year = input.startYear.trim();
  const startYear = year === '' ? null : /^\d{4}$/.test(year) ? Number(year) : Number.NaN;
  if (startYear !== null && !(startYear >= 1900 && startYear <= currentYear)) problems.push({ field: 'startYear', code: 'badYear' });
  return problems.length > 0 ? problems : { name, legalForm: legalForm!, serviceArea: serviceArea!, members, hostCode, startYear };
}
