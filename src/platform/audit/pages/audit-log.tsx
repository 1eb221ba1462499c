import { ScrollRegion } from '../../ui/table.js';
import { formatDateTime } from '../../i18n/index.js';
import { PageHeading } from '../../ui/components.js';
import type { PageContext } from '../../ui/context.js';
import { Layout } from '../../ui/layout.js';
import { auditWords } from '../vocabulary.js';
import type { AuditEvent } from '../store.js';

export interface AuditLogProps {
  ctx: PageContext;
  events: AuditEvent[];
  recordTypes: string[];
  filter: { recordType?: string | undefined; recordId?: string | undefined };
  olderLink: string | undefined;
}

export function AuditLogPage({ ctx, events, recordTypes, filter, olderLink }: AuditLogProps) {
  const { t } = ctx;
  const words = auditWords(ctx.locale, t('audit.other'));
  return (
    <Layout ctx={ctx} title={t('audit.title')} crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('audit.title') }]}>
      <PageHeading title={t('audit.title')} lead={t('audit.lead')} />
      <form method="get" action="/admin/audit" class="filters" aria-label={t('audit.filter')}>
        <div class="ds-field">
          <label class="ds-label" for="recordType" safe>
            {t('audit.recordType')}
          </label>
          <select class="ds-input" id="recordType" name="recordType">
            <option value="" safe>
              {t('audit.allTypes')}
            </option>
            {words.recordTypes(recordTypes).map(({ type, name }) => (
              <option value={type} selected={type === filter.recordType} safe>
                {name}
              </option>
            ))}
          </select>
        </div>
        <button class="ds-button" data-variant="secondary" type="submit" safe>
          {t('audit.show')}
        </button>
      </form>
      {filter.recordId ? (
        <p class="ds-paragraph">
          <span safe>{t('audit.oneRecord', { record: words.record(filter.recordType ?? '').toLocaleLowerCase(ctx.locale) })}</span>{' '}
          <a class="ds-link" href={`/admin/audit?lang=${ctx.locale}`} safe>
            {t('audit.allRecords')}
          </a>
        </p>
      ) : (
        ''
      )}
      {events.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('audit.none')}
        </p>
      ) : (
        <AuditTable ctx={ctx} events={events} words={words} />
      )}
      {olderLink ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={olderLink} safe>
            {t('audit.older')}
          </a>
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}

function AuditTable({ ctx, events, words }: { ctx: PageContext; events: AuditEvent[]; words: ReturnType<typeof auditWords> }) {
  const { t } = ctx;
  return (
    <ScrollRegion label={t('audit.title')}>
      <table class="ds-table" data-size="sm">
        <caption class="ds-sr-only" safe>
          {t('audit.title')}
        </caption>
        <thead>
          <tr>
            <th scope="col" safe>
              {t('audit.when')}
            </th>
            <th scope="col" safe>
              {t('audit.who')}
            </th>
            <th scope="col" safe>
              {t('audit.record')}
            </th>
            <th scope="col" safe>
              {t('audit.action')}
            </th>
            <th scope="col" safe>
              {t('audit.change')}
            </th>
            <th scope="col" safe>
              {t('audit.why')}
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr>
              <td>
                <time datetime={event.occurred_at.toISOString()} safe>
                  {formatDateTime(ctx.locale, event.occurred_at)}
                </time>
              </td>
              <td safe>{event.actor_name ?? t('audit.system')}</td>
              <td>
                <span safe>{words.record(event.record_type)}</span>{' '}
                <a
                  class="ds-link"
                  href={`/admin/audit?lang=${ctx.locale}&recordType=${encodeURIComponent(event.record_type)}&recordId=${encodeURIComponent(event.record_id)}`}
                  safe
                >
                  {t('audit.history')}
                </a>
              </td>
              <td safe>{words.action(event.action)}</td>
              <td safe>{`${words.state(event.record_type, event.from_state)} → ${words.state(event.record_type, event.to_state)}`}</td>
              <td safe>{event.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
