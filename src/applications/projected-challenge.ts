/**
 * The projected-challenge parts' figures for a network: each member's own projection and, for
 * several members, the network projected as one, in the main scenario, from the projections
 * service. Shown on the application page and copied into each submitted version.
 */
import { formatNumber, type Locale } from '../platform/i18n/index.js';
import { translate } from '../platform/ui/translate.js';
import type { FormDefinition, FormPart } from '../programmes/index.js';
import { percentChange } from '../projections/index.js';
import type { ProjectionService } from '../projections/index.js';
import type { Country } from '../registry/index.js';
import { challengeArea, horizonWithin, type ProjectedChallenge } from './challenge.js';

type ChallengePart = Extract<FormPart, { kind: 'projected-challenge' }>;

export function challengeParts(form: FormDefinition): ChallengePart[] {
  return form.sections.flatMap((s) => s.parts).filter((p): p is ChallengePart => p.kind === 'projected-challenge');
}

/** The figures of every projected-challenge part of the form for the members (in their order). */
export async function projectedChallenges(
  projections: ProjectionService | undefined,
  form: FormDefinition,
  country: Country,
  members: readonly { code: string; name: string }[],
): Promise<ProjectedChallenge[]> {
  const parts = challengeParts(form);
  if (parts.length === 0) return [];
  const directory = projections && country === 'NO' ? await projections.directory() : undefined;
  const covered = directory ? members.filter((m) => directory.municipality(m.code)) : [];
  const missing = members.filter((m) => !covered.includes(m)).map((m) => m.name);
  const baseYear = projections && covered.length > 0 ? await projections.baseYear() : 0;
  const figuresOf = (codes: string[]) => projections!.figures({ codes, scenario: 'main', adjustments: {} });
  const own = await Promise.all(covered.map(async (m) => ({ member: m, figures: await figuresOf([m.code]) })));
  const network = covered.length > 1 ? await figuresOf(covered.map((m) => m.code)) : undefined;
  return parts.map((part) => ({
    part: part.key,
    indicator: part.indicator,
    scenario: 'main',
    baseYear,
    horizonYear: own[0] ? horizonWithin(own[0].figures, part.horizonYear) : part.horizonYear,
    areas: [
      ...own.map(({ member, figures }) => challengeArea(member.name, [member.code], figures, part.indicator, part.horizonYear)),
      ...(network
        ? [
            challengeArea(
              null,
              covered.map((m) => m.code),
              network,
              part.indicator,
              part.horizonYear,
            ),
          ]
        : []),
    ],
    missing,
  }));
}

// How the figures read (page, receipt page and PDF alike) -------------------------------------------

const DIGITS: Record<ProjectedChallenge['indicator'], number> = { 'age-80-plus': 0, 'working-age-per-elderly': 1, population: 0 };

export interface ChallengeRow {
  area: string;
  base: string;
  horizon: string;
  change: string;
}

/** One row per area: a member's name or "the network as one", both years' values and the change in per cent. */
export function challengeRows(locale: Locale, challenge: ProjectedChallenge): ChallengeRow[] {
  const value = (v: number) => (Number.isFinite(v) ? formatNumber(locale, v, DIGITS[challenge.indicator]) : '–');
  return challenge.areas.map((area) => {
    const change = percentChange(area.base, area.horizon);
    return {
      area: area.name ?? translate(locale, 'applications.challenge.network', { count: area.codes.length }),
      base: value(area.base),
      horizon: value(area.horizon),
      change: Number.isFinite(change) ? `${change > 0 ? '+' : ''}${formatNumber(locale, change, 1)} %` : '–',
    };
  });
}

export function challengeCaption(locale: Locale, challenge: ProjectedChallenge): string {
  return translate(locale, 'applications.challenge.caption', {
    indicator: translate(locale, `applications.challenge.indicator.${challenge.indicator}`),
    baseYear: String(challenge.baseYear),
    horizonYear: String(challenge.horizonYear),
  });
}

export function challengeSource(locale: Locale, challenge: ProjectedChallenge): string {
  return translate(locale, 'applications.challenge.source', { baseYear: String(challenge.baseYear) });
}

/** The figures as lines of text, for the receipt PDF. */
export function challengeLines(locale: Locale, challenge: ProjectedChallenge): string[] {
  const rows = challengeRows(locale, challenge);
  return [
    ...(rows.length > 0 ? [challengeCaption(locale, challenge)] : []),
    ...rows.map((row) =>
      translate(locale, 'applications.challenge.line', {
        area: row.area,
        base: row.base,
        baseYear: String(challenge.baseYear),
        horizon: row.horizon,
        horizonYear: String(challenge.horizonYear),
        change: row.change,
      }),
    ),
    ...(rows.length > 0 ? [challengeSource(locale, challenge)] : []),
    ...(challenge.missing.length > 0 ? [translate(locale, 'applications.challenge.missing', { names: challenge.missing.join(', ') })] : []),
  ];
}
