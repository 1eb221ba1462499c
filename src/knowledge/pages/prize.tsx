/**
 * The innovation prize's pages: the public prize page (the open call with its nomination form, and
 * the winners of every year), the owner's page for one year, the jury's agreement on a nomination,
 * and a juror's own work (declaration first, then the nomination and the scores).
 */
import {
  assignmentWorkflow,
  CONFLICT_KINDS,
  exclusionText,
  ScoreFields,
  SCORE_SCALE,
  type ReviewCriterion,
  type ScoreSheet,
} from '../../assessment/index.js';
import { formatInstant, type Locale } from '../../platform/i18n/index.js';
import type { PageContext } from '../../platform/ui/context.js';
import { CsrfField, ErrorSummary, PageHeading, SuccessNotice, type FieldError } from '../../platform/ui/components.js';
import { Checkbox, Select, TextArea } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { translate } from '../../platform/ui/translate.js';
import { prizeWorkflow } from '../prize.js';
import type { Juror, StoredNomination, StoredPrize, StoredPrizeAssignment } from '../prize.store.js';
import { casePath } from './search.js';

export const PRIZE_PATHS: Record<Locale, string> = {
  nb: '/innovasjonspris',
  nn: '/innovasjonspris',
  da: '/innovationspris',
  en: '/innovation-prize',
};
const prizePath = (ctx: PageContext) => `${PRIZE_PATHS[ctx.locale]}?lang=${ctx.locale}`;
const yearBase = (prize: StoredPrize) => `/innovasjonspris/${prize.country.toLowerCase()}/${prize.year}`;
const errorOf = (errors: readonly FieldError[], field: string) => errors.find((e) => e.field === field)?.message;

function crumbs(ctx: PageContext, last?: string) {
  return [
    { label: ctx.t('nav.home'), href: '/' },
    ...(last
      ? [{ label: ctx.t('knowledge.prize.title'), href: prizePath(ctx) }, { label: last }]
      : [{ label: ctx.t('knowledge.prize.title') }]),
  ];
}

/** The nominee's page: its case in the bank, or its project's public page (marked as a project). */
function CaseLink({ ctx, nomination }: { ctx: PageContext; nomination: StoredNomination }) {
  const href = nomination.caseSlug ? casePath(ctx, nomination.caseSlug) : `/prosjekter/${nomination.projectId}?lang=${ctx.locale}`;
  return (
    <>
      <a class="ds-link" href={href} lang={nomination.nomineeLanguage} safe>
        {nomination.nomineeTitle}
      </a>
      {nomination.projectId ? <span safe>{` (${ctx.t('knowledge.prize.aProject')})`}</span> : ''}
    </>
  );
}

