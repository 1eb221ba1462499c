import { PageHeading } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Layout } from '../../platform/ui/layout.js';
import type { StoredCall } from '../../programmes/index.js';
import type { PartnerSuggestion } from '../partners.js';
import { PartnerItem } from './parts.js';

/**
 * The public partner finder of a call (read-only, signed in or not): suggestions for the
 * municipalities chosen in the call page's eligibility check, each with a link that runs the
 * check again with the partner added.
 */
export function PublicPartnersPage({
  ctx,
  call,
  members,
  partners,
}: {
  ctx: PageContext;
  call: StoredCall;
  members: { code: string; name: string }[];
  partners: PartnerSuggestion[];
}) {
  const { t } = ctx;
  const title = t('applications.finder.title');
  const checkUrl = (codes: string[]) =>
    `/utlysninger/${call.id}/sjekk?lang=${ctx.locale}${codes.map((c) => `&member=${encodeURIComponent(c)}`).join('')}#check`;
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { label: t('applications.finder.calls'), href: `/utlysninger?lang=${ctx.locale}` },
        { label: call.content.title, href: `/utlysninger/${call.id}?lang=${ctx.locale}` },
        { label: title },
      ]}
    >
      <PageHeading
        title={title}
        lead={
          members.length > 0
            ? t('applications.finder.lead', { names: members.map((m) => m.name).join(', ') })
            : t('applications.finder.noMembers')
        }
      />
      <p class="ds-paragraph" lang={call.content.language} safe>
        {call.content.title}
      </p>
      {members.length > 0 ? (
        <p class="ds-paragraph" data-size="sm" safe>
          {t('applications.partners.lead')}
        </p>
      ) : (
        ''
      )}
      {members.length > 0 && partners.length === 0 ? (
        <p class="ds-paragraph" role="status" safe>
          {t('applications.finder.none')}
        </p>
      ) : (
        ''
      )}
      <ul class="ds-list partner-list">
        {partners.map((p) => (
          <li id={`partner-${p.code}`} class="partner">
            <PartnerItem ctx={ctx} partner={p}>
              <p class="ds-paragraph">
                <a class="ds-link" href={checkUrl([...members.map((m) => m.code), p.code])} safe>
                  {t('applications.finder.check', { name: p.name })}
                </a>
              </p>
            </PartnerItem>
          </li>
        ))}
      </ul>
      <p class="ds-paragraph">
        <a class="ds-link" href={checkUrl(members.map((m) => m.code))} safe>
          {t('applications.finder.back')}
        </a>
      </p>
    </Layout>
  );
}
