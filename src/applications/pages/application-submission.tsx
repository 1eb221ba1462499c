/** Submitting, the submitted versions with their receipts, and withdrawing. */
import { formatInstant } from '../../platform/i18n/index.js';
import { CsrfField } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { TextField } from '../../platform/ui/fields.js';
import type { StoredCall } from '../../programmes/index.js';
import type { StoredApplication, StoredSubmission } from '../store.js';
import { versionOf, type ApplicationView } from './application-view.js';
import { zoneOf } from './parts.js';

export function SubmitForm({ ctx, view }: { ctx: PageContext; view: ApplicationView }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="submit" id="submit-section">
      <h2 class="ds-heading" data-size="sm" id="submit" safe>
        {t('applications.submit.title')}
      </h2>
      <p class="ds-paragraph" safe>
        {t('applications.submit.lead')}
      </p>
      <form method="post" action={`/soknader/${view.application.id}/send?lang=${ctx.locale}`}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={versionOf(view)} />
        <button class="ds-button" type="submit" safe>
          {view.application.submissions > 0 ? t('applications.submit.again') : t('applications.submit.button')}
        </button>
      </form>
    </section>
  );
}

export function Submissions({
  ctx,
  application,
  call,
  submissions,
}: {
  ctx: PageContext;
  application: StoredApplication;
  call: StoredCall;
  submissions: StoredSubmission[];
}) {
  const { t } = ctx;
  if (submissions.length === 0) return '';
  const last = submissions.at(-1)!.number;
  return (
    <section aria-labelledby="submissions">
      <h2 class="ds-heading" data-size="sm" id="submissions" safe>
        {t('applications.submissions.title')}
      </h2>
      <ul class="ds-list" id="submission-list">
        {[...submissions].reverse().map((s) => (
          <li>
            <span safe>
              {t('applications.submissions.item', {
                number: s.number,
                time: formatInstant(ctx.locale, s.submittedAt, zoneOf(call)),
                name: s.submittedByName ?? '',
              })}
            </span>
            {s.number === last ? <strong safe>{` ${t('applications.submissions.counts')}`}</strong> : ''}
            <br />
            <a class="ds-link" href={`/soknader/${application.id}/kvittering/${s.number}?lang=${ctx.locale}`} safe>
              {t('applications.submissions.receipt', { number: s.number })}
            </a>
            {' · '}
            {s.pdfFileId ? (
              <a class="ds-link" href={`/soknader/${application.id}/filer/${s.pdfFileId}`} safe>
                {t('applications.submissions.pdf', { number: s.number })}
              </a>
            ) : (
              <span class="pdf-preparing" role="status" safe>
                {t('applications.submissions.preparing', { number: s.number })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function WithdrawForm({ ctx, view }: { ctx: PageContext; view: ApplicationView }) {
  const { t } = ctx;
  return (
    <details class="ds-details withdraw">
      <summary safe>{t('applications.withdraw.title')}</summary>
      <form method="post" action={`/soknader/${view.application.id}/trekk?lang=${ctx.locale}`}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={versionOf(view)} />
        <TextField id="reason" label={t('applications.withdraw.reason')} value="" />
        <button class="ds-button" data-color="danger" data-variant="secondary" type="submit" safe>
          {t('applications.withdraw.button')}
        </button>
      </form>
    </details>
  );
}
