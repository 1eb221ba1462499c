import { CsrfField, ErrorSummary, PageHeading, type FieldError, SuccessNotice } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Layout } from '../../platform/ui/layout.js';
import type { CallQuestion, QuestionStatus } from '../questions.js';
import { questionWorkflow } from '../workflows.js';
import type { StoredCall } from '../store/calls.js';
import { TextArea } from '../../platform/ui/fields.js';
import { formatInstant } from '../../platform/i18n/index.js';

/** The public list of published questions and answers, in order, with dates in the call's time zone. */
export function PublicQuestions({ ctx, call, questions }: { ctx: PageContext; call: StoredCall; questions: CallQuestion[] }) {
  const { t } = ctx;
  const zone = call.content.timeZone;
  return (
    <section aria-labelledby="qa-heading" id="qa">
      <h2 class="ds-heading" data-size="md" id="qa-heading" safe>
        {t('programmes.qa.title')}
      </h2>
      {questions.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('programmes.qa.none')}
        </p>
      ) : (
        ''
      )}
      <ol class="qa-list">
        {questions.map((entry) => {
          const updated = entry.updatedAt !== entry.publishedAt && Date.parse(entry.updatedAt) > Date.parse(entry.publishedAt!) + 60_000;
          return (
            <li class="qa-entry" id={`qa-${entry.id}`}>
              <h3 class="ds-heading" data-size="xs" lang={call.content.language} safe>
                {entry.question}
              </h3>
              <p class="ds-paragraph" data-size="sm">
                <time datetime={entry.publishedAt!} safe>
                  {updated
                    ? t('programmes.qa.updatedAt', {
                        time: formatInstant(ctx.locale, entry.publishedAt!, zone),
                        updated: formatInstant(ctx.locale, entry.updatedAt, zone),
                      })
                    : t('programmes.qa.publishedAt', { time: formatInstant(ctx.locale, entry.publishedAt!, zone) })}
                </time>
              </p>
              <div lang={call.content.language}>
                {entry.answer.split(/\n\s*\n/).map((paragraph) => (
                  <p class="ds-paragraph" safe>
                    {paragraph}
                  </p>
                ))}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** A signed-in case worker's question to the owner. */
export function AskQuestion({
  ctx,
  call,
  value,
  error,
  sent,
}: {
  ctx: PageContext;
  call: StoredCall;
  value: string;
  error: string | undefined;
  sent: boolean;
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="ask-heading" id="ask">
      <h3 class="ds-heading" data-size="sm" id="ask-heading" safe>
        {t('programmes.qa.ask.title')}
      </h3>
      <SuccessNotice text={sent ? t('programmes.qa.ask.sent') : undefined} />
      <form method="post" action={`/utlysninger/${call.id}/sporsmal?lang=${ctx.locale}#ask`} novalidate>
        <CsrfField ctx={ctx} />
        <TextArea
          id="question"
          label={t('programmes.qa.ask.label')}
          help={t('programmes.qa.ask.lead')}
          value={value}
          error={error}
          rows={4}
        />
        <button class="ds-button" type="submit" safe>
          {t('programmes.qa.ask.submit')}
        </button>
      </form>
    </section>
  );
}

const stateName = (ctx: PageContext, status: QuestionStatus) => questionWorkflow.name(status, 'staff', ctx.locale);

function QuestionList({
  ctx,
  call,
  entries,
  heading,
  id,
}: {
  ctx: PageContext;
  call: StoredCall;
  entries: CallQuestion[];
  heading: string;
  id: string;
}) {
  const { t } = ctx;
  const zone = call.content.timeZone;
  return (
    <section aria-labelledby={id}>
      <h2 class="ds-heading" data-size="sm" id={id} safe>{`${heading} (${entries.length})`}</h2>
      {entries.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('programmes.qa.owner.empty')}
        </p>
      ) : (
        ''
      )}
      <ul class="ds-list">
        {entries.map((entry) => (
          <li>
            <a class="ds-link" href={`/eier/sporsmal/${entry.id}?lang=${ctx.locale}`} safe>
              {t('programmes.qa.owner.edit', {
                question: entry.question.length > 120 ? `${entry.question.slice(0, 120)}…` : entry.question,
              })}
            </a>
            <br />
            <span class="muted" safe>
              {entry.askedByName
                ? t('programmes.qa.owner.askedBy', {
                    name: entry.askedByName,
                    municipality: entry.askedByMunicipality ?? '–',
                    time: formatInstant(ctx.locale, entry.askedAt, zone),
                  })
                : t('programmes.qa.owner.byOwner', { time: formatInstant(ctx.locale, entry.askedAt, zone) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The owner's questions and answers of a call: unanswered first, then published and hidden, and a form for a new entry. */
export function OwnerQuestionsPage({
  ctx,
  call,
  questions,
  values,
  errors,
}: {
  ctx: PageContext;
  call: StoredCall;
  questions: CallQuestion[];
  values: { question: string; answer: string };
  errors: FieldError[];
}) {
  const { t } = ctx;
  const title = `${t('programmes.qa.owner.title')}: ${call.content.title}`;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const of = (status: QuestionStatus) => questions.filter((q) => q.status === status);
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { label: t('programmes.owner.title'), href: `/eier?lang=${ctx.locale}` },
        { label: call.content.title, href: `/eier/utlysninger/${call.id}?lang=${ctx.locale}` },
        { label: t('programmes.qa.owner.title') },
      ]}
    >
      <PageHeading title={title} lead={t('programmes.qa.owner.lead')} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <QuestionList ctx={ctx} call={call} entries={of('asked')} heading={stateName(ctx, 'asked')} id="asked-heading" />
      <QuestionList ctx={ctx} call={call} entries={of('published')} heading={stateName(ctx, 'published')} id="published-heading" />
      <QuestionList ctx={ctx} call={call} entries={of('unpublished')} heading={stateName(ctx, 'unpublished')} id="unpublished-heading" />
      <section aria-labelledby="new-heading">
        <h2 class="ds-heading" data-size="sm" id="new-heading" safe>
          {t('programmes.qa.owner.new')}
        </h2>
        <form method="post" action={`/eier/utlysninger/${call.id}/sporsmal?lang=${ctx.locale}`} novalidate>
          <CsrfField ctx={ctx} />
          <TextArea
            id="question"
            label={t('programmes.qa.question')}
            value={values.question}
            error={error('question')}
            rows={3}
            lang={call.content.language}
          />
          <TextArea
            id="answer"
            label={t('programmes.qa.answer')}
            value={values.answer}
            error={error('answer')}
            rows={6}
            lang={call.content.language}
          />
          <div class="button-row">
            <button class="ds-button" type="submit" name="action" value="publish" safe>
              {t('programmes.qa.action.createPublish')}
            </button>
            <button class="ds-button" data-variant="secondary" type="submit" name="action" value="save" safe>
              {t('programmes.qa.action.create')}
            </button>
          </div>
        </form>
      </section>
      <p class="ds-paragraph">
        <a class="ds-link" href={`/eier/utlysninger/${call.id}?lang=${ctx.locale}`} safe>
          {t('programmes.qa.owner.back')}
        </a>
      </p>
    </Layout>
  );
}

/** One entry: the asker (owner only), the texts, and save, publish or remove; a stale version keeps what was typed. */
export function QuestionEditPage(props: {
  ctx: PageContext;
  call: StoredCall;
  entry: CallQuestion;
  values: { question: string; answer: string };
  errors: FieldError[];
  notice?: string | undefined;
  conflict?: boolean;
}) {
  const { ctx, call, entry, values, errors } = props;
  const { t } = ctx;
  const zone = call.content.timeZone;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const title = t('programmes.qa.owner.title');
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { label: t('programmes.owner.title'), href: `/eier?lang=${ctx.locale}` },
        { label: call.content.title, href: `/eier/utlysninger/${call.id}?lang=${ctx.locale}` },
        { label: t('programmes.qa.owner.title'), href: `/eier/utlysninger/${call.id}/sporsmal?lang=${ctx.locale}` },
        { label: stateName(ctx, entry.status) },
      ]}
    >
      <PageHeading title={title} />
      <p class="ds-paragraph">
        <span class="ds-tag" data-color={entry.status === 'published' ? 'success' : 'neutral'} safe>
          {stateName(ctx, entry.status)}
        </span>{' '}
        <span safe>
          {entry.askedByName
            ? t('programmes.qa.owner.askedBy', {
                name: entry.askedByName,
                municipality: entry.askedByMunicipality ?? '–',
                time: formatInstant(ctx.locale, entry.askedAt, zone),
              })
            : t('programmes.qa.owner.byOwner', { time: formatInstant(ctx.locale, entry.askedAt, zone) })}
        </span>
      </p>
      <SuccessNotice text={props.notice} />
      {props.conflict ? (
        <div class="ds-alert" data-color="warning" role="alert" id="conflict">
          <p class="ds-paragraph" safe>
            {t('programmes.qa.conflict', { version: entry.version })}
          </p>
        </div>
      ) : (
        ''
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`/eier/sporsmal/${entry.id}?lang=${ctx.locale}`} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(entry.version)} />
        <TextArea
          id="question"
          label={t('programmes.qa.question')}
          help={t('programmes.qa.owner.anonymous')}
          value={values.question}
          error={error('question')}
          rows={3}
          lang={call.content.language}
        />
        <TextArea
          id="answer"
          label={t('programmes.qa.answer')}
          value={values.answer}
          error={error('answer')}
          rows={8}
          lang={call.content.language}
        />
        <div class="button-row" id="status">
          <button class="ds-button" type="submit" name="action" value="edit" safe>
            {t('programmes.qa.action.edit')}
          </button>
          {entry.status !== 'published' ? (
            <button class="ds-button" type="submit" name="action" value="publish" safe>
              {t('programmes.qa.action.publish')}
            </button>
          ) : (
            ''
          )}
          {entry.status !== 'unpublished' ? (
            <button class="ds-button" data-variant="secondary" type="submit" name="action" value="unpublish" safe>
              {t('programmes.qa.action.unpublish')}
            </button>
          ) : (
            ''
          )}
        </div>
      </form>
    </Layout>
  );
}
