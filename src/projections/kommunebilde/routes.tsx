/**
 * Kommunebilde: the municipality, county and national overview pages, comparison, the map,
 * Denmark's list, the downloads of every chart and the versioned JSON API. Every page is public;
 * handlers parse, delegate to overview.ts and the service, and render.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../platform/auth/model.js';
import { HttpProblem, notFound } from '../../platform/http/problems.js';
import { ChoroplethMap } from '../../platform/ui/charts/choropleth.js';
import { chartDownload, type ChartData, type DownloadFormat } from '../../platform/ui/charts/data.js';
import { searchMunicipalities } from '../../registry/index.js';
import { CHARTS, type ChartName } from './chart-data.js';
import {
  chosenYear,
  indicatorLabel,
  indicatorView,
  municipalityRanks,
  outlookJson,
  sentencesFor,
  YearOutOfRangeError,
} from './overview.js';
import {
  comparisonChart,
  danishAgeChart,
  danishChart,
  danishPopulationChart,
  danishPopulationSummary,
  MAX_COMPARED,
} from './comparison.js';
import { INDICATORS, type Indicator, type SortKey, type SortOrder } from '../engine/indicators.js';
import { denmarkMapProps, norwayMapProps, warmUpMaps } from './maps.js';
import type { ScenarioName } from '../engine/model.js';
import { AreaPage } from './pages/area.js';
import { ComparePage } from './pages/compare.js';
import { DanishMunicipalityPage } from './pages/danish-municipality.js';
import { DenmarkPage } from './pages/denmark.js';
import { MapPage } from './pages/map.js';
import { IndexPage } from './pages/index-page.js';
import { chartData, overviewCharts } from './pages/sections.js';
import {
  isMigrationInRange,
  migrationRange,
  migrationRangeWords,
  scenarioChoice,
  scenarioQueryProperties,
  type ScenarioParams,
} from './scenario-query.js';
import {
  cacheKey,
  createProjectionService,
  LruCache,
  UnknownMunicipalityError,
  type AreaQuery,
  type ProjectionService,
} from './service.js';

export interface KommunebildeOptions {
  /** A service to share (tests, benchmarks); by default one over the app's database. */
  service?: ProjectionService;
  /**
   * Build the engines, the main scenario of every municipality and the maps before the server is
   * ready, so that the first visitor is served as fast as the second. By default everywhere but
   * in tests, which build many apps and visit few pages.
   */
  warmUp?: boolean;
}

/** A code that is not a code is an address that does not exist: 404 in the handler, not 400 from the schema. */
const codeParams = (pattern: string) => ({
  type: 'object',
  properties: { code: { type: 'string', maxLength: 20, description: pattern } },
  required: ['code'],
});
const MUNICIPALITY_CODE = '^[0-9]{4}$';
/** Norwegian municipality numbers have four digits; Danish ones three, written with a leading zero in addresses. */
const PAGE_CODE = '^[0-9]{3,4}$';
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
/**
 * The most municipalities one combination of the client's choice may sum: more than any county
 * (Innlandet has 46) or the former Viken (51). The country and the counties are the product's
 * own areas and are not limited.
 */
export const MAX_COMBINED = 60;
/** Rendered pages kept (about 70 kB each). */
const RENDERED_PAGES = 1_000;

interface PageQuery extends ScenarioParams {
  year?: number;
  chart?: ChartName;
  format?: DownloadFormat;
}

