/**
 * Municipal-structure scenarios as the pages read them: seed 001's sets mapped to today's
 * municipalities, saved ones, and sets made up to compare, each summed up with its combined
 * projection (main scenario, no adjustments), its boundaries and its key figures.
 */
import type { Queryable } from '../platform/db/database.js';
import { danishBoundaries, norwegianBoundaries, type ProjectionService } from '../projections/index.js';
import type { CooperationRegistry } from './cooperation-registry.js';
import type { CodeChange } from './cooperations.js';
import type { Country, CountryData, KeyFigureService, Place } from './key-figure-service.js';
import { summariseScenario, type ScenarioSet, type ScenarioSummary } from './scenario-view.js';
import { DEMO_SCENARIOS, MAX_SCENARIO_MEMBERS, MIN_SCENARIO_MEMBERS, thenAndNow } from './scenarios.js';
import { loadCodeChanges } from './sources.js';
import { findScenario } from './store.js';

export type ScenarioService = ReturnType<typeof createScenarioService>;

/** Norwegian municipality numbers have four digits, Danish ones three. */
export const countryOfCode = (code: string): Country => (code.length === 3 ? 'DK' : 'NO');

export function createScenarioService(
  db: Queryable,
  keyFigures: KeyFigureService,
  projections: ProjectionService,
  registry: CooperationRegistry,
  changes = loadCodeChanges,
) {
  let codeChanges: CodeChange[] | undefined;

  function placesOf(data: CountryData, codes: readonly string[]): Place[] | undefined {
    const places = codes.map((code) => data.municipalities.find((m) => m.code === code));
    return places.every((p) => p !== undefined) ? (places as Place[]) : undefined;
  }

  return {
    /** Every municipality of both countries, for matching the names people write. */
    async places(): Promise<(Place & { country: Country })[]> {
      const [norway, denmark] = await Promise.all([keyFigures.countryData('NO'), keyFigures.countryData('DK')]);
      return [norway, denmark].flatMap((data) => data.municipalities.map((m) => ({ ...m, country: data.country })));
    },

    /** Seed 001's set under its slug, with today's members and what happened since. */
    async demo(slug: string): Promise<ScenarioSet | undefined> {
      const found = DEMO_SCENARIOS.find((d) => d.slug === slug);
      if (!found) return undefined;
      const data = await keyFigures.countryData('NO');
      codeChanges ??= changes();
      const history = thenAndNow(
        found.named.map(([code, name]) => ({ code, name })),
        new Map(data.municipalities.map((m) => [m.code, m.name])),
        codeChanges,
      );
      const members = placesOf(
        data,
        history.now.map((m) => m.code),
      );
      return members && { origin: { kind: 'demo', slug, thenAndNow: history }, name: '', members };
    },

    async saved(id: string): Promise<ScenarioSet | undefined> {
      const stored = await findScenario(db, id);
      if (!stored) return undefined;
      const members = placesOf(await keyFigures.countryData(stored.country), stored.codes);
      return (
        members && {
          origin: { kind: 'saved', id, ownerId: stored.ownerId, version: stored.version },
          name: stored.name,
          members,
        }
      );
    },

    /** A set of today's municipalities of one country to compare with, or undefined when it is not one. */
    async alternative(codes: readonly string[]): Promise<ScenarioSet | undefined> {
      const unique = [...new Set(codes)];
      if (unique.length < MIN_SCENARIO_MEMBERS || unique.length > MAX_SCENARIO_MEMBERS) return undefined;
      const countries = new Set(unique.map(countryOfCode));
      if (countries.size !== 1) return undefined;
      const members = placesOf(await keyFigures.countryData([...countries][0]!), unique);
      return members && { origin: { kind: 'alternative' }, name: '', members };
    },

    async summary(set: ScenarioSet): Promise<ScenarioSummary> {
      const country = countryOfCode(set.members[0]!.code);
      const codes = set.members.map((m) => m.code);
      const [data, projected, cooperations] = await Promise.all([
        keyFigures.countryData(country),
        country === 'NO' ? projections.figures({ codes, scenario: 'main', adjustments: {} }) : undefined,
        registry.list(codes),
      ]);
      const boundaries = country === 'NO' ? norwegianBoundaries() : danishBoundaries();
      return summariseScenario(set, data, boundaries.neighbours, projected, cooperations);
    },
  };
}
