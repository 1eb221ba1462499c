/** The directory of research and innovation actors and grant schemes: the search (a GET form with facets), an entry's page, the advisers' editor. */
import { CsrfField, ErrorSummary, PageHeading, Pager, SuccessNotice, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Checkbox, Select, TextArea, TextField } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { translate } from '../../platform/ui/translate.js';
import { formatInstant, formatNumber } from '../../platform/i18n/index.js';
import {
  ACTOR_KINDS,
  DEADLINE_ZONE,
  deadlinePassed,
  DIRECTORY_FACETS,
  directoryQueryString,
  ENTRY_TYPES,
  WHOLE_COUNTRY,
  type DirectoryEntry,
  type DirectoryFacet,
  type DirectoryResult,
  type DirectorySearch,
} from '../directory.js';
import { PAGE_SIZE, THEMES } from '../model.js';
import { bankPath, DIRECTORY_PATHS, FacetFieldset, QUESTION_PATHS, SearchHead } from './search.js';

const EDITOR = '/kunnskapsbank/aktorer-og-ordninger';

export const directoryPath = (ctx: PageContext): string => DIRECTORY_PATHS[ctx.locale];
/** An entry's page (or, for one of the platform's own calls, the call's page) in the reader's language. */
export const entryHref = (ctx: PageContext, entry: Pick<DirectoryEntry, 'own' | 'href' | 'slug'>): string =>
  `${entry.own ? entry.href : `${directoryPath(ctx)}/${entry.slug}`}?lang=${ctx.locale}`;

function facetValueName(ctx: PageContext, facet: DirectoryFacet, value: string): string {
  switch (facet) {
    case 'type':
      return translate(ctx, `knowledge.dir.type.${value as 'actor'}`);
    case 'kind':
      return translate(ctx, `knowledge.dir.kind.${value as 'university'}`);
    case 'theme':
      return translate(ctx, `knowledge.theme.${value as 'rehabilitation'}`);
    case 'country':
      return translate(ctx, `knowledge.country.${value as 'NO'}`);
    case 'region':
      return value === WHOLE_COUNTRY ? ctx.t('knowledge.dir.wholeCountry') : value;
  }
}

const FACET_LEGENDS: Record<DirectoryFacet, (ctx: PageContext) => string> = {
  type: (ctx) => ctx.t('knowledge.dir.facet.type'),
  kind: (ctx) => ctx.t('knowledge.dir.facet.kind'),
  region: (ctx) => ctx.t('knowledge.facet.region'),
  theme: (ctx) => ctx.t('knowledge.facet.theme'),
  country: (ctx) => ctx.t('knowledge.facet.country'),
};

/** What an entry is, where, and (a scheme) its deadline and who runs it, as one line each. */
function EntryFacts({ ctx, entry, now }: { ctx: PageContext; entry: DirectoryEntry; now: Date }) {
  const what = entry.kind ? translate(ctx, `knowledge.dir.kind.${entry.kind}`) : translate(ctx, `knowledge.dir.type.${entry.entry}`);
  const where = [entry.region ?? ctx.t('knowledge.dir.wholeCountry'), translate(ctx, `knowledge.country.${entry.country}`)];
  const date = entry.deadline ? formatInstant(ctx.locale, entry.deadline, DEADLINE_ZONE) : '';
  return (
    <>
      {entry.own ? (
        <p class="ds-tag" data-color="success" safe>
          {ctx.t('knowledge.dir.own')}
        </p>
      ) : (
        ''
      )}
      <p class="ds-paragraph" data-size="sm" safe>
        {[what, ...where, ...entry.themes.map((theme) => translate(ctx, `knowledge.theme.${theme}`))].join(' · ')}
      </p>
      {entry.entry === 'scheme' ? (
        <p class="ds-paragraph" data-size="sm">
          <strong safe>
            {entry.deadline === null
              ? ctx.t('knowledge.dir.ongoing')
              : deadlinePassed(entry, now)
                ? ctx.t('knowledge.dir.deadlinePassed', { date })
                : ctx.t('knowledge.dir.deadline', { date })}
          </strong>
          {entry.runner ? <span safe>{` · ${ctx.t('knowledge.dir.runner', { name: entry.runner })}`}</span> : ''}
        </p>
      ) : (
        ''
      )}
    </>
  );
}

