/** The knowledge bank's search: a GET form (query and facets), the ranked cases with their highlighted passages. */
import type { PageContext } from '../../platform/ui/context.js';
import { Layout } from '../../platform/ui/layout.js';
import { PageHeading, Pager } from '../../platform/ui/components.js';
import { translate } from '../../platform/ui/translate.js';
import { formatNumber, type Locale } from '../../platform/i18n/index.js';
import { FACETS, PAGE_SIZE, isFiltered, searchQueryString, type CaseSearch, type Facet } from '../model.js';
import type { QuestionHit } from '../questions.store.js';
import type { BankResult, HitKind } from '../questions-search.js';
import type { CaseHit, SearchResult } from '../store.js';

/** The bank's address in each language (nb and nn share theirs). */
export const BANK_PATHS: Record<Locale, string> = { nb: '/kunnskapsbank', nn: '/kunnskapsbank', da: '/videnbank', en: '/knowledge-bank' };
export const bankPath = (ctx: PageContext): string => BANK_PATHS[ctx.locale];
/** The competence centre's published questions and answers, under each language's name of the bank. */
export const QUESTION_PATHS: Record<Locale, string> = {
  nb: '/kunnskapsbank/sporsmal',
  nn: '/kunnskapsbank/sporsmal',
  da: '/videnbank/sporgsmal',
  en: '/knowledge-bank/questions',
};
/** The competence centre's directory of research actors and grant schemes, under each language's name of the bank. */
export const DIRECTORY_PATHS: Record<Locale, string> = {
  nb: '/kunnskapsbank/aktorer-og-ordninger',
  nn: '/kunnskapsbank/aktorer-og-ordninger',
  da: '/videnbank/aktorer-og-ordninger',
  en: '/knowledge-bank/actors-and-schemes',
};
export const casePath = (ctx: PageContext, slug: string): string => `${bankPath(ctx)}/${slug}?lang=${ctx.locale}`;

/** A facet value as people read it: a translated name, or the value itself (region names, years). */
export function facetValueName(ctx: PageContext, facet: Facet, value: string): string {
  switch (facet) {
    case 'country':
      return translate(ctx, `knowledge.country.${value as 'NO' | 'DK'}`);
    case 'size':
      return translate(ctx, `knowledge.size.${value as 'small'}`);
    case 'sector':
      return translate(ctx, `knowledge.sector.${value as 'health_care'}`);
    case 'theme':
      return translate(ctx, `knowledge.theme.${value as 'rehabilitation'}`);
    case 'phase':
      return translate(ctx, `knowledge.phase.${value as 'new'}`);
    default:
      return value;
  }
}

/** The passage with the matched words marked (ts_headline marks them with \u0002 … \u0003). */
export function Snippet({ text, lang }: { text: string; lang: string }) {
  const [first = '', ...rest] = text.split('\u0002');
  const out: JSX.Element[] = first ? [<span safe>{first}</span>] : [];
  for (const piece of rest) {
    const [marked = '', after = ''] = piece.split('\u0003');
    out.push(<mark safe>{marked}</mark>);
    if (after) out.push(<span safe>{after}</span>);
  }
  return (
    <p class="ds-paragraph" lang={lang}>
      {out}
    </p>
  );
}

/** A published question and answer among the hits: its title, what it is, and the best passages (never who asked). */
function QuestionHitCard({ ctx, hit }: { ctx: PageContext; hit: QuestionHit }) {
  const facts = [
    ctx.t('knowledge.dir.hit.question'),
    hit.sector ? translate(ctx, `knowledge.sector.${hit.sector}`) : '',
    hit.theme ? translate(ctx, `knowledge.theme.${hit.theme}`) : '',
  ].filter((part) => part !== '');
  return (
    <li class="ds-card" data-variant="tinted">
      <h3 class="ds-heading" data-size="xs">
        <a class="ds-link" href={`${QUESTION_PATHS[ctx.locale]}?lang=${ctx.locale}#q-${hit.id}`} lang={hit.locale} safe>
          {hit.title}
        </a>
      </h3>
      <p class="ds-paragraph" data-size="sm" safe>
        {facts.join(' · ')}
      </p>
      <Snippet text={hit.snippet} lang={hit.locale} />
    </li>
  );
}

