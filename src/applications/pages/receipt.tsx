/** The receipt of a submitted version: when, by whom, the members with their decisions and the projected figures as they were. */
import type { PageContext } from '../../platform/ui/context.js';
import { formatInstant } from '../../platform/i18n/index.js';
import { Layout } from '../../platform/ui/layout.js';
import { translate } from '../../platform/ui/translate.js';
import type { StoredCall } from '../../programmes/index.js';
import type { ProjectedChallenge } from '../model.js';
import type { StoredApplication, StoredSubmission } from '../store.js';
import { bodyName, ChallengeTable, zoneOf } from './parts.js';

export function ReceiptPage({
  ctx,
  application,
  call,
  submission,
  challenges,
}: {
  ctx: PageContext;
  application: StoredApplication;
  call: StoredCall;
  submission: StoredSubmission;
  challenges: ProjectedChallenge[];
}) {
  const { t } = ctx;
  const title = t('applications.receipt.title');
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { label: t('applications.mine.title'), href: `/soknader?lang=${ctx.locale}` },
        { label: t('applications.page.title', { call: call.content.title }), href: `/soknader/${application.id}?lang=${ctx.locale}` },
        { label: title },
      ]}
    >
      <h1 class="ds-heading" data-size="lg" safe>
        {title}
      </h1>
      <p class="ds-paragraph" id="receipt" safe>
        {t('applications.receipt.text', {
          caseNumber: submission.caseNumber,
          call: submission.callTitle,
          time: formatInstant(ctx.locale, submission.submittedAt, zoneOf(call)),
          number: submission.number,
        })}
      </p>
      {submission.recipients.length > 0 ? (
        <p class="ds-paragraph" safe>
          {t('applications.receipt.mailed', { recipients: submission.recipients.join(', ') })}
        </p>
      ) : (
        ''
      )}
      <p class="ds-paragraph">
        {submission.pdfFileId ? (
          <a class="ds-link" href={`/soknader/${application.id}/filer/${submission.pdfFileId}`} safe>
            {t('applications.submissions.pdf', { number: submission.number })}
          </a>
        ) : (
          <span role="status" safe>
            {t('applications.submissions.preparing', { number: submission.number })}
          </span>
        )}
      </p>
      <ul class="ds-list">
        {submission.members.map((m) => (
          <li
            safe
          >{`${m.name} – ${translate(ctx, `applications.role.${m.role}`)}${m.decision ? ` – ${bodyName(ctx, m.decision.body)} ${m.decision.date}` : ''}`}</li>
        ))}
      </ul>
      {challenges.map((challenge) => {
        const label = submission.form.sections.flatMap((s) => s.parts).find((p) => p.key === challenge.part)?.label ?? challenge.part;
        return (
          <section aria-labelledby={`receipt-${challenge.part}`}>
            <h2 class="ds-heading" data-size="xs" id={`receipt-${challenge.part}`} lang={submission.callLanguage} safe>
              {label}
            </h2>
            <ChallengeTable ctx={ctx} challenge={challenge} id={`receipt-${challenge.part}-figures`} />
          </section>
        );
      })}
      <p class="ds-paragraph">
        <a class="ds-link" href={`/soknader/${application.id}?lang=${ctx.locale}`} safe>
          {t('applications.receipt.back')}
        </a>
      </p>
    </Layout>
  );
}
