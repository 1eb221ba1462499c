/**
 * The assessment's pages: the owner's progress dashboard per call and the reviewer pool per
 * programme; the reviewer's list, declaration and scoring page; the review page where the lead or
 * the owner sees all submitted scores side by side, records the consensus and handles flags.
 * Every string child is escaped (`safe`); texts come from the catalogue. No JavaScript needed.
 */
import { CsrfField, ErrorSummary, PageHeading, type FieldError } from '../platform/ui/components.js';
import type { PageContext } from '../platform/ui/context.js';
import { Layout } from '../platform/ui/layout.js';
import type { StoredAttachment, StoredSubmission } from '../applications/store.js';
import type { AnswerValue, TableRow } from '../programmes/form.js';
import type { StoredCall } from '../programmes/store.js';
import { Checkbox, formatInstant, Select, TextArea, TextField, tx } from '../programmes/pages/shared.js';
import {
  assignmentStateName,
  CONFLICT_KINDS,
  REVIEW_STATES,
  type Exclusion,
  type PoolMember,
  type ProgressCounts,
  type ReviewCriterion,
  type ReviewState,
  type ScoreScale,
  type ScoreSheet,
} from './model.js';
import type { ConsensusVersion, Flag, ReviewStatus, ScoreVersion, StoredAssignment } from './store.js';

const stateTag = (ctx: PageContext, state: ReviewState) => (
  <span class="ds-tag" data-color={state === 'paused' ? 'warning' : state === 'agreed' ? 'success' : 'neutral'}>
    {REVIEW_STATES[state].staff[ctx.locale]}
  </span>
);

function Notice({ text }: { text: string | undefined }) {
  return text ? (
    <div class="ds-alert" data-color="success" role="status">
      <p class="ds-paragraph" safe>{text}</p>
    </div>
  ) : (
    ''
  );
}

/** A stale edit: what the person typed is kept in the form below, which now carries the current version. */
function ConflictAlert({ ctx, conflict }: { ctx: PageContext; conflict: { current: number; base: number } | undefined }) {
  if (!conflict) return '';
  return (
    <div class="ds-alert" data-color="warning" id="conflict" role="alert">
      <h2 class="ds-heading" data-size="xs" safe>{ctx.t('assessment.conflict.title')}</h2>
      <p class="ds-paragraph" safe>{ctx.t('assessment.conflict.lead', { base: conflict.base, current: conflict.current })}</p>
    </div>
  );
}

export function exclusionText(ctx: PageContext, exclusion: Exclusion, reviewerName: string): string {
  return tx(ctx, `assessment.exclusion.${exclusion.reason}`, { reviewer: reviewerName, municipality: exclusion.municipality ? `${exclusion.municipality.name} (${exclusion.municipality.code})` : '' });
}

export const membersText = (members: readonly { code: string; name: string }[]) => members.map((m) => m.name).join(', ');

// The owner's dashboard -------------------------------------------------------------------------

export interface ApplicationRow {
  applicationId: string;
  members: { code: string; name: string }[];
  status: ReviewStatus;
  assignments: (StoredAssignment & { reviewerName: string })[];
}

export interface DashboardView {
  call: StoredCall;
  applications: ApplicationRow[];
  /** Per reviewer: the progress counts, and of their live assignments how many are agreed and how many have open flags. */
  reviewers: (PoolMember & { counts: ProgressCounts; agreed: number; flagged: number })[];
  exclusions: { exclusion: Exclusion; reviewerName: string; applicant: string }[];
  reassign: { assignment: StoredAssignment; reviewerName: string; applicant: string }[];
  notice?: string | undefined;
  errors?: FieldError[];
  perApplication?: string;
}

