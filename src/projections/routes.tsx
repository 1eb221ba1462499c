/**
 * Kommunebilde: the municipality, county and national overview pages, comparison, the map,
 * Denmark's list, the downloads of every chart and the versioned JSON API. Every page is public;
 * handlers parse, delegate to overview.ts and the service, and render.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../platform/auth/model.js';
import { HttpProblem, notFound } from '../platform/http/problems.js';
import { chartDownload, type DownloadFormat } from '../platform/ui/charts/data.js';
import { searchMunicipalities } from '../registry/store.js';
import { CHARTS, type ChartName } from './chart-data.js';
import { chosenYear, municipalityRanks, outlookJson, sentencesFor, YearOutOfRangeError } from './overview.js';
import { AreaPage } from './pages/area.js';
import { IndexPage } from './pages/index-page.js';
import { chartData, overviewCharts } from './pages/sections.js';
import { scenarioChoice, scenarioQueryProperties, type ScenarioParams } from './scenario-query.js';
import { cacheKey, createProjectionService, UnknownMunicipalityError, type AreaQuery, type ProjectionService } from './service.js';

export interface KommunebildeOptions {
  /** A service to share (tests, benchmarks); by default one over the app's database. */
  service?: ProjectionService;
}

const codeParams = (pattern: string) => ({ type: 'object', properties: { code: { type: 'string', pattern } }, required: ['code'] });
const MUNICIPALITY_CODE = '^[0-9]{4}$';
const COUNTY_CODE = '^[0-9]{2}$';
const pageQuery = {
  type: 'object',
  properties: {
    ...scenarioQueryProperties,
    year: { type: 'integer', minimum: 1900, maximum: 2100 },
    chart: { type: 'string', enum: CHARTS },
    format: { type: 'string', enum: ['csv', 'json'] },
    lang: { type: 'string' },
  },
} as const;
const apiQuery = { type: 'object', properties: { ...scenarioQueryProperties } } as const;
const API_CACHE_CONTROL = 'public, max-age=300';

interface PageQuery extends ScenarioParams {
  year?: number;
  chart?: ChartName;
  format?: DownloadFormat;
}

export async function kommunebildeRoutes(app: FastifyInstance, options: KommunebildeOptions = {}) {
  const service = options.service ?? createProjectionService(app.database.db);
  const publicRoute = { access: access.public };

  app.addHook('onReady', async () => {
    // Build the engines in the background, so that the first visitor does not wait for them.
    setImmediate(() => void service.warmUp().catch((error: unknown) => app.log.warn({ err: error }, 'projection warm-up failed')));
  });

  app.get('/kommune', { config: publicRoute, schema: { querystring: { type: 'object', properties: { q: { type: 'string', maxLength: 100 } } } } }, async (request, reply) => {
    const { q } = request.query as { q?: string };
    const directory = await service.directory();
    const query = q?.trim();
    if (!query) return reply.html(<IndexPage ctx={reply.pageContext()} directory={directory} />);
    const found = (await searchMunicipalities(app.database.db, query, 'NO', 50)).flatMap((m) => directory.municipality(m.code) ?? []);
    if (found.length === 1) return reply.redirect(`/kommune/${found[0]!.code}?lang=${request.locale}`, 303);
    return reply.html(<IndexPage ctx={reply.pageContext()} directory={directory} query={query} found={found} />);
  });

  app.get('/kommune/:code', { config: publicRoute, schema: { params: codeParams(MUNICIPALITY_CODE), querystring: pageQuery } }, async (request, reply) => {
    const { code } = request.params as { code: string };
    const directory = await service.directory();
    const municipality = directory.municipality(code);
    if (!municipality) throw notFound();
    const county = directory.county(municipality.countyCode);
    return sendAreaPage(request, reply, service, [code], async (outlook, choice) => ({
      title: municipality.name,
      lead: request.t('kommune.page.lead', { code, county: county?.name ?? municipality.countyCode, baseYear: outlook.selected.baseYear, endYear: outlook.selected.endYear }),
      crumbs: [
        { label: request.t('kommune.index.title'), href: `/kommune?lang=${request.locale}` },
        ...(county ? [{ label: county.name, href: `/fylke/${county.code}?lang=${request.locale}` }] : []),
        { label: municipality.name },
      ],
      path: `/kommune/${code}`,
      rank: await municipalityRanks(service, directory, code, outlook.selected, choice),
    }));
  });

  app.get('/fylke/:code', { config: publicRoute, schema: { params: codeParams(COUNTY_CODE), querystring: pageQuery } }, async (request, reply) => {
    const { code } = request.params as { code: string };
    const directory = await service.directory();
    const county = directory.county(code);
    if (!county) throw notFound();
    const members = directory.municipalitiesIn(code);
    return sendAreaPage(request, reply, service, members.map((m) => m.code), async (outlook) => ({
      title: county.name,
      lead: request.t('kommune.county.lead', { code, count: members.length, baseYear: outlook.selected.baseYear, endYear: outlook.selected.endYear }),
      crumbs: [{ label: request.t('kommune.index.title'), href: `/kommune?lang=${request.locale}` }, { label: county.name }],
      path: `/fylke/${code}`,
    }));
  });

  app.get('/landet', { config: publicRoute, schema: { querystring: pageQuery } }, async (request, reply) => {
    const directory = await service.directory();
    const codes = directory.municipalities.map((m) => m.code);
    if (codes.length === 0) throw notFound();
    return sendAreaPage(request, reply, service, codes, async (outlook) => ({
      title: request.t('kommune.national.title'),
      lead: request.t('kommune.national.lead', { count: codes.length, baseYear: outlook.selected.baseYear, endYear: outlook.selected.endYear }),
      crumbs: [{ label: request.t('kommune.index.title'), href: `/kommune?lang=${request.locale}` }, { label: request.t('kommune.national.title') }],
      path: '/landet',
    }));
  });

  registerApi(app, service);
}

