/** The programme's member municipalities on a map, with the table of the same numbers beside it. */
import { ChoroplethMap } from '../../platform/ui/charts/choropleth.js';
import type { MapFeature } from '../../platform/ui/charts/choropleth.js';
import { PageHeading } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Layout } from '../../platform/ui/layout.js';
import { DataTable } from '../../platform/ui/table.js';
import { translate } from '../../platform/ui/translate.js';
import type { StoredProject } from '../store.js';
import { projectPath, stateName } from './parts.js';

export interface MemberOnMap {
  code: string;
  name: string;
  county: string;
  projects: StoredProject[];
}

export function MembersMapPage({
  ctx,
  programme,
  members,
  features,
}: {
  ctx: PageContext;
  programme: { id: string; name: string };
  members: MemberOnMap[];
  features: ReadonlyMap<string, MapFeature>;
}) {
  const { t } = ctx;
  const title = translate(ctx, 'projects.map.title', { programme: programme.name });
  const values = new Map(members.map((m) => [m.code, m.projects.length] as const));
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { href: '/eier', label: t('programmes.owner.title') },
        { href: `/eier/programmer/${programme.id}/prosjekter?lang=${ctx.locale}`, label: programme.name },
      ]}
    >
      <PageHeading title={title} lead={t('projects.map.lead')} />
      <div class="stack">
        <ChoroplethMap
          id="members-map"
          title={title}
          description={translate(ctx, 'projects.map.description', { count: members.length })}
          locale={ctx.locale}
          features={features}
          values={values}
          href={(code) => `/kommune/${code}?lang=${ctx.locale}`}
          classes={{ kind: 'threshold', breaks: [2, 3] }}
          valueLabel={t('projects.map.value')}
          nameLabel={t('projects.map.municipality')}
          codeLabel={t('projects.map.code')}
          classLabels={{ from: t('projects.map.from'), to: t('projects.map.to') }}
          noDataLabel={t('projects.map.none')}
        />
        <DataTable
          caption={t('projects.map.caption')}
          rows={members}
          columns={[
            { header: t('projects.map.municipality'), rowHeader: true, text: (m) => m.name },
            { header: t('projects.col.county'), text: (m) => m.county },
            { header: t('projects.map.value'), numeric: true, text: (m) => String(m.projects.length) },
            {
              header: t('projects.col.project'),
              cell: (m) => (
                <ul class="plain-list">
                  {m.projects.map((p) => (
                    <li>
                      <a class="ds-link" href={projectPath(p.id, ctx.locale, '/oppfolging')} safe>
                        {p.title}
                      </a>{' '}
                      <span safe>{`(${stateName(ctx, p.state, 'staff')})`}</span>
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      </div>
      <p class="ds-paragraph" data-size="sm" safe>
        {t('projects.map.source')}
      </p>
    </Layout>
  );
}
