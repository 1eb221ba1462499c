import type { PageContext } from './context.js';

export interface Crumb {
  label: string;
  href?: string;
}

export function Breadcrumbs({ ctx, crumbs }: { ctx: PageContext; crumbs: Crumb[] }) {
  if (crumbs.length === 0) return '';
  return (
    <nav class="ds-breadcrumbs" aria-label={ctx.t('layout.breadcrumbs')}>
      <ol>
        {crumbs.map((crumb, index) =>
          crumb.href && index < crumbs.length - 1 ? (
            <li>
              <a class="ds-link" href={crumb.href} safe>
                {crumb.label}
              </a>
            </li>
          ) : (
            <li>
              <span aria-current="page" safe>
                {crumb.label}
              </span>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

export interface FieldError {
  /** The id of the input the message is about; the summary links to it. */
  field: string;
  message: string;
}

/** Designsystemet's error summary: shown at the top of a form, each error linking to its field. */
export function ErrorSummary({ ctx, errors }: { ctx: PageContext; errors: FieldError[] }) {
  if (errors.length === 0) return '';
  return (
    <div class="ds-error-summary" id="error-summary" tabindex="-1" role="alert">
      <h2 class="ds-heading" data-size="xs" safe>
        {ctx.t('form.errorSummary')}
      </h2>
      <ul class="ds-list">
        {errors.map((error) => (
          <li>
            <a class="ds-link" href={`#${error.field}`} safe>
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CsrfField({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken()} />;
}

export function PageHeading({ title, lead }: { title: string; lead?: string }) {
  return (
    <>
      <h1 class="ds-heading" data-size="lg" safe>
        {title}
      </h1>
      {lead ? (
        <p class="ds-paragraph lead" safe>
          {lead}
        </p>
      ) : (
        ''
      )}
    </>
  );
}

/** A change went through: said once, politely (role="status"), at the top of the page; nothing when there is no text. */
export function SuccessNotice({ text }: { text: string | undefined }) {
  return text ? (
    <div class="ds-alert" data-color="success" role="status">
      <p class="ds-paragraph" safe>
        {text}
      </p>
    </div>
  ) : (
    ''
  );
}

/** A list's address with its filter: empty values left out, so a shared link stays short. */
export function listHref(path: string, params: Record<string, string | number | boolean>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== '' && value !== false) query.set(name, value === true ? '1' : String(value));
  return `${path}?${query}`;
}

/** Previous / "page 2 of 7" / next under a long list; nothing when it fits on one page. */
export function Pager({ ctx, page, pages, href }: { ctx: PageContext; page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return '';
  const where = ctx.t('pager.page', { page, pages });
  return (
    <nav aria-label={where}>
      <ul class="inline-list">
        {page > 1 ? (
          <li>
            <a class="ds-link" href={href(page - 1)} safe>
              {ctx.t('pager.previous')}
            </a>
          </li>
        ) : (
          ''
        )}
        <li safe>{where}</li>
        {page < pages ? (
          <li>
            <a class="ds-link" href={href(page + 1)} safe>
              {ctx.t('pager.next')}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  );
}