function Hit({ ctx, hit }: { ctx: PageContext; hit: CaseHit }) {
  const { t } = ctx;
  const years =
    hit.yearFrom === null ? '' : hit.yearTo && hit.yearTo !== hit.yearFrom ? `${hit.yearFrom}–${hit.yearTo}` : String(hit.yearFrom);
  const facts = [
    ctx.t('knowledge.dir.hit.case'),
    hit.municipalityNames.join(', '),
    translate(ctx, `knowledge.country.${hit.country}`),
    translate(ctx, `knowledge.sector.${hit.sector}`),
    translate(ctx, `knowledge.phase.${hit.phase}`),
    years,
  ].filter((part) => part !== '');
  return (
    <li class="ds-card" data-variant="tinted">
      <h3 class="ds-heading" data-size="xs">
        <a class="ds-link" href={casePath(ctx, hit.slug)} lang={hit.language} safe>
          {hit.title}
        </a>
      </h3>
      {hit.recommended ? (
        <p class="ds-tag" data-color="success" safe>
          {t('knowledge.search.recommended')}
        </p>
      ) : (
        ''
      )}
      <p class="ds-paragraph" data-size="sm" safe>
        {facts.join(' · ')}
      </p>
      <Snippet text={hit.snippet} lang={hit.language} />
    </li>
  );
}

