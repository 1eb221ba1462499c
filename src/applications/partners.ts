/**
 * Partner suggestions, pure: candidates found by the partner finder's sources (neighbours, the
 * lead's county, a similar projected challenge), each judged by every rule of the call with the
 * partner added, and ranked.
 */
import { evaluateEligibility, type Eligibility, type EligibilityRule, type MemberContext } from '../programmes/index.js';

/** Why a municipality is suggested: it shares a boundary with members, lies in the lead's county or region, or faces a similar projected change. */
export type PartnerReason =
  | { kind: 'neighbour'; of: string[] }
  | { kind: 'region'; region: string }
  | { kind: 'similar'; measure: SimilarityMeasure };

/** The projected change of persons 20–66 per person 80+ from the base year to `year` (main scenario), the candidate's and the network's own. */
export interface SimilarityMeasure {
  baseYear: number;
  year: number;
  from: number;
  to: number;
  /** Per cent change, the candidate's. */
  change: number;
  /** Per cent change, the network's projected as one. */
  own: number;
}

export interface PartnerCandidate {
  member: MemberContext;
  reasons: PartnerReason[];
}

/**
 * What the network would look like with the partner: every rule passes; the rules about the
 * network itself (kind, size, population) pass and the rest waits for things not done yet
 * (decisions, answers); or a rule about the network fails.
 */
export type PartnerVerdict = 'passes' | 'networkPasses' | 'fails';

export interface PartnerSuggestion {
  code: string;
  name: string;
  persons: number | null;
  reasons: PartnerReason[];
  /** Every rule of the call over the network with this partner added; the partner's decision counts as not yet made. */
  eligibility: Eligibility;
  verdict: PartnerVerdict;
  /** What the partner already does together with the applicant, in words (from the registry of cooperations). */
  notes?: readonly string[];
}

const NETWORK_RULES: ReadonlySet<EligibilityRule['kind']> = new Set(['applicant-kind', 'network-size', 'network-population']);
const REASON_ORDER: Record<PartnerReason['kind'], number> = { neighbour: 0, region: 1, similar: 2 };
const VERDICT_ORDER: Record<PartnerVerdict, number> = { passes: 0, networkPasses: 1, fails: 2 };

/**
 * Candidates ranked for a network: those that would make it meet every rule first, then those
 * that make it meet the network rules, then the rest; within each, more reasons first, neighbours
 * before the same county before a similar challenge, then by population. Members already in the
 * network are left out.
 */
export function suggestPartners(
  rules: readonly EligibilityRule[],
  network: readonly MemberContext[],
  candidates: readonly PartnerCandidate[],
  answeredSections?: readonly string[],
): PartnerSuggestion[] {
  const inNetwork = new Set(network.map((m) => m.code));
  const firstReason = (reasons: readonly PartnerReason[]) => Math.min(...reasons.map((r) => REASON_ORDER[r.kind]));
  return candidates
    .filter((c) => !inNetwork.has(c.member.code))
    .map(({ member, reasons }): PartnerSuggestion => {
      const eligibility = evaluateEligibility(rules, {
        members: [...network, { ...member, decision: undefined }],
        ...(answeredSections ? { answeredSections } : {}),
      });
      const networkPasses = eligibility.results.every((r) => !NETWORK_RULES.has(r.rule.kind) || r.outcome === 'pass');
      const verdict = eligibility.eligible ? 'passes' : networkPasses ? 'networkPasses' : 'fails';
      return { code: member.code, name: member.name, persons: member.population?.persons ?? null, reasons, eligibility, verdict };
    })
    .sort(
      (a, b) =>
        VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] ||
        b.reasons.length - a.reasons.length ||
        firstReason(a.reasons) - firstReason(b.reasons) ||
        (b.persons ?? 0) - (a.persons ?? 0) ||
        a.name.localeCompare(b.name, 'nb'),
    );
}

/** The `count` municipalities whose projected change is nearest the network's own (unknown changes and `exclude` left out). */
export function nearestChanges(own: number, changes: ReadonlyMap<string, number>, exclude: ReadonlySet<string>, count: number): string[] {
  if (!Number.isFinite(own)) return [];
  return [...changes]
    .filter(([code, change]) => Number.isFinite(change) && !exclude.has(code))
    .sort(([a, x], [b, y]) => Math.abs(x - own) - Math.abs(y - own) || a.localeCompare(b))
    .slice(0, count)
    .map(([code]) => code);
}

/** Joins reasons found by different searches into one candidate per municipality, in the order first found. */
export function mergeCandidates(found: readonly { code: string; reason: PartnerReason }[]): Map<string, PartnerReason[]> {
  const merged = new Map<string, PartnerReason[]>();
  for (const { code, reason } of found) merged.set(code, [...(merged.get(code) ?? []), reason]);
  return merged;
}
