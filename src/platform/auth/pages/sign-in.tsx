import { CsrfField, ErrorSummary, PageHeading } from '../../ui/components.js';
import type { PageContext } from '../../ui/context.js';
import { Layout } from '../../ui/layout.js';
import type { Persona } from '../personas.js';

export function SignInPage({ ctx, returnTo, failed }: { ctx: PageContext; returnTo: string; failed: boolean }) {
  const { t } = ctx;
  const query = `?returnTo=${encodeURIComponent(returnTo)}`;
  const choices = [
    ['employee', 'signIn.asEmployee', 'signIn.asEmployee.text'],
    ['citizen', 'signIn.asCitizen', 'signIn.asCitizen.text'],
  ] as const;
  return (
    <Layout ctx={ctx} title={t('signIn.title')} crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('signIn.title') }]}>
      <PageHeading title={t('signIn.title')} lead={t('signIn.lead')} />
      {failed ? (
        <div class="ds-alert" data-color="danger" role="alert">
          <p class="ds-paragraph" safe>
            {t('signIn.failed')}
          </p>
        </div>
      ) : (
        ''
      )}
      <div class="card-grid">
        {choices.map(([kind, heading, text]) => (
          <section class="ds-card" aria-labelledby={`sign-in-${kind}`}>
            <h2 class="ds-heading" data-size="sm" id={`sign-in-${kind}`}>
              <a class="ds-link" href={`/login/${kind}${query}`} safe>
                {t(heading)}
              </a>
            </h2>
            <p class="ds-paragraph" safe>
              {t(text)}
            </p>
          </section>
        ))}
      </div>
    </Layout>
  );
}

export function SignedOutPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('nav.signOut')}>
      <PageHeading title={t('signOut.done')} />
      <p class="ds-paragraph">
        <a class="ds-link" href="/" safe>
          {t('error.backHome')}
        </a>
      </p>
    </Layout>
  );
}

export interface PersonaChoiceProps {
  ctx: PageContext;
  action: string;
  personas: Persona[];
  missingChoice: boolean;
}

/** The embedded provider's sign-in page: pick one of the seeded personas. */
export function PersonaChoicePage({ ctx, action, personas, missingChoice }: PersonaChoiceProps) {
  const { t } = ctx;
  const firstId = `persona-${personas[0]?.subject ?? ''}`;
  return (
    <Layout ctx={ctx} title={t('idp.title')}>
      <PageHeading title={t('idp.title')} lead={t('idp.lead')} />
      <ErrorSummary ctx={ctx} errors={missingChoice ? [{ field: firstId, message: t('idp.choosePersona') }] : []} />
      <form method="post" action={action}>
        <CsrfField ctx={ctx} />
        <fieldset class="ds-fieldset" aria-invalid={missingChoice ? 'true' : undefined}>
          <legend class="ds-label" safe>
            {t('idp.persona')}
          </legend>
          <div class="persona-list">
            {personas.map((persona) => (
              <div class="ds-field">
                <input class="ds-input" type="radio" name="persona" value={persona.subject} id={`persona-${persona.subject}`} />
                <label class="ds-label" for={`persona-${persona.subject}`} data-weight="regular" safe>
                  {persona.name} ({persona.description})
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <p>
          <button class="ds-button" data-variant="primary" type="submit" safe>
            {t('idp.continue')}
          </button>
        </p>
      </form>
    </Layout>
  );
}
