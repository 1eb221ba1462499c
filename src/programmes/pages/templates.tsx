import { formatBytes } from '../../platform/i18n/index.js';
import { CsrfField, ErrorSummary, PageHeading, type FieldError, SuccessNotice } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Layout } from '../../platform/ui/layout.js';
import type { FormDefinition, FormPart } from '../form.js';
import { CONTENT_LANGUAGES, type CallStatus, type Programme } from '../model.js';
import type { Template } from '../store/templates.js';
import { FILE_TYPE_NAMES, FILE_TYPES, fileTypesText, INDICATORS, PART_KINDS, type Editor, type EditorPart } from '../template-form.js';
import { Checkbox, Select, TextArea, TextField } from '../../platform/ui/fields.js';
import { DataTable, ScrollRegion } from '../../platform/ui/table.js';
import { translate } from '../../platform/ui/translate.js';
import { callWorkflow } from '../workflows.js';
import { languageName } from './parts.js';

/** The settings of a form part the editor shows, each with its label in the catalogue. */
type PartField =
  | 'label'
  | 'required'
  | 'maxWords'
  | 'minWords'
  | 'min'
  | 'max'
  | 'integer'
  | 'unit'
  | 'multiple'
  | 'notBefore'
  | 'notAfter'
  | 'maxRows'
  | 'horizonYear'
  | 'maxMegabytes'
  | 'maxFiles';

const crumbsOf = (ctx: PageContext, last?: { label: string; href?: string }) => [
  { label: ctx.t('programmes.owner.title'), href: `/eier?lang=${ctx.locale}` },
  { label: ctx.t('programmes.templates.title'), href: `/eier/skjemamaler?lang=${ctx.locale}` },
  ...(last ? [last] : []),
];

const kindName = (ctx: PageContext, kind: FormPart['kind']) => translate(ctx, `programmes.templates.kind.${kind}`);

export function TemplateListPage({ ctx, templates }: { ctx: PageContext; templates: Template[] }) {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t('programmes.templates.title')}
      crumbs={crumbsOf(ctx)
        .slice(0, 1)
        .concat({ label: t('programmes.templates.title') })}
    >
      <PageHeading title={t('programmes.templates.title')} lead={t('programmes.templates.lead')} />
      <p class="ds-paragraph">
        <a class="ds-link" href={`/eier/skjemamaler/ny?lang=${ctx.locale}`} safe>
          {t('programmes.templates.new')}
        </a>
      </p>
      {templates.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('programmes.templates.none')}
        </p>
      ) : (
        <DataTable
          scrollLabel={t('programmes.templates.title')}
          rows={templates}
          columns={[
            {
              header: t('programmes.templates.nameCol'),
              cell: (template) => (
                <a class="ds-link" href={`/eier/skjemamaler/${template.id}?lang=${ctx.locale}`} lang={template.language} safe>
                  {template.name}
                </a>
              ),
            },
            { header: t('programmes.templates.languageCol'), text: (template) => languageName(ctx, template.language) },
            {
              header: t('programmes.templates.partsCol'),
              text: (template) =>
                t('programmes.templates.partsCount', {
                  sections: template.form.sections.length,
                  parts: template.form.sections.reduce((n, section) => n + section.parts.length, 0),
                }),
            },
            { header: t('programmes.templates.versionCol'), text: (template) => String(template.version), numeric: true },
          ]}
        />
      )}
    </Layout>
  );
}

