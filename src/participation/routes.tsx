/** Citizens' initiatives over HTTP: parse, authorise, call, render. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access } from '../platform/auth/model.js';
import { HttpProblem, notFound } from '../platform/http/problems.js';
import type { Threshold } from './model.js';
import { areaKey, OverviewPage } from './pages/overview.js';
import { findCountyArea, findMunicipalityArea, listAreas, thresholdFor, type Area } from './thresholds.js';

const MUNICIPALITY_CODE = '^[0-9]{3,4}$';
const COUNTY_CODE = '^[0-9]{2}$';
const AREA_KEY = /^(kommune|fylke)-([0-9]{2,4})$/;

/** The threshold as the API answers it: the figure, the population and year it used, and the rule with its source. */
export function thresholdJson(threshold: Threshold) {
  const { rule } = threshold;
  return {
    country: threshold.country,
    kind: threshold.kind,
    code: threshold.code,
    name: threshold.name,
    statutory: rule.statutory,
    threshold: threshold.signatures,
    capped: threshold.capped,
    population: threshold.population,
    rule: rule.statutory
      ? { source: rule.source, share: rule.share, cap: rule.cap, decisionMonths: rule.decisionMonths }
      : { source: rule.source, note: 'Danish law gives residents no right to put a proposal to the municipal council.' },
  };
}

export async function participationRoutes(app: FastifyInstance) {
  const db = app.database.db;

  const areaOf = async (key: string): Promise<Area | undefined> => {
    const match = AREA_KEY.exec(key);
    if (!match) return undefined;
    return match[1] === 'fylke' ? findCountyArea(db, match[2]!) : findMunicipalityArea(db, match[2]!);
  };

  /** The area a visitor looks at: the one they chose, or a signed-in citizen's home municipality. */
  const chosenArea = async (request: FastifyRequest): Promise<{ key: string; area: Area | undefined }> => {
    const asked = (request.query as { omrade?: string }).omrade;
    if (asked !== undefined && asked !== '') return { key: asked, area: await areaOf(asked) };
    const home = request.principal?.homeMunicipalityCode;
    if (!home) return { key: '', area: undefined };
    const area = await findMunicipalityArea(db, home);
    return { key: area ? areaKey(area) : '', area };
  };

  app.get(
    '/innbyggerforslag',
    {
      config: { access: access.public },
      schema: { querystring: { type: 'object', properties: { omrade: { type: 'string', maxLength: 40 } } } },
    },
    async (request, reply) => {
      const { key, area } = await chosenArea(request);
      const unknown = key !== '' && area === undefined;
      if (unknown) reply.code(404);
      return reply.html(
        <OverviewPage
          ctx={reply.pageContext()}
          areas={await listAreas(db)}
          chosen={area ? key : ''}
          threshold={area ? await thresholdFor(db, area) : undefined}
          unknown={unknown}
        />,
      );
    },
  );

  app.get(
    '/api/v1/initiatives/threshold',
    {
      config: { access: access.public },
      schema: {
        tags: ['participation'],
        summary:
          'The signatures a citizens’ initiative needs (kommuneloven § 12-1: 2 % of the residents rounded up, at most 300 in a municipality or 500 in a county), with the population and year it was computed from; Danish municipalities have no statutory threshold (null)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            municipality: {
              type: 'string',
              pattern: MUNICIPALITY_CODE,
              description: 'A municipality number: four digits in Norway, three in Denmark',
            },
            county: { type: 'string', pattern: COUNTY_CODE, description: 'A Norwegian county number (two digits)' },
          },
        },
      },
    },
    async (request, reply) => {
      const { municipality, county } = request.query as { municipality?: string; county?: string };
      if ((municipality === undefined) === (county === undefined)) throw new HttpProblem(400, 'one area', 'participation.api.oneArea');
      const area = municipality !== undefined ? await findMunicipalityArea(db, municipality) : await findCountyArea(db, county!);
      if (!area) throw notFound();
      return reply.type('application/json; charset=utf-8').send(thresholdJson(await thresholdFor(db, area)));
    },
  );
}