export async function kommunebildeRoutes(app: FastifyInstance, options: KommunebildeOptions = {}) {
  const service = options.service ?? createProjectionService(app.database.db);
  const publicRoute = { access: access.public };
  /**
   * Rendered pages for visitors who are not signed in (the page then depends only on the data
   * version, the language and the address), so that a popular page is rendered once.
   */
  const renderedPages = new LruCache<string>(RENDERED_PAGES);

  if (options.warmUp ?? app.config.env !== 'test') {
    // One hook per step: each start-up hook must finish within Fastify's plugin timeout.
    const maps = async () => {
      const [directory, danish] = await Promise.all([service.directory(), service.danishMunicipalities()]);
      warmUpMaps(new Map(directory.municipalities.map((m) => [m.code, m.name])), new Map(danish.map((m) => [m.code, m.name])));
    };
    for (const step of [...service.warmUpSteps(), maps]) {
      // A step that fails leaves its work to the first visitor, as without a warm-up.
      app.addHook('onReady', () => step().catch((error: unknown) => app.log.warn({ err: error }, 'kommunebilde warm-up step failed')));
    }
  }

  app.get(
    '/kommune',
    { config: publicRoute, schema: { querystring: { type: 'object', properties: { q: { type: 'string', maxLength: 100 } } } } },
    async (request, reply) => {
      const { q } = request.query as { q?: string };
      const directory = await service.directory();
      const query = q?.trim();
      if (!query) return reply.html(<IndexPage ctx={reply.pageContext()} directory={directory} />);
      const found = (await searchMunicipalities(app.database.db, query, 'NO', 50)).flatMap((m) => directory.municipality(m.code) ?? []);
      if (found.length === 1) return reply.redirect(`/kommune/${found[0]!.code}?lang=${request.locale}`, 303);
      return reply.html(<IndexPage ctx={reply.pageContext()} directory={directory} query={query} found={found} />);
    },
  );

  app.get(
    '/kommune/:code',
    { config: publicRoute, schema: { params: codeParams(PAGE_CODE), querystring: pageQuery } },
    async (request, reply) => {
      const { code } = request.params as { code: string };
      const directory = await service.directory();
      const municipality = directory.municipality(code);
      if (!municipality) return sendDanishPage(request, reply, service, code);
      const county = directory.county(municipality.countyCode);
      return sendAreaPage(request, reply, service, renderedPages, [code], async (outlook, choice) => ({
        title: municipality.name,
        lead: request.t('kommune.page.lead', {
          code,
          county: county?.name ?? municipality.countyCode,
          baseYear: outlook.selected.baseYear,
          endYear: outlook.selected.endYear,
        }),
        crumbs: [
          { label: request.t('kommune.index.title'), href: `/kommune?lang=${request.locale}` },
          ...(county ? [{ label: county.name, href: `/fylke/${county.code}?lang=${request.locale}` }] : []),
          { label: municipality.name },
        ],
        path: `/kommune/${code}`,
        rank: await municipalityRanks(service, directory, code, outlook.selected, choice),
      }));
    },
  );

  app.get(
    '/fylke/:code',
    { config: publicRoute, schema: { params: codeParams(COUNTY_CODE), querystring: pageQuery } },
    async (request, reply) => {
      const { code } = request.params as { code: string };
      const directory = await service.directory();
      const county = directory.county(code);
      if (!county) throw notFound();
      const members = directory.municipalitiesIn(code);
      return sendAreaPage(
        request,
        reply,
        service,
        renderedPages,
        members.map((m) => m.code),
        async (outlook) => ({
          title: county.name,
          lead: request.t('kommune.county.lead', {
            code,
            count: members.length,
            baseYear: outlook.selected.baseYear,
            endYear: outlook.selected.endYear,
          }),
          crumbs: [{ label: request.t('kommune.index.title'), href: `/kommune?lang=${request.locale}` }, { label: county.name }],
          path: `/fylke/${code}`,
        }),
      );
    },
  );

  app.get('/landet', { config: publicRoute, schema: { querystring: pageQuery } }, async (request, reply) => {
    const directory = await service.directory();
    const codes = directory.municipalities.map((m) => m.code);
    if (codes.length === 0) throw notFound();
    return sendAreaPage(request, reply, service, renderedPages, codes, async (outlook) => ({
      title: request.t('kommune.national.title'),
      lead: request.t('kommune.national.lead', {
        count: codes.length,
        baseYear: outlook.selected.baseYear,
        endYear: outlook.selected.endYear,
      }),
      crumbs: [
        { label: request.t('kommune.index.title'), href: `/kommune?lang=${request.locale}` },
        { label: request.t('kommune.national.title') },
      ],
      path: '/landet',
    }));
  });

  app.get('/kommune/sammenlign', { config: publicRoute, schema: { querystring: compareQuery } }, async (request, reply) => {
    const query = request.query as Omit<PageQuery, 'chart'> & { chart?: ChartName | 'compare'; k?: string[]; summed?: string };
    const directory = await service.directory();
    const chosen = [...new Set((query.k ?? []).filter((code) => code !== ''))];
    if (chosen.some((code) => !directory.municipality(code))) throw notFound();
    for (const code of chosen) await checkMigration(request, service, [code]);
    const choice = scenarioChoice(query);
    const ctx = reply.pageContext();
    const named = await Promise.all(
      chosen.map(async (code) => ({
        code,
        name: directory.municipality(code)!.name,
        figures: await service.figures({ codes: [code], ...choice }, request.ip),
      })),
    );
    const year = named[0] ? yearOf(named[0].figures, query.year) : 0;
    const sideBySide = named.length > 0 ? comparisonChart(named, year, request.t) : undefined;
    if (query.chart === 'compare' && query.format && sideBySide)
      return sendDownload(reply, sideBySide, query.format, `compare-${chosen.join('-')}`);
    const summed = query.summed === '1' && chosen.length > 1;
    let sum: Parameters<typeof ComparePage>[0]['sum'];
    if (summed) {
      const outlook = await service.outlook({ codes: chosen, ...choice }, request.ip);
      const charts = overviewCharts(ctx, outlook, year);
      if (query.chart && query.chart !== 'compare' && query.format)
        return sendDownload(reply, chartData(charts, query.chart), query.format, `sum-${chosen.join('-')}-${query.chart}`);
      const title = request.t('kommune.compare.summedHeading', { names: named.map((n) => n.name).join(', ') });
      sum = { title, charts, sentences: sentencesFor(outlook, named.map((n) => n.name).join(' + '), request.locale, request.t) };
    }
    if (query.chart || query.format) throw new HttpProblem(400, 'no such chart here');
    return reply.html(
      <ComparePage
        ctx={ctx}
        municipalities={directory.municipalities}
        chosen={chosen}
        summed={summed}
        scenario={choice.scenario}
        sideBySide={sideBySide}
        sum={sum}
      />,
    );
  });

  app.get('/kart', { config: publicRoute, schema: { querystring: mapQuery } }, async (request, reply) => {
    const query = request.query as {
      indicator?: Indicator;
      year?: number;
      scenario?: ScenarioName;
      sort?: SortKey;
      order?: SortOrder;
      format?: DownloadFormat;
    };
    const view = await badRequestOnYear(() => indicatorView(service, request.t, request.locale, query));
    const directory = await service.directory();
    if (query.format) return sendDownload(reply, view.table, query.format, `${view.indicator}-${view.year}`);
    return reply.html(
      <MapPage
        ctx={reply.pageContext()}
        indicator={view.indicator}
        year={view.year}
        years={view.years}
        indicatorLabel={(i) => indicatorLabel(request.t, i, view.baseYear)}
        summary={view.summary}
        table={view.table}
        sort={view.sort}
        order={view.order}
      >
        <ChoroplethMap
          {...norwayMapProps(
            {
              indicator: view.indicator,
              year: view.year,
              label: indicatorLabel(request.t, view.indicator, view.baseYear),
              values: view.values,
              names: new Map(directory.municipalities.map((m) => [m.code, m.name])),
            },
            request.t,
            request.locale,
          )}
        />
      </MapPage>,
    );
  });

  app.get(
    '/danmark',
    {
      config: publicRoute,
      schema: {
        querystring: { type: 'object', properties: { format: { type: 'string', enum: ['csv', 'json'] }, lang: { type: 'string' } } },
      },
    },
    async (request, reply) => {
      const { format } = request.query as { format?: DownloadFormat };
      const table = danishChart(await service.danishMunicipalities(), request.t);
      if (format) return sendDownload(reply, table, format, 'danmark-kommuner');
      return reply.html(
        <DenmarkPage ctx={reply.pageContext()} table={table}>
          <ChoroplethMap {...denmarkMapProps(table, request.t, request.locale)} />
        </DenmarkPage>,
      );
    },
  );

  registerApi(app, service);
}