export function DirectoryPage({
  ctx,
  search,
  result,
  now,
  canEdit,
}: {
  ctx: PageContext;
  search: DirectorySearch;
  result: DirectoryResult;
  now: Date;
  canEdit: boolean;
}) {
  const { t } = ctx;
  const title = t('knowledge.dir.title');
  const path = directoryPath(ctx);
  const link = (query: string) => `${path}?${query ? `${query}&` : ''}lang=${ctx.locale}`;
  const chosen = DIRECTORY_FACETS.flatMap((facet) => search[facet].map((value) => ({ facet, value: String(value) })));
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('knowledge.search.title'), href: `${bankPath(ctx)}?lang=${ctx.locale}` },
        { label: title },
      ]}
    >
      <PageHeading title={title} lead={t('knowledge.dir.lead')} />
      <ul class="inline-list">
        <li>
          <a class="ds-link" href={`${QUESTION_PATHS[ctx.locale]}?lang=${ctx.locale}`} safe>
            {t('knowledge.q.link')}
          </a>
        </li>
        {canEdit ? (
          <li>
            <a class="ds-link" href={`${EDITOR}/ny?lang=${ctx.locale}`} safe>
              {t('knowledge.dir.new')}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
      <form method="get" action={path} role="search">
        <input type="hidden" name="lang" value={ctx.locale} />
        <SearchHead
          ctx={ctx}
          label={t('knowledge.dir.searchLabel')}
          help={t('knowledge.dir.searchHelp')}
          q={search.q}
          removals={chosen.map(({ facet, value }) => ({
            value: facetValueName(ctx, facet, value),
            href: link(directoryQueryString(search, { facet, value, on: false })),
          }))}
          clearHref={link(search.q ? `q=${encodeURIComponent(search.q)}` : '')}
        />
        <details class="ds-details" open={chosen.length > 0}>
          <summary safe>{t('knowledge.search.filters')}</summary>
          <div class="card-grid">
            {DIRECTORY_FACETS.map((facet) => (
              <FacetFieldset
                ctx={ctx}
                name={facet}
                legend={FACET_LEGENDS[facet](ctx)}
                counts={result.facets[facet]}
                chosen={search[facet]}
                label={(value) => facetValueName(ctx, facet, value)}
              />
            ))}
          </div>
          <button class="ds-button" data-variant="secondary" type="submit" safe>
            {t('knowledge.search.apply')}
          </button>
        </details>
      </form>
      <section aria-labelledby="results">
        <h2 class="ds-heading" data-size="sm" id="results" safe>
          {t('knowledge.search.results')}
        </h2>
        <p class="ds-paragraph" role="status" safe>
          {result.total === 0 ? t('knowledge.dir.none') : t('knowledge.dir.count', { count: formatNumber(ctx.locale, result.total) })}
        </p>
        <ul class="card-grid" aria-labelledby="results">
          {result.entries.map((entry) => (
            <li class="ds-card" data-variant="tinted">
              <h3 class="ds-heading" data-size="xs">
                <a class="ds-link" href={entryHref(ctx, entry)} lang={entry.language} safe>
                  {entry.name}
                </a>
              </h3>
              <EntryFacts ctx={ctx} entry={entry} now={now} />
            </li>
          ))}
        </ul>
        <Pager
          ctx={ctx}
          page={search.page}
          pages={Math.max(1, Math.ceil(result.total / PAGE_SIZE))}
          href={(page) => link(directoryQueryString({ ...search, page }))}
        />
        <p>
          <a class="ds-link" href={`/api/v1/directory?${directoryQueryString(search)}`} safe>
            {t('knowledge.dir.json')}
          </a>
        </p>
      </section>
    </Layout>
  );
}