function Criteria({ ctx, prize }: { ctx: PageContext; prize: StoredPrize }) {
  return (
    <>
      <h3 class="ds-heading" data-size="xs" safe>
        {ctx.t('knowledge.prize.criteria')}
      </h3>
      <ul>
        {prize.criteria.map((c) => (
          <li>
            <strong safe>{translate(ctx, 'knowledge.prize.criterion', { title: c.title, weight: c.weight })}</strong>
            {c.description ? <span safe>{`: ${c.description}`}</span> : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

export interface PrizeYear {
  prize: StoredPrize;
  nominations: StoredNomination[];
}

export interface NominationValues {
  prize?: string;
  case?: string;
  reason?: string;
}

export function PrizePage({
  ctx,
  years,
  cases,
  canManage,
  values,
  errors,
  notice,
}: {
  ctx: PageContext;
  years: readonly PrizeYear[];
  cases: readonly { slug: string; title: string }[];
  canManage: boolean;
  values: NominationValues;
  errors: FieldError[];
  notice: string | undefined;
}) {
  const { t } = ctx;
  const running = years.filter((y) => y.prize.state !== 'published');
  const published = years.filter((y) => y.prize.state === 'published');
  return (
    <Layout ctx={ctx} title={t('knowledge.prize.title')} crumbs={crumbs(ctx)}>
      <PageHeading title={t('knowledge.prize.title')} lead={t('knowledge.prize.lead')} />
      <SuccessNotice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      {running.map(({ prize, nominations }) => {
        const key = `${prize.country}-${prize.year}`;
        return (
          <section aria-labelledby={`prize-${key}`}>
            <h2 class="ds-heading" data-size="md" id={`prize-${key}`} safe>
              {prize.title}
            </h2>
            <p class="ds-paragraph">
              <span class="ds-tag" data-color={prize.state === 'open' ? 'success' : 'neutral'} safe>
                {prizeWorkflow.name(prize.state, 'public', ctx.locale)}
              </span>
            </p>
            <p class="ds-paragraph" safe>
              {translate(ctx, 'knowledge.prize.deadline', { deadline: formatInstant(ctx.locale, prize.deadline, prize.timeZone) })}
            </p>
            <Criteria ctx={ctx} prize={prize} />
            <h3 class="ds-heading" data-size="xs" safe>
              {t('knowledge.prize.nominations')}
            </h3>
            {nominations.length === 0 ? (
              <p class="ds-paragraph" safe>
                {t('knowledge.prize.noNominations')}
              </p>
            ) : (
              <ul>
                {nominations.map((n) => (
                  <li>
                    <CaseLink ctx={ctx} nomination={n} />
                  </li>
                ))}
              </ul>
            )}
            {prize.state === 'open' ? <NominationForm ctx={ctx} prize={prize} cases={cases} values={values} errors={errors} /> : ''}
            {canManage ? (
              <p class="ds-paragraph">
                <a class="ds-link" href={`${yearBase(prize)}/forvaltning?lang=${ctx.locale}`} safe>
                  {translate(ctx, 'knowledge.prize.manageLink', { year: prize.year })}
                </a>
              </p>
            ) : (
              ''
            )}
          </section>
        );
      })}
      <section aria-labelledby="winners">
        <h2 class="ds-heading" data-size="md" id="winners" safe>
          {t('knowledge.prize.winners')}
        </h2>
        {published.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('knowledge.prize.noWinners')}
          </p>
        ) : (
          published.map(({ prize, nominations }) => <Winners ctx={ctx} prize={prize} nominations={nominations} />)
        )}
      </section>
    </Layout>
  );
}

function Winners({ ctx, prize, nominations }: PrizeYear & { ctx: PageContext }) {
  const { t } = ctx;
  const awarded = (award: 'winner' | 'mention') => nominations.filter((n) => n.award === award);
  return (
    <article class="ds-card" data-color="neutral">
      <h3 class="ds-heading" data-size="sm" safe>
        {prize.title}
      </h3>
      <dl>
        {(['winner', 'mention'] as const).map((award) =>
          awarded(award).length === 0 ? (
            ''
          ) : (
            <>
              <dt safe>{t(`knowledge.prize.${award}`)}</dt>
              {awarded(award).map((n) => (
                <dd>
                  <CaseLink ctx={ctx} nomination={n} />
                </dd>
              ))}
            </>
          ),
        )}
      </dl>
      {prize.juryStatement ? (
        <>
          <h4 class="ds-heading" data-size="2xs" safe>
            {t('knowledge.prize.statement')}
          </h4>
          <p class="ds-paragraph prewrap" safe>
            {prize.juryStatement}
          </p>
        </>
      ) : (
        ''
      )}
      <p class="ds-paragraph" data-size="sm" safe>
        {prize.source ? translate(ctx, 'knowledge.prize.source', { source: prize.source }) : t('knowledge.prize.platformSource')}
      </p>
    </article>
  );
}

function NominationForm({
  ctx,
  prize,
  cases,
  values,
  errors,
}: {
  ctx: PageContext;
  prize: StoredPrize;
  cases: readonly { slug: string; title: string }[];
  values: NominationValues;
  errors: FieldError[];
}) {
  const { t } = ctx;
  if (!ctx.principal)
    return (
      <p class="ds-paragraph">
        <a class="ds-link" href={`/logg-inn?returnTo=${encodeURIComponent(prizePath(ctx))}`} safe>
          {t('knowledge.prize.signIn')}
        </a>
      </p>
    );
  const mine = values.prize === `${prize.country}-${prize.year}`;
  return (
    <form method="post" action={`${yearBase(prize)}/nominer?lang=${ctx.locale}`} novalidate>
      <h3 class="ds-heading" data-size="xs" safe>
        {t('knowledge.prize.nominateTitle')}
      </h3>
      <CsrfField ctx={ctx} />
      <Select
        id="case"
        label={t('knowledge.prize.case')}
        value={mine ? (values.case ?? '') : ''}
        options={[{ value: '', label: t('knowledge.prize.chooseCase') }, ...cases.map((c) => ({ value: c.slug, label: c.title }))]}
        error={mine ? errorOf(errors, 'case') : undefined}
      />
      <p class="ds-paragraph" data-size="sm" safe>
        {t('knowledge.prize.nominateHelp')}
      </p>
      <p class="ds-paragraph" data-size="sm">
        <a class="ds-link" href={`/prosjekter?lang=${ctx.locale}`} safe>
          {t('knowledge.prize.projectsElsewhere')}
        </a>
      </p>
      <TextArea
        id="reason"
        label={t('knowledge.prize.reason')}
        value={mine ? (values.reason ?? '') : ''}
        rows={4}
        error={mine ? errorOf(errors, 'reason') : undefined}
      />
      <button class="ds-button" type="submit" safe>
        {t('knowledge.prize.nominate')}
      </button>
    </form>
  );
}

const scoresText = (criteria: readonly ReviewCriterion[], scores: Record<string, number | null>) =>
  criteria.map((c) => `${c.title} ${scores[c.key] ?? '–'}`).join(', ');

export function PrizeManagePage({
  ctx,
  prize,
  criteria,
  nominations,
  jurors,
  candidates,
  assignments,
  averages,
  errors,
  notice,
}: {
  ctx: PageContext;
  prize: StoredPrize;
  criteria: ReviewCriterion[];
  nominations: StoredNomination[];
  jurors: Juror[];
  candidates: { userId: string; name: string; organisationName: string }[];
  assignments: StoredPrizeAssignment[];
  averages: ReadonlyMap<string, Record<string, number | null>>;
  errors: FieldError[];
  notice: string | undefined;
}) {
  const { t } = ctx;
  const base = yearBase(prize);
  const version = <input type="hidden" name="version" value={String(prize.version)} />;
  const agreed = nominations.filter((n) => n.reviewState === 'agreed');
  return (
    <Layout ctx={ctx} title={prize.title} crumbs={crumbs(ctx, prize.title)}>
      <PageHeading title={prize.title} />
      <SuccessNotice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="ds-paragraph" safe>
        {translate(ctx, 'knowledge.prize.state', { state: prizeWorkflow.name(prize.state, 'staff', ctx.locale) })}
      </p>
      <section aria-labelledby="jury">
        <h2 class="ds-heading" data-size="sm" id="jury" safe>
          {t('knowledge.prize.jury')}
        </h2>
        {jurors.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('knowledge.prize.noJury')}
          </p>
        ) : (
          <ul>
            {jurors.map((j) => (
              <li safe>{j.name}</li>
            ))}
          </ul>
        )}
        {prize.state === 'open' ? (
          <form method="post" action={`${base}/jury?lang=${ctx.locale}`} novalidate>
            <CsrfField ctx={ctx} />
            <Select
              id="juror"
              label={t('knowledge.prize.juror')}
              value=""
              options={[
                { value: '', label: t('knowledge.prize.chooseJuror') },
                ...candidates.map((c) => ({ value: c.userId, label: `${c.name}, ${c.organisationName}` })),
              ]}
              error={errorOf(errors, 'juror')}
            />
            <button class="ds-button" data-variant="secondary" type="submit" safe>
              {t('knowledge.prize.appoint')}
            </button>
          </form>
        ) : (
          ''
        )}
      </section>
      {prize.state === 'open' ? (
        <form method="post" action={`${base}/til-juryen?lang=${ctx.locale}`} novalidate>
          <CsrfField ctx={ctx} />
          {version}
          <p class="ds-paragraph" safe>
            {t('knowledge.prize.closeHelp')}
          </p>
          <button class="ds-button" type="submit" id="close" safe>
            {t('knowledge.prize.close')}
          </button>
        </form>
      ) : (
        ''
      )}
      <section aria-labelledby="work">
        <h2 class="ds-heading" data-size="sm" id="work" safe>
          {t('knowledge.prize.work')}
        </h2>
        {nominations.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('knowledge.prize.noNominations')}
          </p>
        ) : (
          ''
        )}
        {nominations.map((n) => (
          <article class="ds-card" data-color="neutral">
            <h3 class="ds-heading" data-size="xs">
              <CaseLink ctx={ctx} nomination={n} />
            </h3>
            <p class="ds-paragraph" data-size="sm" safe>
              {`${translate(ctx, 'knowledge.prize.municipalities', { names: n.municipalities.map((m) => m.name).join(', ') })} · ${translate(ctx, 'knowledge.prize.nominatedBy', { name: n.nominatedByName ?? '–' })}`}
            </p>
            <p class="ds-paragraph prewrap" safe>
              {n.reason}
            </p>
            <ul>
              {assignments
                .filter((a) => a.nominationId === n.id)
                .map((a) => (
                  <li safe>
                    {a.exclusion
                      ? exclusionText(ctx, a.exclusion, a.jurorName)
                      : `${a.jurorName}: ${assignmentWorkflow.name(a.state, 'staff', ctx.locale)}`}
                  </li>
                ))}
            </ul>
            {averages.get(n.id) ? (
              <p class="ds-paragraph" safe>
                {translate(ctx, 'knowledge.prize.average', { scores: scoresText(criteria, averages.get(n.id)!) })}
              </p>
            ) : (
              ''
            )}
            {n.agreedScores ? (
              <p class="ds-paragraph" safe>
                {translate(ctx, 'knowledge.prize.agreedScores', {
                  scores: scoresText(criteria, Object.fromEntries(Object.entries(n.agreedScores).map(([k, v]) => [k, v.score]))),
                })}
              </p>
            ) : (
              ''
            )}
            {prize.state === 'judging' && averages.get(n.id) ? (
              <p class="ds-paragraph">
                <a class="ds-link" href={`${base}/enighet/${n.id}?lang=${ctx.locale}`} safe>
                  {t('knowledge.prize.agree')}
                </a>
              </p>
            ) : (
              ''
            )}
          </article>
        ))}
      </section>
      {prize.state === 'judging' && agreed.length > 0 ? (
        <form method="post" action={`${base}/vedtak?lang=${ctx.locale}`} novalidate>
          <h2 class="ds-heading" data-size="sm" safe>
            {t('knowledge.prize.decision')}
          </h2>
          <CsrfField ctx={ctx} />
          {version}
          <Select
            id="winner"
            label={t('knowledge.prize.winnerField')}
            value=""
            options={[
              { value: '', label: t('knowledge.prize.chooseCase') },
              ...agreed.map((n) => ({ value: n.id, label: n.nomineeTitle })),
            ]}
            error={errorOf(errors, 'winner')}
          />
          <fieldset class="ds-fieldset">
            <legend class="ds-label" safe>
              {t('knowledge.prize.mentions')}
            </legend>
            {agreed.map((n, i) => (
              <Checkbox id={`mention-${i}`} name="mentions" value={n.id} label={n.nomineeTitle} checked={false} />
            ))}
          </fieldset>
          <TextArea id="statement" label={t('knowledge.prize.statement')} value="" rows={5} error={errorOf(errors, 'statement')} />
          <button class="ds-button" type="submit" safe>
            {t('knowledge.prize.decide')}
          </button>
        </form>
      ) : (
        ''
      )}
      {prize.state === 'decided' ? (
        <>
          <p class="ds-paragraph prewrap" safe>
            {prize.juryStatement}
          </p>
          {(['publish', 'reconsider'] as const).map((action) => (
            <form method="post" action={`${base}/${action === 'publish' ? 'publiser' : 'tilbake'}?lang=${ctx.locale}`} novalidate>
              <CsrfField ctx={ctx} />
              {version}
              <button class="ds-button" data-variant={action === 'publish' ? 'primary' : 'secondary'} type="submit" safe>
                {t(`knowledge.prize.${action}`)}
              </button>
            </form>
          ))}
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

export function AgreementPage({
  ctx,
  prize,
  nomination,
  criteria,
  sheet,
  errors,
}: {
  ctx: PageContext;
  prize: StoredPrize;
  nomination: StoredNomination;
  criteria: ReviewCriterion[];
  sheet: ScoreSheet;
  errors: FieldError[];
}) {
  const title = translate(ctx, 'knowledge.prize.agreeTitle', { title: nomination.nomineeTitle });
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, prize.title)}>
      <PageHeading title={title} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`${yearBase(prize)}/enighet/${nomination.id}?lang=${ctx.locale}`} novalidate>
        <CsrfField ctx={ctx} />
        <ScoreFields ctx={ctx} criteria={criteria} scale={SCORE_SCALE} sheet={sheet} textField="reasoning" errors={errors} />
        <button class="ds-button" type="submit" safe>
          {ctx.t('knowledge.prize.agree')}
        </button>
      </form>
    </Layout>
  );
}