const compareQuery = {
  type: 'object',
  properties: {
    ...pageQuery.properties,
    chart: { type: 'string', enum: [...CHARTS, 'compare'] },
    k: { type: 'array', items: { type: 'string', pattern: '^([0-9]{4})?$' }, maxItems: MAX_COMPARED },
    summed: { type: 'string', enum: ['1'] },
  },
} as const;

const mapQuery = {
  type: 'object',
  properties: {
    indicator: { type: 'string', enum: INDICATORS },
    year: { type: 'integer', minimum: 1900, maximum: 2100 },
    scenario: scenarioQueryProperties.scenario,
    sort: { type: 'string', enum: ['name', 'code', 'value'] },
    order: { type: 'string', enum: ['asc', 'desc'] },
    format: { type: 'string', enum: ['csv', 'json'] },
    lang: { type: 'string' },
  },
} as const;

function sendDownload(reply: FastifyReply, data: ChartData, format: DownloadFormat, name: string) {
  const download = chartDownload(data, format, name);
  return reply.type(download.contentType).header('content-disposition', `attachment; filename="${download.filename}"`).send(download.body);
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
  renderedPages: LruCache<string>,
  codes: readonly string[],
  describe: (
    outlook: Awaited<ReturnType<ProjectionService['outlook']>>,
    choice: ReturnType<typeof scenarioChoice>,
  ) => Promise<AreaDescription>,
) {
  const query = request.query as PageQuery;
  const pageKey = request.principal === null && !query.format ? `${await service.version()}|${request.locale}|${request.url}` : undefined;
  const rendered = pageKey === undefined ? undefined : renderedPages.get(pageKey);
  if (rendered !== undefined) return reply.html(rendered);
  const migration = await checkMigration(request, service, codes);
  const choice = scenarioChoice(query);
  const outlook = await service.outlook({ codes, ...choice }, request.ip);
  const year = yearOf(outlook.selected, query.year);
  const ctx = reply.pageContext();
  const charts = overviewCharts(ctx, outlook, year);
  if (query.chart && query.format) {
    return sendDownload(
      reply,
      chartData(charts, query.chart),
      query.format,
      `${codes.length === 1 ? codes[0] : 'area'}-${query.chart}-${outlook.selected.baseYear}`,
    );
  }
  if (query.chart || query.format) throw new HttpProblem(400, 'chart and format go together');
  const area = await describe(outlook, choice);
  const name = area.title;
  const sentences = sentencesFor(outlook, name, request.locale, request.t, area.rank);
  const html = await (
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
      migration={migration}
      ranks={area.rank ? { ...area.rank, indicatorLabel: request.t('kommune.indicator.workingAgePer80Plus') } : undefined}
    />
  );
  if (pageKey !== undefined) renderedPages.set(pageKey, html);
  return reply.html(html);
}

