/**
 * Networks' pages and API. Key figures: the index, a municipality's page with its downloads, and
 * GET /api/v1/key-figures. Every key-figure page is public.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { access } from '../platform/auth/model.js';
import { HttpProblem, notFound } from '../platform/http/problems.js';
import { chartDownload, type ChartData, type DownloadFormat } from '../platform/ui/charts/data.js';
import type { ProjectionService } from '../projections/index.js';
import { createKeyFigureService } from './key-figure-service.js';
import { allFiguresTable, figureChart, figureTable, groupLabel, sourceLabel, unitLabel, figureLabel } from './key-figure-view.js';
import { KeyFigureIndexPage } from './pages/key-figure-index.js';
import { KeyFiguresPage } from './pages/key-figures.js';

export interface NetworkRoutesOptions {
  projections: ProjectionService;
}

/** Norwegian municipality numbers have four digits, Danish ones three; anything else is an address that does not exist. */
const CODE = /^[0-9]{3,4}$/;

export async function networkRoutes(app: FastifyInstance, options: NetworkRoutesOptions) {
  const keyFigures = createKeyFigureService(app.database.db, options.projections);
  const config = { access: access.public };

  app.get(
    '/nokkeltall',
    { config, schema: { querystring: { type: 'object', properties: { lang: { type: 'string' } } } } },
    async (_request, reply) => {
      const countries = await Promise.all([keyFigures.countryData('NO'), keyFigures.countryData('DK')]);
      return reply.html(<KeyFigureIndexPage ctx={reply.pageContext()} countries={countries} />);
    },
  );

  app.get(
    '/nokkeltall/:code',
    {
      config,
      schema: {
        params: { type: 'object', properties: { code: { type: 'string', maxLength: 20 } }, required: ['code'] },
        querystring: {
          type: 'object',
          properties: {
            chart: { type: 'string', maxLength: 40 },
            format: { type: 'string', enum: ['csv', 'json'] },
            lang: { type: 'string' },
          },
        },
      },
    },
    async (request, reply) => {
      const { code } = request.params as { code: string };
      const { chart, format } = request.query as { chart?: string; format?: DownloadFormat };
      const page = CODE.test(code) ? await keyFigures.municipality(code) : undefined;
      if (!page) throw notFound();
      const t = request.t;
      if (chart !== undefined) {
        const series = page.series.find((s) => s.figure.key === chart);
        if (!series) throw new HttpProblem(400, 'unknown key figure', undefined, t('networks.figure.unknown', { figure: chart }));
        const table = figureTable(t, figureChart(t, request.locale, page, series), series.figure);
        return sendDownload(reply, table, format ?? 'csv', `${code}-${chart}`);
      }
      if (format) return sendDownload(reply, allFiguresTable(t, page), format, `${code}-key-figures`);
      return reply.html(<KeyFiguresPage ctx={reply.pageContext()} page={page} />);
    },
  );

  app.get(
    '/api/v1/key-figures',
    {
      config,
      schema: {
        tags: ['key figures'],
        summary:
          "A municipality's key figures by year (care-services coverage, nurse full-time equivalents per user, expenditure-need index, population, projected staffing need) beside its county or region, its country and its size class; each with its unit, source, direction and method breaks",
        querystring: {
          type: 'object',
          properties: {
            municipality: {
              type: 'string',
              pattern: '^[0-9]{3,4}$',
              description: 'A Norwegian (four digits) or Danish (three digits) municipality number',
            },
            lang: { type: 'string', enum: ['nb', 'nn', 'da', 'en'], description: 'The language of labels, units and sources' },
          },
          required: ['municipality'],
        },
      },
    },
    async (request, reply) => {
      const { municipality: code } = request.query as { municipality: string };
      const page = await keyFigures.municipality(code);
      const t = request.t;
      if (!page) throw new HttpProblem(404, 'unknown municipality', undefined, t('networks.api.unknownMunicipality', { code }));
      return reply.header('cache-control', 'public, max-age=300').send({
        municipality: { code: page.municipality.code, name: page.municipality.name, country: page.country },
        groups: page.groups.map((g) => ({ kind: g.kind, label: groupLabel(t, g, page.country), municipalities: g.codes.length })),
        figures: page.series.map((s) => ({
          key: s.figure.key,
          label: figureLabel(t, s.figure),
          unit: unitLabel(t, s.figure),
          source: sourceLabel(t, s.figure, page.country),
          direction: s.figure.direction,
          methodBreaks: s.figure.breaks.map((b) => ({
            from: b.from,
            to: b.to,
            note: t(`networks.break.${b.reason}`, { from: b.from, to: b.to }),
          })),
          years: s.years,
          values: Object.fromEntries(page.groups.map((g, i) => [g.kind, s.values[i]])),
        })),
        notAvailable: page.missing.map((f) => ({ key: f.key, label: figureLabel(t, f) })),
      });
    },
  );
}

function sendDownload(reply: FastifyReply, data: ChartData, format: DownloadFormat, name: string) {
  const download = chartDownload(data, format, name);
  return reply.type(download.contentType).header('content-disposition', `attachment; filename="${download.filename}"`).send(download.body);
}
