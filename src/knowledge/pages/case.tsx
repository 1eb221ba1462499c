/** A case as the public reads it (every fact, its source, its language marked), and the competence centre's editor. */
import { formatBytes, formatDateTime } from '../../platform/i18n/index.js';
import type { PageContext } from '../../platform/ui/context.js';
import { CsrfField, ErrorSummary, type FieldError, SuccessNotice } from '../../platform/ui/components.js';
import { Checkbox, Select, TextArea, TextField } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { translate } from '../../platform/ui/translate.js';
import { CASE_FILE_KINDS, caseFileKind, PHASES, SECTORS, THEMES, type CaseSeed } from '../model.js';
import type { Adoption, CaseFile, CaseLinkSummary, StoredCase } from '../store.js';
import { bankPath, casePath } from './search.js';

const Paragraphs = ({ text, lang }: { text: string; lang: string }) => (
  <>
    {text
      .split(/\n\s*\n/)
      .filter((p) => p.trim() !== '')
      .map((p) => (
        <p class="ds-paragraph prewrap" lang={lang} safe>
          {p.trim()}
        </p>
      ))}
  </>
);

export function CasePage({
  ctx,
  item,
  similar,
  adoptions,
  adoptAs,
  adoptValues,
  canEdit,
  files,
  attach,
  awards,
  notice,
  problem,
}: {
  ctx: PageContext;
  item: StoredCase;
  files: readonly CaseFile[];
  /** When the person may add files: the largest file the platform takes, and why the last one was refused. */
  attach: { maxBytes: number; error?: string | undefined } | undefined;
  /** The innovation prizes the case has won, as published. */
  awards: readonly { award: 'winner' | 'mention'; title: string }[];
  similar: readonly CaseLinkSummary[];
  adoptions: readonly Adoption[];
  /** The case worker's municipality, when it may say it adopted the case. */
  adoptAs: string | undefined;
  adoptValues: { changes: string; year: string };
  canEdit: boolean;
  notice?: string | undefined;
  /** Why the last change was refused (a newer version). */
  problem?: string | undefined;
}) {
  const { t } = ctx;
  const lang = item.language;
  const years =
    item.yearFrom === null
      ? t('knowledge.case.notStated')
      : item.yearTo && item.yearTo !== item.yearFrom
        ? `${item.yearFrom}–${item.yearTo}`
        : String(item.yearFrom);
  const list = (items: readonly string[]) =>
    items.length === 0 ? (
      <span safe>{t('knowledge.case.notStated')}</span>
    ) : (
      <ul class="inline-list">
        {items.map((i) => (
          <li safe>{i}</li>
        ))}
      </ul>
    );
  return (
    <Layout
      ctx={ctx}
      title={item.title}
      crumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('knowledge.case.back'), href: `${bankPath(ctx)}?lang=${ctx.locale}` },
        { label: item.title },
      ]}
    >
      <h1 class="ds-heading" data-size="lg" lang={lang} safe>
        {item.title}
      </h1>
      <SuccessNotice text={notice} />
      {problem ? (
        <div class="ds-alert" data-color="danger" role="alert">
          <p class="ds-paragraph" safe>
            {problem}
          </p>
        </div>
      ) : (
        ''
      )}
      {item.recommended ? (
        <p class="ds-tag" data-color="success" safe>
          {t('knowledge.case.recommended')}
        </p>
      ) : (
        ''
      )}
      {awards.map((a) => (
        <p class="ds-tag" data-color="accent">
          <a class="ds-link" href={`/innovasjonspris?lang=${ctx.locale}`} safe>
            {translate(ctx, 'knowledge.prize.won', { award: t(`knowledge.prize.${a.award}`), title: a.title })}
          </a>
        </p>
      ))}
      <section aria-labelledby="problem">
        <h2 class="ds-heading" data-size="sm" id="problem" safe>
          {t('knowledge.case.problem')}
        </h2>
        <Paragraphs text={item.problem} lang={lang} />
      </section>
      <section aria-labelledby="done">
        <h2 class="ds-heading" data-size="sm" id="done" safe>
          {t('knowledge.case.done')}
        </h2>
        <Paragraphs text={item.done} lang={lang} />
      </section>
      <section aria-labelledby="results">
        <h2 class="ds-heading" data-size="sm" id="results" safe>
          {t('knowledge.case.results')}
        </h2>
        {item.results.trim() === '' ? (
          <p class="ds-paragraph" safe>
            {t('knowledge.case.notStated')}
          </p>
        ) : (
          <Paragraphs text={item.results} lang={lang} />
        )}
      </section>
      <section aria-labelledby="facts">
        <h2 class="ds-heading" data-size="sm" id="facts" safe>
          {t('knowledge.case.facts')}
        </h2>
        <dl class="facts">
          <dt safe>{t('knowledge.case.phase')}</dt>
          <dd>
            <span safe>{translate(ctx, `knowledge.phase.${item.phase}`)}</span>
            <br />
            <small safe>{t('knowledge.case.phaseHelp')}</small>
          </dd>
          <dt safe>{t('knowledge.facet.country')}</dt>
          <dd safe>{translate(ctx, `knowledge.country.${item.country}`)}</dd>
          <dt safe>{t('knowledge.case.municipalities')}</dt>
          <dd>
            {item.municipalities.length === 0 ? (
              <span safe>{t('knowledge.case.notStated')}</span>
            ) : (
              <ul class="inline-list">
                {item.municipalities.map((m) => {
                  const facts = [m.region, m.sizeClass ? translate(ctx, `knowledge.size.${m.sizeClass}`) : null].filter(Boolean);
                  const suffix: string = facts.length ? ` (${facts.join(', ')})` : '';
                  return (
                    <li>
                      <a class="ds-link" href={`/kunnskapsbank/kommune/${m.country.toLowerCase()}/${m.code}?lang=${ctx.locale}`} safe>
                        {m.name}
                      </a>
                      <span safe>{suffix}</span>
                    </li>
                  );
                })}
              </ul>
            )}
            <small safe>{t('knowledge.search.sizeSource')}</small>
          </dd>
          <dt safe>{t('knowledge.case.partners')}</dt>
          <dd>{list(item.partners)}</dd>
          {item.programme ? (
            <>
              <dt safe>{t('knowledge.facet.programme')}</dt>
              <dd safe>{item.programme}</dd>
            </>
          ) : (
            ''
          )}
          {item.origin?.kind === 'project' ? (
            <>
              <dt safe>{t('knowledge.case.origin')}</dt>
              <dd>
                <a class="ds-link" href={`/prosjekter/${item.origin.id}?lang=${ctx.locale}`} safe>
                  {t('knowledge.case.fromProject')}
                </a>
              </dd>
            </>
          ) : (
            ''
          )}
          <dt safe>{t('knowledge.facet.sector')}</dt>
          <dd safe>{translate(ctx, `knowledge.sector.${item.sector}`)}</dd>
          <dt safe>{t('knowledge.facet.theme')}</dt>
          <dd>{list(item.themes.map((theme) => translate(ctx, `knowledge.theme.${theme}`)))}</dd>
          <dt safe>{t('knowledge.case.years')}</dt>
          <dd safe>{years}</dd>
          <dt safe>{t('knowledge.case.contacts')}</dt>
          <dd>{list(item.contacts)}</dd>
          <dt safe>{t('knowledge.case.links')}</dt>
          <dd>
            {item.links.length === 0 ? (
              <span safe>{t('knowledge.case.notStated')}</span>
            ) : (
              <ul class="inline-list">
                {item.links.map((link) => (
                  <li>
                    <a class="ds-link" href={link.url} rel="noopener noreferrer" safe>
                      {link.title}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt safe>{t('knowledge.case.language')}</dt>
          <dd safe>{translate(ctx, `knowledge.language.${lang}`)}</dd>
          <dt safe>{t('knowledge.case.source')}</dt>
          <dd lang={lang} safe>
            {item.source}
          </dd>
        </dl>
        <p class="ds-paragraph" data-size="sm" safe>
          {t('knowledge.case.updated', { when: formatDateTime(ctx.locale, item.updatedAt) })}
        </p>
      </section>
      <section aria-labelledby="files">
        <h2 class="ds-heading" data-size="sm" id="files" safe>
          {t('knowledge.file.title')}
        </h2>
        {files.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('knowledge.file.none')}
          </p>
        ) : (
          <ul>
            {files.map((f) => (
              <li>
                <a class="ds-link" href={`/kunnskapsbank/${item.slug}/filer/${f.fileId}`} safe>
                  {f.name}
                </a>
                <span
                  safe
                >{` (${translate(ctx, `knowledge.file.kind.${caseFileKind(f.contentType) ?? 'other'}`)}, ${formatBytes(ctx.locale, f.sizeBytes)})`}</span>
              </li>
            ))}
          </ul>
        )}
        {attach ? (
          <form method="post" action={`/kunnskapsbank/${item.slug}/filer?lang=${ctx.locale}`} enctype="multipart/form-data" class="stack">
            <CsrfField ctx={ctx} />
            <div class="ds-field">
              <label class="ds-label" for="file" safe>
                {t('knowledge.file.add')}
              </label>
              <p class="ds-paragraph" data-size="sm" id="file-help" safe>
                {translate(ctx, 'knowledge.file.help', { size: formatBytes(ctx.locale, attach.maxBytes) })}
              </p>
              {attach.error ? (
                <p class="ds-validation-message" id="file-error" data-color="danger" safe>
                  {attach.error}
                </p>
              ) : (
                ''
              )}
              <input
                class="ds-input"
                type="file"
                id="file"
                name="file"
                accept={Object.keys(CASE_FILE_KINDS).join(',')}
                aria-describedby={attach.error ? 'file-help file-error' : 'file-help'}
                aria-invalid={attach.error ? 'true' : undefined}
              />
            </div>
            <button class="ds-button" data-variant="secondary" type="submit" safe>
              {t('knowledge.file.upload')}
            </button>
          </form>
        ) : (
          ''
        )}
      </section>
      <section aria-labelledby="adoptions">
        <h2 class="ds-heading" data-size="sm" id="adoptions" safe>
          {t('knowledge.adopt.title')}
        </h2>
        {adoptions.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('knowledge.adopt.none')}
          </p>
        ) : (
          <ul>
            {adoptions.map((a) => (
              <li>
                <a class="ds-link" href={`/kunnskapsbank/kommune/${a.country.toLowerCase()}/${a.municipalityCode}?lang=${ctx.locale}`} safe>
                  {a.municipalityName}
                </a>
                {a.adoptedYear ? <span> ({a.adoptedYear})</span> : ''}
                <p class="ds-paragraph prewrap" lang={a.language}>
                  <strong safe>{`${t('knowledge.adopt.changed')}: `}</strong>
                  <span safe>{a.changes}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
        {adoptAs ? (
          <form method="post" action={`/kunnskapsbank/${item.slug}/tatt-i-bruk?lang=${ctx.locale}`}>
            <h3 class="ds-heading" data-size="xs" safe>
              {t('knowledge.adopt.formTitle', { municipality: adoptAs })}
            </h3>
            <CsrfField ctx={ctx} />
            <TextArea id="changes" label={t('knowledge.adopt.changes')} value={adoptValues.changes} rows={4} />
            <TextField id="year" label={t('knowledge.adopt.year')} value={adoptValues.year} inputmode="numeric" size={6} />
            <button class="ds-button" type="submit" safe>
              {t('knowledge.adopt.submit')}
            </button>
          </form>
        ) : (
          ''
        )}
      </section>
      {similar.length > 0 ? (
        <section aria-labelledby="similar">
          <h2 class="ds-heading" data-size="sm" id="similar" safe>
            {t('knowledge.case.similar')}
          </h2>
          <ul>
            {similar.map((s) => (
              <li>
                <a class="ds-link" href={casePath(ctx, s.slug)} lang={s.language} safe>
                  {s.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {canEdit ? (
        <section class="inline-form">
          <a class="ds-link" href={`/kunnskapsbank/${item.slug}/endre?lang=${ctx.locale}`} safe>
            {t('knowledge.case.edit')}
          </a>
          <form method="post" action={`/kunnskapsbank/${item.slug}/anbefaling?lang=${ctx.locale}`} class="inline-form">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(item.version)} />
            <input type="hidden" name="recommended" value={item.recommended ? 'false' : 'true'} />
            <button class="ds-button" data-variant="secondary" type="submit" safe>
              {item.recommended ? t('knowledge.case.unrecommend') : t('knowledge.case.recommend')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** The form's values as text: from a stored case, or as posted. */
export type CaseFormValues = Record<string, string | string[]>;

export function caseFormValues(item: StoredCase): CaseFormValues {
  return {
    title: item.title,
    problem: item.problem,
    done: item.done,
    results: item.results,
    language: item.language,
    phase: item.phase,
    country: item.country,
    sector: item.sector,
    themes: item.themes,
    yearFrom: item.yearFrom === null ? '' : String(item.yearFrom),
    yearTo: item.yearTo === null ? '' : String(item.yearTo),
    municipalities: item.municipalities.map((m) => `${m.code} ${m.name}`).join('\n'),
    partners: item.partners.join('\n'),
    contacts: item.contacts.join('\n'),
    links: item.links.map((l) => `${l.title} | ${l.url}`).join('\n'),
    source: item.source,
    programme: item.programme ?? '',
    version: String(item.version),
  };
}

/**
 * The case form: the competence centre's editor (every field), or a case made from another record
 * (a seed): then the source fixes the country, the municipalities and the programme, and its parts
 * are offered one by one, each ticked to become public and open to rewording.
 */
export function CaseEditorPage({
  ctx,
  slug,
  seed,
  values,
  errors,
}: {
  ctx: PageContext;
  /** The case being edited; undefined for a new one. */
  slug: string | undefined;
  /** The record a new case is made from. */
  seed?: { seed: CaseSeed; action: string } | undefined;
  values: CaseFormValues;
  errors: FieldError[];
}) {
  const { t } = ctx;
  const title = seed ? t('knowledge.seed.title') : slug ? t('knowledge.edit.editTitle') : t('knowledge.edit.newTitle');
  const text = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value : '';
  };
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const chosen = (name: string) => new Set(Array.isArray(values[name]) ? values[name] : values[name] ? [values[name] as string] : []);
  const themes = chosen('themes');
  const action = seed ? seed.action : slug ? `/kunnskapsbank/${slug}/endre?lang=${ctx.locale}` : `/kunnskapsbank/ny?lang=${ctx.locale}`;
  const lang = ['nb', 'nn', 'da', 'en'].includes(text('language')) ? text('language') : undefined;
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('knowledge.case.back'), href: `${bankPath(ctx)}?lang=${ctx.locale}` },
        ...(slug ? [{ label: text('title') || title, href: casePath(ctx, slug) }] : []),
        { label: title },
      ]}
    >
      <h1 class="ds-heading" data-size="lg" safe>
        {title}
      </h1>
      <p class="ds-paragraph lead" safe>
        {seed
          ? translate(ctx, seed.seed.origin.kind === 'project' ? 'knowledge.seed.lead' : 'knowledge.seed.leadAction', {
              source: seed.seed.sourceTitle,
            })
          : t('knowledge.edit.lead')}
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={action}>
        <CsrfField ctx={ctx} />
        {slug ? <input type="hidden" name="version" value={text('version')} /> : ''}
        <Select
          id="language"
          label={t('knowledge.field.language')}
          value={text('language') || ctx.locale}
          error={errorOf('language')}
          options={(['nb', 'nn', 'da', 'en'] as const).map((l) => ({ value: l, label: translate(ctx, `knowledge.language.${l}`) }))}
        />
        <TextField id="title" label={t('knowledge.field.title')} value={text('title')} error={errorOf('title')} />
        {seed ? (
          <SeedParts ctx={ctx} seed={seed.seed} values={values} errorOf={errorOf} lang={lang} />
        ) : (
          <>
            <TextArea id="problem" label={t('knowledge.field.problem')} value={text('problem')} error={errorOf('problem')} lang={lang} />
            <TextArea id="done" label={t('knowledge.field.done')} value={text('done')} error={errorOf('done')} lang={lang} rows={8} />
            <TextArea id="results" label={t('knowledge.field.results')} value={text('results')} error={errorOf('results')} lang={lang} />
          </>
        )}
        <Select
          id="phase"
          label={t('knowledge.field.phase')}
          value={text('phase')}
          error={errorOf('phase')}
          options={PHASES.map((p) => ({ value: p, label: translate(ctx, `knowledge.phase.${p}`) }))}
        />
        {seed ? (
          ''
        ) : (
          <>
            <Select
              id="country"
              label={t('knowledge.field.country')}
              value={text('country')}
              error={errorOf('country')}
              options={(['NO', 'DK'] as const).map((c) => ({ value: c, label: translate(ctx, `knowledge.country.${c}`) }))}
            />
            <TextArea
              id="municipalities"
              label={t('knowledge.field.municipalities')}
              help={t('knowledge.field.municipalitiesHelp')}
              value={text('municipalities')}
              error={errorOf('municipalities')}
              rows={4}
            />
            <TextField
              id="programme"
              label={t('knowledge.field.programme')}
              help={t('knowledge.field.programmeHelp')}
              value={text('programme')}
              error={errorOf('programme')}
            />
          </>
        )}
        <Select
          id="sector"
          label={t('knowledge.field.sector')}
          value={text('sector')}
          error={errorOf('sector')}
          options={SECTORS.map((s) => ({ value: s, label: translate(ctx, `knowledge.sector.${s}`) }))}
        />
        <fieldset class="ds-fieldset" id="themes">
          <legend class="ds-label" safe>
            {t('knowledge.field.themes')}
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
          {errorOf('themes') ? (
            <p class="ds-validation-message" data-color="danger" safe>
              {errorOf('themes')}
            </p>
          ) : (
            ''
          )}
        </fieldset>
        <TextField
          id="yearFrom"
          label={t('knowledge.field.yearFrom')}
          value={text('yearFrom')}
          error={errorOf('yearFrom')}
          inputmode="numeric"
          size={6}
        />
        <TextField
          id="yearTo"
          label={t('knowledge.field.yearTo')}
          value={text('yearTo')}
          error={errorOf('yearTo')}
          inputmode="numeric"
          size={6}
        />
        <TextArea
          id="partners"
          label={t('knowledge.field.partners')}
          help={t('knowledge.field.linesHelp')}
          value={text('partners')}
          error={errorOf('partners')}
          rows={3}
        />
        <TextArea
          id="contacts"
          label={t('knowledge.field.contacts')}
          help={t('knowledge.field.linesHelp')}
          value={text('contacts')}
          error={errorOf('contacts')}
          rows={3}
        />
        <TextArea
          id="links"
          label={t('knowledge.field.links')}
          help={t('knowledge.field.linksHelp')}
          value={text('links')}
          error={errorOf('links')}
          rows={3}
        />
        <TextField id="source" label={t('knowledge.field.source')} value={text('source')} error={errorOf('source')} />
        <button class="ds-button" type="submit" safe>
          {seed ? t('knowledge.seed.publish') : t('knowledge.edit.save')}
        </button>
      </form>
    </Layout>
  );
}

/** What the source fixes, then each of its parts: a box to make it public and its text to reword. */
function SeedParts({
  ctx,
  seed,
  values,
  errorOf,
  lang,
}: {
  ctx: PageContext;
  seed: CaseSeed;
  values: CaseFormValues;
  errorOf: (field: string) => string | undefined;
  lang: string | undefined;
}) {
  const { t } = ctx;
  const ticked = new Set(Array.isArray(values.public) ? values.public : values.public ? [values.public] : []);
  // A part's problem shows where its field's does ("write the problem" lands on the first part for the problem).
  const firstOf = new Map<string, string>();
  for (const part of seed.parts) if (!firstOf.has(part.field)) firstOf.set(part.field, part.key);
  return (
    <>
      <dl class="facts">
        <dt safe>{t('knowledge.facet.country')}</dt>
        <dd safe>{translate(ctx, `knowledge.country.${seed.country}`)}</dd>
        <dt safe>{t('knowledge.case.municipalities')}</dt>
        <dd safe>{seed.municipalities.map((m) => m.name).join(', ')}</dd>
        <dt safe>{t('knowledge.facet.programme')}</dt>
        <dd safe>{seed.programme ?? t('knowledge.case.notStated')}</dd>
      </dl>
      <fieldset class="ds-fieldset stack" id="public">
        <legend class="ds-heading" data-size="xs" safe>
          {t('knowledge.seed.parts')}
        </legend>
        <p class="ds-paragraph" safe>
          {t('knowledge.seed.partsHelp')}
        </p>
        {['problem', 'done', 'results'].map((field) =>
          firstOf.has(field) ? (
            ''
          ) : (
            <p class="ds-paragraph" id={field} safe>
              {translate(ctx, 'knowledge.seed.nothingFor', { field: translate(ctx, `knowledge.field.${field as 'problem'}`) })}
            </p>
          ),
        )}
        {seed.parts.map((part) => {
          const label = translate(ctx, `knowledge.seed.part.${part.key}`);
          const posted = values[`part-${part.key}`];
          return (
            <div class="stack" id={firstOf.get(part.field) === part.key ? part.field : undefined}>
              <Checkbox
                id={`public-${part.key}`}
                name="public"
                value={part.key}
                label={translate(ctx, 'knowledge.seed.makePublic', {
                  part: label,
                  field: translate(ctx, `knowledge.field.${part.field}`),
                })}
                checked={ticked.has(part.key)}
                error={firstOf.get(part.field) === part.key ? errorOf(part.field) : undefined}
              />
              <TextArea
                id={`part-${part.key}`}
                label={label}
                value={typeof posted === 'string' ? posted : part.text}
                lang={lang}
                rows={4}
              />
            </div>
          );
        })}
      </fieldset>
    </>
  );
}

/** A record that already has its case: where to find it (a 409 page). */
export function AlreadyMadePage({ ctx, item }: { ctx: PageContext; item: { slug: string; title: string; language: string } }) {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t('knowledge.seed.title')}
      crumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('knowledge.case.back'), href: `${bankPath(ctx)}?lang=${ctx.locale}` },
        { label: t('knowledge.seed.title') },
      ]}
    >
      <h1 class="ds-heading" data-size="lg" safe>
        {t('knowledge.seed.title')}
      </h1>
      <div class="ds-alert" data-color="warning" role="alert">
        <p class="ds-paragraph" safe>
          {t('knowledge.problem.alreadyMade')}
        </p>
        <p class="ds-paragraph">
          <a class="ds-link" href={casePath(ctx, item.slug)} lang={item.language} safe>
            {item.title}
          </a>
        </p>
      </div>
    </Layout>
  );
}
