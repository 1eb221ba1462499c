import { formatDateTime } from '../../i18n/index.js';
import { PageHeading } from '../../ui/components.js';
import type { PageContext } from '../../ui/context.js';
import { Layout } from '../../ui/layout.js';
import type { StoredNotification } from '../store.js';

/** Everything the product has mailed to the signed-in person, newest first, each as it was sent. */
export function MyNotificationsPage({ ctx, notices }: { ctx: PageContext; notices: readonly StoredNotification[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('notifications.title')} crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('notifications.title') }]}>
      <PageHeading title={t('notifications.title')} lead={t('notifications.lead')} />
      {notices.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('notifications.none')}
        </p>
      ) : (
        <ul class="notice-list">
          {notices.map((notice) => (
            <li>
              <details class="ds-details">
                <summary>
                  <span safe>{notice.subject}</span>{' '}
                  <span class="ds-paragraph" data-size="sm" safe>
                    {`${formatDateTime(ctx.locale, notice.created_at)} · ${notice.sent_at ? t('notifications.sent', { to: notice.recipient_email }) : t('notifications.waiting', { to: notice.recipient_email })}`}
                  </span>
                </summary>
                <div>
                  <pre class="mail-body" safe>
                    {notice.body}
                  </pre>
                  {notice.link ? (
                    <p class="ds-paragraph">
                      <a class="ds-link" href={notice.link} safe>
                        {t('notifications.open')}
                      </a>
                    </p>
                  ) : (
                    ''
                  )}
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
