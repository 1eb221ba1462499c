/** Gatherings: the owner's list and editor, and what a project sees of its programme's gatherings. */
import { CsrfField, ErrorSummary, PageHeading, SuccessNotice, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { TextArea, TextField } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { DataTable } from '../../platform/ui/table.js';
import { translate } from '../../platform/ui/translate.js';
import type { Gathering } from '../gatherings.js';
import type { StoredProject } from '../store.js';
import { day, UploadForm } from './parts.js';

export interface GatheringsView {
  programme: { id: string; name: string };
  gatherings: Gathering[];
  projects: StoredProject[];
  /** The gathering being edited; none on the list with the form for a new one. */
  editing: Gathering | undefined;
  values: Record<string, string>;
  errors: FieldError[];
  notice?: string | undefined;
}

export function GatheringsPage({ ctx, view }: { ctx: PageContext; view: GatheringsView }) {
  const { t } = ctx;
  const { programme, editing } = view;
  const base = `/eier/programmer/${programme.id}/samlinger`;
  const title = editing ? editing.title : translate(ctx, 'projects.gatherings.title', { programme: programme.name });
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { href: `/eier/programmer/${programme.id}/prosjekter`, label: programme.name },
        ...(editing ? [{ href: base, label: t('projects.gatherings.nav') }] : []),
      ]}
    >
      <PageHeading title={title} lead={editing ? undefined : t('projects.gatherings.lead')} />
      <SuccessNotice text={view.notice} />
      <ErrorSummary ctx={ctx} errors={view.errors} />
      {editing ? (
        ''
      ) : view.gatherings.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('projects.gatherings.none')}
        </p>
      ) : (
        <DataTable
          caption={t('projects.gatherings.caption')}
          rows={view.gatherings}
          columns={[
            {
              header: t('projects.gatherings.gathering'),
              rowHeader: true,
              cell: (g) => (
                <a class="ds-link" href={`${base}/${g.id}?lang=${ctx.locale}`} safe>
                  {g.title}
                </a>
              ),
            },
            { header: t('projects.gatherings.heldOn'), text: (g) => day(ctx, g.heldOn) },
            { header: t('projects.gatherings.place'), text: (g) => g.place || '–' },
            { header: t('projects.gatherings.attending'), numeric: true, text: (g) => String(g.attendance.size) },
            { header: t('projects.gatherings.materials'), numeric: true, text: (g) => String(g.materials.length) },
          ]}
        />
      )}
      <GatheringForm ctx={ctx} view={view} action={editing ? `${base}/${editing.id}` : base} />
      {editing ? <MaterialForm ctx={ctx} gathering={editing} action={`${base}/${editing.id}/materiell`} errors={view.errors} /> : ''}
    </Layout>
  );
}

function GatheringForm({ ctx, view, action }: { ctx: PageContext; view: GatheringsView; action: string }) {
  const { t } = ctx;
  const { editing, values } = view;
  const error = (field: string) => view.errors.find((e) => e.field === field)?.message;
  const value = (field: string, stored: string) => values[field] ?? stored;
  return (
    <form method="post" action={`${action}?lang=${ctx.locale}`} class="stack">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="version" value={String(editing?.version ?? 0)} />
      <h2 class="ds-heading" data-size="sm" safe>
        {editing ? t('projects.gatherings.edit') : t('projects.gatherings.new')}
      </h2>
      <TextField
        id="title"
        label={t('projects.gatherings.gathering')}
        value={value('title', editing?.title ?? '')}
        error={error('title')}
      />
      <TextField
        id="heldOn"
        type="date"
        label={t('projects.gatherings.heldOn')}
        value={value('heldOn', editing?.heldOn ?? '')}
        error={error('heldOn')}
      />
      <TextField id="place" label={t('projects.gatherings.place')} value={value('place', editing?.place ?? '')} />
      <TextArea id="agenda" label={t('projects.gatherings.agenda')} value={value('agenda', editing?.agenda ?? '')} rows={6} />
      {view.projects.length > 0 ? (
        <fieldset class="ds-fieldset">
          <legend class="ds-label" safe>
            {t('projects.gatherings.who')}
          </legend>
          {view.projects.map((p) => (
            <TextField
              id={`attend-${p.id}`}
              label={translate(ctx, 'projects.gatherings.fromProject', { project: p.title })}
              value={value(`attend-${p.id}`, editing?.attendance.get(p.id) ?? '')}
            />
          ))}
        </fieldset>
      ) : (
        ''
      )}
      <button class="ds-button" type="submit" safe>
        {t('projects.gatherings.save')}
      </button>
    </form>
  );
}

function MaterialForm({
  ctx,
  gathering,
  action,
  errors,
}: {
  ctx: PageContext;
  gathering: Gathering;
  action: string;
  errors: FieldError[];
}) {
  const { t } = ctx;
  const error = errors.find((e) => e.field === 'file')?.message;
  return (
    <section aria-labelledby="materials" class="stack">
      <h2 class="ds-heading" data-size="sm" id="materials" safe>
        {t('projects.gatherings.materials')}
      </h2>
      <Materials ctx={ctx} gathering={gathering} href={(fileId) => `${action}/${fileId}`} />
      <UploadForm
        ctx={ctx}
        action={action}
        version={gathering.version}
        label={t('projects.gatherings.file')}
        button={t('projects.gatherings.upload')}
        error={error}
      />
    </section>
  );
}

function Materials({ ctx, gathering, href }: { ctx: PageContext; gathering: Gathering; href: (fileId: string) => string }) {
  if (gathering.materials.length === 0)
    return (
      <p class="ds-paragraph" safe>
        {ctx.t('projects.gatherings.noMaterials')}
      </p>
    );
  return (
    <ul class="ds-list">
      {gathering.materials.map((m) => (
        <li>
          <a class="ds-link" href={href(m.fileId)} safe>
            {m.name}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** On a project's follow-up page: its programme's gatherings, whether it came, and the materials. */
export function ProjectGatherings({ ctx, project, gatherings }: { ctx: PageContext; project: StoredProject; gatherings: Gathering[] }) {
  const { t } = ctx;
  if (gatherings.length === 0) return '';
  return (
    <section aria-labelledby="gatherings" class="stack">
      <h2 class="ds-heading" data-size="sm" id="gatherings" safe>
        {t('projects.gatherings.nav')}
      </h2>
      {gatherings.map((g) => (
        <article class="stack">
          <h3 class="ds-heading" data-size="xs" safe>
            {`${g.title} – ${day(ctx, g.heldOn)}${g.place ? `, ${g.place}` : ''}`}
          </h3>
          {g.agenda ? (
            <p class="ds-paragraph" safe>
              {g.agenda}
            </p>
          ) : (
            ''
          )}
          <p class="ds-paragraph" data-size="sm" safe>
            {g.attendance.has(project.id)
              ? translate(ctx, 'projects.gatherings.attended', { people: g.attendance.get(project.id) || '–' })
              : t('projects.gatherings.notAttended')}
          </p>
          <Materials ctx={ctx} gathering={g} href={(fileId) => `/prosjekter/${project.id}/samlinger/${g.id}/materiell/${fileId}`} />
        </article>
      ))}
    </section>
  );
}
