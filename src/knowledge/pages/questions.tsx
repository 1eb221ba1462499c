/** The competence centre's questions and answers: the public list, the asker's form and list, the advisers' list. */
import { CsrfField, ErrorSummary, PageHeading, SuccessNotice, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Checkbox, Select, TextArea, TextField } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { translate } from '../../platform/ui/translate.js';
import { SECTORS, THEMES } from '../model.js';
import { questionWorkflow } from '../questions.js';
import type { StoredQuestion } from '../questions.store.js';
import { bankPath, casePath, DIRECTORY_PATHS, QUESTION_PATHS } from './search.js';

const ASK = '/kunnskapsbank/sporsmal/ny';
const MINE = '/kunnskapsbank/sporsmal/mine';
const OPEN = '/kunnskapsbank/sporsmal/apne';

export interface CaseChoice {
  slug: string;
  title: string;
  language: string;
}

function Crumbs(ctx: PageContext, title: string) {
  return [
    { label: ctx.t('nav.home'), href: '/' },
    { label: ctx.t('knowledge.search.title'), href: `${bankPath(ctx)}?lang=${ctx.locale}` },
    { label: ctx.t('knowledge.q.title'), href: `${QUESTION_PATHS[ctx.locale]}?lang=${ctx.locale}` },
    { label: title },
  ];
}