export function NewTemplatePage({
  ctx,
  owners,
  templates,
  values,
  errors,
}: {
  ctx: PageContext;
  owners: { id: string; name: string }[];
  templates: Template[];
  values: Record<string, string>;
  errors: FieldError[];
}) {
  const { t } = ctx;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <Layout ctx={ctx} title={t('programmes.templates.new')} crumbs={crumbsOf(ctx, { label: t('programmes.templates.new') })}>
      <PageHeading title={t('programmes.templates.new')} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`/eier/skjemamaler?lang=${ctx.locale}`} novalidate>
        <CsrfField ctx={ctx} />
        <Select
          id="owner"
          label={t('programmes.templates.owner')}
          value={values.owner ?? ''}
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
          error={error('owner')}
        />
        <TextField id="name" label={t('programmes.templates.name')} value={values.name ?? ''} error={error('name')} />
        <Select
          id="language"
          label={t('programmes.templates.language')}
          value={values.language ?? ctx.locale}
          options={CONTENT_LANGUAGES.map((l) => ({ value: l, label: translate(ctx, `language.${l}`) }))}
        />
        <Select
          id="startFrom"
          label={t('programmes.templates.startFrom')}
          value={values.startFrom ?? ''}
          options={[
            { value: '', label: t('programmes.templates.empty') },
            ...templates.map((tpl) => ({ value: tpl.id, label: t('programmes.templates.copyOf', { name: tpl.name }) })),
          ]}
          error={error('startFrom')}
        />
        <button class="ds-button" type="submit" safe>
          {t('programmes.templates.create')}
        </button>
      </form>
    </Layout>
  );
}

export interface TemplateEditView {
  template: Template;
  name: string;
  language: string;
  editor: Editor;
  /** The version the person started from (the hidden field); the current one after a conflict. */
  version: number;
  errors: FieldError[];
  notice?: string | undefined;
  unsaved?: boolean;
  conflict?: { name: string; version: number; base: number } | undefined;
  usedBy: { id: string; title: string; status: CallStatus }[];
  programmes: Programme[];
}

function OpButton({ op, label, variant = 'tertiary' }: { op: string; label: string; variant?: string }) {
  return (
    <button class="ds-button" data-variant={variant} data-size="sm" type="submit" name="op" value={op} safe>
      {label}
    </button>
  );
}

function PartFields({ ctx, part, s, p, errors }: { ctx: PageContext; part: EditorPart; s: number; p: number; errors: FieldError[] }) {
  const { t } = ctx;
  const id = (name: string) => `s${s}-p${p}-${name}`;
  const error = (name: string) => errors.find((e) => e.field === id(name))?.message;
  const f = part.fields;
  const text = (name: PartField, extra: { inputmode?: string; size?: number } = {}) => (
    <TextField
      id={id(name)}
      label={translate(ctx, `programmes.templates.field.${name}`)}
      value={f[name] ?? ''}
      error={error(name)}
      {...extra}
    />
  );
  const box = (name: PartField) => (
    <Checkbox id={id(name)} name={id(name)} label={translate(ctx, `programmes.templates.field.${name}`)} checked={f[name] === 'on'} />
  );
  const numbers = { inputmode: 'numeric', size: 8 };
  return (
    <fieldset class="ds-fieldset template-part" id={id('part')}>
      <legend class="ds-heading" data-size="2xs" safe>
        {t('programmes.templates.part', { section: s + 1, number: p + 1, kind: kindName(ctx, part.kind) })}
      </legend>
      <input type="hidden" name={id('key')} value={part.key} />
      <input type="hidden" name={id('kind')} value={part.kind} />
      {text('label')}
      <TextArea id={id('help')} label={t('programmes.templates.field.help')} value={f.help ?? ''} rows={2} />
      {box('required')}
      {part.kind === 'text' ? (
        <>
          {text('maxWords', numbers)}
          {text('minWords', numbers)}
        </>
      ) : (
        ''
      )}
      {part.kind === 'number' ? (
        <>
          {text('min', numbers)}
          {text('max', numbers)}
          {box('integer')}
          {text('unit', { size: 10 })}
        </>
      ) : (
        ''
      )}
      {part.kind === 'amount' ? (
        <>
          <Select
            id={id('currency')}
            label={t('programmes.templates.field.currency')}
            value={f.currency ?? 'NOK'}
            options={[
              { value: 'NOK', label: 'NOK' },
              { value: 'DKK', label: 'DKK' },
            ]}
          />
          {text('max', numbers)}
        </>
      ) : (
        ''
      )}
      {part.kind === 'choice' ? (
        <>
          <TextArea
            id={id('options')}
            label={t('programmes.templates.field.options')}
            value={f.options ?? ''}
            error={error('options')}
            rows={4}
          />
          {box('multiple')}
        </>
      ) : (
        ''
      )}
      {part.kind === 'date' ? (
        <>
          {text('notBefore', { size: 12 })}
          {text('notAfter', { size: 12 })}
        </>
      ) : (
        ''
      )}
      {part.kind === 'table' ? (
        <>
          <TextArea
            id={id('columns')}
            label={t('programmes.templates.field.columns')}
            value={f.columns ?? ''}
            error={error('columns')}
            rows={4}
          />
          <TextArea id={id('rowLabels')} label={t('programmes.templates.field.rowLabels')} value={f.rowLabels ?? ''} rows={3} />
          {text('maxRows', numbers)}
        </>
      ) : (
        ''
      )}
      {part.kind === 'projected-challenge' ? (
        <>
          <Select
            id={id('indicator')}
            label={t('programmes.templates.field.indicator')}
            value={f.indicator ?? ''}
            options={INDICATORS.map((i) => ({ value: i, label: translate(ctx, `programmes.templates.indicator.${i}`) }))}
          />
          {text('horizonYear', { inputmode: 'numeric', size: 6 })}
        </>
      ) : (
        ''
      )}
      {part.kind === 'attachment' ? (
        <>
          <fieldset class="ds-fieldset" id={id('allowedTypes')}>
            <legend class="ds-label" safe>
              {t('programmes.templates.field.allowedTypes')}
            </legend>
            {FILE_TYPES.map((type, n) => (
              <Checkbox
                id={`${id('allowedTypes')}-${n}`}
                name={id('allowedTypes')}
                value={type}
                label={FILE_TYPE_NAMES[type] ?? type}
                checked={part.allowedTypes.includes(type)}
              />
            ))}
          </fieldset>
          {text('maxMegabytes', { inputmode: 'decimal', size: 6 })}
          {text('maxFiles', numbers)}
        </>
      ) : (
        ''
      )}
      <div class="button-row">
        <OpButton op={`up-part:${s}:${p}`} label={t('programmes.templates.partUp', { section: s + 1, number: p + 1 })} />
        <OpButton op={`down-part:${s}:${p}`} label={t('programmes.templates.partDown', { section: s + 1, number: p + 1 })} />
        <OpButton op={`remove-part:${s}:${p}`} label={t('programmes.templates.removePart', { section: s + 1, number: p + 1 })} />
      </div>
    </fieldset>
  );
}