/** A Danish municipality's page (its number with or without the leading zero; the address with it is the canonical one). */
async function sendDanishPage(request: FastifyRequest, reply: FastifyReply, service: ProjectionService, code: string) {
  const danish = (await service.danishMunicipalities()).find((m) => m.code === String(Number(code)));
  if (!danish) throw notFound();
  const canonical = danish.code.padStart(4, '0');
  if (code !== canonical) return reply.redirect(`/kommune/${canonical}?lang=${request.locale}`, 301);
  const query = request.query as PageQuery;
  const table = danishPopulationChart(danish, request.t);
  const profile = await service.danishAgeProfile(danish.code);
  const ages = profile ? danishAgeChart(danish.name, profile, request.t) : undefined;
  if (query.chart === 'age-groups' && ages && query.format) return sendDownload(reply, ages, query.format, `kommune-${canonical}-alder`);
  if (query.chart) throw new HttpProblem(400, 'no such chart here');
  if (query.format) return sendDownload(reply, table, query.format, `kommune-${canonical}`);
  return reply.html(
    <DanishMunicipalityPage
      ctx={reply.pageContext()}
      name={danish.name}
      regionName={danish.regionName}
      table={table}
      summary={danishPopulationSummary(danish, request.t, request.locale)}
      code={danish.code}
      ages={ages}
    />,
  );
}

/** Refuses extra migration beyond what the area's population allows, saying the range; else gives it. */
async function checkMigration(request: FastifyRequest, service: ProjectionService, codes: readonly string[]) {
  const population = await service.basePopulation(codes);
  const range = migrationRange(population);
  if (!isMigrationInRange(request.query as ScenarioParams, range)) {
    const words = migrationRangeWords(range, population, request.locale);
    throw new HttpProblem(400, 'migration out of range', undefined, request.t('kommune.scenario.migrationOutOfRange', words));
  }
  return { range, population };
}