export interface JuryItem {
  assignment: StoredPrizeAssignment;
  prize: StoredPrize;
  nomination: StoredNomination;
}

export function JuryListPage({ ctx, items }: { ctx: PageContext; items: readonly JuryItem[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('knowledge.prize.myJury')} crumbs={crumbs(ctx, t('knowledge.prize.myJury'))}>
      <PageHeading title={t('knowledge.prize.myJury')} />
      {items.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('knowledge.prize.noAssignments')}
        </p>
      ) : (
        <ul>
          {items.map(({ assignment, prize, nomination }) => (
            <li>
              <a class="ds-link" href={`/innovasjonspris/jury/${assignment.id}?lang=${ctx.locale}`} safe>
                {`${prize.title}: ${nomination.municipalities.map((m) => m.name).join(', ')}`}
              </a>
              <span safe>{` – ${assignmentWorkflow.name(assignment.state, 'staff', ctx.locale)}`}</span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export interface DeclarationValues {
  conflict?: string;
  kind?: string;
  text?: string;
}

export function JuryAssignmentPage({
  ctx,
  item,
  criteria,
  sheet,
  declaration,
  errors,
  notice,
}: {
  ctx: PageContext;
  item: JuryItem;
  criteria: ReviewCriterion[];
  sheet: ScoreSheet;
  declaration: DeclarationValues;
  errors: FieldError[];
  notice: string | undefined;
}) {
  const { t } = ctx;
  const { assignment, prize, nomination } = item;
  const title = translate(ctx, 'knowledge.prize.assignment', { prize: prize.title });
  const action = (step: string) => `/innovasjonspris/jury/${assignment.id}/${step}?lang=${ctx.locale}`;
  const version = <input type="hidden" name="version" value={String(assignment.version)} />;
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, title)}>
      <PageHeading title={title} />
      <SuccessNotice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="ds-paragraph" safe>
        {translate(ctx, 'knowledge.prize.municipalities', { names: nomination.municipalities.map((m) => m.name).join(', ') })}
      </p>
      <p class="ds-paragraph">
        <span class="ds-tag" data-color="neutral" safe>
          {assignmentWorkflow.name(assignment.state, 'staff', ctx.locale)}
        </span>
      </p>
      {assignment.state === 'assigned' ? (
        <form method="post" action={action('erklaering')} novalidate>
          <h2 class="ds-heading" data-size="sm" safe>
            {t('assessment.declaration.title')}
          </h2>
          <p class="ds-paragraph" safe>
            {t('knowledge.prize.declareFirst')}
          </p>
          <CsrfField ctx={ctx} />
          {version}
          <Select
            id="conflict"
            label={t('assessment.declaration.question')}
            value={declaration.conflict ?? ''}
            options={[
              { value: '', label: t('assessment.declaration.chooseKind') },
              { value: 'no', label: t('assessment.declaration.no') },
              { value: 'yes', label: t('assessment.declaration.yes') },
            ]}
            error={errorOf(errors, 'conflict')}
          />
          <Select
            id="kind"
            label={t('assessment.declaration.kind')}
            value={declaration.kind ?? ''}
            options={[
              { value: '', label: t('assessment.declaration.chooseKind') },
              ...CONFLICT_KINDS.map((k) => ({ value: k, label: translate(ctx, `assessment.conflictKind.${k}`) })),
            ]}
            error={errorOf(errors, 'kind')}
          />
          <TextArea
            id="text"
            label={t('assessment.declaration.text')}
            value={declaration.text ?? ''}
            rows={3}
            error={errorOf(errors, 'text')}
          />
          <button class="ds-button" type="submit" safe>
            {t('assessment.declaration.submit')}
          </button>
        </form>
      ) : (
        ''
      )}
      {assignment.state === 'conflicted' ? (
        <p class="ds-paragraph" safe>
          {assignment.exclusion ? exclusionText(ctx, assignment.exclusion, assignment.jurorName) : t('knowledge.prize.conflicted')}
        </p>
      ) : (
        ''
      )}
      {assignment.state === 'declared' || assignment.state === 'submitted' ? (
        <section aria-labelledby="nomination">
          <h2 class="ds-heading" data-size="sm" id="nomination">
            <CaseLink ctx={ctx} nomination={nomination} />
          </h2>
          <p class="ds-paragraph prewrap" safe>
            {nomination.reason}
          </p>
          <Criteria ctx={ctx} prize={prize} />
        </section>
      ) : (
        ''
      )}
      {assignment.state === 'declared' && prize.state === 'judging' ? (
        <form method="post" action={action('poeng')} novalidate>
          <h2 class="ds-heading" data-size="sm" safe>
            {t('assessment.score.title')}
          </h2>
          <CsrfField ctx={ctx} />
          {version}
          <ScoreFields ctx={ctx} criteria={criteria} scale={SCORE_SCALE} sheet={sheet} textField="rationale" errors={errors} />
          <button class="ds-button" data-variant="secondary" type="submit" name="submit" value="draft" safe>
            {t('knowledge.prize.saveScores')}
          </button>
          <button class="ds-button" type="submit" name="submit" value="submit" safe>
            {t('knowledge.prize.submitScores')}
          </button>
        </form>
      ) : (
        ''
      )}
    </Layout>
  );
}

/**
 * Nominating a project, from its public page: the rule a project must meet (the like of a case put
 * to use), whether this one meets it, and a form for each open prize of its country.
 */
export function NominateProjectPage({
  ctx,
  project,
  eligible,
  prizes,
  values,
  errors,
}: {
  ctx: PageContext;
  project: { id: string; title: string; language: string };
  eligible: boolean;
  prizes: readonly StoredPrize[];
  values: NominationValues;
  errors: FieldError[];
}) {
  const { t } = ctx;
  const title = translate(ctx, 'knowledge.prize.nominateProjectTitle', { title: project.title });
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, title)}>
      <PageHeading title={title} lead={t('knowledge.prize.projectRule')} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="ds-paragraph">
        <a class="ds-link" href={`/prosjekter/${project.id}?lang=${ctx.locale}`} lang={project.language} safe>
          {project.title}
        </a>
      </p>
      {eligible ? (
        ''
      ) : (
        <div class="ds-alert" data-color="warning">
          <p class="ds-paragraph" safe>
            {t('knowledge.prize.problem.notEnded')}
          </p>
        </div>
      )}
      {prizes.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('knowledge.prize.noOpenPrize')}
        </p>
      ) : (
        prizes.map((prize) => {
          const mine = values.prize === `${prize.country}-${prize.year}`;
          return (
            <form method="post" action={`${yearBase(prize)}/nominer/prosjekt/${project.id}?lang=${ctx.locale}`} novalidate>
              <h2 class="ds-heading" data-size="sm" safe>
                {prize.title}
              </h2>
              <p class="ds-paragraph" safe>
                {translate(ctx, 'knowledge.prize.deadline', { deadline: formatInstant(ctx.locale, prize.deadline, prize.timeZone) })}
              </p>
              <Criteria ctx={ctx} prize={prize} />
              <CsrfField ctx={ctx} />
              <TextArea
                id="reason"
                label={t('knowledge.prize.reason')}
                value={mine ? (values.reason ?? '') : ''}
                rows={4}
                error={mine ? errorOf(errors, 'reason') : undefined}
              />
              <button class="ds-button" type="submit" safe>
                {t('knowledge.prize.nominate')}
              </button>
            </form>
          );
        })
      )}
    </Layout>
  );
}
