/** What the project pages share: amounts as read, dates, a project's state in words. */
import { formatDay, formatNumber } from '../../platform/i18n/index.js';
import { CsrfField, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { TextArea } from '../../platform/ui/fields.js';
import { DataTable } from '../../platform/ui/table.js';
import type { Audience } from '../../platform/workflow.js';
import type { Indicator } from '../model.js';
import { projectWorkflow, reviewWorkflow, type ProjectState, type ReviewState } from '../workflows.js';

export const money = (ctx: Pick<PageContext, 'locale'>, amount: number, currency: string) =>
  `${formatNumber(ctx.locale, amount)} ${currency}`;
export const day = (ctx: Pick<PageContext, 'locale'>, iso: string | null) => (iso ? formatDay(ctx.locale, iso) : '–');
export const stateName = (ctx: Pick<PageContext, 'locale'>, state: ProjectState, audience: Audience = 'staff') =>
  projectWorkflow.name(state, audience, ctx.locale);
export const reviewName = (ctx: Pick<PageContext, 'locale'>, state: ReviewState) => reviewWorkflow.name(state, 'staff', ctx.locale);
export const projectPath = (id: string, locale: string, tail = '') => `/prosjekter/${id}${tail}?lang=${locale}`;

/** A write's hidden fields: the CSRF token and the version the person started from. */
export function VersionFields({ ctx, version }: { ctx: PageContext; version: number }) {
  return (
    <>
      <CsrfField ctx={ctx} />
      <input type="hidden" name="version" value={String(version)} />
    </>
  );
}

/** The owner's approve-or-return form of a submitted plan or report, the comment kept when refused. */
export function ReviewForm(props: { ctx: PageContext; action: string; version: number; comment: string; errors: FieldError[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <form method="post" action={props.action} class="stack">
      <VersionFields ctx={ctx} version={props.version} />
      <h2 class="ds-heading" data-size="sm" safe>
        {t('projects.review.title')}
      </h2>
      <TextArea
        id="comment"
        label={t('projects.review.comment')}
        value={props.comment}
        error={props.errors.find((e) => e.field === 'comment')?.message}
        rows={4}
      />
      <div class="button-row">
        <button class="ds-button" type="submit" name="action" value="approve" safe>
          {t('projects.review.approve')}
        </button>
        <button class="ds-button" data-variant="secondary" type="submit" name="action" value="return" safe>
          {t('projects.review.return')}
        </button>
      </div>
    </form>
  );
}

/** One file sent with its own form (multipart), beside a form of fields: a gathering's materials, the council's decision. */
export function UploadForm(props: {
  ctx: PageContext;
  action: string;
  version: number;
  label: string;
  button: string;
  error: string | undefined;
  accept?: string;
}) {
  const { ctx, error } = props;
  return (
    <form method="post" action={`${props.action}?lang=${ctx.locale}`} enctype="multipart/form-data" class="stack">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="version" value={String(props.version)} />
      <div class="ds-field">
        <label class="ds-label" for="file" safe>
          {props.label}
        </label>
        {error ? (
          <p class="ds-validation-message" id="file-error" data-color="danger" safe>
            {error}
          </p>
        ) : (
          ''
        )}
        <input
          class="ds-input"
          type="file"
          id="file"
          name="file"
          accept={props.accept}
          aria-describedby={error ? 'file-error' : undefined}
        />
      </div>
      <button class="ds-button" data-variant="secondary" type="submit" safe>
        {props.button}
      </button>
    </form>
  );
}

/** A figure of an indicator, with up to two decimals; a dash where there is none. */
const measure = (ctx: Pick<PageContext, 'locale'>, value: number | null | undefined) =>
  value == null ? '–' : formatNumber(ctx.locale, value, 2);

/** The plan's indicators with their baseline and the columns the page adds (target, actual). */
export function IndicatorTable(props: {
  ctx: PageContext;
  caption: string;
  indicators: readonly Indicator[];
  figures: { header: string; value: (indicator: Indicator) => number | null | undefined }[];
}) {
  const { ctx } = props;
  return (
    <DataTable
      caption={props.caption}
      rows={[...props.indicators]}
      columns={[
        { header: ctx.t('projects.col.indicator'), rowHeader: true, text: (i) => `${i.name} (${i.unit})` },
        { header: ctx.t('projects.col.baseline'), numeric: true, text: (i) => measure(ctx, i.baseline) },
        ...props.figures.map((figure) => ({ header: figure.header, numeric: true, text: (i: Indicator) => measure(ctx, figure.value(i)) })),
      ]}
    />
  );
}
