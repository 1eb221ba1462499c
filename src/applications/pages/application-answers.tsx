/** The draft form on the application page (saved by the button, or by the autosave script) and the attachment uploads. */
import { formatBytes } from '../../platform/i18n/index.js';
import { CsrfField } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { TextArea, TextField } from '../../platform/ui/fields.js';
import { fileTypesText, type AnswerValue, type FormPart, type TableRow } from '../../programmes/index.js';
import { activeMembers, type ProjectedChallenge } from '../model.js';
import type { StoredAttachment, StoredMember } from '../store.js';
import { errorFor, formOf, leadCanChange, versionOf, type ApplicationView } from './application-view.js';
import { ChallengeTable } from './parts.js';

function text(value: AnswerValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

function PartField({
  ctx,
  part,
  value,
  error,
  disabled,
  members = [],
  country = 'NO',
  challenge,
}: {
  ctx: PageContext;
  part: FormPart;
  value: AnswerValue | undefined;
  error: string | undefined;
  disabled: boolean;
  members?: StoredMember[];
  country?: 'NO' | 'DK';
  challenge?: ProjectedChallenge | undefined;
}) {
  const { t } = ctx;
  const help = [part.help, part.kind === 'text' ? t('applications.form.words', { max: part.maxWords }) : ''].filter(Boolean).join(' ');
  switch (part.kind) {
    case 'text':
      return <TextArea id={part.key} label={part.label} value={text(value)} error={error} help={help} rows={6} />;
    case 'number':
    case 'amount':
      return (
        <TextField
          id={part.key}
          label={part.kind === 'amount' ? `${part.label} (${part.currency})` : part.label}
          value={text(value)}
          error={error}
          inputmode="decimal"
          {...(part.help ? { help: part.help } : {})}
        />
      );
    case 'date':
      return (
        <TextField
          id={part.key}
          label={part.label}
          value={text(value)}
          error={error}
          type="date"
          {...(part.help ? { help: part.help } : {})}
        />
      );
    case 'choice': {
      const chosen = new Set(typeof value === 'string' ? [value] : Array.isArray(value) ? (value as string[]) : []);
      return (
        <fieldset class="ds-fieldset" id={part.key} aria-invalid={error ? 'true' : undefined}>
          <legend class="ds-label" safe>
            {part.label}
          </legend>
          {part.options.map((option, index) => (
            <div class="ds-field">
              <input
                class="ds-input"
                type={part.multiple ? 'checkbox' : 'radio'}
                id={`${part.key}-${index}`}
                name={part.key}
                value={option.value}
                checked={chosen.has(option.value)}
                disabled={disabled}
              />
              <label class="ds-label" for={`${part.key}-${index}`} safe>
                {option.label}
              </label>
            </div>
          ))}
          {error ? (
            <p class="ds-validation-message" data-color="danger" safe>
              {error}
            </p>
          ) : (
            ''
          )}
        </fieldset>
      );
    }
    case 'table': {
      const rows = Array.isArray(value) ? (value as TableRow[]) : [];
      const shown = Math.min(part.maxRows, Math.max(rows.length + 2, 3), 20);
      return (
        <fieldset class="ds-fieldset" id={part.key}>
          <legend class="ds-label" safe>
            {part.label}
          </legend>
          <table class="ds-table">
            <thead>
              <tr>
                <td></td>
                {part.columns.map((column) => (
                  <th scope="col" safe>
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: shown }, (_, row) => (
                <tr>
                  <th scope="row" safe>
                    {t('applications.form.row', { number: row + 1 })}
                  </th>
                  {part.columns.map((column) => (
                    <td>
                      <input
                        class="ds-input"
                        name={`${part.key}.${row}.${column.key}`}
                        value={rows[row]?.[column.key] ?? ''}
                        aria-label={`${column.label}, ${t('applications.form.row', { number: row + 1 })}`}
                        inputmode={column.type === 'number' ? 'decimal' : undefined}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {error ? (
            <p class="ds-validation-message" data-color="danger" safe>
              {error}
            </p>
          ) : (
            ''
          )}
        </fieldset>
      );
    }
    case 'projected-challenge':
      return (
        <div class="ds-field" id={part.key}>
          <p class="ds-label" safe>
            {part.label}
          </p>
          {challenge ? (
            <ChallengeTable ctx={ctx} challenge={challenge} id={`${part.key}-figures`} />
          ) : (
            <p class="ds-paragraph" data-size="sm" safe>
              {t('applications.challenge.none')}
            </p>
          )}
          <ul class="ds-list">
            {members.map((m) => (
              <li>
                <a class="ds-link" href={country === 'DK' ? `/danmark?lang=${ctx.locale}` : `/kommune/${m.code}?lang=${ctx.locale}`} safe>
                  {t('applications.form.projectionLink', { name: m.name })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      );
    case 'attachment': {
      const files = Array.isArray(value) ? (value as StoredAttachment[]) : [];
      return (
        <div class="ds-field" id={part.key}>
          <p class="ds-label" safe>
            {part.label}
          </p>
          {files.length === 0 ? (
            <p class="ds-paragraph" data-size="sm" safe>
              {t('applications.attachments.none')}
            </p>
          ) : (
            ''
          )}
          <ul class="ds-list">
            {files.map((file) => (
              <li safe>{`${file.name} (${formatBytes(ctx.locale, file.bytes)})`}</li>
            ))}
          </ul>
          {error ? (
            <p class="ds-validation-message" data-color="danger" safe>
              {error}
            </p>
          ) : (
            ''
          )}
        </div>
      );
    }
  }
}

export function AnswersForm({ ctx, view }: { ctx: PageContext; view: ApplicationView }) {
  const { t } = ctx;
  const { application, call } = view;
  const canChange = leadCanChange(view);
  const values = view.values ?? application.answers;
  return (
    <section aria-labelledby="form-title">
      <h2 class="ds-heading" data-size="sm" id="form-title" safe>
        {t('applications.form.title')}
      </h2>
      {canChange ? (
        <>
          <p class="ds-paragraph" data-size="sm" id="autosave-status" role="status" aria-live="polite"></p>
          <div class="ds-alert" data-color="warning" id="session-warning" role="alert" hidden>
            <p class="ds-paragraph" safe>
              {t('applications.session.warning')}
            </p>
          </div>
        </>
      ) : (
        ''
      )}
      <form
        method="post"
        action={`/soknader/${application.id}?lang=${ctx.locale}`}
        id="answers"
        data-autosave={canChange && !view.conflict ? 'on' : undefined}
        data-session-seconds={String(view.sessionSeconds ?? 0)}
        data-saved-text={t('applications.autosave.saved', { time: '{time}' })}
        data-conflict-text={t('applications.autosave.conflict')}
        data-failed-text={t('applications.autosave.failed')}
      >
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={versionOf(view)} />
        <fieldset class="ds-fieldset answers" disabled={!canChange}>
          <legend class="ds-sr-only" safe>
            {t('applications.form.title')}
          </legend>
          {formOf(call).sections.map((section) => (
            <fieldset class="ds-fieldset form-section">
              <legend class="ds-heading" data-size="xs" lang={call.content.language} safe>
                {section.title}
              </legend>
              {section.guidance ? (
                <p class="ds-paragraph" data-size="sm" lang={call.content.language} safe>
                  {section.guidance}
                </p>
              ) : (
                ''
              )}
              {section.parts.map((part) => (
                <PartField
                  ctx={ctx}
                  part={part}
                  value={values[part.key]}
                  error={errorFor(view, part.key)}
                  disabled={!canChange}
                  members={activeMembers(application.members)}
                  country={application.country}
                  challenge={view.challenges?.find((c) => c.part === part.key)}
                />
              ))}
            </fieldset>
          ))}
        </fieldset>
        {canChange ? (
          <button class="ds-button" type="submit" safe>
            {t('applications.form.save')}
          </button>
        ) : (
          ''
        )}
      </form>
    </section>
  );
}

type AttachmentPart = Extract<FormPart, { kind: 'attachment' }>;

/** One upload form per attachment part (files go up one at a time, without JavaScript). */
export function AttachmentForms({ ctx, view }: { ctx: PageContext; view: ApplicationView }) {
  const { t } = ctx;
  const parts = formOf(view.call)
    .sections.flatMap((s) => s.parts)
    .filter((p): p is AttachmentPart => p.kind === 'attachment');
  if (parts.length === 0) return '';
  return (
    <section aria-labelledby="attachments">
      <h2 class="ds-heading" data-size="sm" id="attachments" safe>
        {t('applications.attachments.title')}
      </h2>
      {parts.map((part) => (
        <form
          method="post"
          action={`/soknader/${view.application.id}/vedlegg?lang=${ctx.locale}`}
          enctype="multipart/form-data"
          class="inline-form"
        >
          <CsrfField ctx={ctx} />
          <input type="hidden" name="version" value={versionOf(view)} />
          <input type="hidden" name="part" value={part.key} />
          <div class="ds-field">
            <label class="ds-label" for={`file-${part.key}`} safe>
              {t('applications.attachments.file', { part: part.label })}
            </label>
            <p class="ds-paragraph" data-size="sm" id={`file-${part.key}-help`} safe>
              {t('applications.attachments.allowed', {
                types: fileTypesText(part.allowedTypes),
                max: formatBytes(ctx.locale, part.maxBytes),
                files: part.maxFiles,
              })}
            </p>
            <input
              class="ds-input"
              type="file"
              id={`file-${part.key}`}
              name="file"
              accept={part.allowedTypes.join(',')}
              aria-describedby={`file-${part.key}-help`}
            />
          </div>
          <button class="ds-button" data-variant="secondary" type="submit" safe>
            {t('applications.attachments.upload')}
          </button>
        </form>
      ))}
    </section>
  );
}
