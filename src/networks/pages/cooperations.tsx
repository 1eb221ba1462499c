/**
 * The registry of inter-municipal cooperations: every cooperation by service area with the import
 * report of the shipped list, and one cooperation's page with the form its members' case workers
 * keep it with.
 */
import { formatNumber } from '../../platform/i18n/index.js';
import { CsrfField, ErrorSummary, PageHeading, SuccessNotice, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Select, TextArea, TextField } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { DataTable } from '../../platform/ui/table.js';
import { ChoroplethMap, type MapFeature } from '../../platform/ui/charts/choropleth.js';
import { LEGAL_FORMS, SERVICE_AREAS, type CooperationArea, type ImportReport } from '../cooperations.js';
import type { StoredCooperation } from '../store.js';

export const COOPERATIONS = '/samarbeid';

const crumbs = (ctx: PageContext, last?: string) => [
  { label: ctx.t('nav.home'), href: '/' },
  ...(last
    ? [{ label: ctx.t('networks.cooperation.nav'), href: `${COOPERATIONS}?lang=${ctx.locale}` }, { label: last }]
    : [{ label: ctx.t('networks.cooperation.nav') }]),
];

function Source({ ctx }: { ctx: PageContext }) {
  return (
    <p class="ds-paragraph" data-size="sm" safe>
      {ctx.t('networks.cooperation.source')}
    </p>
  );
}

