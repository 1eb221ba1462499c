/** The page an invitation's link opens: who invites whom to which panel, and the way to accept it. */
import { CsrfField, ErrorSummary, PageHeading, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Layout } from '../../platform/ui/layout.js';
import { translate } from '../../platform/ui/translate.js';
import type { PoolInvitation } from '../store.js';

export interface InvitationView {
  invitation: PoolInvitation;
  programme: { name: string; ownerName: string };
  /** The path of this page, to come back to after signing in. */
  path: string;
  signedIn: boolean;
}

export function InvitationPage({ ctx, view, errors = [] }: { ctx: PageContext; view: InvitationView; errors?: FieldError[] }) {
  const { t } = ctx;
  const { invitation, programme } = view;
  const title = t('assessment.invitation.title');
  const back = `${view.path}?lang=${ctx.locale}`;
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading
        title={title}
        lead={translate(ctx, 'assessment.invitation.intro', {
          by: invitation.invitedByName ?? programme.ownerName,
          owner: programme.ownerName,
          name: invitation.name,
          employer: invitation.employer,
          programme: programme.name,
        })}
      />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="ds-paragraph" safe>
        {translate(ctx, 'assessment.invitation.role', { employer: invitation.employer })}
      </p>
      {view.signedIn ? (
        <form method="post" action={back} id="accept">
          <CsrfField ctx={ctx} />
          <button class="ds-button" type="submit" safe>
            {t('assessment.invitation.accept')}
          </button>
        </form>
      ) : (
        <p class="ds-paragraph">
          <a class="ds-button" href={`/login/employee?returnTo=${encodeURIComponent(back)}`} safe>
            {t('assessment.invitation.signIn')}
          </a>
        </p>
      )}
    </Layout>
  );
}

/** A link that cannot be used (unknown, withdrawn, used or too old), said plainly. */
export function InvitationUnusablePage({ ctx, reason }: { ctx: PageContext; reason: string }) {
  const title = ctx.t('assessment.invitation.title');
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading title={title} lead={reason} />
    </Layout>
  );
}