/** The question and, when there is one, the answer with the cases it refers to. */
function QuestionBody({
  ctx,
  question,
  cases,
  entries,
}: {
  ctx: PageContext;
  question: StoredQuestion;
  cases: ReadonlyMap<string, CaseChoice>;
  entries: ReadonlyMap<string, EntryChoice>;
}) {
  const linked = question.caseSlugs.map((slug) => cases.get(slug)).filter((c): c is CaseChoice => c !== undefined);
  const actors = question.directorySlugs.map((slug) => entries.get(slug)).filter((e): e is EntryChoice => e !== undefined);
  return (
    <>
      <p class="ds-paragraph question-text" safe>
        {question.question}
      </p>
      {question.state === 'asked' ? (
        <p class="ds-paragraph" safe>
          {ctx.t('knowledge.q.noAnswer')}
        </p>
      ) : (
        <>
          <h3 class="ds-heading" data-size="2xs" safe>
            {ctx.t('knowledge.q.answerHeading')}
          </h3>
          <p class="ds-paragraph question-text" safe>
            {question.answer}
          </p>
          {linked.length > 0 ? (
            <>
              <p class="ds-paragraph" safe>
                {ctx.t('knowledge.q.seeAlso')}
              </p>
              <ul>
                {linked.map((c) => (
                  <li>
                    <a class="ds-link" href={casePath(ctx, c.slug)} lang={c.language} safe>
                      {c.title}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            ''
          )}
          {actors.length > 0 ? (
            <>
              <p class="ds-paragraph" safe>
                {ctx.t('knowledge.dir.q.seeAlso')}
              </p>
              <ul>
                {actors.map((e) => (
                  <li>
                    <a class="ds-link" href={`${DIRECTORY_PATHS[ctx.locale]}/${e.slug}?lang=${ctx.locale}`} lang={e.language} safe>
                      {e.name}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            ''
          )}
        </>
      )}
    </>
  );
}

const caseMap = (cases: readonly CaseChoice[]) => new Map(cases.map((c) => [c.slug, c]));

/** An actor or a scheme of the directory an answer may refer to. */
export interface EntryChoice {
  slug: string;
  name: string;
  language: string;
}

export function PublishedQuestionsPage({
  ctx,
  questions,
  cases,
  entries,
  canAsk,
  canAnswer,
}: {
  ctx: PageContext;
  questions: readonly StoredQuestion[];
  cases: readonly CaseChoice[];
  entries: readonly EntryChoice[];
  canAsk: boolean;
  canAnswer: boolean;
}) {
  const { t } = ctx;
  const byslug = caseMap(cases);
  const bySlug = new Map(entries.map((e) => [e.slug, e]));
  return (
    <Layout
      ctx={ctx}
      title={t('knowledge.q.title')}
      crumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('knowledge.search.title'), href: `${bankPath(ctx)}?lang=${ctx.locale}` },
        { label: t('knowledge.q.title') },
      ]}
    >
      <PageHeading title={t('knowledge.q.title')} lead={t('knowledge.q.lead')} />
      <p>
        <a class="ds-link" href={`${DIRECTORY_PATHS[ctx.locale]}?lang=${ctx.locale}`} safe>
          {t('knowledge.dir.link')}
        </a>
      </p>
      {canAsk || canAnswer ? (
        <ul>
          {canAsk ? (
            <>
              <li>
                <a class="ds-link" href={`${ASK}?lang=${ctx.locale}`} safe>
                  {t('knowledge.q.ask')}
                </a>
              </li>
              <li>
                <a class="ds-link" href={`${MINE}?lang=${ctx.locale}`} safe>
                  {t('knowledge.q.mine')}
                </a>
              </li>
            </>
          ) : (
            ''
          )}
          {canAnswer ? (
            <li>
              <a class="ds-link" href={`${OPEN}?lang=${ctx.locale}`} safe>
                {t('knowledge.q.open')}
              </a>
            </li>
          ) : (
            ''
          )}
        </ul>
      ) : (
        ''
      )}
      {questions.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('knowledge.q.none')}
        </p>
      ) : (
        questions.map((question) => (
          <article class="ds-card" data-variant="tinted" id={`q-${question.id}`}>
            <h2 class="ds-heading" data-size="xs" safe>
              {question.title}
            </h2>
            <QuestionBody ctx={ctx} question={question} cases={byslug} entries={bySlug} />
          </article>
        ))
      )}
      <p class="ds-paragraph source" data-size="sm" safe>
        {t('knowledge.q.source')}
      </p>
    </Layout>
  );
}

export interface AskValues {
  title: string;
  question: string;
  sector: string;
  theme: string;
  mayPublish: boolean;
}

export function AskPage({ ctx, values, errors }: { ctx: PageContext; values: AskValues; errors: FieldError[] }) {
  const { t } = ctx;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const none = { value: '', label: t('knowledge.q.field.none') };
  return (
    <Layout ctx={ctx} title={t('knowledge.q.ask')} crumbs={Crumbs(ctx, t('knowledge.q.ask'))}>
      <PageHeading title={t('knowledge.q.ask')} lead={t('knowledge.q.askLead')} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`${ASK}?lang=${ctx.locale}`} novalidate>
        <CsrfField ctx={ctx} />
        <TextField id="title" label={t('knowledge.q.field.title')} value={values.title} error={error('title')} />
        <TextArea id="question" label={t('knowledge.q.field.question')} value={values.question} rows={8} error={error('question')} />
        <Select
          id="sector"
          label={t('knowledge.q.field.sector')}
          value={values.sector}
          error={error('sector')}
          options={[none, ...SECTORS.map((s) => ({ value: s, label: translate(ctx, `knowledge.sector.${s}`) }))]}
        />
        <Select
          id="theme"
          label={t('knowledge.q.field.theme')}
          value={values.theme}
          error={error('theme')}
          options={[none, ...THEMES.map((s) => ({ value: s, label: translate(ctx, `knowledge.theme.${s}`) }))]}
        />
        <Checkbox id="mayPublish" name="mayPublish" value="yes" label={t('knowledge.q.field.mayPublish')} checked={values.mayPublish} />
        <button class="ds-button" type="submit" safe>
          {t('knowledge.q.send')}
        </button>
      </form>
    </Layout>
  );
}

export function MyQuestionsPage({
  ctx,
  questions,
  cases,
  entries,
  notice,
}: {
  ctx: PageContext;
  questions: readonly StoredQuestion[];
  cases: readonly CaseChoice[];
  entries: readonly EntryChoice[];
  notice: string | undefined;
}) {
  const { t } = ctx;
  const byslug = caseMap(cases);
  const bySlug = new Map(entries.map((e) => [e.slug, e]));
  return (
    <Layout ctx={ctx} title={t('knowledge.q.mine')} crumbs={Crumbs(ctx, t('knowledge.q.mine'))}>
      <SuccessNotice text={notice} />
      <PageHeading title={t('knowledge.q.mine')} />
      <p class="ds-paragraph">
        <a class="ds-link" href={`${ASK}?lang=${ctx.locale}`} safe>
          {t('knowledge.q.ask')}
        </a>
      </p>
      {questions.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('knowledge.q.noneMine')}
        </p>
      ) : (
        questions.map((question) => (
          <article class="ds-card">
            <h2 class="ds-heading" data-size="xs" safe>
              {question.title}
            </h2>
            <p class="ds-paragraph" data-size="sm" safe>
              {t('knowledge.q.state', { state: questionWorkflow.name(question.state, 'public', ctx.locale) })}
            </p>
            <QuestionBody ctx={ctx} question={question} cases={byslug} entries={bySlug} />
          </article>
        ))
      )}
    </Layout>
  );
}