export function CooperationsPage({
  ctx,
  cooperations,
  report,
  area,
  features,
}: {
  ctx: PageContext;
  cooperations: readonly StoredCooperation[];
  report: ImportReport | undefined;
  /** The service area the map shows. */
  area: CooperationArea;
  features: ReadonlyMap<string, MapFeature>;
}) {
  const { t, locale } = ctx;
  const title = t('networks.cooperation.nav');
  const names = (c: StoredCooperation) => c.members.map((m) => m.name).join(', ');
  const values = new Map<string, number>();
  for (const c of cooperations.filter((c) => c.serviceArea === area))
    for (const m of c.members) values.set(m.code, (values.get(m.code) ?? 0) + 1);
  const areaName = t(`networks.cooperation.area.${area}`);
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx)}>
      <PageHeading title={title} lead={t('networks.cooperation.lead')} />
      <section aria-labelledby="map-heading">
        <h2 class="ds-heading" data-size="sm" id="map-heading" safe>
          {t('networks.cooperation.map.heading', { area: areaName })}
        </h2>
        <form method="get" action={COOPERATIONS}>
          <input type="hidden" name="lang" value={locale} />
          <Select
            id="omrade"
            label={t('networks.cooperation.form.serviceArea')}
            value={area}
            options={SERVICE_AREAS.map((a) => ({ value: a, label: t(`networks.cooperation.area.${a}`) }))}
          />
          <button class="ds-button" type="submit" data-variant="secondary" safe>
            {t('networks.cooperation.map.show')}
          </button>
        </form>
        <ChoroplethMap
          id="cooperations-map"
          title={t('networks.cooperation.map.heading', { area: areaName })}
          description={t('networks.cooperation.map.description', { area: areaName, count: values.size })}
          locale={locale}
          features={features}
          values={values}
          href={(code) => `/nokkeltall/${code}?lang=${locale}`}
          classes={{ kind: 'threshold', breaks: [2, 3] }}
          valueLabel={t('networks.cooperation.map.value')}
          nameLabel={t('networks.cooperation.report.name')}
          codeLabel={t('networks.cooperation.map.code')}
          classLabels={{ from: t('networks.cooperation.map.from'), to: t('networks.cooperation.map.to') }}
          noDataLabel={t('networks.cooperation.map.none')}
        />
        <Source ctx={ctx} />
      </section>
      {SERVICE_AREAS.map((area) => {
        const inArea = cooperations.filter((c) => c.serviceArea === area);
        if (inArea.length === 0) return '';
        return (
          <section aria-labelledby={`area-${area}-heading`}>
            <h2 class="ds-heading" data-size="sm" id={`area-${area}-heading`} safe>
              {t('networks.cooperation.areaHeading', { area: t(`networks.cooperation.area.${area}`), count: inArea.length })}
            </h2>
            <DataTable
              caption={t(`networks.cooperation.area.${area}`)}
              captionHidden
              size="sm"
              rows={inArea}
              columns={[
                {
                  header: t('networks.cooperation.form.name'),
                  rowHeader: true,
                  cell: (c) => (
                    <a class="ds-link" href={`${COOPERATIONS}/${c.id}?lang=${locale}`} safe>
                      {c.name}
                    </a>
                  ),
                },
                { header: t('networks.cooperation.form.legalForm'), text: (c) => t(`networks.cooperation.legalForm.${c.legalForm}`) },
                { header: t('networks.cooperation.form.members'), text: names },
                { header: t('networks.cooperation.form.startYear'), text: (c) => (c.startYear === null ? '–' : String(c.startYear)) },
              ]}
            />
          </section>
        );
      })}
      <Source ctx={ctx} />
      {report ? (
        <section aria-labelledby="report-heading">
          <h2 class="ds-heading" data-size="sm" id="report-heading" safe>
            {t('networks.cooperation.report.heading')}
          </h2>
          <p class="ds-paragraph" safe>
            {t('networks.cooperation.report.summary', {
              cooperations: formatNumber(locale, report.cooperations),
              entries: formatNumber(locale, report.memberEntries),
              matched: formatNumber(locale, report.matched),
              recoded: formatNumber(locale, report.recoded.length),
            })}
          </p>
          {report.unmatched.length === 0 ? (
            <p class="ds-paragraph" safe>
              {t('networks.cooperation.report.allMatched')}
            </p>
          ) : (
            <DataTable
              caption={t('networks.cooperation.report.unmatched')}
              size="sm"
              rows={report.unmatched}
              columns={[
                { header: t('networks.cooperation.report.name'), rowHeader: true, text: (u) => u.name },
                { header: t('networks.cooperation.report.county'), text: (u) => u.county },
              ]}
            />
          )}
          <Source ctx={ctx} />
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

export interface CooperationForm {
  readonly name: string;
  readonly legalForm: string;
  readonly serviceArea: string;
  readonly members: string;
  readonly hostCode: string;
  readonly startYear: string;
}

export function cooperationForm(c: StoredCooperation): CooperationForm {
  return {
    name: c.name,
    legalForm: c.legalForm,
    serviceArea: c.serviceArea,
    members: c.members.map((m) => m.name).join(', '),
    hostCode: c.hostCode ?? '',
    startYear: c.startYear === null ? '' : String(c.startYear),
  };
}

export function CooperationPage({
  ctx,
  cooperation,
  canEdit,
  form = cooperationForm(cooperation),
  errors = [],
  notice,
}: {
  ctx: PageContext;
  cooperation: StoredCooperation;
  canEdit: boolean;
  form?: CooperationForm;
  errors?: readonly FieldError[];
  notice?: string | undefined;
}) {
  const { t, locale } = ctx;
  const c = cooperation;
  const host = c.members.find((m) => m.code === c.hostCode)?.name;
  const error = (field: string) =>
    errors
      .filter((e) => e.field === field)
      .map((e) => e.message)
      .join(' ') || undefined;
  return (
    <Layout ctx={ctx} title={c.name} crumbs={crumbs(ctx, c.name)}>
      <PageHeading title={c.name} />
      <SuccessNotice text={notice} />
      <dl class="facts">
        <dt safe>{t('networks.cooperation.form.legalForm')}</dt>
        <dd safe>{t(`networks.cooperation.legalForm.${c.legalForm}`)}</dd>
        <dt safe>{t('networks.cooperation.form.serviceArea')}</dt>
        <dd safe>{t(`networks.cooperation.area.${c.serviceArea}`)}</dd>
        <dt safe>{t('networks.cooperation.form.members')}</dt>
        <dd>
          <ul class="ds-list">
            {c.members.map((m) => (
              <li>
                <a class="ds-link" href={`/nokkeltall/${m.code}?lang=${locale}`} safe>
                  {m.name}
                </a>
              </li>
            ))}
          </ul>
        </dd>
        <dt safe>{t('networks.cooperation.form.host')}</dt>
        <dd safe>{host ?? t('networks.cooperation.none')}</dd>
        <dt safe>{t('networks.cooperation.form.startYear')}</dt>
        <dd safe>{c.startYear === null ? t('networks.cooperation.unknown') : String(c.startYear)}</dd>
      </dl>
      <Source ctx={ctx} />
      {canEdit ? (
        <section aria-labelledby="edit-heading">
          <h2 class="ds-heading" data-size="sm" id="edit-heading" safe>
            {t('networks.cooperation.edit')}
          </h2>
          <ErrorSummary ctx={ctx} errors={[...errors]} />
          <form method="post" action={`${COOPERATIONS}/${c.id}?lang=${locale}`}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(c.version)} />
            <TextField id="name" label={t('networks.cooperation.form.name')} value={form.name} error={error('name')} />
            <Select
              id="legalForm"
              label={t('networks.cooperation.form.legalForm')}
              value={form.legalForm}
              error={error('legalForm')}
              options={LEGAL_FORMS.map((f) => ({ value: f, label: t(`networks.cooperation.legalForm.${f}`) }))}
            />
            <Select
              id="serviceArea"
              label={t('networks.cooperation.form.serviceArea')}
              value={form.serviceArea}
              error={error('serviceArea')}
              options={SERVICE_AREAS.map((a) => ({ value: a, label: t(`networks.cooperation.area.${a}`) }))}
            />
            <TextArea
              id="members"
              label={t('networks.cooperation.form.members')}
              help={t('networks.cooperation.form.membersHelp')}
              value={form.members}
              rows={3}
              error={error('members')}
            />
            <Select
              id="hostCode"
              label={t('networks.cooperation.form.host')}
              value={form.hostCode}
              error={error('hostCode')}
              options={[{ value: '', label: t('networks.cooperation.none') }, ...c.members.map((m) => ({ value: m.code, label: m.name }))]}
            />
            <TextField
              id="startYear"
              label={t('networks.cooperation.form.startYear')}
              value={form.startYear}
              inputmode="numeric"
              size={4}
              error={error('startYear')}
            />
            <button class="ds-button" type="submit" safe>
              {t('networks.cooperation.save')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
