import { ScrollRegion } from '../../ui/table.js';
import { formatBytes, formatDateTime } from '../../i18n/index.js';
import { PageHeading } from '../../ui/components.js';
import type { PageContext } from '../../ui/context.js';
import { Layout } from '../../ui/layout.js';
import type { CapturedMail } from '../store.js';

export function OutboxPage({ ctx, mails }: { ctx: PageContext; mails: CapturedMail[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('outbox.title')} crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('outbox.title') }]}>
      <PageHeading title={t('outbox.title')} lead={t('outbox.lead')} />
      {mails.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('outbox.none')}
        </p>
      ) : (
        <ScrollRegion label={t('outbox.title')}>
          <table class="ds-table">
            <caption class="ds-sr-only" safe>
              {t('outbox.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('outbox.received')}
                </th>
                <th scope="col" safe>
                  {t('outbox.to')}
                </th>
                <th scope="col" safe>
                  {t('outbox.subject')}
                </th>
                <th scope="col" safe>
                  {t('outbox.attachments')}
                </th>
              </tr>
            </thead>
            <tbody>
              {mails.map((mail) => (
                <tr>
                  <td safe>{formatDateTime(ctx.locale, mail.received_at)}</td>
                  <td safe>{mail.recipients.join(', ')}</td>
                  <td>
                    <a class="ds-link" href={`/dev/outbox/${mail.id}`} safe>
                      {mail.subject}
                    </a>
                  </td>
                  <td>{mail.attachments.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Layout>
  );
}

export function MailPage({ ctx, mail }: { ctx: PageContext; mail: CapturedMail }) {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={mail.subject}
      crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('outbox.title'), href: '/dev/outbox' }, { label: mail.subject }]}
    >
      <PageHeading title={mail.subject} />
      <dl class="facts">
        <dt safe>{t('outbox.from')}</dt>
        <dd safe>{mail.sender}</dd>
        <dt safe>{t('outbox.to')}</dt>
        <dd safe>{mail.recipients.join(', ')}</dd>
        <dt safe>{t('outbox.received')}</dt>
        <dd safe>{formatDateTime(ctx.locale, mail.received_at)}</dd>
      </dl>
      <pre class="mail-body" safe>
        {mail.text_body}
      </pre>
      {mail.attachments.length > 0 ? (
        <section aria-labelledby="attachments">
          <h2 class="ds-heading" data-size="sm" id="attachments" safe>
            {t('outbox.attachments')}
          </h2>
          <ul class="ds-list">
            {mail.attachments.map((attachment) => (
              <li safe>{`${attachment.filename} (${formatBytes(ctx.locale, attachment.size)})`}</li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
