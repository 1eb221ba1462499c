import { formatNumber } from '../../platform/i18n/index.js';
import { Layout } from '../../platform/ui/layout.js';
import { PageHeading } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import type { CheckedNetwork } from '../eligibility.js';
import { callPhase, currentRound, oneApplicationPerRound, type CallContent, type CallPhase } from '../model.js';
import type { EligibilityRule } from '../rules.js';
import { explanationText, ruleText } from '../rule-texts.js';
import type { ChangeLogEntry, StoredCall } from '../store/calls.js';
import type { MunicipalitySummary } from '../../registry/index.js';
import { formatDay, formatInstant } from '../../platform/i18n/index.js';
import { DataTable, ScrollRegion } from '../../platform/ui/table.js';
import { translate } from '../../platform/ui/translate.js';
import { fieldNames } from './parts.js';
import type { CallQuestion } from '../questions.js';
import { AskQuestion, PublicQuestions } from './questions.js';

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

export interface ListFilter {
  q: string;
  country: string;
  owner: string;
  theme: string;
  status: string;
}

export function CallListPage({
  ctx,
  calls,
  all,
  filter,
  now,
  path,
}: {
  ctx: PageContext;
  calls: StoredCall[];
  all: StoredCall[];
  filter: ListFilter;
  now: Date;
  path: string;
}) {
  const { t } = ctx;
  const owners = [...new Set(all.map((c) => c.programme.ownerName))].sort((a, b) => a.localeCompare(b, 'nb'));
  const themes = [...new Set(all.flatMap((c) => c.content.themes))].sort((a, b) => a.localeCompare(b, 'nb'));
  const canOwn = ctx.principal?.roles.has('programme_owner') || ctx.principal?.roles.has('admin');
  return (
    <Layout ctx={ctx} title={t('programmes.list.title')}>
      <PageHeading title={t('programmes.list.title')} lead={t('programmes.list.lead')} />
      {canOwn ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={`/eier?lang=${ctx.locale}`} safe>
            {t('programmes.list.ownerLink')}
          </a>
        </p>
      ) : (
        ''
      )}
      <form method="get" action={path} class="filter-form" role="search" aria-label={t('programmes.filter.heading')}>
        <input type="hidden" name="lang" value={ctx.locale} />
        <div class="ds-field">
          <label class="ds-label" for="q" safe>
            {t('programmes.filter.q')}
          </label>
          <input class="ds-input" type="search" id="q" name="q" value={filter.q} />
        </div>
        <FilterSelect
          id="country"
          label={t('programmes.filter.country')}
          value={filter.country}
          any={t('programmes.filter.any')}
          options={[
            { value: 'NO', label: t('programmes.country.NO') },
            { value: 'DK', label: t('programmes.country.DK') },
          ]}
        />
        <FilterSelect
          id="owner"
          label={t('programmes.filter.owner')}
          value={filter.owner}
          any={t('programmes.filter.any')}
          options={owners.map((o) => ({ value: o, label: o }))}
        />
        <FilterSelect
          id="theme"
          label={t('programmes.filter.theme')}
          value={filter.theme}
          any={t('programmes.filter.any')}
          options={themes.map((o) => ({ value: o, label: o }))}
        />
        <FilterSelect
          id="status"
          label={t('programmes.filter.status')}
          value={filter.status}
          any={t('programmes.filter.any')}
          options={[
            { value: 'open', label: t('programmes.filter.open') },
            { value: 'closed', label: t('programmes.filter.closed') },
          ]}
        />
        <button class="ds-button" type="submit" safe>
          {t('programmes.filter.submit')}
        </button>
      </form>
      <h2 class="ds-heading" data-size="sm" aria-live="polite" safe>
        {t('programmes.list.count', { count: calls.length })}
      </h2>
      {calls.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('programmes.list.none')}
        </p>
      ) : (
        ''
      )}
      <ul class="call-list">
        {calls.map((call) => {
          const phase = callPhase(call, now);
          const next = currentRound(call.content.rounds, now);
          return (
            <li class="ds-card call-card">
              <h3 class="ds-heading" data-size="xs">
                <a class="ds-link" href={`/utlysninger/${call.id}?lang=${ctx.locale}`} lang={call.content.language} safe>
                  {call.content.title}
                </a>
              </h3>
              <p class="ds-paragraph" data-size="sm">
                <span lang={call.content.language} safe>
                  {call.programme.ownerName}
                </span>
                {' · '}
                <span safe>{t(`programmes.country.${call.programme.country}`)}</span>
                {' · '}
                <PhaseTag ctx={ctx} phase={phase} />
              </p>
              {next && phase !== 'closed' ? (
                <p class="ds-paragraph" data-size="sm" safe>
                  {t('programmes.list.deadline', { time: formatInstant(ctx.locale, next.round.closesAt, call.content.timeZone) })}
                </p>
              ) : (
                ''
              )}
            </li>
          );
        })}
      </ul>
    </Layout>
  );
}

