/** The ideas box: the list with its filters, an idea's page with the receiver's answers, and the form to send one. */
import { formatDay, formatNumber } from '../../platform/i18n/index.js';
import { CsrfField, ErrorSummary, type FieldError, PageHeading, SuccessNotice } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Checkbox, Select, TextArea, TextField } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { TitledList } from './list.js';
import { translate } from '../../platform/ui/translate.js';
import { IDEA_THEMES, receiverKey, type IdeaSearch, type ReceiverKind } from '../ideas.model.js';
import type { IdeaComment, StoredIdea } from '../ideas.store.js';
import { ideaWorkflow, type IdeaState } from '../workflows.js';

export const IDEAS = '/ideer';
export const ideaPath = (id: string) => `${IDEAS}/${id}`;
const errorOf = (errors: readonly FieldError[], field: string) => errors.find((e) => e.field === field)?.message;

/** A receiver as a choice in a form: its name and what it is ("Oslo – kommune"). */
export interface ReceiverChoice {
  key: string;
  name: string;
  kind: ReceiverKind;
}

const receiverOptions = (ctx: PageContext, receivers: readonly ReceiverChoice[]) =>
  receivers.map((r) => ({ value: r.key, label: `${r.name} – ${translate(ctx, `participation.idea.kind.${r.kind}`)}` }));
const themeOptions = (ctx: PageContext) =>
  IDEA_THEMES.map((theme) => ({ value: theme, label: translate(ctx, `participation.idea.theme.${theme}`) }));

function StateTag({ ctx, state }: { ctx: PageContext; state: IdeaState }) {
  const color =
    state === 'taken_up' ? 'success' : state === 'refused' || state === 'hidden' || state === 'not_taken_up' ? 'danger' : 'neutral';
  return (
    <span class="ds-tag" data-color={color} safe>
      {ideaWorkflow.name(state, 'public', ctx.locale)}
    </span>
  );
}

function IdeaList({ ctx, id, title, ideas }: { ctx: PageContext; id: string; title: string; ideas: StoredIdea[] }) {
  const { t } = ctx;
  return (
    <TitledList
      ctx={ctx}
      id={id}
      title={title}
      none={t('participation.idea.list.none')}
      titleHeader={t('participation.idea.col.title')}
      pathOf={ideaPath}
      rows={ideas}
      columns={[
        { header: t('participation.idea.col.receiver'), text: (i) => i.receiverName },
        { header: t('participation.idea.col.theme'), text: (i) => translate(ctx, `participation.idea.theme.${i.theme}`) },
        { header: t('participation.idea.col.state'), cell: (i) => <StateTag ctx={ctx} state={i.state} /> },
        { header: t('participation.idea.col.supports'), text: (i) => formatNumber(ctx.locale, i.supports) },
      ]}
    />
  );
}

export function IdeasPage({
  ctx,
  receivers,
  search,
  published,
  waiting,
  mine,
  canSend,
  max,
}: {
  ctx: PageContext;
  receivers: ReceiverChoice[];
  search: IdeaSearch;
  published: StoredIdea[];
  waiting: StoredIdea[];
  mine: StoredIdea[];
  canSend: boolean;
  max: number;
}) {
  const { t } = ctx;
  const any = { value: '', label: t('participation.idea.filter.any') };
  return (
    <Layout
      ctx={ctx}
      title={t('participation.idea.title')}
      crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('participation.idea.title') }]}
    >
      <PageHeading title={t('participation.idea.title')} lead={t('participation.idea.lead')} />
      {canSend ? (
        <p class="ds-paragraph">
          <a class="ds-button" href={`${IDEAS}/ny?lang=${ctx.locale}`} safe>
            {t('participation.idea.new.link')}
          </a>
        </p>
      ) : (
        ''
      )}
      {waiting.length > 0 ? <IdeaList ctx={ctx} id="waiting" title={t('participation.idea.list.waiting')} ideas={waiting} /> : ''}
      {mine.length > 0 ? <IdeaList ctx={ctx} id="mine" title={t('participation.idea.list.mine')} ideas={mine} /> : ''}
      <section aria-labelledby="find">
        <h2 class="ds-heading" data-size="sm" id="find" safe>
          {t('participation.idea.filter.title')}
        </h2>
        <form method="get" action={IDEAS}>
          <input type="hidden" name="lang" value={ctx.locale} />
          <TextField id="q" label={t('participation.idea.filter.q')} value={search.q ?? ''} type="search" />
          <Select
            id="mottaker"
            label={t('participation.idea.field.receiver')}
            value={search.receiver ? receiverKey(search.receiver) : ''}
            options={[any, ...receiverOptions(ctx, receivers)]}
          />
          <Select id="tema" label={t('participation.idea.field.theme')} value={search.theme ?? ''} options={[any, ...themeOptions(ctx)]} />
          <Select
            id="status"
            label={t('participation.idea.filter.state')}
            value={search.state ?? ''}
            options={[
              any,
              ...ideaWorkflow.states
                .filter((s) => ideaWorkflow.isIn('public', s))
                .map((s) => ({ value: s, label: ideaWorkflow.name(s, 'public', ctx.locale) })),
            ]}
          />
          <button class="ds-button" data-variant="secondary" type="submit" safe>
            {t('participation.idea.filter.submit')}
          </button>
        </form>
      </section>
      <IdeaList ctx={ctx} id="published" title={t('participation.idea.list.title')} ideas={published} />
      <p class="ds-paragraph" data-size="sm" safe>
        {t('participation.idea.list.source', { max })}
      </p>
    </Layout>
  );
}