export function DashboardPage({ ctx, view }: { ctx: PageContext; view: DashboardView }) {
  const { t } = ctx;
  const { call } = view;
  const title = t('assessment.dashboard.title', { call: call.content.title });
  const base = `/eier/utlysninger/${call.id}/vurdering`;
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t('programmes.owner.title'), href: `/eier?lang=${ctx.locale}` }, { label: title }]}>
      <PageHeading title={title} lead={t('assessment.dashboard.lead')} />
      <Notice text={view.notice} />
      <ErrorSummary ctx={ctx} errors={view.errors ?? []} />
      {view.reassign.length > 0 ? (
        <div class="ds-alert" data-color="warning" id="reassign">
          <h2 class="ds-heading" data-size="xs" safe>{t('assessment.reassign.title')}</h2>
          <ul class="ds-list">
            {view.reassign.map((r) => (
              <li safe>{t('assessment.reassign.item', { reviewer: r.reviewerName, applicant: r.applicant, kind: tx(ctx, `assessment.conflictKind.${r.assignment.conflictKind ?? 'other'}`) })}</li>
            ))}
          </ul>
        </div>
      ) : (
        ''
      )}
      <p class="ds-paragraph">
        <a class="ds-link" href={`/eier/programmer/${call.programmeId}/fagpanel?lang=${ctx.locale}`} safe>{t('assessment.pool.link')}</a>
      </p>
      <section aria-labelledby="batch-heading">
        <h2 class="ds-heading" data-size="sm" id="batch-heading" safe>{t('assessment.batch.title')}</h2>
        <p class="ds-paragraph" safe>{t('assessment.batch.lead')}</p>
        <form method="post" action={`${base}/fordel?lang=${ctx.locale}`} novalidate>
          <CsrfField ctx={ctx} />
          <TextField id="perApplication" label={t('assessment.batch.perApplication')} value={view.perApplication ?? '2'} inputmode="numeric" size={3} error={view.errors?.find((e) => e.field === 'perApplication')?.message} />
          <button class="ds-button" type="submit" safe>{t('assessment.batch.submit')}</button>
        </form>
      </section>
      <section aria-labelledby="exclusions-heading">
        <h2 class="ds-heading" data-size="sm" id="exclusions-heading" safe>{t('assessment.exclusions.title')}</h2>
        {view.exclusions.length === 0 ? (
          <p class="ds-paragraph" safe>{t('assessment.exclusions.none')}</p>
        ) : (
          <ul class="ds-list" id="exclusions">
            {view.exclusions.map((e) => (
              <li safe>{`${e.applicant}: ${exclusionText(ctx, e.exclusion, e.reviewerName)}`}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="applications-heading">
        <h2 class="ds-heading" data-size="sm" id="applications-heading" safe>{t('assessment.progress.perApplication')}</h2>
        <table class="ds-table" data-border id="progress-applications">
          <thead>
            <tr>
              <th scope="col" safe>{t('assessment.col.applicant')}</th>
              <th scope="col" safe>{t('assessment.col.state')}</th>
              <th scope="col" safe>{t('assessment.col.assigned')}</th>
              <th scope="col" safe>{t('assessment.col.declared')}</th>
              <th scope="col" safe>{t('assessment.col.scored')}</th>
              <th scope="col" safe>{t('assessment.col.agreed')}</th>
              <th scope="col" safe>{t('assessment.col.flags')}</th>
            </tr>
          </thead>
          <tbody>
            {view.applications.map((row) => (
              <tr>
                <th scope="row">
                  <a class="ds-link" href={`/vurdering/soknader/${row.applicationId}?lang=${ctx.locale}`} safe>{membersText(row.members)}</a>
                </th>
                <td>{stateTag(ctx, row.status.state)}</td>
                <td safe>{String(row.status.assigned)}</td>
                <td safe>{String(row.status.declared)}</td>
                <td safe>{String(row.status.scored)}</td>
                <td safe>{row.status.consensusRecorded ? t('assessment.yes') : t('assessment.no')}</td>
                <td safe>{String(row.status.openFlags)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="reviewers-heading">
        <h2 class="ds-heading" data-size="sm" id="reviewers-heading" safe>{t('assessment.progress.perReviewer')}</h2>
        <table class="ds-table" data-border id="progress-reviewers">
          <thead>
            <tr>
              <th scope="col" safe>{t('assessment.col.reviewer')}</th>
              <th scope="col" safe>{t('assessment.col.assigned')}</th>
              <th scope="col" safe>{t('assessment.col.declared')}</th>
              <th scope="col" safe>{t('assessment.col.scored')}</th>
              <th scope="col" safe>{t('assessment.col.agreed')}</th>
              <th scope="col" safe>{t('assessment.col.flags')}</th>
              <th scope="col" safe>{t('assessment.col.conflicts')}</th>
            </tr>
          </thead>
          <tbody>
            {view.reviewers.map((r) => (
              <tr>
                <th scope="row" safe>{r.lead ? `${r.name} (${t('assessment.pool.lead')})` : r.name}</th>
                <td safe>{String(r.counts.assigned)}</td>
                <td safe>{String(r.counts.declared)}</td>
                <td safe>{String(r.counts.scored)}</td>
                <td safe>{String(r.agreed)}</td>
                <td safe>{String(r.flagged)}</td>
                <td safe>{String(r.counts.conflicted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="assignments-heading">
        <h2 class="ds-heading" data-size="sm" id="assignments-heading" safe>{t('assessment.assignments.title')}</h2>
        {view.applications.map((row) => (
          <div class="ds-card" id={`application-${row.applicationId}`}>
            <h3 class="ds-heading" data-size="xs" safe>{membersText(row.members)}</h3>
            <ul class="ds-list">
              {row.assignments.map((a) => (
                <li>
                  <span safe>{`${a.reviewerName}: ${assignmentStateName(a.state, ctx.locale)}`}</span>
                  {a.state === 'assigned' || a.state === 'declared' || a.state === 'submitted' ? (
                    <form method="post" action={`/eier/vurdering/tildelinger/${a.id}/trekk?lang=${ctx.locale}`} class="inline-form">
                      <CsrfField ctx={ctx} />
                      <input type="hidden" name="version" value={String(a.version)} />
                      <TextField id={`reason-${a.id}`} label={t('assessment.assignments.reason', { reviewer: a.reviewerName })} value="" />
                      <button class="ds-button" data-variant="tertiary" data-size="sm" type="submit" safe>{t('assessment.assignments.withdraw', { reviewer: a.reviewerName })}</button>
                    </form>
                  ) : (
                    ''
                  )}
                </li>
              ))}
            </ul>
            {assignableReviewers(view, row).length === 0 ? (
              <p class="ds-paragraph" safe>{t('assessment.assignments.noneAssignable')}</p>
            ) : (
              <form method="post" action={`${base}/tildel?lang=${ctx.locale}`}>
                <CsrfField ctx={ctx} />
                <input type="hidden" name="application" value={row.applicationId} />
                <Select
                  id={`reviewer-${row.applicationId}`}
                  label={t('assessment.assignments.reviewer', { applicant: membersText(row.members) })}
                  value=""
                  options={assignableReviewers(view, row).map((r) => ({ value: r.userId, label: r.name }))}
                />
                <button class="ds-button" data-variant="secondary" data-size="sm" type="submit" safe>{t('assessment.assignments.assign')}</button>
              </form>
            )}
          </div>
        ))}
      </section>
    </Layout>
  );
}

/** The pool members the owner may still give the application to: not excluded, not already on it. */
function assignableReviewers(view: DashboardView, row: ApplicationRow) {
  const live = row.assignments.filter((a) => a.state === 'assigned' || a.state === 'declared' || a.state === 'submitted');
  const barred = new Set([...view.exclusions.filter((e) => e.exclusion.applicationId === row.applicationId).map((e) => e.exclusion.reviewerId), ...live.map((a) => a.reviewerId)]);
  return view.reviewers.filter((r) => !barred.has(r.userId));
}

// The reviewer pool ------------------------------------------------------------------------------

export function PoolPage({
  ctx,
  programme,
  pool,
  candidates,
  errors = [],
  notice,
}: {
  ctx: PageContext;
  programme: { id: string; name: string };
  pool: PoolMember[];
  candidates: { userId: string; name: string; organisationName: string; kind: 'internal' | 'external' }[];
  errors?: FieldError[];
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const title = t('assessment.pool.title', { programme: programme.name });
  const base = `/eier/programmer/${programme.id}/fagpanel`;
  const free = candidates.filter((c) => !pool.some((m) => m.userId === c.userId));
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t('programmes.owner.title'), href: `/eier?lang=${ctx.locale}` }, { label: title }]}>
      <PageHeading title={title} lead={t('assessment.pool.lead')} />
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      {pool.length === 0 ? (
        <p class="ds-paragraph" safe>{t('assessment.pool.empty')}</p>
      ) : (
        <table class="ds-table" data-border id="pool">
          <thead>
            <tr>
              <th scope="col" safe>{t('assessment.col.reviewer')}</th>
              <th scope="col" safe>{t('assessment.pool.kind')}</th>
              <th scope="col" safe>{t('assessment.pool.role')}</th>
              <th scope="col" safe>{t('assessment.pool.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {pool.map((m) => (
              <tr>
                <th scope="row" safe>{m.name}</th>
                <td safe>{tx(ctx, `assessment.pool.kind.${m.kind}`)}</td>
                <td safe>{m.lead ? t('assessment.pool.lead') : t('assessment.pool.member')}</td>
                <td>
                  <form method="post" action={`${base}/${m.userId}/leder?lang=${ctx.locale}`} class="inline-form">
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="lead" value={m.lead ? 'no' : 'yes'} />
                    <button class="ds-button" data-variant="secondary" data-size="sm" type="submit" safe>
                      {m.lead ? t('assessment.pool.unmakeLead', { name: m.name }) : t('assessment.pool.makeLead', { name: m.name })}
                    </button>
                  </form>
                  <form method="post" action={`${base}/${m.userId}/fjern?lang=${ctx.locale}`} class="inline-form">
                    <CsrfField ctx={ctx} />
                    <button class="ds-button" data-variant="tertiary" data-size="sm" type="submit" safe>{t('assessment.pool.remove', { name: m.name })}</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 class="ds-heading" data-size="sm" safe>{t('assessment.pool.add')}</h2>
      {free.length === 0 ? (
        <p class="ds-paragraph" safe>{t('assessment.pool.noCandidates')}</p>
      ) : (
        <form method="post" action={`${base}?lang=${ctx.locale}`}>
          <CsrfField ctx={ctx} />
          <Select
            id="user"
            label={t('assessment.pool.person')}
            value=""
            options={free.map((c) => ({ value: c.userId, label: `${c.name}, ${c.organisationName} (${tx(ctx, `assessment.pool.kind.${c.kind}`)})` }))}
            error={errors.find((e) => e.field === 'user')?.message}
          />
          <Checkbox id="lead" name="lead" value="yes" label={t('assessment.pool.asLead')} checked={false} />
          <button class="ds-button" type="submit" safe>{t('assessment.pool.addSubmit')}</button>
        </form>
      )}
    </Layout>
  );
}

// The reviewer's pages ---------------------------------------------------------------------------

export interface MyReviewItem {
  assignment: StoredAssignment;
  callTitle: string;
  applicant: string;
  consensusLink: boolean;
}

export function MyReviewsPage({ ctx, items }: { ctx: PageContext; items: MyReviewItem[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('assessment.mine.title')}>
      <PageHeading title={t('assessment.mine.title')} lead={t('assessment.mine.lead')} />
      {items.length === 0 ? (
        <p class="ds-paragraph" safe>{t('assessment.mine.none')}</p>
      ) : (
        <table class="ds-table" data-border id="my-reviews">
          <thead>
            <tr>
              <th scope="col" safe>{t('assessment.col.applicant')}</th>
              <th scope="col" safe>{t('assessment.col.call')}</th>
              <th scope="col" safe>{t('assessment.col.state')}</th>
              <th scope="col" safe>{t('assessment.col.consensus')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr>
                <th scope="row">
                  {item.assignment.state === 'withdrawn' || item.assignment.state === 'conflicted' ? (
                    <span safe>{item.applicant}</span>
                  ) : (
                    <a class="ds-link" href={`/vurderinger/${item.assignment.id}?lang=${ctx.locale}`} safe>{item.applicant}</a>
                  )}
                </th>
                <td safe>{item.callTitle}</td>
                <td safe>{assignmentStateName(item.assignment.state, ctx.locale)}</td>
                <td>
                  {item.consensusLink ? (
                    <a class="ds-link" href={`/vurdering/soknader/${item.assignment.applicationId}?lang=${ctx.locale}`} safe>{t('assessment.mine.consensus', { applicant: item.applicant })}</a>
                  ) : (
                    ''
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

function answerText(ctx: PageContext, value: AnswerValue | undefined): string {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return ctx.t('assessment.content.empty');
  if (typeof value === 'string') return value;
  if (value.every((item) => typeof item === 'string')) return (value as string[]).join(', ');
  return (value as (TableRow | StoredAttachment)[]).map((item) => ('fileId' in item ? String(item.name) : Object.values(item).join(' | '))).join('; ');
}

/** The submitted version read-only: sections, answers, decisions, with links to the files. */
function SubmittedContent({ ctx, submission, fileBase }: { ctx: PageContext; submission: StoredSubmission; fileBase: string }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="content-heading" id="content" lang={submission.callLanguage}>
      <h2 class="ds-heading" data-size="sm" id="content-heading" safe>{t('assessment.content.title', { number: submission.number })}</h2>
      <ul class="ds-list">
        {submission.members.map((m) => (
          <li>
            <span safe>{`${m.name} (${m.code}) – ${tx(ctx, `applications.role.${m.role}`)}`}</span>
            {m.decision ? (
              <>
                {' – '}
                <a class="ds-link" href={`${fileBase}/${m.decision.fileId}`} safe>{`${tx(ctx, `programmes.body.${m.decision.body}`)} ${m.decision.date}`}</a>
              </>
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>
      {submission.form.sections.map((section) => (
        <>
          <h3 class="ds-heading" data-size="xs" safe>{section.title}</h3>
          <dl class="answers">
            {section.parts
              .filter((part) => part.kind !== 'projected-challenge')
              .map((part) => {
                const value = submission.answers[part.key];
                return (
                  <>
                    <dt safe>{part.label}</dt>
                    <dd>
                      {part.kind === 'attachment' && Array.isArray(value) && value.length > 0 ? (
                        <ul class="ds-list">
                          {(value as StoredAttachment[]).map((file) => (
                            <li>
                              <a class="ds-link" href={`${fileBase}/${file.fileId}`} safe>{file.name}</a>
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <p class="ds-paragraph prewrap" safe>{answerText(ctx, value)}</p>
                      )}
                    </dd>
                  </>
                );
              })}
          </dl>
        </>
      ))}
    </section>
  );
}

function ScoreFields({ ctx, criteria, scale, sheet, textField, errors }: { ctx: PageContext; criteria: ReviewCriterion[]; scale: ScoreScale; sheet: ScoreSheet; textField: 'rationale' | 'reasoning'; errors: FieldError[] }) {
  const { t } = ctx;
  const options = [{ value: '', label: t('assessment.score.none') }, ...Array.from({ length: scale.max - scale.min + 1 }, (_, i) => ({ value: String(scale.min + i), label: String(scale.min + i) }))];
  return (
    <>
      {criteria.map((c) => (
        <fieldset class="ds-fieldset">
          <legend class="ds-heading" data-size="xs" safe>{t('assessment.score.criterion', { title: c.title, weight: c.weight })}</legend>
          {c.description ? <p class="ds-paragraph" data-size="sm" safe>{c.description}</p> : ''}
          <Select id={`score-${c.key}`} label={t('assessment.score.score', { title: c.title })} value={sheet[c.key]?.score === null || sheet[c.key] === undefined ? '' : String(sheet[c.key]!.score)} options={options} error={errors.find((e) => e.field === `score-${c.key}`)?.message} />
          <TextArea id={`${textField}-${c.key}`} label={tx(ctx, `assessment.score.${textField}`, { title: c.title })} value={sheet[c.key]?.rationale ?? ''} rows={4} error={errors.find((e) => e.field === `${textField}-${c.key}`)?.message} />
        </fieldset>
      ))}
    </>
  );
}

export interface AssignmentView {
  assignment: StoredAssignment;
  call: StoredCall;
  applicant: string;
  reviewState: ReviewState;
  /** Only once the reviewer has declared no conflict. */
  submission?: StoredSubmission | undefined;
  criteria: ReviewCriterion[];
  scale: ScoreScale;
  sheet: ScoreSheet;
  history: ScoreVersion[];
  errors?: FieldError[];
  warnings?: string[];
  notice?: string | undefined;
  conflict?: { current: number; base: number } | undefined;
  declaration?: { conflict: string; kind: string; text: string };
}

export function AssignmentPage({ ctx, view }: { ctx: PageContext; view: AssignmentView }) {
  const { t } = ctx;
  const { assignment } = view;
  const title = t('assessment.assignment.title', { applicant: view.applicant });
  const base = `/vurderinger/${assignment.id}`;
  const errors = view.errors ?? [];
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t('assessment.mine.title'), href: `/vurderinger?lang=${ctx.locale}` }, { label: title }]}>
      <PageHeading title={title} lead={view.call.content.title} />
      <p class="ds-paragraph">
        <span safe>{t('assessment.assignment.state')}</span> <strong safe>{assignmentStateName(assignment.state, ctx.locale)}</strong>
      </p>
      <Notice text={view.notice} />
      <ConflictAlert ctx={ctx} conflict={view.conflict} />
      <ErrorSummary ctx={ctx} errors={errors} />
      {view.warnings && view.warnings.length > 0 ? (
        <div class="ds-alert" data-color="warning" id="warnings">
          <h2 class="ds-heading" data-size="xs" safe>{t('assessment.score.warningsTitle')}</h2>
          <ul class="ds-list">
            {view.warnings.map((w) => (
              <li safe>{w}</li>
            ))}
          </ul>
        </div>
      ) : (
        ''
      )}
      {assignment.state === 'assigned' ? (
        <section aria-labelledby="declaration-heading">
          <h2 class="ds-heading" data-size="sm" id="declaration-heading" safe>{t('assessment.declaration.title')}</h2>
          <p class="ds-paragraph" safe>{t('assessment.declaration.lead', { applicant: view.applicant })}</p>
          <form method="post" action={`${base}/erklaering?lang=${ctx.locale}`} novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(assignment.version)} />
            <fieldset class="ds-fieldset" id="conflict">
              <legend class="ds-label" safe>{t('assessment.declaration.question')}</legend>
              <div class="ds-field">
                <input class="ds-input" type="radio" id="conflict-no" name="conflict" value="no" checked={view.declaration?.conflict === 'no'} />
                <label class="ds-label" for="conflict-no" safe>{t('assessment.declaration.no')}</label>
              </div>
              <div class="ds-field">
                <input class="ds-input" type="radio" id="conflict-yes" name="conflict" value="yes" checked={view.declaration?.conflict === 'yes'} />
                <label class="ds-label" for="conflict-yes" safe>{t('assessment.declaration.yes')}</label>
              </div>
            </fieldset>
            <Select
              id="kind"
              label={t('assessment.declaration.kind')}
              value={view.declaration?.kind ?? ''}
              options={[{ value: '', label: t('assessment.declaration.chooseKind') }, ...CONFLICT_KINDS.map((k) => ({ value: k, label: tx(ctx, `assessment.conflictKind.${k}`) }))]}
              error={errors.find((e) => e.field === 'kind')?.message}
            />
            <TextArea id="text" label={t('assessment.declaration.text')} value={view.declaration?.text ?? ''} rows={3} error={errors.find((e) => e.field === 'text')?.message} />
            <button class="ds-button" type="submit" safe>{t('assessment.declaration.submit')}</button>
          </form>
        </section>
      ) : (
        ''
      )}
      {assignment.state === 'conflicted' ? <p class="ds-paragraph" safe>{t('assessment.assignment.conflicted')}</p> : ''}
      {assignment.state === 'withdrawn' ? <p class="ds-paragraph" safe>{t('assessment.assignment.withdrawn')}</p> : ''}
      {view.submission ? <SubmittedContent ctx={ctx} submission={view.submission} fileBase={`${base}/filer`} /> : ''}
      {view.submission && assignment.state === 'declared' ? (
        <section aria-labelledby="scores-heading">
          <h2 class="ds-heading" data-size="sm" id="scores-heading" safe>{t('assessment.score.title')}</h2>
          <p class="ds-paragraph" safe>{t('assessment.score.scale', { min: view.scale.min, max: view.scale.max })}</p>
          {view.reviewState === 'paused' ? <p class="ds-paragraph" safe>{t('assessment.score.paused')}</p> : ''}
          <form method="post" action={`${base}/poeng?lang=${ctx.locale}`} novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(view.conflict?.current ?? assignment.version)} />
            <ScoreFields ctx={ctx} criteria={view.criteria} scale={view.scale} sheet={view.sheet} textField="rationale" errors={errors} />
            <div class="button-row">
              <button class="ds-button" data-variant="secondary" type="submit" name="action" value="save" safe>{t('assessment.score.save')}</button>
              <button class="ds-button" type="submit" name="action" value="submit" safe>{t('assessment.score.submit')}</button>
            </div>
          </form>
        </section>
      ) : (
        ''
      )}
      {view.submission && assignment.state === 'submitted' ? (
        <section aria-labelledby="submitted-heading">
          <h2 class="ds-heading" data-size="sm" id="submitted-heading" safe>{t('assessment.score.submittedTitle')}</h2>
          <SheetList ctx={ctx} criteria={view.criteria} sheet={view.sheet} />
          {view.reviewState !== 'agreed' ? (
            <form method="post" action={`${base}/gjenapne?lang=${ctx.locale}`}>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="version" value={String(assignment.version)} />
              <button class="ds-button" data-variant="secondary" type="submit" safe>{t('assessment.score.reopen')}</button>
            </form>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
      {view.submission ? (
        <>
          <section aria-labelledby="flag-heading">
            <h2 class="ds-heading" data-size="sm" id="flag-heading" safe>{t('assessment.flag.raiseTitle')}</h2>
            <form method="post" action={`${base}/flagg?lang=${ctx.locale}`} novalidate>
              <CsrfField ctx={ctx} />
              <TextArea id="flagText" label={t('assessment.flag.text')} help={t('assessment.flag.help')} value="" rows={3} error={errors.find((e) => e.field === 'flagText')?.message} />
              <button class="ds-button" data-variant="secondary" type="submit" safe>{t('assessment.flag.raise')}</button>
            </form>
          </section>
          <History ctx={ctx} history={view.history} call={view.call} />
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

function SheetList({ ctx, criteria, sheet }: { ctx: PageContext; criteria: ReviewCriterion[]; sheet: ScoreSheet }) {
  return (
    <dl class="answers">
      {criteria.map((c) => (
        <>
          <dt safe>{ctx.t('assessment.score.criterion', { title: c.title, weight: c.weight })}</dt>
          <dd safe>{`${sheet[c.key]?.score ?? '–'}: ${sheet[c.key]?.rationale ?? ''}`}</dd>
        </>
      ))}
    </dl>
  );
}

function History({ ctx, history, call }: { ctx: PageContext; history: ScoreVersion[]; call: StoredCall }) {
  if (history.length === 0) return '';
  return (
    <section aria-labelledby="history-heading">
      <h2 class="ds-heading" data-size="sm" id="history-heading" safe>{ctx.t('assessment.history.title')}</h2>
      <ul class="ds-list" id="history">
        {history.map((v) => (
          <li safe>
            {ctx.t(v.submitted ? 'assessment.history.submitted' : 'assessment.history.draft', {
              version: v.version,
              time: formatInstant(ctx.locale, v.savedAt, call.content.timeZone),
              scores: Object.entries(v.sheet)
                .map(([key, s]) => `${key}: ${s.score ?? '–'}`)
                .join(', '),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

// The review page: scores side by side, consensus, flags ----------------------------------------

export interface ReviewView {
  call: StoredCall;
  applicationId: string;
  applicant: string;
  submission: StoredSubmission;
  review: { state: ReviewState; version: number };
  criteria: ReviewCriterion[];
  scale: ScoreScale;
  sheets: { reviewerName: string; sheet: ScoreSheet }[];
  consensus: ConsensusVersion[];
  flags: Flag[];
  values: ScoreSheet;
  errors?: FieldError[];
  notice?: string | undefined;
  conflict?: { current: number; base: number } | undefined;
  /** The owner also gets the way back to the dashboard. */
  owner: boolean;
}

export function ReviewPage({ ctx, view }: { ctx: PageContext; view: ReviewView }) {
  const { t } = ctx;
  const title = t('assessment.review.title', { applicant: view.applicant });
  const base = `/vurdering/soknader/${view.applicationId}`;
  const errors = view.errors ?? [];
  const crumbs = view.owner
    ? [{ label: t('assessment.dashboard.title', { call: view.call.content.title }), href: `/eier/utlysninger/${view.call.id}/vurdering?lang=${ctx.locale}` }, { label: title }]
    : [{ label: t('assessment.mine.title'), href: `/vurderinger?lang=${ctx.locale}` }, { label: title }];
  const open = view.flags.filter((f) => f.resolvedAt === null);
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs}>
      <PageHeading title={title} lead={view.call.content.title} />
      <p class="ds-paragraph">{stateTag(ctx, view.review.state)}</p>
      <Notice text={view.notice} />
      <ConflictAlert ctx={ctx} conflict={view.conflict} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <section aria-labelledby="sheets-heading">
        <h2 class="ds-heading" data-size="sm" id="sheets-heading" safe>{t('assessment.review.sheets')}</h2>
        {view.sheets.length === 0 ? (
          <p class="ds-paragraph" safe>{t('assessment.review.noSheets')}</p>
        ) : (
          <div class="table-scroll">
          <table class="ds-table" data-border id="side-by-side">
            <thead>
              <tr>
                <th scope="col" safe>{t('assessment.review.criterion')}</th>
                {view.sheets.map((s) => (
                  <th scope="col" safe>{s.reviewerName}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.criteria.map((c) => (
                <tr>
                  <th scope="row" safe>{t('assessment.score.criterion', { title: c.title, weight: c.weight })}</th>
                  {view.sheets.map((s) => (
                    <td>
                      <strong safe>{String(s.sheet[c.key]?.score ?? '–')}</strong>
                      <p class="ds-paragraph" data-size="sm" safe>{s.sheet[c.key]?.rationale ?? ''}</p>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
      </section>
      <section aria-labelledby="flags-heading">
        <h2 class="ds-heading" data-size="sm" id="flags-heading" safe>{t('assessment.flag.title')}</h2>
        {view.flags.length === 0 ? <p class="ds-paragraph" safe>{t('assessment.flag.none')}</p> : ''}
        <ul class="ds-list" id="flags">
          {view.flags.map((f) => (
            <li>
              <p class="ds-paragraph" safe>{t('assessment.flag.item', { text: f.text, name: f.raisedByName ?? '', time: formatInstant(ctx.locale, f.raisedAt, view.call.content.timeZone) })}</p>
              {f.resolvedAt ? (
                <p class="ds-paragraph" safe>{t('assessment.flag.resolvedItem', { text: f.resolution ?? '', name: f.resolvedByName ?? '' })}</p>
              ) : (
                <form method="post" action={`/vurdering/flagg/${f.id}/lukk?lang=${ctx.locale}`} novalidate>
                  <CsrfField ctx={ctx} />
                  <TextArea id={`resolution-${f.id}`} label={t('assessment.flag.resolution')} value="" rows={2} error={errors.find((e) => e.field === `resolution-${f.id}`)?.message} />
                  <button class="ds-button" data-variant="secondary" type="submit" safe>{t('assessment.flag.resolve')}</button>
                </form>
              )}
            </li>
          ))}
        </ul>
        <form method="post" action={`${base}/flagg?lang=${ctx.locale}`} novalidate>
          <CsrfField ctx={ctx} />
          <TextArea id="flagText" label={t('assessment.flag.text')} help={t('assessment.flag.help')} value="" rows={2} error={errors.find((e) => e.field === 'flagText')?.message} />
          <button class="ds-button" data-variant="secondary" type="submit" safe>{t('assessment.flag.raise')}</button>
        </form>
      </section>
      <section aria-labelledby="consensus-heading">
        <h2 class="ds-heading" data-size="sm" id="consensus-heading" safe>{t('assessment.consensus.title')}</h2>
        <p class="ds-paragraph" safe>{t('assessment.score.scale', { min: view.scale.min, max: view.scale.max })}</p>
        {open.length > 0 ? (
          <p class="ds-paragraph" safe>{t('assessment.consensus.paused')}</p>
        ) : (
          <form method="post" action={`${base}/konsensus?lang=${ctx.locale}`} novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(view.conflict?.current ?? view.review.version)} />
            <ScoreFields ctx={ctx} criteria={view.criteria} scale={view.scale} sheet={view.values} textField="reasoning" errors={errors} />
            <button class="ds-button" type="submit" safe>{t('assessment.consensus.submit')}</button>
          </form>
        )}
        {view.consensus.length > 0 ? (
          <ul class="ds-list" id="consensus-history">
            {view.consensus.map((c) => (
              <li safe>
                {t('assessment.consensus.version', {
                  version: c.version,
                  name: c.recordedByName ?? '',
                  time: formatInstant(ctx.locale, c.recordedAt, view.call.content.timeZone),
                  scores: Object.entries(c.scores)
                    .map(([key, s]) => `${key}: ${s.score}`)
                    .join(', '),
                })}
              </li>
            ))}
          </ul>
        ) : (
          ''
        )}
      </section>
      <SubmittedContent ctx={ctx} submission={view.submission} fileBase={`${base}/filer`} />
    </Layout>
  );
}