function FilterSelect(props: { id: string; label: string; value: string; any: string; options: { value: string; label: string }[] }) {
  return (
    <div class="ds-field">
      <label class="ds-label" for={props.id} safe>
        {props.label}
      </label>
      <select class="ds-input" id={props.id} name={props.id}>
        <option value="" safe>
          {props.any}
        </option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value} safe>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function PhaseTag({ ctx, phase }: { ctx: PageContext; phase: CallPhase }) {
  return (
    <span class="ds-tag" data-color={phase === 'open' ? 'success' : 'neutral'} safe>
      {translate(ctx, `programmes.phase.${phase}`)}
    </span>
  );
}

/** Applying is offered to case workers, and to visitors not signed in (who are asked to sign in); not to owners, reviewers or citizens. */
const mayApply = (ctx: PageContext) => ctx.principal === null || ctx.principal.roles.has('case_worker');

export function RuleList({ ctx, rules }: { ctx: PageContext; rules: readonly EligibilityRule[] }) {
  return (
    <ul class="ds-list">
      {rules.map((rule) => (
        <li safe>{ruleText(ctx, rule)}</li>
      ))}
    </ul>
  );
}

interface CallPageProps {
  ctx: PageContext;
  call: StoredCall;
  changes: ChangeLogEntry[];
  now: Date;
  canManage: boolean;
  /** The person's municipality holds a running late-submission exception: it may start after the deadline. */
  startLate?: boolean;
  check?: { network: CheckedNetwork; query: string; matches: MunicipalitySummary[] } | undefined;
  /** Published questions and answers, in order. */
  questions: CallQuestion[];
  /** The case worker's question form (signed-in case workers on a published call). */
  ask?: { value: string; error: string | undefined; sent: boolean } | undefined;
}

export function CallPage({ ctx, call, changes, now, canManage, startLate = false, check, questions, ask }: CallPageProps) {
  const { t } = ctx;
  const content: CallContent = call.content;
  const lang = content.language;
  const rules = call.status === 'draft' ? content.rules : call.snapshot.rules;
  const zone = content.timeZone;
  const { minSelected: min, maxSelected: max } = content.quota;
  return (
    <Layout
      ctx={ctx}
      title={content.title}
      crumbs={[{ label: t('programmes.list.title'), href: `/utlysninger?lang=${ctx.locale}` }, { label: content.title }]}
    >
      {call.status === 'draft' ? (
        <div class="ds-alert" data-color="warning">
          <p class="ds-paragraph" safe>
            {t('programmes.call.preview')}
          </p>
        </div>
      ) : (
        ''
      )}
      <h1 class="ds-heading" data-size="lg" lang={lang} safe>
        {content.title}
      </h1>
      <p class="ds-paragraph">
        <PhaseTag ctx={ctx} phase={callPhase(call, now)} />
      </p>
      {call.status === 'published' && (callPhase(call, now) === 'open' || startLate) && mayApply(ctx) ? (
        <p class="ds-paragraph">
          <a class="ds-button" href={`/soknader/ny?call=${call.id}&lang=${ctx.locale}`} safe>
            {t('applications.start.link')}
          </a>
        </p>
      ) : (
        ''
      )}
      {canManage ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={`/eier/utlysninger/${call.id}?lang=${ctx.locale}`} safe>
            {t('programmes.call.manage')}
          </a>
        </p>
      ) : (
        ''
      )}
      <dl class="facts">
        <dt safe>{t('programmes.call.owner')}</dt>
        <dd lang={call.programme.languages[0]} safe>
          {call.programme.ownerName}
        </dd>
        <dt safe>{t('programmes.call.programme')}</dt>
        <dd>
          <span lang={call.programme.languages[0]} safe>
            {call.programme.name}
          </span>
          <br />
          <span safe>
            {t('programmes.call.period', {
              from: formatDay(ctx.locale, call.programme.periodStart),
              to: formatDay(ctx.locale, call.programme.periodEnd),
            })}
          </span>
        </dd>
        <dt safe>{t('programmes.call.quota')}</dt>
        <dd safe>
          {min !== null && max !== null
            ? t('programmes.call.quotaRange', { min, max })
            : max !== null
              ? t('programmes.call.quotaMax', { max })
              : min !== null
                ? t('programmes.call.quotaMin', { min })
                : t('programmes.call.notSet')}
        </dd>
        <dt safe>{t('programmes.call.budget')}</dt>
        <dd safe>
          {content.budget.amount === null
            ? t('programmes.call.notSet')
            : `${formatNumber(ctx.locale, content.budget.amount)} ${content.budget.currency}`}
        </dd>
      </dl>

      <h2 class="ds-heading" data-size="md" safe>
        {t('programmes.call.purpose')}
      </h2>
      <div lang={lang}>
        {content.purpose.split(/\n\s*\n/).map((paragraph) => (
          <p class="ds-paragraph" safe>
            {paragraph}
          </p>
        ))}
        {call.programme.purpose ? (
          <p class="ds-paragraph" lang={call.programme.languages[0]} safe>
            {call.programme.purpose}
          </p>
        ) : (
          ''
        )}
      </div>

      <h2 class="ds-heading" data-size="md" safe>
        {t('programmes.call.rounds')}
      </h2>
      <p class="ds-paragraph" safe>
        {t('programmes.call.timeZone', { zone })}
      </p>
      <ScrollRegion label={t('programmes.call.rounds')}>
        <table class="ds-table" data-border>
          <thead>
            <tr>
              <th scope="col">
                <span class="visually-hidden" safe>
                  {t('programmes.call.rounds')}
                </span>
              </th>
              <th scope="col" safe>
                {t('programmes.call.opens')}
              </th>
              <th scope="col" safe>
                {t('programmes.call.closes')}
              </th>
              <th scope="col" safe>
                {t('programmes.call.expected')}
              </th>
            </tr>
          </thead>
          <tbody>
            {content.rounds.map((round, index) => (
              <tr>
                <th scope="row" safe>
                  {t('programmes.call.round', { number: index + 1 })}
                </th>
                <td>
                  <time datetime={round.opensAt} safe>
                    {formatInstant(ctx.locale, round.opensAt, zone)}
                  </time>
                </td>
                <td>
                  <time datetime={round.closesAt} safe>
                    {formatInstant(ctx.locale, round.closesAt, zone)}
                  </time>
                </td>
                <td safe>{round.expectedSelections === null ? '–' : formatNumber(ctx.locale, round.expectedSelections)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      {content.themes.length > 0 ? (
        <>
          <h2 class="ds-heading" data-size="md" safe>
            {t('programmes.call.themes')}
          </h2>
          <ul class="ds-list" lang={lang}>
            {content.themes.map((theme) => (
              <li safe>{theme}</li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}

      {content.criteria.length > 0 ? (
        <>
          <h2 class="ds-heading" data-size="md" safe>
            {t('programmes.call.criteria')}
          </h2>
          <DataTable
            scrollLabel={t('programmes.call.criteria')}
            rows={content.criteria}
            columns={[
              {
                header: t('programmes.call.criterion'),
                cell: (criterion) => (
                  <span lang={lang}>
                    <span safe>{criterion.title}</span>
                    {criterion.description ? (
                      <>
                        <br />
                        <span class="muted" safe>
                          {criterion.description}
                        </span>
                      </>
                    ) : (
                      ''
                    )}
                  </span>
                ),
              },
              {
                header: t('programmes.call.weight'),
                text: (criterion) => `${formatNumber(ctx.locale, criterion.weight)} %`,
                numeric: true,
              },
            ]}
          />
        </>
      ) : (
        ''
      )}

      <h2 class="ds-heading" data-size="md" safe>
        {t('programmes.call.rules')}
      </h2>
      <RuleList ctx={ctx} rules={rules} />
      <p safe>{t(oneApplicationPerRound(content) ? 'programmes.call.onePerRound' : 'programmes.call.manyPerRound')}</p>

      <h2 class="ds-heading" data-size="md" safe>
        {t('programmes.call.form')}
      </h2>
      {call.status === 'draft' ? (
        <p class="ds-paragraph" safe>
          {t('programmes.call.form.later')}
        </p>
      ) : (
        <ol class="ds-list" lang={lang}>
          {call.snapshot.form.sections.map((section) => (
            <li>
              <strong safe>{section.title}</strong>
              {section.guidance ? (
                <p class="ds-paragraph" data-size="sm" safe>
                  {section.guidance}
                </p>
              ) : (
                ''
              )}
            </li>
          ))}
        </ol>
      )}

      <EligibilityCheck ctx={ctx} call={call} check={check} />

      <h2 class="ds-heading" data-size="md" safe>
        {t('programmes.call.contacts')}
      </h2>
      <ul class="ds-list" lang={call.programme.languages[0]}>
        {call.programme.contacts.map((contact) => (
          <li>
            <span safe>{`${contact.name}, ${contact.title}`}</span>
            {contact.email ? (
              <>
                {' – '}
                <a class="ds-link" href={`mailto:${contact.email}`} safe>
                  {contact.email}
                </a>
              </>
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>

      <PublicQuestions ctx={ctx} call={call} questions={questions} />
      {ask ? <AskQuestion ctx={ctx} call={call} value={ask.value} error={ask.error} sent={ask.sent} /> : ''}

      <h2 class="ds-heading" data-size="md" safe>
        {t('programmes.call.changes')}
      </h2>
      <ul class="ds-list change-log">
        {changes.map((change) => (
          <li>
            <time datetime={change.at.toISOString()} safe>
              {formatInstant(ctx.locale, change.at, zone)}
            </time>
            {': '}
            <span safe>
              {change.kind === 'amended'
                ? t('programmes.call.change.amended', { fields: fieldNames(ctx, change.fields), reason: change.reason ?? '' })
                : change.kind === 'published'
                  ? t('programmes.call.change.published')
                  : change.kind === 'closed'
                    ? `${t('programmes.call.change.closed')}${change.reason ? `: ${change.reason}` : ''}`
                    : translate(ctx, `programmes.call.change.${change.kind}`, { question: shorten(change.reason ?? '', 160) })}
            </span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

function EligibilityCheck({ ctx, call, check }: { ctx: PageContext; call: StoredCall; check: CallPageProps['check'] }) {
  const { t } = ctx;
  const members = check?.network.members ?? [];
  return (
    <section aria-labelledby="check-heading" id="check">
      <h2 class="ds-heading" data-size="md" id="check-heading" safe>
        {t('programmes.check.title')}
      </h2>
      <p class="ds-paragraph" safe>
        {t('programmes.check.lead')}
      </p>
      <form method="get" action={`/utlysninger/${call.id}/sjekk#check`}>
        <input type="hidden" name="lang" value={ctx.locale} />
        {members.length > 0 ? (
          <fieldset class="ds-fieldset">
            <legend class="ds-label" safe>
              {t('programmes.check.members')}
            </legend>
            {members.map((member) => (
              <div class="ds-field">
                <input class="ds-input" type="checkbox" id={`member-${member.code}`} name="member" value={member.code} checked />
                <label class="ds-label" for={`member-${member.code}`} safe>
                  {member.population
                    ? t('programmes.check.member', {
                        name: member.name,
                        persons: formatNumber(ctx.locale, member.population.persons),
                        year: String(member.population.year),
                      })
                    : t('programmes.check.memberNoPopulation', { name: member.name })}
                </label>
              </div>
            ))}
          </fieldset>
        ) : (
          ''
        )}
        {check && check.matches.length > 1 ? (
          <fieldset class="ds-fieldset">
            <legend class="ds-label" safe>
              {t('programmes.check.choose', { query: check.query })}
            </legend>
            {check.matches.map((m) => (
              <div class="ds-field">
                <input class="ds-input" type="checkbox" id={`match-${m.code}`} name="member" value={m.code} />
                <label class="ds-label" for={`match-${m.code}`} safe>{`${m.name} (${m.code})`}</label>
              </div>
            ))}
          </fieldset>
        ) : (
          ''
        )}
        {check?.query && check.matches.length === 0 ? (
          <p class="ds-paragraph" role="status" safe>
            {t('programmes.check.none', { query: check.query })}
          </p>
        ) : (
          ''
        )}
        {check && check.network.unknownCodes.length > 0 ? (
          <p class="ds-paragraph" role="status" safe>
            {t('programmes.check.unknown', { codes: check.network.unknownCodes.join(', ') })}
          </p>
        ) : (
          ''
        )}
        <div class="ds-field">
          <label class="ds-label" for="add" safe>
            {t('programmes.check.search')}
          </label>
          <input class="ds-input" type="search" id="add" name="q" value="" />
        </div>
        <button class="ds-button" type="submit" safe>
          {t('programmes.check.submit')}
        </button>
      </form>
      {check ? <CheckResult ctx={ctx} check={check} /> : ''}
      {check && members.length > 0 && check.network.eligibility.results.some((r) => r.rule.kind === 'network-population') ? (
        <p class="ds-paragraph">
          <a
            class="ds-link"
            id="find-partners"
            href={`/utlysninger/${call.id}/partnere?lang=${ctx.locale}${members.map((m) => `&member=${m.code}`).join('')}`}
            safe
          >
            {t('applications.finder.link')}
          </a>
        </p>
      ) : (
        ''
      )}
    </section>
  );
}

function CheckResult({ ctx, check }: { ctx: PageContext; check: NonNullable<CallPageProps['check']> }) {
  const { t } = ctx;
  const { eligibility, members } = check.network;
  if (members.length === 0)
    return (
      <p class="ds-paragraph" safe>
        {t('programmes.check.empty')}
      </p>
    );
  return (
    <div id="check-result">
      <h3 class="ds-heading" data-size="sm" safe>
        {t('programmes.check.result')}
      </h3>
      <p class="ds-paragraph" role="status" safe>
        {eligibility.eligible
          ? t('programmes.check.eligible')
          : eligibility.noFailures
            ? t('programmes.check.noFailures')
            : t('programmes.check.failing')}
      </p>
      <ScrollRegion label={t('programmes.check.result')}>
        <table class="ds-table" data-border>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('programmes.check.rule')}
              </th>
              <th scope="col" safe>
                {t('programmes.check.outcome')}
              </th>
              <th scope="col" safe>
                {t('programmes.check.why')}
              </th>
            </tr>
          </thead>
          <tbody>
            {eligibility.results.map((result) => (
              <tr data-outcome={result.outcome}>
                <td safe>{ruleText(ctx, result.rule)}</td>
                <td safe>{translate(ctx, `programmes.check.${result.outcome}`)}</td>
                <td safe>{explanationText(ctx, result.explanation)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
