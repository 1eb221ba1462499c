/**
 * The applicant's pages: my applications and invitations, starting an application, the application
 * (network, conditions, the draft form, attachments, submission, submitted versions) and the receipt.
 * Every string child is escaped (`safe`); texts come from the catalogue.
 */
import { formatBytes, formatNumber, type Locale } from '../platform/i18n/index.js';
import { CsrfField, ErrorSummary, PageHeading, type FieldError } from '../platform/ui/components.js';
import type { PageContext } from '../platform/ui/context.js';
import type { Children } from '@kitajs/html';
import { Layout } from '../platform/ui/layout.js';
import type { AnswerValue, FormDefinition, FormPart, Issue, TableRow } from '../programmes/form.js';
import type { DeadlineExtension } from '../programmes/extensions.js';
import type { StoredCall } from '../programmes/store.js';
import { DECISION_BODIES, type Eligibility, type RuleResult } from '../programmes/rules.js';
import { formatInstant, Select, TextArea, TextField, tx } from '../programmes/pages/shared.js';
import { stateName, type InvitationState, type PartnerReason, type PartnerSuggestion, type ProjectedChallenge } from './model.js';
import { challengeCaption, challengeRows, challengeSource } from './projected-challenge.js';
import { AUTOSAVE_PATH } from './autosave.js';
import type { ApplicationSummary, StoredApplication, StoredAttachment, StoredMember, StoredSubmission } from './store.js';
import { ApplicantDecisionSection } from '../selection/pages.js';
import type { ApplicantDecision } from '../selection/store.js';

const zoneOf = (call: StoredCall) => call.content.timeZone;

export function issueMessage(ctx: PageContext, form: FormDefinition, issue: Issue): FieldError {
  const part = form.sections.flatMap((s) => s.parts).find((p) => p.key === issue.part);
  return { field: issue.part, message: `${part?.label ?? issue.part}: ${tx(ctx, `applications.issue.${issue.code}`, issue.params)}` };
}

function InvitationTag({ ctx, state }: { ctx: PageContext; state: InvitationState }) {
  const color = state === 'accepted' ? 'success' : state === 'declined' ? 'danger' : 'warning';
  return (
    <span class="ds-tag" data-color={color} safe>
      {tx(ctx, `applications.invitation.${state}`)}
    </span>
  );
}

// My applications ---------------------------------------------------------------------------------

export interface SummaryRow extends ApplicationSummary {
  callTitle: string;
  callLanguage: string;
  zone: StoredCall['content']['timeZone'];
}

