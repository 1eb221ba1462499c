/**
 * Municipal structure: seed 001's sets and a person's own scenarios with the form to save one; a
 * scenario's page (then and now, members, combined figures, geography, cooperations, compare and
 * PDF); and several sets side by side.
 */
import { ChartTable } from '../../platform/ui/charts/table.js';
import { CsrfField, ErrorSummary, PageHeading, SuccessNotice, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Checkbox, Select, TextArea, TextField } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { boundarySource, cooperationText, comparisonTable, nameList, setLabel, sinceNote } from '../scenario-tables.js';
import type { ScenarioSet, ScenarioSummary } from '../scenario-view.js';
import { MAX_SCENARIO_MEMBERS, SEED_YEAR } from '../scenarios.js';

export const STRUCTURE = '/kommunestruktur';

/** The address a set is read at, the same for everyone (a saved scenario's link is its share link). */
export function setRef(set: ScenarioSet): string | undefined {
  return set.origin.kind === 'demo' ? `eksempel-${set.origin.slug}` : set.origin.kind === 'saved' ? set.origin.id : undefined;
}

export function setPath(set: ScenarioSet): string {
  return set.origin.kind === 'demo' ? `${STRUCTURE}/eksempel/${set.origin.slug}` : `${STRUCTURE}/${setRef(set) ?? ''}`;
}

const crumbs = (ctx: PageContext, last?: string) => [
  { label: ctx.t('nav.home'), href: '/' },
  ...(last
    ? [{ label: ctx.t('networks.scenario.nav'), href: `${STRUCTURE}?lang=${ctx.locale}` }, { label: last }]
    : [{ label: ctx.t('networks.scenario.nav') }]),
];

export interface ScenarioForm {
  readonly name: string;
  readonly municipalities: string;
}

function ScenarioFields({ ctx, form, errors }: { ctx: PageContext; form: ScenarioForm; errors: readonly FieldError[] }) {
  const { t } = ctx;
  return (
    <>
      <TextField
        id="name"
        label={t('networks.scenario.form.name')}
        value={form.name}
        error={errors.find((e) => e.field === 'name')?.message}
      />
      <TextArea
        id="municipalities"
        label={t('networks.scenario.form.municipalities')}
        help={t('networks.scenario.form.municipalitiesHelp', { max: MAX_SCENARIO_MEMBERS })}
        value={form.municipalities}
        rows={4}
        error={errors
          .filter((e) => e.field === 'municipalities')
          .map((e) => e.message)
          .join(' ')}
      />
    </>
  );
}