export function OpenQuestionsPage({
  ctx,
  questions,
  cases,
  entries,
  notice,
  errors,
}: {
  ctx: PageContext;
  questions: readonly StoredQuestion[];
  cases: readonly CaseChoice[];
  entries: readonly EntryChoice[];
  notice: string | undefined;
  errors: FieldError[];
}) {
  const { t } = ctx;
  const byslug = caseMap(cases);
  const bySlug = new Map(entries.map((e) => [e.slug, e]));
  return (
    <Layout ctx={ctx} title={t('knowledge.q.open')} crumbs={Crumbs(ctx, t('knowledge.q.open'))}>
      <SuccessNotice text={notice} />
      <PageHeading title={t('knowledge.q.open')} />
      <ErrorSummary ctx={ctx} errors={errors} />
      {questions.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('knowledge.q.noneOpen')}
        </p>
      ) : (
        questions.map((question) => {
          const answerId = `answer-${question.id}`;
          return (
            <article class="ds-card" aria-labelledby={`q-${question.id}`}>
              <h2 class="ds-heading" data-size="xs" id={`q-${question.id}`} safe>
                {question.title}
              </h2>
              <p class="ds-paragraph" data-size="sm" safe>
                {t('knowledge.q.askedBy', { name: question.askedByName, organisation: question.organisationName })}
              </p>
              <p class="ds-paragraph" data-size="sm" safe>
                {t('knowledge.q.state', { state: questionWorkflow.name(question.state, 'staff', ctx.locale) })}
              </p>
              <p class="ds-paragraph" data-size="sm" safe>
                {t(question.mayPublish ? 'knowledge.q.consentYes' : 'knowledge.q.consentNo')}
              </p>
              <QuestionBody ctx={ctx} question={question} cases={byslug} entries={bySlug} />
              <form method="post" action={`/kunnskapsbank/sporsmal/${question.id}/svar?lang=${ctx.locale}`}>
                <CsrfField ctx={ctx} />
                <input type="hidden" name="version" value={String(question.version)} />
                <TextArea
                  id={answerId}
                  label={t('knowledge.q.field.answer')}
                  value={question.answer}
                  rows={6}
                  error={errors.find((e) => e.field === answerId)?.message}
                />
                <fieldset class="ds-fieldset">
                  <legend class="ds-label" safe>
                    {t('knowledge.q.field.cases')}
                  </legend>
                  {cases.map((c, i) => (
                    <Checkbox
                      id={`case-${question.id}-${i}`}
                      name="cases"
                      value={c.slug}
                      label={c.title}
                      checked={question.caseSlugs.includes(c.slug)}
                    />
                  ))}
                </fieldset>
                {entries.length > 0 ? (
                  <fieldset class="ds-fieldset">
                    <legend class="ds-label" safe>
                      {t('knowledge.dir.q.field')}
                    </legend>
                    {entries.map((e, i) => (
                      <Checkbox
                        id={`entry-${question.id}-${i}`}
                        name="directory"
                        value={e.slug}
                        label={e.name}
                        checked={question.directorySlugs.includes(e.slug)}
                      />
                    ))}
                  </fieldset>
                ) : (
                  ''
                )}
                <button class="ds-button" type="submit" safe>
                  {t('knowledge.q.sendAnswer')}
                </button>
              </form>
              {question.state === 'answered' && question.mayPublish ? (
                <form method="post" action={`/kunnskapsbank/sporsmal/${question.id}/publiser?lang=${ctx.locale}`}>
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="version" value={String(question.version)} />
                  <button class="ds-button" data-variant="secondary" type="submit" safe>
                    {t('knowledge.q.publish')}
                  </button>
                </form>
              ) : (
                ''
              )}
            </article>
          );
        })
      )}
    </Layout>
  );
}