/** One facet's checkboxes with their counts; a chosen value with no matches left still shows, so it can be unchecked. */
export function FacetFieldset(props: {
  ctx: PageContext;
  name: string;
  legend: string;
  counts: readonly { value: string; count: number }[];
  chosen: readonly string[];
  label: (value: string) => string;
  newestFirst?: boolean;
}) {
  const chosen = new Set(props.chosen);
  const values = [
    ...props.counts,
    ...[...chosen].filter((v) => !props.counts.some((c) => c.value === v)).map((value) => ({ value, count: 0 })),
  ];
  if (values.length === 0) return '';
  if (props.newestFirst) values.sort((a, b) => b.value.localeCompare(a.value));
  return (
    <fieldset class="ds-fieldset">
      <legend class="ds-label" safe>
        {props.legend}
      </legend>
      {values.map(({ value, count }, i) => (
        <div class="ds-field">
          <input class="ds-input" type="checkbox" id={`${props.name}-${i}`} name={props.name} value={value} checked={chosen.has(value)} />
          <label class="ds-label" data-weight="regular" for={`${props.name}-${i}`} safe>
            {`${props.label(value)} (${formatNumber(props.ctx.locale, count)})`}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

function FacetGroup({ ctx, facet, search, result }: { ctx: PageContext; facet: Facet; search: CaseSearch; result: SearchResult }) {
  return (
    <FacetFieldset
      ctx={ctx}
      name={facet}
      legend={translate(ctx, `knowledge.facet.${facet}`)}
      counts={result.facets[facet]}
      chosen={search[facet].map(String)}
      label={(value) => facetValueName(ctx, facet, value)}
      newestFirst={facet === 'year'}
    />
  );
}

/**
 * The top of a search form: the query field with its button and, when filters are chosen, a link to
 * remove each of them and one to remove them all.
 */
export function SearchHead(props: {
  ctx: PageContext;
  label: string;
  help: string;
  q: string;
  removals: readonly { value: string; href: string }[];
  clearHref: string;
}) {
  const { t } = props.ctx;
  return (
    <>
      <div class="ds-field">
        <label class="ds-label" for="q" safe>
          {props.label}
        </label>
        <p class="ds-paragraph" data-size="sm" id="q-help" safe>
          {props.help}
        </p>
        <div class="inline-form">
          <input class="ds-input" type="search" id="q" name="q" value={props.q} aria-describedby="q-help" maxlength="200" />
          <button class="ds-button" type="submit" safe>
            {t('knowledge.search.submit')}
          </button>
        </div>
      </div>
      {props.removals.length > 0 ? (
        <section aria-labelledby="active-filters">
          <h2 class="ds-heading" data-size="2xs" id="active-filters" safe>
            {t('knowledge.search.active')}
          </h2>
          <ul class="inline-list">
            {props.removals.map(({ value, href }) => (
              <li>
                <a class="ds-link" href={href} safe>
                  {t('knowledge.search.remove', { value })}
                </a>
              </li>
            ))}
            <li>
              <a class="ds-link" href={props.clearHref} safe>
                {t('knowledge.search.clear')}
              </a>
            </li>
          </ul>
        </section>
      ) : (
        ''
      )}
    </>
  );
}

export function SearchPage({
  ctx,
  search,
  what,
  bank,
  canWrite,
}: {
  ctx: PageContext;
  search: CaseSearch;
  /** The kinds of hit chosen (none: both). */
  what: readonly HitKind[];
  bank: BankResult;
  canWrite: boolean;
}) {
  const { t } = ctx;
  const title = t('knowledge.search.title');
  const path = bankPath(ctx);
  const result = bank.cases;
  const whatQuery = what.map((kind) => `&what=${kind}`).join('');
  const pages = what.length === 1 && what[0] === 'question' ? 1 : Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const pageLink = (page: number) => `${path}?${searchQueryString({ ...search, page })}${whatQuery}&lang=${ctx.locale}`;
  const chosen = FACETS.flatMap((facet) => search[facet].map((value) => ({ facet, value: String(value) })));
  const whatName = (kind: string) => translate(ctx, `knowledge.dir.hit.${kind as HitKind}`);
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t('nav.home'), href: '/' }, { label: title }]}>
      <PageHeading title={title} lead={t('knowledge.search.lead')} />
      <ul class="inline-list">
        <li>
          <a class="ds-link" href={`${QUESTION_PATHS[ctx.locale]}?lang=${ctx.locale}`} safe>
            {t('knowledge.q.link')}
          </a>
        </li>
        <li>
          <a class="ds-link" href={`${DIRECTORY_PATHS[ctx.locale]}?lang=${ctx.locale}`} safe>
            {t('knowledge.dir.link')}
          </a>
        </li>
      </ul>
      {canWrite ? (
        <p>
          <a class="ds-link" href={`/kunnskapsbank/ny?lang=${ctx.locale}`} safe>
            {t('knowledge.search.new')}
          </a>
        </p>
      ) : (
        ''
      )}
      <form method="get" action={path} role="search">
        <input type="hidden" name="lang" value={ctx.locale} />
        <SearchHead
          ctx={ctx}
          label={t('knowledge.search.label')}
          help={t('knowledge.search.help')}
          q={search.q}
          removals={[
            ...chosen.map(({ facet, value }) => ({
              value: facetValueName(ctx, facet, value),
              href: `${path}?${searchQueryString(search, { facet, value, on: false })}${whatQuery}&lang=${ctx.locale}`,
            })),
            ...what.map((kind) => ({
              value: whatName(kind),
              href: `${path}?${searchQueryString(search)}${what
                .filter((other) => other !== kind)
                .map((other) => `&what=${other}`)
                .join('')}&lang=${ctx.locale}`,
            })),
          ]}
          clearHref={`${path}?${search.q ? `q=${encodeURIComponent(search.q)}&` : ''}lang=${ctx.locale}`}
        />
        <details class="ds-details" open={isFiltered(search) || what.length > 0}>
          <summary safe>{t('knowledge.search.filters')}</summary>
          <div class="card-grid">
            <FacetFieldset ctx={ctx} name="what" legend={t('knowledge.dir.hit.what')} counts={bank.what} chosen={what} label={whatName} />
            {FACETS.map((facet) => (
              <FacetGroup ctx={ctx} facet={facet} search={search} result={result} />
            ))}
          </div>
          <p class="ds-paragraph" data-size="sm" safe>
            {t('knowledge.search.sizeSource')}
          </p>
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
          {bank.total === 0
            ? t('knowledge.search.none')
            : bank.questions.length === 0
              ? t('knowledge.search.count', { count: formatNumber(ctx.locale, bank.total) })
              : t('knowledge.dir.count', { count: formatNumber(ctx.locale, bank.total) })}
        </p>
        <ul class="card-grid" aria-labelledby="results">
          {bank.hits.map((found) =>
            found.kind === 'case' ? <Hit ctx={ctx} hit={found.hit} /> : <QuestionHitCard ctx={ctx} hit={found.hit} />,
          )}
        </ul>
        <Pager ctx={ctx} page={search.page} pages={pages} href={pageLink} />
        <p>
          <a class="ds-link" href={`/api/v1/cases?${searchQueryString(search)}${whatQuery}`} safe>
            {t('knowledge.search.json')}
          </a>
        </p>
      </section>
      <section aria-labelledby="open-data">
        <h2 class="ds-heading" data-size="xs" id="open-data" safe>
          {t('knowledge.openData.title')}
        </h2>
        <p class="ds-paragraph" safe>
          {t('knowledge.openData.text')}
        </p>
        <ul class="inline-list">
          <li>
            <a class="ds-link" href="/api/v1/open-data/cases.json" type="application/json">
              JSON
            </a>
          </li>
          <li>
            <a class="ds-link" href="/api/v1/open-data/cases.csv" type="text/csv" download="">
              CSV
            </a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