export function MyApplicationsPage({ ctx, rows, hasMunicipality, problems = [] }: { ctx: PageContext; rows: SummaryRow[]; hasMunicipality: boolean; problems?: FieldError[] }) {
  const { t } = ctx;
  const invitations = rows.filter((r) => r.mine.role === 'co' && r.mine.invitation === 'pending');
  const applications = rows.filter((r) => r.mine.invitation !== 'declined');
  return (
    <Layout ctx={ctx} title={t('applications.mine.title')}>
      <PageHeading title={t('applications.mine.title')} lead={t('applications.mine.lead')} />
      <ErrorSummary ctx={ctx} errors={problems} />
      {hasMunicipality ? '' : <p class="ds-paragraph" safe>{t('applications.mine.noMunicipality')}</p>}
      <h2 class="ds-heading" data-size="sm" safe>{t('applications.invitations.title')}</h2>
      {invitations.length === 0 ? <p class="ds-paragraph" safe>{t('applications.invitations.none')}</p> : ''}
      {invitations.map((row) => (
        <section class="ds-card invitation" aria-labelledby={`invitation-${row.id}`}>
          <p class="ds-paragraph" id={`invitation-${row.id}`} safe>
            {t('applications.invitation.from', { lead: row.leadName, member: row.mine.name, call: row.callTitle })}
          </p>
          <form method="post" action={`/soknader/${row.id}/svar?lang=${ctx.locale}`}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="code" value={row.mine.code} />
            <TextField id={`email-${row.id}`} label={t('applications.invitation.email', { member: row.mine.name })} value="" type="email" />
            <div class="button-row">
              <button class="ds-button" type="submit" name="answer" value="accepted" safe>{t('applications.invitation.accept')}</button>
              <button class="ds-button" data-variant="secondary" type="submit" name="answer" value="declined" safe>{t('applications.invitation.decline')}</button>
            </div>
          </form>
        </section>
      ))}
      <h2 class="ds-heading" data-size="sm" safe>{t('applications.mine.title')}</h2>
      {applications.length === 0 ? (
        <p class="ds-paragraph" safe>{t('applications.mine.none')}</p>
      ) : (
        <table class="ds-table">
          <thead>
            <tr>
              <th scope="col" safe>{t('applications.col.call')}</th>
              <th scope="col" safe>{t('applications.col.lead')}</th>
              <th scope="col" safe>{t('applications.col.role')}</th>
              <th scope="col" safe>{t('applications.col.status')}</th>
              <th scope="col" safe>{t('applications.col.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((row) => (
              <tr>
                <td>
                  <a class="ds-link" href={`/soknader/${row.id}?lang=${ctx.locale}`} lang={row.callLanguage} safe>{row.callTitle}</a>
                </td>
                <td safe>{row.leadName}</td>
                <td>
                  <span safe>{tx(ctx, `applications.role.${row.mine.role}`)}</span> <InvitationTag ctx={ctx} state={row.mine.invitation} />
                </td>
                <td safe>{stateName(row.status, 'staff', ctx.locale)}</td>
                <td safe>{formatInstant(ctx.locale, row.deadline, row.zone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

// Start --------------------------------------------------------------------------------------------

export function StartPage({ ctx, call, municipalities, values, problems }: { ctx: PageContext; call: StoredCall; municipalities: { code: string; name: string }[]; values: Record<string, string>; problems: FieldError[] }) {
  const { t } = ctx;
  const error = (field: string) => problems.find((p) => p.field === field)?.message;
  return (
    <Layout ctx={ctx} title={t('applications.start.title')} crumbs={[{ label: call.content.title, href: `/utlysninger/${call.id}?lang=${ctx.locale}` }, { label: t('applications.start.title') }]}>
      <PageHeading title={t('applications.start.title')} lead={t('applications.start.lead')} />
      <p class="ds-paragraph" lang={call.content.language} safe>{call.content.title}</p>
      <ErrorSummary ctx={ctx} errors={problems} />
      {municipalities.length === 0 ? (
        <p class="ds-paragraph" safe>{t('applications.start.noMunicipality')}</p>
      ) : (
        <form method="post" action={`/soknader?lang=${ctx.locale}`}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="call" value={call.id} />
          <Select id="municipality" label={t('applications.start.municipality')} value={values.municipality ?? ''} options={municipalities.map((m) => ({ value: m.code, label: m.name }))} error={error('municipality')} />
          <TextField id="email" label={t('applications.start.email')} value={values.email ?? ''} type="email" error={error('email')} />
          <button class="ds-button" type="submit" safe>{t('applications.start.submit')}</button>
        </form>
      )}
    </Layout>
  );
}

// The application ----------------------------------------------------------------------------------

export interface ApplicationView {
  /** A late-submission exception the owner granted the lead municipality, while it is in force. */
  extension?: DeadlineExtension | undefined;
  application: StoredApplication;
  call: StoredCall;
  /** The signed-in person's municipality in this network. */
  mine: StoredMember;
  editable: boolean;
  eligibility: Eligibility;
  submissions: StoredSubmission[];
  /** Answers to show (what the person typed, on a refused or conflicting save). */
  values?: Record<string, AnswerValue | undefined>;
  /** The version the form carries (the current one after a conflict). */
  formVersion?: number;
  notice?: string;
  warnings?: FieldError[];
  errors?: FieldError[];
  conflict?: { name: string; version: number; base: number; parts: string };
  /** How long a session lasts without activity, for the warning before it expires. */
  sessionSeconds?: number;
  /** Neighbours, the same county and similar challenges, for calls with a network rule (the lead's page). */
  partners?: PartnerSuggestion[];
  /** The projected-challenge parts' figures for the network as it stands. */
  challenges?: ProjectedChallenge[];
  /** The owner's decision on the application, once made (selection capability). */
  decision?: ApplicantDecision | undefined;
}

function text(value: AnswerValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

function PartField({ ctx, part, value, error, disabled, members = [], country = 'NO', challenge }: { ctx: PageContext; part: FormPart; value: AnswerValue | undefined; error: string | undefined; disabled: boolean; members?: StoredMember[]; country?: 'NO' | 'DK'; challenge?: ProjectedChallenge | undefined }) {
  const { t } = ctx;
  const help = [part.help, part.kind === 'text' ? t('applications.form.words', { max: part.maxWords }) : ''].filter(Boolean).join(' ');
  switch (part.kind) {
    case 'text':
      return <TextArea id={part.key} label={part.label} value={text(value)} error={error} help={help} rows={6} />;
    case 'number':
    case 'amount':
      return <TextField id={part.key} label={part.kind === 'amount' ? `${part.label} (${part.currency})` : part.label} value={text(value)} error={error} inputmode="decimal" {...(part.help ? { help: part.help } : {})} />;
    case 'date':
      return <TextField id={part.key} label={part.label} value={text(value)} error={error} type="date" {...(part.help ? { help: part.help } : {})} />;
    case 'choice': {
      const chosen = new Set(typeof value === 'string' ? [value] : Array.isArray(value) ? (value as string[]) : []);
      return (
        <fieldset class="ds-fieldset" id={part.key} aria-invalid={error ? 'true' : undefined}>
          <legend class="ds-label" safe>{part.label}</legend>
          {part.options.map((option, index) => (
            <div class="ds-field">
              <input class="ds-input" type={part.multiple ? 'checkbox' : 'radio'} id={`${part.key}-${index}`} name={part.key} value={option.value} checked={chosen.has(option.value)} disabled={disabled} />
              <label class="ds-label" for={`${part.key}-${index}`} safe>{option.label}</label>
            </div>
          ))}
          {error ? <p class="ds-validation-message" data-color="danger" safe>{error}</p> : ''}
        </fieldset>
      );
    }
    case 'table': {
      const rows = Array.isArray(value) ? (value as TableRow[]) : [];
      const shown = Math.min(part.maxRows, Math.max(rows.length + 2, 3), 20);
      return (
        <fieldset class="ds-fieldset" id={part.key}>
          <legend class="ds-label" safe>{part.label}</legend>
          <table class="ds-table">
            <thead>
              <tr>
                <td></td>
                {part.columns.map((column) => (
                  <th scope="col" safe>{column.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: shown }, (_, row) => (
                <tr>
                  <th scope="row" safe>{t('applications.form.row', { number: row + 1 })}</th>
                  {part.columns.map((column) => (
                    <td>
                      <input
                        class="ds-input"
                        name={`${part.key}.${row}.${column.key}`}
                        value={rows[row]?.[column.key] ?? ''}
                        aria-label={`${column.label}, ${t('applications.form.row', { number: row + 1 })}`}
                        inputmode={column.type === 'number' ? 'decimal' : undefined}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {error ? <p class="ds-validation-message" data-color="danger" safe>{error}</p> : ''}
        </fieldset>
      );
    }
    case 'projected-challenge':
      return (
        <div class="ds-field" id={part.key}>
          <p class="ds-label" safe>{part.label}</p>
          {challenge ? <ChallengeTable ctx={ctx} challenge={challenge} id={`${part.key}-figures`} /> : <p class="ds-paragraph" data-size="sm" safe>{t('applications.challenge.none')}</p>}
          <ul class="ds-list">
            {members.map((m) => (
              <li>
                <a class="ds-link" href={country === 'DK' ? `/danmark?lang=${ctx.locale}` : `/kommune/${m.code}?lang=${ctx.locale}`} safe>{t('applications.form.projectionLink', { name: m.name })}</a>
              </li>
            ))}
          </ul>
        </div>
      );
    case 'attachment': {
      const files = Array.isArray(value) ? (value as StoredAttachment[]) : [];
      return (
        <div class="ds-field" id={part.key}>
          <p class="ds-label" safe>{part.label}</p>
          {files.length === 0 ? <p class="ds-paragraph" data-size="sm" safe>{t('applications.attachments.none')}</p> : ''}
          <ul class="ds-list">
            {files.map((file) => (
              <li safe>{`${file.name} (${formatBytes(ctx.locale, file.bytes)})`}</li>
            ))}
          </ul>
          {error ? <p class="ds-validation-message" data-color="danger" safe>{error}</p> : ''}
        </div>
      );
    }
  }
}

function bodyName(ctx: PageContext, body: string) {
  return tx(ctx, `programmes.body.${body}`);
}

function Members({ ctx, view }: { ctx: PageContext; view: ApplicationView }) {
  const { t } = ctx;
  const { application } = view;
  return (
    <section aria-labelledby="members" id="members-section">
      <h2 class="ds-heading" data-size="sm" id="members" safe>{t('applications.members.title')}</h2>
      <table class="ds-table">
        <thead>
          <tr>
            <th scope="col" safe>{t('applications.col.municipality')}</th>
            <th scope="col" safe>{t('applications.col.role')}</th>
            <th scope="col" safe>{t('applications.col.invitation')}</th>
            <th scope="col" safe>{t('applications.col.decision')}</th>
          </tr>
        </thead>
        <tbody>
          {application.members.map((member) => (
            <tr>
              <td safe>{member.name}</td>
              <td safe>{tx(ctx, `applications.role.${member.role}`)}</td>
              <td>
                <InvitationTag ctx={ctx} state={member.invitation} />
              </td>
              <td>
                {member.decision ? (
                  <a class="ds-link" href={`/soknader/${application.id}/filer/${member.decision.fileId}`} safe>
                    {t('applications.members.decision', { body: bodyName(ctx, member.decision.body), date: member.decision.date })}
                  </a>
                ) : (
                  <span safe>{t('applications.members.noDecision')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function RuleResults({ ctx, results, id }: { ctx: PageContext; results: readonly RuleResult[]; id?: string }) {
  return (
    <ul class="ds-list" id={id}>
      {results.map((result) => (
        <li>
          <span class="ds-tag" data-color={result.outcome === 'pass' ? 'success' : result.outcome === 'fail' ? 'danger' : 'warning'} safe>
            {tx(ctx, `applications.eligibility.${result.outcome}`)}
          </span>{' '}
          <span safe>{tx(ctx, result.explanation.key, result.explanation.params)}</span>
        </li>
      ))}
    </ul>
  );
}

function EligibilityList({ ctx, eligibility }: { ctx: PageContext; eligibility: Eligibility }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="eligibility" id="eligibility-section">
      <h2 class="ds-heading" data-size="sm" id="eligibility" safe>{t('applications.eligibility.title')}</h2>
      <RuleResults ctx={ctx} results={eligibility.results} id="eligibility-result" />
    </section>
  );
}

/** The figures of a projected-challenge part as a table: each member, then the network as one. */
export function ChallengeTable({ ctx, challenge, id }: { ctx: PageContext; challenge: ProjectedChallenge; id: string }) {
  const { t } = ctx;
  const say = (key: string, params: Record<string, string | number> = {}) => tx(ctx, key, params);
  const rows = challengeRows(ctx.locale, say, challenge);
  return (
    <div class="challenge" id={id}>
      {rows.length > 0 ? (
        <table class="ds-table" data-size="sm">
          <caption safe>{challengeCaption(say, challenge)}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('applications.challenge.area')}</th>
              <th scope="col" safe>{String(challenge.baseYear)}</th>
              <th scope="col" safe>{String(challenge.horizonYear)}</th>
              <th scope="col" safe>{t('applications.challenge.change')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <th scope="row" safe>{row.area}</th>
                <td safe>{row.base}</td>
                <td safe>{row.horizon}</td>
                <td safe>{row.change}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        ''
      )}
      {rows.length > 0 ? <p class="ds-paragraph" data-size="sm" safe>{challengeSource(say, challenge)}</p> : ''}
      {challenge.missing.length > 0 ? <p class="ds-paragraph" data-size="sm" safe>{t('applications.challenge.missing', { names: challenge.missing.join(', ') })}</p> : ''}
    </div>
  );
}

export function reasonText(ctx: PageContext, reason: PartnerReason): string {
  switch (reason.kind) {
    case 'neighbour':
      return tx(ctx, 'applications.partners.reason.neighbour', { names: reason.of.join(', ') });
    case 'region':
      return tx(ctx, 'applications.partners.reason.region', { region: reason.region });
    case 'similar': {
      const m = reason.measure;
      const one = (v: number) => formatNumber(ctx.locale, v, 1);
      const signed = (v: number) => `${v > 0 ? '+' : ''}${one(v)}`;
      return tx(ctx, 'applications.partners.reason.similar', { from: one(m.from), to: one(m.to), year: String(m.year), change: signed(m.change), own: signed(m.own) });
    }
  }
}

const VERDICT_COLOR = { passes: 'success', networkPasses: 'info', fails: 'danger' } as const;

/** One suggestion: why, the verdict with the population rule's numbers, every rule in a details list, and `action` (invite or check). */
function PartnerItem({ ctx, partner: p, children }: { ctx: PageContext; partner: PartnerSuggestion; children?: Children }) {
  const population = p.eligibility.results.find((r) => r.rule.kind === 'network-population');
  return (
    <>
      <p class="ds-paragraph">
        <strong safe>{p.name}</strong>
        <span safe>{p.persons === null ? '' : ` – ${tx(ctx, 'applications.partners.population', { persons: p.persons })}`}</span>
      </p>
      <ul class="ds-list partner-reasons">
        {p.reasons.map((reason) => (
          <li class="partner-reason" data-reason={reason.kind} safe>{reasonText(ctx, reason)}</li>
        ))}
      </ul>
      <p class="ds-paragraph partner-verdict" data-verdict={p.verdict}>
        <span class="ds-tag" data-color={VERDICT_COLOR[p.verdict]} safe>{tx(ctx, `applications.partners.verdict.${p.verdict}`)}</span>
        {population ? <span safe>{` ${tx(ctx, population.explanation.key, population.explanation.params)}`}</span> : ''}
      </p>
      <details class="ds-details">
        <summary safe>{ctx.t('applications.partners.rules', { name: p.name })}</summary>
        <RuleResults ctx={ctx} results={p.eligibility.results} />
      </details>
      {children}
    </>
  );
}

function PartnerSuggestions({ ctx, applicationId, partners }: { ctx: PageContext; applicationId: string; partners: PartnerSuggestion[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="partners" id="partners-section">
      <h3 class="ds-heading" data-size="xs" id="partners" safe>{t('applications.partners.title')}</h3>
      <p class="ds-paragraph" data-size="sm" safe>{t('applications.partners.lead')}</p>
      <ul class="ds-list partner-list">
        {partners.map((p) => (
          <li id={`partner-${p.code}`} class="partner">
            <form method="post" action={`/soknader/${applicationId}/invitasjoner?lang=${ctx.locale}`}>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="municipality" value={p.code} />
              <PartnerItem ctx={ctx} partner={p}>
                <button class="ds-button" data-variant="secondary" data-size="sm" type="submit" safe>{t('applications.partners.invite', { name: p.name })}</button>
              </PartnerItem>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The public partner finder of a call (read-only, signed in or not): suggestions for the
 * municipalities chosen in the call page's eligibility check, each with a link that runs the
 * check again with the partner added.
 */
export function PublicPartnersPage({ ctx, call, members, partners }: { ctx: PageContext; call: StoredCall; members: { code: string; name: string }[]; partners: PartnerSuggestion[] }) {
  const { t } = ctx;
  const title = t('applications.finder.title');
  const checkUrl = (codes: string[]) => `/utlysninger/${call.id}/sjekk?lang=${ctx.locale}${codes.map((c) => `&member=${encodeURIComponent(c)}`).join('')}#check`;
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t('applications.finder.calls'), href: `/utlysninger?lang=${ctx.locale}` }, { label: call.content.title, href: `/utlysninger/${call.id}?lang=${ctx.locale}` }, { label: title }]}>
      <PageHeading title={title} lead={members.length > 0 ? t('applications.finder.lead', { names: members.map((m) => m.name).join(', ') }) : t('applications.finder.noMembers')} />
      <p class="ds-paragraph" lang={call.content.language} safe>{call.content.title}</p>
      {members.length > 0 ? <p class="ds-paragraph" data-size="sm" safe>{t('applications.partners.lead')}</p> : ''}
      {members.length > 0 && partners.length === 0 ? <p class="ds-paragraph" role="status" safe>{t('applications.finder.none')}</p> : ''}
      <ul class="ds-list partner-list">
        {partners.map((p) => (
          <li id={`partner-${p.code}`} class="partner">
            <PartnerItem ctx={ctx} partner={p}>
              <p class="ds-paragraph">
                <a class="ds-link" href={checkUrl([...members.map((m) => m.code), p.code])} safe>{t('applications.finder.check', { name: p.name })}</a>
              </p>
            </PartnerItem>
          </li>
        ))}
      </ul>
      <p class="ds-paragraph">
        <a class="ds-link" href={checkUrl(members.map((m) => m.code))} safe>{t('applications.finder.back')}</a>
      </p>
    </Layout>
  );
}

export function ApplicationPage({ ctx, view }: { ctx: PageContext; view: ApplicationView }) {
  const { t } = ctx;
  const { application, call, mine, editable, submissions } = view;
  const form = call.status === 'draft' ? { sections: [] } : call.snapshot.form;
  const lead = application.members.find((m) => m.role === 'lead');
  const isLead = mine.role === 'lead';
  const values = view.values ?? application.answers;
  const title = t('applications.page.title', { call: call.content.title });
  const deadline = application.deadline;
  const errorFor = (key: string) => [...(view.errors ?? []), ...(view.warnings ?? [])].find((e) => e.field === key)?.message;
  const attachmentParts = form.sections.flatMap((s) => s.parts).filter((p): p is Extract<FormPart, { kind: 'attachment' }> => p.kind === 'attachment');
  const canDecide = editable && mine.invitation === 'accepted';
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t('applications.mine.title'), href: `/soknader?lang=${ctx.locale}` }, { label: title }]}>
      <h1 class="ds-heading" data-size="lg" safe>{title}</h1>
      <ErrorSummary ctx={ctx} errors={view.errors ?? []} />
      {view.notice ? (
        <div class="ds-alert" data-color="success" role="status">
          <p class="ds-paragraph" safe>{view.notice}</p>
        </div>
      ) : (
        ''
      )}
      {view.conflict ? (
        <div class="ds-alert" data-color="warning" role="alert" id="conflict">
          <h2 class="ds-heading" data-size="xs" safe>{t('applications.conflict.title')}</h2>
          <p class="ds-paragraph" safe>{t('applications.conflict.text', view.conflict)}</p>
        </div>
      ) : (
        ''
      )}
      {view.warnings && view.warnings.length > 0 ? (
        <div class="ds-alert" data-color="warning" id="warnings">
          <p class="ds-paragraph" safe>{t('applications.page.warnings')}</p>
          <ul class="ds-list">
            {view.warnings.map((w) => (
              <li>
                <a class="ds-link" href={`#${w.field}`} safe>{w.message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        ''
      )}
      {!editable ? (
        <div class="ds-alert" data-color="info">
          <p class="ds-paragraph" safe>{t('applications.page.readOnly')}</p>
        </div>
      ) : (
        ''
      )}
      {view.extension ? (
        <div class="ds-alert" data-color="info" id="extension">
          <p class="ds-paragraph" safe>{t('programmes.extension.applicant', { time: formatInstant(ctx.locale, view.extension.until, zoneOf(call)) })}</p>
        </div>
      ) : (
        ''
      )}
      <dl class="facts">
        <dt safe>{t('applications.page.lead')}</dt>
        <dd safe>{lead?.name ?? ''}</dd>
        <dt safe>{t('applications.page.status')}</dt>
        <dd id="status" safe>{stateName(application.status, 'staff', ctx.locale)}</dd>
        <dt safe>{t('applications.page.deadline')}</dt>
        <dd safe>{formatInstant(ctx.locale, deadline, zoneOf(call))}</dd>
        <dt safe>{t('applications.page.version')}</dt>
        <dd safe>{`${application.version}${application.updatedByName ? ` – ${t('applications.page.lastSaved', { name: application.updatedByName })}` : ''}`}</dd>
      </dl>
      {!isLead ? <p class="ds-paragraph" safe>{t('applications.page.coApplicant')}</p> : ''}
      <ApplicantDecisionSection ctx={ctx} applicationId={application.id} decision={view.decision} />

      <Members ctx={ctx} view={view} />
      {isLead && editable ? (
        <form method="post" action={`/soknader/${application.id}/invitasjoner?lang=${ctx.locale}`} class="inline-form">
          <CsrfField ctx={ctx} />
          <TextField id="municipality" label={t('applications.invite.municipality')} value="" error={errorFor('municipality')} />
          <button class="ds-button" data-variant="secondary" type="submit" safe>{t('applications.invite.submit')}</button>
        </form>
      ) : (
        ''
      )}
      {isLead && editable && view.partners && view.partners.length > 0 ? <PartnerSuggestions ctx={ctx} applicationId={application.id} partners={view.partners} /> : ''}
      {canDecide ? (
        <section aria-labelledby="decision">
          <h3 class="ds-heading" data-size="xs" id="decision" safe>{t('applications.decision.title', { name: mine.name })}</h3>
          <form method="post" action={`/soknader/${application.id}/vedtak?lang=${ctx.locale}`} enctype="multipart/form-data">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="code" value={mine.code} />
            <Select id="decisionBody" label={t('applications.decision.body')} value={mine.decision?.body ?? ''} options={DECISION_BODIES.map((b) => ({ value: b, label: bodyName(ctx, b) }))} error={errorFor('decisionBody')} />
            <TextField id="decisionDate" label={t('applications.decision.date')} value={mine.decision?.date ?? ''} type="date" error={errorFor('decisionDate')} />
            <div class="ds-field">
              <label class="ds-label" for="decisionFile" safe>{t('applications.decision.file')}</label>
              <input class="ds-input" type="file" id="decisionFile" name="decisionFile" accept="application/pdf" aria-invalid={errorFor('decisionFile') ? 'true' : undefined} />
              {errorFor('decisionFile') ? <p class="ds-validation-message" data-color="danger" safe>{errorFor('decisionFile')}</p> : ''}
            </div>
            <button class="ds-button" data-variant="secondary" type="submit" safe>{t('applications.decision.submit')}</button>
          </form>
        </section>
      ) : (
        ''
      )}

      <EligibilityList ctx={ctx} eligibility={view.eligibility} />

      <section aria-labelledby="form-title">
        <h2 class="ds-heading" data-size="sm" id="form-title" safe>{t('applications.form.title')}</h2>
        {isLead && editable ? (
          <>
            <p class="ds-paragraph" data-size="sm" id="autosave-status" role="status" aria-live="polite"></p>
            <div class="ds-alert" data-color="warning" id="session-warning" role="alert" hidden>
              <p class="ds-paragraph" safe>{t('applications.session.warning')}</p>
            </div>
          </>
        ) : (
          ''
        )}
        <form
          method="post"
          action={`/soknader/${application.id}?lang=${ctx.locale}`}
          id="answers"
          data-autosave={isLead && editable && !view.conflict ? 'on' : undefined}
          data-session-seconds={String(view.sessionSeconds ?? 0)}
          data-saved-text={t('applications.autosave.saved', { time: '{time}' })}
          data-conflict-text={t('applications.autosave.conflict')}
          data-failed-text={t('applications.autosave.failed')}
        >
          <CsrfField ctx={ctx} />
          <input type="hidden" name="version" value={String(view.formVersion ?? application.version)} />
          <fieldset class="ds-fieldset answers" disabled={!isLead || !editable}>
          <legend class="ds-sr-only" safe>{t('applications.form.title')}</legend>
          {form.sections.map((section) => (
            <fieldset class="ds-fieldset form-section">
              <legend class="ds-heading" data-size="xs" lang={call.content.language} safe>{section.title}</legend>
              {section.guidance ? <p class="ds-paragraph" data-size="sm" lang={call.content.language} safe>{section.guidance}</p> : ''}
              {section.parts.map((part) => (
                <PartField
                  ctx={ctx}
                  part={part}
                  value={values[part.key]}
                  error={errorFor(part.key)}
                  disabled={!isLead || !editable}
                  members={application.members.filter((m) => m.invitation === 'accepted')}
                  country={application.country}
                  challenge={view.challenges?.find((c) => c.part === part.key)}
                />
              ))}
            </fieldset>
          ))}
          </fieldset>
          {isLead && editable ? <button class="ds-button" type="submit" safe>{t('applications.form.save')}</button> : ''}
        </form>
      </section>

      {isLead && editable && attachmentParts.length > 0 ? (
        <section aria-labelledby="attachments">
          <h2 class="ds-heading" data-size="sm" id="attachments" safe>{t('applications.attachments.title')}</h2>
          {attachmentParts.map((part) => (
            <form method="post" action={`/soknader/${application.id}/vedlegg?lang=${ctx.locale}`} enctype="multipart/form-data" class="inline-form">
              <CsrfField ctx={ctx} />
              <input type="hidden" name="version" value={String(view.formVersion ?? application.version)} />
              <input type="hidden" name="part" value={part.key} />
              <div class="ds-field">
                <label class="ds-label" for={`file-${part.key}`} safe>{t('applications.attachments.file', { part: part.label })}</label>
                <p class="ds-paragraph" data-size="sm" id={`file-${part.key}-help`} safe>
                  {t('applications.attachments.allowed', { types: part.allowedTypes.join(', '), max: formatBytes(ctx.locale, part.maxBytes), files: part.maxFiles })}
                </p>
                <input class="ds-input" type="file" id={`file-${part.key}`} name="file" accept={part.allowedTypes.join(',')} aria-describedby={`file-${part.key}-help`} />
              </div>
              <button class="ds-button" data-variant="secondary" type="submit" safe>{t('applications.attachments.upload')}</button>
            </form>
          ))}
        </section>
      ) : (
        ''
      )}

      {isLead && editable ? (
        <section aria-labelledby="submit" id="submit-section">
          <h2 class="ds-heading" data-size="sm" id="submit" safe>{t('applications.submit.title')}</h2>
          <p class="ds-paragraph" safe>{t('applications.submit.lead')}</p>
          <form method="post" action={`/soknader/${application.id}/send?lang=${ctx.locale}`}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(view.formVersion ?? application.version)} />
            <button class="ds-button" type="submit" safe>{application.submissions > 0 ? t('applications.submit.again') : t('applications.submit.button')}</button>
          </form>
        </section>
      ) : (
        ''
      )}

      <Submissions ctx={ctx} application={application} call={call} submissions={submissions} />

      {isLead && editable ? (
        <details class="ds-details withdraw">
          <summary safe>{t('applications.withdraw.title')}</summary>
          <form method="post" action={`/soknader/${application.id}/trekk?lang=${ctx.locale}`}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(view.formVersion ?? application.version)} />
            <TextField id="reason" label={t('applications.withdraw.reason')} value="" />
            <button class="ds-button" data-color="danger" data-variant="secondary" type="submit" safe>{t('applications.withdraw.button')}</button>
          </form>
        </details>
      ) : (
        ''
      )}
      {isLead && editable ? <script src={AUTOSAVE_PATH} defer></script> : ''}
    </Layout>
  );
}

function Submissions({ ctx, application, call, submissions }: { ctx: PageContext; application: StoredApplication; call: StoredCall; submissions: StoredSubmission[] }) {
  const { t } = ctx;
  if (submissions.length === 0) return '';
  const last = submissions.at(-1)!.number;
  return (
    <section aria-labelledby="submissions">
      <h2 class="ds-heading" data-size="sm" id="submissions" safe>{t('applications.submissions.title')}</h2>
      <ul class="ds-list" id="submission-list">
        {[...submissions].reverse().map((s) => (
          <li>
            <span safe>{t('applications.submissions.item', { number: s.number, time: formatInstant(ctx.locale, s.submittedAt, zoneOf(call)), name: s.submittedByName ?? '' })}</span>
            {s.number === last ? <strong safe>{` ${t('applications.submissions.counts')}`}</strong> : ''}
            <br />
            <a class="ds-link" href={`/soknader/${application.id}/kvittering/${s.number}?lang=${ctx.locale}`} safe>{t('applications.submissions.receipt', { number: s.number })}</a>
            {' · '}
            {s.pdfFileId ? (
              <a class="ds-link" href={`/soknader/${application.id}/filer/${s.pdfFileId}`} safe>{t('applications.submissions.pdf', { number: s.number })}</a>
            ) : (
              <span class="pdf-preparing" role="status" safe>{t('applications.submissions.preparing', { number: s.number })}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ReceiptPage({ ctx, application, call, submission, challenges }: { ctx: PageContext; application: StoredApplication; call: StoredCall; submission: StoredSubmission; challenges: ProjectedChallenge[] }) {
  const { t } = ctx;
  const title = t('applications.receipt.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t('applications.mine.title'), href: `/soknader?lang=${ctx.locale}` }, { label: t('applications.page.title', { call: call.content.title }), href: `/soknader/${application.id}?lang=${ctx.locale}` }, { label: title }]}>
      <h1 class="ds-heading" data-size="lg" safe>{title}</h1>
      <p class="ds-paragraph" id="receipt" safe>
        {t('applications.receipt.text', { call: submission.callTitle, time: formatInstant(ctx.locale, submission.submittedAt, zoneOf(call)), number: submission.number })}
      </p>
      {submission.recipients.length > 0 ? <p class="ds-paragraph" safe>{t('applications.receipt.mailed', { recipients: submission.recipients.join(', ') })}</p> : ''}
      <p class="ds-paragraph">
        {submission.pdfFileId ? (
          <a class="ds-link" href={`/soknader/${application.id}/filer/${submission.pdfFileId}`} safe>{t('applications.submissions.pdf', { number: submission.number })}</a>
        ) : (
          <span role="status" safe>{t('applications.submissions.preparing', { number: submission.number })}</span>
        )}
      </p>
      <ul class="ds-list">
        {submission.members.map((m) => (
          <li safe>{`${m.name} – ${tx(ctx, `applications.role.${m.role}`)}${m.decision ? ` – ${bodyName(ctx, m.decision.body)} ${m.decision.date}` : ''}`}</li>
        ))}
      </ul>
      {challenges.map((challenge) => {
        const label = submission.form.sections.flatMap((s) => s.parts).find((p) => p.key === challenge.part)?.label ?? challenge.part;
        return (
          <section aria-labelledby={`receipt-${challenge.part}`}>
            <h2 class="ds-heading" data-size="xs" id={`receipt-${challenge.part}`} lang={submission.callLanguage} safe>{label}</h2>
            <ChallengeTable ctx={ctx} challenge={challenge} id={`receipt-${challenge.part}-figures`} />
          </section>
        );
      })}
      <p class="ds-paragraph">
        <a class="ds-link" href={`/soknader/${application.id}?lang=${ctx.locale}`} safe>{t('applications.receipt.back')}</a>
      </p>
    </Layout>
  );
}

export type { Locale };