export function EntryPage({
  ctx,
  entry,
  now,
  canEdit,
  notice,
}: {
  ctx: PageContext;
  entry: DirectoryEntry & { updatedAt: Date; updatedByName: string | null };
  now: Date;
  canEdit: boolean;
  notice: string | undefined;
}) {
  const { t } = ctx;
  const contacts = [
    entry.web ? { label: t('knowledge.dir.web'), href: entry.web, text: entry.web } : undefined,
    entry.email ? { label: t('knowledge.dir.email'), href: `mailto:${entry.email}`, text: entry.email } : undefined,
    entry.phone ? { label: t('knowledge.dir.phone'), href: `tel:${entry.phone.replace(/[^+0-9]/g, '')}`, text: entry.phone } : undefined,
  ].filter((c) => c !== undefined);
  return (
    <Layout
      ctx={ctx}
      title={entry.name}
      crumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('knowledge.search.title'), href: `${bankPath(ctx)}?lang=${ctx.locale}` },
        { label: t('knowledge.dir.title'), href: `${directoryPath(ctx)}?lang=${ctx.locale}` },
        { label: entry.name },
      ]}
    >
      <SuccessNotice text={notice} />
      <h1 class="ds-heading" data-size="lg" lang={entry.language} safe>
        {entry.name}
      </h1>
      <EntryFacts ctx={ctx} entry={entry} now={now} />
      {entry.description ? (
        <p class="ds-paragraph question-text" lang={entry.language} safe>
          {entry.description}
        </p>
      ) : (
        ''
      )}
      {entry.entry === 'scheme' ? (
        <>
          <h2 class="ds-heading" data-size="xs" safe>
            {t('knowledge.dir.eligible')}
          </h2>
          <p class="ds-paragraph" lang={entry.language} safe>
            {entry.eligible}
          </p>
        </>
      ) : (
        ''
      )}
      <h2 class="ds-heading" data-size="xs" safe>
        {t('knowledge.dir.contact')}
      </h2>
      {contacts.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('knowledge.dir.noContact')}
        </p>
      ) : (
        <dl>
          {contacts.map((c) => (
            <>
              <dt safe>{c.label}</dt>
              <dd>
                <a class="ds-link" href={c.href} safe>
                  {c.text}
                </a>
              </dd>
            </>
          ))}
        </dl>
      )}
      <p class="ds-paragraph source" data-size="sm" safe>
        {t('knowledge.dir.source', { source: entry.source })}
      </p>
      {entry.updatedByName ? (
        <p class="ds-paragraph" data-size="sm" safe>
          {t('knowledge.dir.updated', { date: formatInstant(ctx.locale, entry.updatedAt, DEADLINE_ZONE), name: entry.updatedByName })}
        </p>
      ) : (
        ''
      )}
      {canEdit ? (
        <p>
          <a class="ds-link" href={`${EDITOR}/${entry.slug}/endre?lang=${ctx.locale}`} safe>
            {t('knowledge.dir.edit')}
          </a>
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}

export type EntryFormValues = Record<string, string | string[]>;

export function EntryEditorPage({
  ctx,
  slug,
  values,
  regions,
  errors,
}: {
  ctx: PageContext;
  /** The entry being edited; undefined for a new one. */
  slug: string | undefined;
  values: EntryFormValues;
  /** The counties and regions of both countries, as the registry names them. */
  regions: readonly { country: 'NO' | 'DK'; name: string }[];
  errors: FieldError[];
}) {
  const { t } = ctx;
  const title = slug ? t('knowledge.dir.editTitle') : t('knowledge.dir.newTitle');
  const text = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value : '';
  };
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const themes = new Set([values.themes ?? []].flat());
  const lang = ['nb', 'nn', 'da', 'en'].includes(text('language')) ? text('language') : undefined;
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('knowledge.dir.title'), href: `${directoryPath(ctx)}?lang=${ctx.locale}` },
        { label: title },
      ]}
    >
      <PageHeading title={title} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`${EDITOR}/${slug ? `${slug}/endre` : 'ny'}?lang=${ctx.locale}`} novalidate>
        <CsrfField ctx={ctx} />
        {slug ? <input type="hidden" name="version" value={text('version')} /> : ''}
        <Select
          id="entry"
          label={t('knowledge.dir.field.entry')}
          value={text('entry')}
          error={errorOf('entry')}
          options={ENTRY_TYPES.map((e) => ({ value: e, label: translate(ctx, `knowledge.dir.type.${e}`) }))}
        />
        <Select
          id="kind"
          label={t('knowledge.dir.field.kind')}
          value={text('kind')}
          error={errorOf('kind')}
          options={[
            { value: '', label: t('knowledge.q.field.none') },
            ...ACTOR_KINDS.map((k) => ({ value: k, label: translate(ctx, `knowledge.dir.kind.${k}`) })),
          ]}
        />
        <TextField id="name" label={t('knowledge.dir.field.name')} value={text('name')} error={errorOf('name')} />
        <Select
          id="language"
          label={t('knowledge.dir.field.language')}
          value={text('language') || ctx.locale}
          error={errorOf('language')}
          options={(['nb', 'nn', 'da', 'en'] as const).map((l) => ({ value: l, label: translate(ctx, `knowledge.language.${l}`) }))}
        />
        <TextArea
          id="description"
          label={t('knowledge.dir.field.description')}
          value={text('description')}
          error={errorOf('description')}
          lang={lang}
        />
        <Select
          id="country"
          label={t('knowledge.dir.field.country')}
          value={text('country')}
          error={errorOf('country')}
          options={(['NO', 'DK'] as const).map((c) => ({ value: c, label: translate(ctx, `knowledge.country.${c}`) }))}
        />
        <Select
          id="region"
          label={t('knowledge.dir.field.region')}
          value={text('region')}
          error={errorOf('region')}
          options={[
            { value: '', label: t('knowledge.dir.wholeCountry') },
            ...regions.map((r) => ({ value: r.name, label: `${r.name} (${translate(ctx, `knowledge.country.${r.country}`)})` })),
          ]}
        />
        <fieldset class="ds-fieldset" id="themes">
          <legend class="ds-label" safe>
            {t('knowledge.dir.field.themes')}
          </legend>
          {THEMES.map((theme) => (
            <Checkbox
              id={`theme-${theme}`}
              name="themes"
              value={theme}
              label={translate(ctx, `knowledge.theme.${theme}`)}
              checked={themes.has(theme)}
            />
          ))}
        </fieldset>
        <TextField id="web" type="url" label={t('knowledge.dir.field.web')} value={text('web')} error={errorOf('web')} />
        <TextField id="email" type="email" label={t('knowledge.dir.field.email')} value={text('email')} error={errorOf('email')} />
        <TextField id="phone" type="tel" label={t('knowledge.dir.field.phone')} value={text('phone')} error={errorOf('phone')} />
        <TextField id="runner" label={t('knowledge.dir.field.runner')} value={text('runner')} error={errorOf('runner')} />
        <TextField
          id="deadline"
          type="datetime-local"
          label={t('knowledge.dir.field.deadline')}
          help={t('knowledge.dir.field.deadlineHelp')}
          value={text('deadline')}
          error={errorOf('deadline')}
        />
        <TextArea id="eligible" label={t('knowledge.dir.field.eligible')} value={text('eligible')} error={errorOf('eligible')} rows={3} />
        <TextField id="source" label={t('knowledge.dir.field.source')} value={text('source')} error={errorOf('source')} />
        <button class="ds-button" type="submit" safe>
          {t('knowledge.dir.save')}
        </button>
      </form>
    </Layout>
  );
}