/** The editor: every section and part as fields; buttons re-render with what was typed; one save with a version. */
export function TemplateEditPage({ ctx, view }: { ctx: PageContext; view: TemplateEditView }) {
  const { t } = ctx;
  const title = t('programmes.templates.editTitle', { name: view.template.name });
  const error = (field: string) => view.errors.find((e) => e.field === field)?.message;
  const sameOwner = view.programmes.filter((p) => p.ownerOrganisationId === view.template.ownerOrganisationId);
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbsOf(ctx, { label: view.template.name })}>
      <PageHeading title={title} lead={t('programmes.templates.editLead')} />
      <SuccessNotice text={view.notice} />
      {view.unsaved ? (
        <div class="ds-alert" data-color="info" role="status">
          <p class="ds-paragraph" safe>
            {t('programmes.templates.unsaved')}
          </p>
        </div>
      ) : (
        ''
      )}
      {view.conflict ? (
        <div class="ds-alert" data-color="warning" role="alert" id="conflict">
          <p class="ds-paragraph" safe>
            {t('programmes.templates.conflict', view.conflict)}
          </p>
        </div>
      ) : (
        ''
      )}
      <ErrorSummary ctx={ctx} errors={view.errors} />
      <p class="ds-paragraph" safe>
        {t('programmes.templates.lead')}
      </p>
      {view.usedBy.length > 0 ? (
        <ul class="ds-list">
          {view.usedBy.map((call) => (
            <li>
              <a class="ds-link" href={`/eier/utlysninger/${call.id}?lang=${ctx.locale}`} safe>
                {call.title}
              </a>{' '}
              <span class="muted" safe>{`(${callWorkflow.name(call.status, 'staff', ctx.locale)})`}</span>
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      <p class="ds-paragraph">
        <a class="ds-link" href={`/eier/skjemamaler/${view.template.id}/forhandsvis?lang=${ctx.locale}`} safe>
          {t('programmes.templates.preview')}
        </a>
      </p>
      {sameOwner.map((programme) => (
        <p class="ds-paragraph">
          <a class="ds-link" href={`/eier/programmer/${programme.id}/utlysninger/ny?mal=${view.template.id}&lang=${ctx.locale}`} safe>
            {t('programmes.templates.useIn', { programme: programme.name })}
          </a>
        </p>
      ))}
      <form method="post" action={`/eier/skjemamaler/${view.template.id}?lang=${ctx.locale}`} novalidate class="template-editor">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(view.version)} />
        <TextField id="name" label={t('programmes.templates.name')} value={view.name} error={error('name')} />
        <Select
          id="language"
          label={t('programmes.templates.language')}
          value={view.language}
          options={CONTENT_LANGUAGES.map((l) => ({ value: l, label: translate(ctx, `language.${l}`) }))}
        />
        <button class="ds-button" type="submit" name="op" value="save" safe>
          {t('programmes.templates.save')}
        </button>
        {view.editor.map((section, s) => (
          <fieldset class="ds-fieldset template-section" id={`s${s}`}>
            <legend class="ds-heading" data-size="xs" safe>
              {t('programmes.templates.section', { number: s + 1 })}
            </legend>
            <input type="hidden" name={`s${s}-key`} value={section.key} />
            <TextField
              id={`s${s}-title`}
              label={`${t('programmes.templates.sectionTitle')} (${t('programmes.templates.section', { number: s + 1 })})`}
              value={section.title}
              error={error(`s${s}-title`)}
            />
            <TextArea
              id={`s${s}-guidance`}
              label={`${t('programmes.templates.guidance')} (${t('programmes.templates.section', { number: s + 1 })})`}
              value={section.guidance}
              rows={3}
              lang={view.language}
            />
            <div class="button-row">
              <OpButton op={`up-section:${s}`} label={t('programmes.templates.sectionUp', { number: s + 1 })} />
              <OpButton op={`down-section:${s}`} label={t('programmes.templates.sectionDown', { number: s + 1 })} />
              <OpButton op={`remove-section:${s}`} label={t('programmes.templates.removeSection', { number: s + 1 })} />
            </div>
            {section.parts.map((part, p) => (
              <PartFields ctx={ctx} part={part} s={s} p={p} errors={view.errors} />
            ))}
            <div class="form-row">
              <Select
                id={`s${s}-newKind`}
                label={t('programmes.templates.newKind', { number: s + 1 })}
                value="text"
                options={PART_KINDS.map((k) => ({ value: k, label: kindName(ctx, k) }))}
                error={error(`s${s}-newKind`)}
              />
              <OpButton op={`add-part:${s}`} label={t('programmes.templates.addPart', { number: s + 1 })} variant="secondary" />
            </div>
          </fieldset>
        ))}
        <p class="ds-paragraph" id="add-section">
          <OpButton op="add-section" label={t('programmes.templates.addSection')} variant="secondary" />
        </p>
        {error('add-section') ? (
          <p class="ds-validation-message" data-color="danger" safe>
            {error('add-section')}
          </p>
        ) : (
          ''
        )}
        <button class="ds-button" type="submit" name="op" value="save" safe>
          {t('programmes.templates.save')}
        </button>
      </form>
    </Layout>
  );
}

function PreviewPart({ ctx, part }: { ctx: PageContext; part: FormPart }) {
  const { t } = ctx;
  const id = `preview-${part.key}`;
  const notes: string[] = [];
  if (part.required) notes.push(t('programmes.templates.rule.required'));
  if (part.kind === 'text') notes.push(t('programmes.templates.rule.words', { max: part.maxWords }));
  if (part.kind === 'attachment')
    notes.push(
      t('programmes.templates.rule.files', {
        types: fileTypesText(part.allowedTypes),
        size: formatBytes(ctx.locale, part.maxBytes),
        count: part.maxFiles,
      }),
    );
  if (part.kind === 'projected-challenge')
    notes.push(
      t('programmes.templates.rule.projection', {
        indicator: translate(ctx, `programmes.templates.indicator.${part.indicator}`),
        year: String(part.horizonYear),
      }),
    );
  const describedBy = [part.help ? `${id}-help` : '', notes.length > 0 ? `${id}-notes` : ''].filter(Boolean).join(' ') || undefined;
  const heading = (control: boolean) =>
    control ? (
      <label class="ds-label" for={id} safe>
        {part.label}
      </label>
    ) : (
      <p class="ds-label" id={id} safe>
        {part.label}
      </p>
    );
  const helpAndNotes = (
    <>
      {part.help ? (
        <p class="ds-paragraph" data-size="sm" id={`${id}-help`} safe>
          {part.help}
        </p>
      ) : (
        ''
      )}
      {notes.length > 0 ? (
        <p class="ds-paragraph" data-size="sm" id={`${id}-notes`} safe>
          {notes.join(' ')}
        </p>
      ) : (
        ''
      )}
    </>
  );
  // Read-only controls rather than disabled ones: disabled fields are dimmed below the contrast minimum.
  switch (part.kind) {
    case 'choice':
      return (
        <div class="preview-part">
          {heading(false)}
          {helpAndNotes}
          <ul class="ds-list" aria-labelledby={id}>
            {part.options.map((option) => (
              <li safe>{option.label}</li>
            ))}
          </ul>
        </div>
      );
    case 'table':
      return (
        <div class="preview-part">
          {heading(false)}
          {helpAndNotes}
          <ScrollRegion label={part.label}>
            <table class="ds-table" data-border aria-labelledby={id}>
              <thead>
                <tr>
                  {part.rowLabels ? <td></td> : ''}
                  {part.columns.map((column) => (
                    <th scope="col" safe>
                      {column.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {(part.rowLabels ?? ['']).map((row) => (
                  <tr>
                    {part.rowLabels ? (
                      <th scope="row" safe>
                        {row}
                      </th>
                    ) : (
                      ''
                    )}
                    {part.columns.map(() => (
                      <td>&nbsp;</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      );
    case 'projected-challenge':
    case 'attachment':
      return (
        <div class="preview-part">
          {heading(false)}
          {helpAndNotes}
        </div>
      );
    case 'text':
      return (
        <div class="preview-part">
          {heading(true)}
          {helpAndNotes}
          <textarea class="ds-input" id={id} rows="4" readonly aria-describedby={describedBy}></textarea>
        </div>
      );
    default:
      return (
        <div class="preview-part">
          {heading(true)}
          {helpAndNotes}
          <input class="ds-input" id={id} type={part.kind === 'date' ? 'date' : 'text'} readonly aria-describedby={describedBy} />
          {part.kind === 'amount' ? (
            <span safe>{` ${part.currency}`}</span>
          ) : part.kind === 'number' && part.unit ? (
            <span safe>{` ${part.unit}`}</span>
          ) : (
            ''
          )}
        </div>
      );
  }
}

/** The form as applicants will see it, read-only. */
export function FormPreview({ ctx, form, language }: { ctx: PageContext; form: FormDefinition; language: string }) {
  return (
    <div lang={language} class="form-preview">
      {form.sections.map((section) => (
        <section class="ds-card" aria-labelledby={`preview-section-${section.key}`}>
          <h2 class="ds-heading" data-size="sm" id={`preview-section-${section.key}`} safe>
            {section.title}
          </h2>
          {section.guidance ? (
            <p class="ds-paragraph" safe>
              {section.guidance}
            </p>
          ) : (
            ''
          )}
          {section.parts.map((part) => (
            <PreviewPart ctx={ctx} part={part} />
          ))}
        </section>
      ))}
    </div>
  );
}

export function TemplatePreviewPage({ ctx, template }: { ctx: PageContext; template: Template }) {
  const { t } = ctx;
  const title = t('programmes.templates.previewTitle', { name: template.name });
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={crumbsOf(ctx, { label: template.name, href: `/eier/skjemamaler/${template.id}?lang=${ctx.locale}` }).concat({
        label: t('programmes.templates.preview'),
      })}
    >
      <PageHeading title={title} lead={t('programmes.templates.previewLead')} />
      <FormPreview ctx={ctx} form={template.form} language={template.language} />
      <p class="ds-paragraph">
        <a class="ds-link" href={`/eier/skjemamaler/${template.id}?lang=${ctx.locale}`} safe>
          {t('programmes.templates.back')}
        </a>
      </p>
    </Layout>
  );
}