export function ScenariosPage({
  ctx,
  demos,
  own,
  form,
  errors = [],
}: {
  ctx: PageContext;
  demos: readonly ScenarioSet[];
  own: readonly ScenarioSet[];
  form: ScenarioForm;
  errors?: readonly FieldError[];
}) {
  const { t } = ctx;
  const title = t('networks.scenario.nav');
  const link = (set: ScenarioSet) => (
    <a class="ds-link" href={`${setPath(set)}?lang=${ctx.locale}`} safe>
      {setLabel(t, ctx.locale, set)}
    </a>
  );
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx)}>
      <PageHeading title={title} lead={t('networks.scenario.lead')} />
      <section aria-labelledby="demos-heading">
        <h2 class="ds-heading" data-size="sm" id="demos-heading" safe>
          {t('networks.scenario.demos', { year: SEED_YEAR })}
        </h2>
        <p class="ds-paragraph" safe>
          {t('networks.scenario.demosLead', { year: SEED_YEAR })}
        </p>
        <ul class="ds-list">
          {demos.map((d) => (
            <li>{link(d)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="own-heading">
        <h2 class="ds-heading" data-size="sm" id="own-heading" safe>
          {t('networks.scenario.own')}
        </h2>
        {ctx.principal ? (
          <>
            {own.length === 0 ? (
              <p class="ds-paragraph" safe>
                {t('networks.scenario.ownNone')}
              </p>
            ) : (
              <ul class="ds-list">
                {own.map((s) => (
                  <li>{link(s)}</li>
                ))}
              </ul>
            )}
            <h3 class="ds-heading" data-size="xs" id="new-heading" safe>
              {t('networks.scenario.new')}
            </h3>
            <ErrorSummary ctx={ctx} errors={[...errors]} />
            <form method="post" action={`${STRUCTURE}?lang=${ctx.locale}`} aria-labelledby="new-heading">
              <CsrfField ctx={ctx} />
              <ScenarioFields ctx={ctx} form={form} errors={errors} />
              <button class="ds-button" type="submit" safe>
                {t('networks.scenario.save')}
              </button>
            </form>
          </>
        ) : (
          <p class="ds-paragraph" safe>
            {t('networks.scenario.signInToSave')}
          </p>
        )}
      </section>
    </Layout>
  );
}

function Source({ ctx, source }: { ctx: PageContext; source: string }) {
  return (
    <p class="ds-paragraph" data-size="sm" safe>
      {ctx.t('networks.source.label', { source })}
    </p>
  );
}

export interface ScenarioPageProps {
  ctx: PageContext;
  summary: ScenarioSummary;
  /** The other sets one may compare with. */
  others: readonly ScenarioSet[];
  /** The owner's form, when the viewer owns the saved scenario. */
  edit?: { form: ScenarioForm; version: number; errors: readonly FieldError[] } | undefined;
  notice?: string | undefined;
}

export function ScenarioPage({ ctx, summary, others, edit, notice }: ScenarioPageProps) {
  const { t, locale } = ctx;
  const { set } = summary;
  const title = setLabel(t, locale, set);
  const path = setPath(set);
  const ref = setRef(set) ?? '';
  const names = set.members.map((m) => m.name);
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, title)}>
      <PageHeading title={title} lead={t('networks.scenario.viewedAsOne', { count: set.members.length, names: nameList(locale, names) })} />
      <SuccessNotice text={notice} />
      {set.origin.kind === 'demo' ? (
        <section aria-labelledby="since-heading">
          <h2 class="ds-heading" data-size="sm" id="since-heading" safe>
            {t('networks.scenario.sinceHeading')}
          </h2>
          <p class="ds-paragraph" safe>
            {t('networks.scenario.then', {
              year: SEED_YEAR,
              names: nameList(
                locale,
                set.origin.thenAndNow.before.map((m) => m.name),
              ),
            })}
          </p>
          <ul class="ds-list">
            {set.origin.thenAndNow.notes.length === 0 ? (
              <li safe>{t('networks.scenario.note.none')}</li>
            ) : (
              set.origin.thenAndNow.notes.map((n) => <li safe>{sinceNote(t, locale, n)}</li>)
            )}
          </ul>
          <Source ctx={ctx} source={t('networks.scenario.source.codeChanges')} />
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="members-heading">
        <h2 class="ds-heading" data-size="sm" id="members-heading" safe>
          {t('networks.scenario.membersHeading')}
        </h2>
        <ul class="ds-list">
          {set.members.map((m) => (
            <li>
              <a class="ds-link" href={`/nokkeltall/${m.code}?lang=${locale}`} safe>
                {t('networks.scenario.memberFigures', { name: m.name })}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="figures-heading">
        <h2 class="ds-heading" data-size="sm" id="figures-heading" safe>
          {t('networks.scenario.figuresHeading')}
        </h2>
        <p class="ds-paragraph" safe>
          {t('networks.scenario.weighted')}
        </p>
        {summary.projection.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('networks.scenario.noProjection')}
          </p>
        ) : (
          ''
        )}
        <ChartTable data={comparisonTable(t, locale, [summary])} locale={locale} captionHidden />
        <p class="ds-paragraph">
          <a class="ds-link" href={`${path}?format=pdf&lang=${locale}`} type="application/pdf" download="" safe>
            {t('networks.scenario.pdf.download')}
          </a>
        </p>
      </section>
      <section aria-labelledby="geo-heading">
        <h2 class="ds-heading" data-size="sm" id="geo-heading" safe>
          {t('networks.scenario.geoHeading')}
        </h2>
        <p class="ds-paragraph" safe>
          {t(summary.geography.contiguous ? 'networks.scenario.geo.contiguous' : 'networks.scenario.geo.notContiguous')}
        </p>
        {summary.boundaryPairs.length > 0 ? (
          <ul class="ds-list">
            {summary.boundaryPairs.map(([a, b]) => (
              <li safe>{t('networks.scenario.geo.pair', { a, b })}</li>
            ))}
          </ul>
        ) : (
          <p class="ds-paragraph" safe>
            {t('networks.scenario.geo.noneShared')}
          </p>
        )}
        <p class="ds-paragraph" safe>
          {summary.regions.length === 1
            ? t('networks.scenario.geo.sameRegion', { region: summary.regions[0]! })
            : t('networks.scenario.geo.regions', { regions: nameList(locale, summary.regions) })}
        </p>
        <Source ctx={ctx} source={boundarySource(t, summary.country)} />
      </section>
      <section aria-labelledby="cooperations-heading">
        <h2 class="ds-heading" data-size="sm" id="cooperations-heading" safe>
          {t('networks.scenario.cooperationsHeading')}
        </h2>
        {summary.cooperations.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('networks.scenario.cooperations.none')}
          </p>
        ) : (
          <ul class="ds-list">
            {summary.cooperations.map((c) => (
              <li safe>{cooperationText(t, locale, c)}</li>
            ))}
          </ul>
        )}
        <p class="ds-paragraph" data-size="sm" safe>
          {t('networks.cooperations.source')}
        </p>
      </section>
      <section aria-labelledby="compare-heading">
        <h2 class="ds-heading" data-size="sm" id="compare-heading" safe>
          {t('networks.scenario.compare.heading')}
        </h2>
        <form method="get" action={`${STRUCTURE}/sammenlign`}>
          <input type="hidden" name="lang" value={locale} />
          <input type="hidden" name="s" value={ref} />
          <fieldset class="ds-fieldset">
            <legend class="ds-label" safe>
              {t('networks.scenario.compare.alternative')}
            </legend>
            <p class="ds-paragraph" data-size="sm" safe>
              {t('networks.scenario.compare.alternativeHelp')}
            </p>
            {set.members.map((m) => (
              <Checkbox id={`k-${m.code}`} name="k" value={m.code} label={m.name} checked={true} />
            ))}
          </fieldset>
          <Select
            id="s2"
            label={t('networks.scenario.compare.other')}
            value=""
            options={[
              { value: '', label: t('networks.scenario.compare.noOther') },
              ...others.map((o) => ({ value: setRef(o) ?? '', label: setLabel(t, locale, o) })),
            ]}
          />
          <button class="ds-button" type="submit" safe>
            {t('networks.scenario.compare.submit')}
          </button>
        </form>
      </section>
      {set.origin.kind === 'saved' ? (
        <section aria-labelledby="share-heading">
          <h2 class="ds-heading" data-size="sm" id="share-heading" safe>
            {t('networks.scenario.shareHeading')}
          </h2>
          <p class="ds-paragraph" safe>
            {t('networks.scenario.share')}
          </p>
          <p class="ds-paragraph">
            <a class="ds-link" href={`${path}?lang=${locale}`} safe>
              {title}
            </a>
          </p>
        </section>
      ) : (
        ''
      )}
      {edit ? (
        <section aria-labelledby="edit-heading">
          <h2 class="ds-heading" data-size="sm" id="edit-heading" safe>
            {t('networks.scenario.edit')}
          </h2>
          <ErrorSummary ctx={ctx} errors={[...edit.errors]} />
          <form method="post" action={`${path}?lang=${locale}`} aria-labelledby="edit-heading">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(edit.version)} />
            <ScenarioFields ctx={ctx} form={edit.form} errors={edit.errors} />
            <button class="ds-button" type="submit" safe>
              {t('networks.scenario.saveChanges')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

export function ScenarioComparePage({
  ctx,
  summaries,
  pdfHref,
}: {
  ctx: PageContext;
  summaries: readonly ScenarioSummary[];
  pdfHref: string;
}) {
  const { t, locale } = ctx;
  const title = t('networks.scenario.compare.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, title)}>
      <PageHeading title={title} lead={t('networks.scenario.weighted')} />
      <ChartTable data={comparisonTable(t, locale, summaries)} locale={locale} />
      <ul class="ds-list">
        {summaries.map((s) => (
          <li>
            {s.set.origin.kind === 'alternative' ? (
              <span safe>{setLabel(t, locale, s.set)}</span>
            ) : (
              <a class="ds-link" href={`${setPath(s.set)}?lang=${locale}`} safe>
                {setLabel(t, locale, s.set)}
              </a>
            )}
          </li>
        ))}
      </ul>
      <p class="ds-paragraph">
        <a class="ds-link" href={pdfHref} type="application/pdf" download="" safe>
          {t('networks.scenario.pdf.downloadComparison')}
        </a>
      </p>
    </Layout>
  );
}