function yearOf(figures: Parameters<typeof chosenYear>[0], asked: number | undefined): number {
  try {
    return chosenYear(figures, asked);
  } catch (error) {
    throw asProblem(error);
  }
}

async function badRequestOnYear<T>(run: () => Promise<T>): Promise<T> {
  return run().catch((error: unknown) => {
    throw asProblem(error);
  });
}

function asProblem(error: unknown): unknown {
  return error instanceof YearOutOfRangeError ? new HttpProblem(400, error.message) : error;
}

/** Sends JSON with an ETag from the data version and the input; a matching If-None-Match gets a 304 without any work. */
async function sendCacheable(
  request: FastifyRequest,
  reply: FastifyReply,
  service: ProjectionService,
  key: string,
  produce: () => Promise<unknown>,
) {
  const etag = `"${createHash('sha1')
    .update(`${await service.version()}|${key}`)
    .digest('base64url')}"`;
  reply.header('etag', etag).header('cache-control', API_CACHE_CONTROL).header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(await produce()));
}

function registerApi(app: FastifyInstance, service: ProjectionService) {
  const config = { access: access.public };
  const tags = ['projections'];

  app.get(
    '/api/v1/municipalities',
    { config, schema: { tags, summary: 'Norwegian municipalities with every official name form and county' } },
    async (request, reply) =>
      sendCacheable(request, reply, service, 'municipalities', async () => (await service.directory()).municipalities),
  );

  const projection = async (request: FastifyRequest, reply: FastifyReply, codes: readonly string[]) => {
    await checkMigration(request, service, codes).catch((error: unknown) => {
      throw error instanceof UnknownMunicipalityError ? notFound() : error;
    });
    const choice = scenarioChoice(request.query as ScenarioParams);
    const query: AreaQuery = { codes, ...choice };
    return sendCacheable(request, reply, service, `projection|${cacheKey(query)}`, async () => {
      try {
        return outlookJson(await service.outlook(query, request.ip), codes, choice);
      } catch (error) {
        if (error instanceof UnknownMunicipalityError) throw notFound();
        throw error;
      }
    });
  };

  app.get(
    '/api/v1/municipalities/:code/projection',
    {
      config,
      schema: {
        tags,
        summary: 'Projected population by age, staffing needs and ratios of one municipality, with the low–high band',
        params: codeParams(MUNICIPALITY_CODE),
        querystring: apiQuery,
      },
    },
    async (request, reply) => {
      const { code } = request.params as { code: string };
      if (!(await service.directory()).municipality(code)) throw notFound();
      return projection(request, reply, [code]);
    },
  );

  app.get(
    '/api/v1/counties/:code/projection',
    {
      config,
      schema: {
        tags,
        summary: 'The same figures for a county (the sum of its municipalities)',
        params: codeParams(COUNTY_CODE),
        querystring: apiQuery,
      },
    },
    async (request, reply) => {
      const { code } = request.params as { code: string };
      const directory = await service.directory();
      if (!directory.county(code)) throw notFound();
      return projection(
        request,
        reply,
        directory.municipalitiesIn(code).map((m) => m.code),
      );
    },
  );

  app.get(
    '/api/v1/projection',
    {
      config,
      schema: {
        tags,
        summary: 'The same figures for any set of municipalities summed as one (a merger or a network)',
        querystring: {
          type: 'object',
          properties: {
            ...scenarioQueryProperties,
            codes: {
              type: 'string',
              pattern: '^[0-9]{4}(,[0-9]{4}){0,399}$',
              description: `Comma-separated municipality codes; at most ${MAX_COMBINED} different ones (more than any county has), beyond that 400`,
            },
          },
          required: ['codes'],
        },
      },
    },
    async (request, reply) => {
      const codes = [...new Set((request.query as { codes: string }).codes.split(','))].sort();
      if (codes.length > MAX_COMBINED)
        throw new HttpProblem(
          400,
          'too many municipalities',
          undefined,
          request.t('kommune.api.tooManyMunicipalities', { max: MAX_COMBINED }),
        );
      return projection(request, reply, codes);
    },
  );
}
