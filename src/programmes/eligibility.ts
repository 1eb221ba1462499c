/**
 * The applicant-side eligibility check: the chosen municipalities' populations are read from the
 * registry (the latest year every member has, stated), then the call's rules judge them.
 */
import type { Queryable } from '../platform/db/database.js';
import { findMunicipality, populationTotals } from '../registry/index.js';
import type { Country } from './model.js';
import { evaluateEligibility, type Eligibility, type EligibilityRule, type MemberContext } from './rules.js';

export interface CheckedNetwork {
  members: MemberContext[];
  /** Codes that name no current municipality of the call's country. */
  unknownCodes: string[];
  eligibility: Eligibility;
}

/** Members in the order given, duplicates dropped; populations from the latest year all of them have. */
export async function membersFromRegistry(
  db: Queryable,
  country: Country,
  codes: readonly string[],
): Promise<{ members: MemberContext[]; unknownCodes: string[] }> {
  const unique = [...new Set(codes.map((code) => code.trim()).filter((code) => /^\d{3,4}$/.test(code)))];
  const found: { code: string; name: string; totals: { year: number; persons: number }[] }[] = [];
  const unknownCodes: string[] = [];
  for (const code of unique) {
    const municipality = await findMunicipality(db, country, code);
    if (!municipality || municipality.validTo !== null) {
      unknownCodes.push(code);
      continue;
    }
    found.push({ code, name: municipality.name, totals: await populationTotals(db, country, code) });
  }
  const yearSets = found.map((m) => new Set(m.totals.map((t) => t.year)));
  const common = found[0]?.totals.map((t) => t.year).filter((year) => yearSets.every((set) => set.has(year))) ?? [];
  const commonYear = common.length > 0 ? Math.max(...common) : undefined;
  const members = found.map((m): MemberContext => {
    const pick = commonYear !== undefined ? m.totals.find((t) => t.year === commonYear) : m.totals.at(-1);
    return { code: m.code, name: m.name, kind: 'municipality', population: pick ? { persons: pick.persons, year: pick.year } : null };
  });
  return { members, unknownCodes };
}

export async function checkNetwork(
  db: Queryable,
  country: Country,
  rules: readonly EligibilityRule[],
  codes: readonly string[],
): Promise<CheckedNetwork> {
  const { members, unknownCodes } = await membersFromRegistry(db, country, codes);
  return { members, unknownCodes, eligibility: evaluateEligibility(rules, { members }) };
}