/** What the visitor may do on an idea's page, decided by the routes. */
export interface IdeaOffer {
  support: boolean;
  supported: boolean;
  signIn: boolean;
  /** The receiver's people: moderate, answer, comment, hide. */
  answer: boolean;
}

export function IdeaPage({
  ctx,
  idea,
  comments,
  lookAlikes,
  offer,
  notice,
  errors,
}: {
  ctx: PageContext;
  idea: StoredIdea;
  comments: IdeaComment[];
  lookAlikes: { id: string; title: string }[];
  offer: IdeaOffer;
  notice?: string | undefined;
  errors: FieldError[];
}) {
  const { t } = ctx;
  const author = idea.anonymous ? t('participation.idea.detail.anonymous') : idea.authorName;
  return (
    <Layout
      ctx={ctx}
      title={idea.title}
      crumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('participation.idea.title'), href: `${IDEAS}?lang=${ctx.locale}` },
        { label: idea.title },
      ]}
    >
      <PageHeading title={idea.title} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <SuccessNotice text={notice} />
      <p class="ds-paragraph">
        <StateTag ctx={ctx} state={idea.state} />{' '}
        <span safe>
          {`${translate(ctx, `participation.idea.theme.${idea.theme}`)}. ${t('participation.idea.detail.sent', {
            date: formatDay(ctx.locale, idea.createdAt.toISOString().slice(0, 10)),
            receiver: idea.receiverName,
            author,
          })}`}
        </span>
      </p>
      {idea.anonymous && offer.answer ? (
        <p class="ds-paragraph" data-size="sm" safe>
          {`${t('participation.idea.detail.anonymousNote')} ${idea.authorName}`}
        </p>
      ) : (
        ''
      )}
      <p class="ds-paragraph prewrap" safe>
        {idea.description}
      </p>
      <Outcome ctx={ctx} idea={idea} />
      {ideaWorkflow.isIn('public', idea.state) ? (
        <section aria-labelledby="support">
          <p class="ds-paragraph" data-size="lg" id="support" safe>
            {t('participation.idea.detail.supports', { supports: formatNumber(ctx.locale, idea.supports) })}
          </p>
          <p class="ds-paragraph" data-size="sm" safe>
            {t('participation.idea.detail.supportsSource')}
          </p>
        </section>
      ) : (
        ''
      )}
      <div id="actions">
        {offer.support ? (
          <form method="post" action={`${ideaPath(idea.id)}/stott?lang=${ctx.locale}`}>
            <CsrfField ctx={ctx} />
            <button class="ds-button" type="submit" safe>
              {t('participation.idea.detail.support')}
            </button>
          </form>
        ) : (
          ''
        )}
        {offer.supported ? (
          <p class="ds-paragraph" safe>
            {t('participation.idea.detail.supported')}
          </p>
        ) : (
          ''
        )}
        {offer.signIn ? (
          <p class="ds-paragraph">
            <a class="ds-link" href={`/login?returnTo=${encodeURIComponent(`${ideaPath(idea.id)}?lang=${ctx.locale}`)}`} safe>
              {t('participation.idea.detail.signIn')}
            </a>
          </p>
        ) : (
          ''
        )}
      </div>
      {ideaWorkflow.isIn('public', idea.state) ? (
        <section aria-labelledby="comments">
          <h2 class="ds-heading" data-size="xs" id="comments" safe>
            {t('participation.idea.detail.comments')}
          </h2>
          {comments.length === 0 ? (
            <p class="ds-paragraph" safe>
              {t('participation.idea.detail.noComments')}
            </p>
          ) : (
            <ul class="ds-list">
              {comments.map((c) => (
                <li>
                  <p
                    class="ds-paragraph"
                    data-size="sm"
                    safe
                  >{`${c.organisationName}, ${formatDay(ctx.locale, c.createdAt.toISOString().slice(0, 10))}`}</p>
                  <p class="ds-paragraph prewrap" safe>
                    {c.body}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : (
        ''
      )}
      {offer.answer ? <Answer ctx={ctx} idea={idea} lookAlikes={lookAlikes} errors={errors} /> : ''}
    </Layout>
  );
}

function Outcome({ ctx, idea }: { ctx: PageContext; idea: StoredIdea }) {
  const { t } = ctx;
  if (idea.state === 'taken_up' && idea.outcomeUrl)
    return (
      <p class="ds-paragraph">
        <span safe>{t('participation.idea.detail.takenUp')}</span>{' '}
        <a class="ds-link" href={idea.outcomeUrl} safe>
          {idea.outcomeTitle ?? idea.outcomeUrl}
        </a>
      </p>
    );
  const text =
    idea.state === 'not_taken_up'
      ? t('participation.idea.detail.notTakenUp', { reason: idea.answer ?? '' })
      : idea.state === 'refused'
        ? t('participation.idea.detail.refused', { reason: idea.answer ?? '' })
        : idea.state === 'hidden'
          ? t('participation.idea.detail.hidden')
          : '';
  return text ? (
    <p class="ds-paragraph" safe>
      {text}
    </p>
  ) : (
    ''
  );
}

/** The receiver's forms: moderation while the idea waits, then comments, the decision and hiding. */
function Answer({
  ctx,
  idea,
  lookAlikes,
  errors,
}: {
  ctx: PageContext;
  idea: StoredIdea;
  lookAlikes: { id: string; title: string }[];
  errors: FieldError[];
}) {
  const { t } = ctx;
  const action = (verb: string) => `${ideaPath(idea.id)}/${verb}?lang=${ctx.locale}`;
  const version = <input type="hidden" name="version" value={String(idea.version)} />;
  const can = (a: Parameters<typeof ideaWorkflow.can>[1]) => ideaWorkflow.can(idea.state, a);
  const button = (label: string, secondary = false) => (
    <button class="ds-button" data-variant={secondary ? 'secondary' : undefined} type="submit" safe>
      {label}
    </button>
  );
  return (
    <section aria-labelledby="answer">
      <h2 class="ds-heading" data-size="sm" id="answer" safe>
        {t('participation.idea.answer.title')}
      </h2>
      {idea.state === 'submitted' ? (
        <>
          <h3 class="ds-heading" data-size="xs" safe>
            {t('participation.idea.answer.lookAlikes')}
          </h3>
          {lookAlikes.length === 0 ? (
            <p class="ds-paragraph" safe>
              {t('participation.idea.answer.noLookAlikes')}
            </p>
          ) : (
            <ul class="ds-list">
              {lookAlikes.map((l) => (
                <li>
                  <a class="ds-link" href={`${ideaPath(l.id)}?lang=${ctx.locale}`} safe>
                    {l.title}
                  </a>
                </li>
              ))}
            </ul>
          )}
          <form method="post" action={action('publiser')}>
            <CsrfField ctx={ctx} />
            {version}
            {button(t('participation.idea.answer.publish'))}
          </form>
          <form method="post" action={action('avvis')}>
            <CsrfField ctx={ctx} />
            {version}
            <TextArea
              id="refuseReason"
              label={t('participation.idea.answer.reason')}
              value=""
              rows={3}
              error={errorOf(errors, 'refuseReason')}
            />
            {button(t('participation.idea.answer.refuse'), true)}
          </form>
        </>
      ) : (
        ''
      )}
      {ideaWorkflow.isIn('public', idea.state) ? (
        <form method="post" action={action('kommentar')}>
          <CsrfField ctx={ctx} />
          <TextArea id="comment" label={t('participation.idea.answer.comment')} value="" rows={3} error={errorOf(errors, 'comment')} />
          {button(t('participation.idea.answer.commentSubmit'), true)}
        </form>
      ) : (
        ''
      )}
      {can('consider') ? (
        <form method="post" action={action('vurder')}>
          <CsrfField ctx={ctx} />
          {version}
          {button(t('participation.idea.answer.consider'), true)}
        </form>
      ) : (
        ''
      )}
      {can('takeUp') ? (
        <form method="post" action={action('tatt-i-bruk')}>
          <h3 class="ds-heading" data-size="xs" safe>
            {t('participation.idea.answer.takeUpTitle')}
          </h3>
          <CsrfField ctx={ctx} />
          {version}
          <TextField
            id="linkUrl"
            label={t('participation.idea.answer.linkUrl')}
            help={t('participation.idea.answer.linkUrlHelp')}
            value=""
            error={errorOf(errors, 'linkUrl')}
          />
          <TextField id="linkTitle" label={t('participation.idea.answer.linkTitle')} value="" error={errorOf(errors, 'linkTitle')} />
          {button(t('participation.idea.answer.takeUp'))}
        </form>
      ) : (
        ''
      )}
      {can('notTakeUp') ? (
        <form method="post" action={action('ikke-tatt-i-bruk')}>
          <h3 class="ds-heading" data-size="xs" safe>
            {t('participation.idea.answer.notTakeUpTitle')}
          </h3>
          <CsrfField ctx={ctx} />
          {version}
          <TextArea
            id="notTakeUpReason"
            label={t('participation.idea.answer.reason')}
            value=""
            rows={3}
            error={errorOf(errors, 'notTakeUpReason')}
          />
          {button(t('participation.idea.answer.notTakeUp'), true)}
        </form>
      ) : (
        ''
      )}
      {can('hide') ? (
        <form method="post" action={action('skjul')}>
          <h3 class="ds-heading" data-size="xs" safe>
            {t('participation.idea.answer.hideTitle')}
          </h3>
          <p class="ds-paragraph" data-size="sm" safe>
            {t('participation.idea.answer.hideHelp')}
          </p>
          <CsrfField ctx={ctx} />
          {version}
          <TextArea id="hideReason" label={t('participation.idea.answer.reason')} value="" rows={2} error={errorOf(errors, 'hideReason')} />
          {button(t('participation.idea.answer.hide'), true)}
        </form>
      ) : (
        ''
      )}
    </section>
  );
}

export function NewIdeaPage({
  ctx,
  receivers,
  values,
  errors,
}: {
  ctx: PageContext;
  receivers: ReceiverChoice[];
  values: Record<string, string>;
  errors: FieldError[];
}) {
  const { t } = ctx;
  const title = t('participation.idea.new.title');
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('participation.idea.title'), href: `${IDEAS}?lang=${ctx.locale}` },
        { label: title },
      ]}
    >
      <PageHeading title={title} lead={t('participation.idea.new.lead')} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`${IDEAS}/ny?lang=${ctx.locale}`}>
        <CsrfField ctx={ctx} />
        <Select
          id="receiver"
          label={t('participation.idea.field.receiver')}
          value={values.receiver ?? ''}
          options={[{ value: '', label: t('participation.idea.field.choose') }, ...receiverOptions(ctx, receivers)]}
          error={errorOf(errors, 'receiver')}
        />
        <Select
          id="theme"
          label={t('participation.idea.field.theme')}
          value={values.theme ?? ''}
          options={[{ value: '', label: t('participation.idea.field.choose') }, ...themeOptions(ctx)]}
          error={errorOf(errors, 'theme')}
        />
        <TextField id="title" label={t('participation.idea.field.title')} value={values.title ?? ''} error={errorOf(errors, 'title')} />
        <TextArea
          id="description"
          label={t('participation.idea.field.description')}
          value={values.description ?? ''}
          rows={8}
          error={errorOf(errors, 'description')}
        />
        <Checkbox
          id="anonymous"
          name="anonymous"
          value="yes"
          label={t('participation.idea.field.anonymous')}
          checked={values.anonymous === 'yes'}
        />
        <button class="ds-button" type="submit" safe>
          {t('participation.idea.new.submit')}
        </button>
      </form>
    </Layout>
  );
}