interface AreaDescription {
  title: string;
  lead: string;
  crumbs: { label: string; href?: string }[];
  path: string;
  rank?: Awaited<ReturnType<typeof municipalityRanks>>;
  hidden?: [string, string][];
}

/** An overview page of an area, or one of its charts as CSV or JSON when `chart` and `format` are given. */
async function sendAreaPage(
  request: FastifyRequest,
  reply: FastifyReply,
  service: ProjectionService,
  codes: readonly string[],
  describe: (outlook: Awaited<ReturnType<ProjectionService['outlook']>>, choice: ReturnType<typeof scenarioChoice>) => Promise<AreaDescription>,
) {
  const query = request.query as PageQuery;
  const choice = scenarioChoice(query);
  const outlook = await service.outlook({ codes, ...choice });
  const year = yearOf(outlook.selected, query.year);
  const ctx = reply.pageContext();
  const charts = overviewCharts(ctx, outlook, year);
  if (query.chart && query.format) {
    const download = chartDownload(chartData(charts, query.chart), query.format, `${codes.length === 1 ? codes[0] : 'area'}-${query.chart}-${outlook.selected.baseYear}`);
    return reply.type(download.contentType).header('content-disposition', `attachment; filename="${download.filename}"`).send(download.body);
  }
  if (query.chart || query.format) throw new HttpProblem(400, 'chart and format go together');
  const area = await describe(outlook, choice);
  const name = area.title;
  const sentences = sentencesFor(outlook, name, request.locale, request.t, area.rank);
  return reply.html(
    <AreaPage
      ctx={ctx}
      title={area.title}
      lead={area.lead}
      crumbs={area.crumbs}
      path={area.path}
      outlook={outlook}
      charts={charts}
      sentences={sentences}
      choice={choice}
      params={query}
      year={year}
      hidden={area.hidden}
      ranks={area.rank ? { ...area.rank, indicatorLabel: request.t('kommune.indicator.workingAgePer80Plus') } : undefined}
    />,
  );
}

function yearOf(figures: Parameters<typeof chosenYear>[0], asked: number | undefined): number {
  try {
    return chosenYear(figures, asked);
  } catch (error) {
    if (error instanceof YearOutOfRangeError) throw new HttpProblem(400, error.message);
    throw error;
  }
}

/** Sends JSON with an ETag from the data version and the input; a matching If-None-Match gets a 304 without any work. */
async function sendCacheable(request: FastifyRequest, reply: FastifyReply, service: ProjectionService, key: string, produce: () => Promise<unknown>) {
  const etag = `"${createHash('sha1').update(`${await service.version()}|${key}`).digest('base64url')}"`;
  reply.header('etag', etag).header('cache-control', API_CACHE_CONTROL).header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(await produce()));
}

function registerApi(app: FastifyInstance, service: ProjectionService) {
  const config = { access: access.public };
  const tags = ['projections'];

  app.get('/api/v1/municipalities', { config, schema: { tags, summary: 'Norwegian municipalities with every official name form and county' } }, async (request, reply) =>
    sendCacheable(request, reply, service, 'municipalities', async () => (await service.directory()).municipalities),
  );

  const projection = async (request: FastifyRequest, reply: FastifyReply, codes: readonly string[]) => {
    const choice = scenarioChoice(request.query as ScenarioParams);
    const query: AreaQuery = { codes, ...choice };
    return sendCacheable(request, reply, service, `projection|${cacheKey(query)}`, async () => {
      try {
        return outlookJson(await service.outlook(query), codes, choice);
      } catch (error) {
        if (error instanceof UnknownMunicipalityError) throw notFound();
        throw error;
      }
    });
  };

  app.get(
    '/api/v1/municipalities/:code/projection',
    { config, schema: { tags, summary: 'Projected population by age, staffing needs and ratios of one municipality, with the low–high band', params: codeParams(MUNICIPALITY_CODE), querystring: apiQuery } },
    async (request, reply) => {
      const { code } = request.params as { code: string };
      if (!(await service.directory()).municipality(code)) throw notFound();
      return projection(request, reply, [code]);
    },
  );

  app.get(
    '/api/v1/counties/:code/projection',
    { config, schema: { tags, summary: 'The same figures for a county (the sum of its municipalities)', params: codeParams(COUNTY_CODE), querystring: apiQuery } },
    async (request, reply) => {
      const { code } = request.params as { code: string };
      const directory = await service.directory();
      if (!directory.county(code)) throw notFound();
      return projection(request, reply, directory.municipalitiesIn(code).map((m) => m.code));
    },
  );

  app.get(
    '/api/v1/projection',
    {
      config,
      schema: {
        tags,
        summary: 'The same figures for any set of municipalities summed as one (a merger or a network)',
        querystring: { type: 'object', properties: { ...scenarioQueryProperties, codes: { type: 'string', pattern: '^[0-9]{4}(,[0-9]{4}){0,399}$' } }, required: ['codes'] },
      },
    },
    async (request, reply) => {
      const { codes } = request.query as { codes: string };
      return projection(request, reply, [...new Set(codes.split(','))].sort());
    },
  );
}
