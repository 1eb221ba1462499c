/** The network on the application page: its members, inviting, suggested partners and a member's political decision. */
import { CsrfField } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Select, TextField } from '../../platform/ui/fields.js';
import { DataTable } from '../../platform/ui/table.js';
import { translate } from '../../platform/ui/translate.js';
import { decisionBodiesOf, type Eligibility } from '../../programmes/index.js';
import type { PartnerSuggestion } from '../partners.js';
import type { StoredMember } from '../store.js';
import { errorFor, leadCanChange, type ApplicationView } from './application-view.js';
import { bodyName, InvitationTag, PartnerItem, RuleResults } from './parts.js';

/** The lead's way out of a silent or departing partner: withdraw the invitation, or remove the member. */
function ReleaseButton({ ctx, view, member }: { ctx: PageContext; view: ApplicationView; member: StoredMember }) {
  const action =
    member.role === 'co' && member.invitation === 'pending'
      ? 'withdraw'
      : member.role === 'co' && member.invitation === 'accepted'
        ? 'remove'
        : undefined;
  if (!action) return '';
  const path = action === 'withdraw' ? 'trekk' : 'fjern';
  return (
    <form method="post" action={`/soknader/${view.application.id}/medlemmer/${member.code}/${path}?lang=${ctx.locale}`}>
      <CsrfField ctx={ctx} />
      <button class="ds-button" data-variant="tertiary" data-size="sm" type="submit" safe>
        {`${ctx.t(`applications.invitation.${action}`)}: ${member.name}`}
      </button>
    </form>
  );
}

export function Members({ ctx, view }: { ctx: PageContext; view: ApplicationView }) {
  const { t } = ctx;
  const { application } = view;
  const canChange = leadCanChange(view);
  return (
    <section aria-labelledby="members" id="members-section">
      <h2 class="ds-heading" data-size="sm" id="members" safe>
        {t('applications.members.title')}
      </h2>
      <DataTable
        scrollLabel={t('applications.members.title')}
        rows={application.members}
        columns={[
          { header: t('applications.col.municipality'), text: (member) => member.name },
          { header: t('applications.col.role'), text: (member) => translate(ctx, `applications.role.${member.role}`) },
          { header: t('applications.col.invitation'), cell: (member) => <InvitationTag ctx={ctx} state={member.invitation} /> },
          {
            header: t('applications.col.decision'),
            cell: (member) =>
              member.decision ? (
                <a class="ds-link" href={`/soknader/${application.id}/filer/${member.decision.fileId}`} safe>
                  {t('applications.members.decision', { body: bodyName(ctx, member.decision.body), date: member.decision.date })}
                </a>
              ) : (
                <span safe>{t('applications.members.noDecision')}</span>
              ),
          },
          ...(canChange
            ? [
                {
                  header: t('applications.col.change'),
                  cell: (member: StoredMember) => <ReleaseButton ctx={ctx} view={view} member={member} />,
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}

export function InviteForm({ ctx, view }: { ctx: PageContext; view: ApplicationView }) {
  return (
    <form method="post" action={`/soknader/${view.application.id}/invitasjoner?lang=${ctx.locale}`} class="inline-form">
      <CsrfField ctx={ctx} />
      <TextField id="municipality" label={ctx.t('applications.invite.municipality')} value="" error={errorFor(view, 'municipality')} />
      <button class="ds-button" data-variant="secondary" type="submit" safe>
        {ctx.t('applications.invite.submit')}
      </button>
    </form>
  );
}

export function PartnerSuggestions({
  ctx,
  applicationId,
  partners,
}: {
  ctx: PageContext;
  applicationId: string;
  partners: PartnerSuggestion[];
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="partners" id="partners-section">
      <h3 class="ds-heading" data-size="xs" id="partners" safe>
        {t('applications.partners.title')}
      </h3>
      <p class="ds-paragraph" data-size="sm" safe>
        {t('applications.partners.lead')}
      </p>
      <details class="ds-details partner-suggestions">
        <summary safe>{t('applications.partners.show', { count: partners.length })}</summary>
        <ul class="ds-list partner-list">
          {partners.map((p) => (
            <li id={`partner-${p.code}`} class="partner">
              <form method="post" action={`/soknader/${applicationId}/invitasjoner?lang=${ctx.locale}`}>
                <CsrfField ctx={ctx} />
                <input type="hidden" name="municipality" value={p.code} />
                <PartnerItem ctx={ctx} partner={p}>
                  <button class="ds-button" data-variant="secondary" data-size="sm" type="submit" safe>
                    {t('applications.partners.invite', { name: p.name })}
                  </button>
                </PartnerItem>
              </form>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

/** The person's own municipality's political decision, once it has accepted. */
export function DecisionForm({ ctx, view }: { ctx: PageContext; view: ApplicationView }) {
  const { t } = ctx;
  const { application, mine } = view;
  const fileError = errorFor(view, 'decisionFile');
  return (
    <section aria-labelledby="decision">
      <h3 class="ds-heading" data-size="xs" id="decision" safe>
        {t('applications.decision.title', { name: mine.name })}
      </h3>
      <form method="post" action={`/soknader/${application.id}/vedtak?lang=${ctx.locale}`} enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="code" value={mine.code} />
        <Select
          id="decisionBody"
          label={t('applications.decision.body')}
          value={mine.decision?.body ?? ''}
          options={decisionBodiesOf(application.country).map((b) => ({ value: b, label: bodyName(ctx, b) }))}
          error={errorFor(view, 'decisionBody')}
        />
        <TextField
          id="decisionDate"
          label={t('applications.decision.date')}
          value={mine.decision?.date ?? ''}
          type="date"
          error={errorFor(view, 'decisionDate')}
        />
        <div class="ds-field">
          <label class="ds-label" for="decisionFile" safe>
            {t('applications.decision.file')}
          </label>
          <input
            class="ds-input"
            type="file"
            id="decisionFile"
            name="decisionFile"
            accept="application/pdf"
            aria-invalid={fileError ? 'true' : undefined}
          />
          {fileError ? (
            <p class="ds-validation-message" data-color="danger" safe>
              {fileError}
            </p>
          ) : (
            ''
          )}
        </div>
        <button class="ds-button" data-variant="secondary" type="submit" safe>
          {t('applications.decision.submit')}
        </button>
      </form>
    </section>
  );
}

/** Members, inviting (the lead), suggestions (the lead, when the call has a network rule) and the decision (an accepted member). */
export function NetworkSection({ ctx, view }: { ctx: PageContext; view: ApplicationView }) {
  const canChange = leadCanChange(view);
  return (
    <>
      <Members ctx={ctx} view={view} />
      {canChange ? <InviteForm ctx={ctx} view={view} /> : ''}
      {canChange && view.partners && view.partners.length > 0 ? (
        <PartnerSuggestions ctx={ctx} applicationId={view.application.id} partners={view.partners} />
      ) : (
        ''
      )}
      {view.editable && view.mine.invitation === 'accepted' ? <DecisionForm ctx={ctx} view={view} /> : ''}
    </>
  );
}

export function EligibilityList({ ctx, eligibility }: { ctx: PageContext; eligibility: Eligibility }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="eligibility" id="eligibility-section">
      <h2 class="ds-heading" data-size="sm" id="eligibility" safe>
        {t('applications.eligibility.title')}
      </h2>
      <RuleResults ctx={ctx} results={eligibility.results} id="eligibility-result" />
    </section>
  );
}
