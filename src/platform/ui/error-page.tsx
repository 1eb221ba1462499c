import { PageHeading } from './components.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

export type ErrorStatus = 400 | 403 | 404 | 413 | 429 | 500;

export interface ErrorPageProps {
  ctx: PageContext;
  status: ErrorStatus;
  /** A more precise explanation than the status's own text (translated), e.g. an expired form. */
  detail?: string | undefined;
  limit?: string;
  requestId: string;
}

/** The translated page for a refused or failed request. It never shows internals of the failure. */
export function ErrorPage({ ctx, status, detail, limit = '', requestId }: ErrorPageProps) {
  const { t } = ctx;
  const title = t(`error.${status}.title`);
  const text = detail ? detail : status === 413 ? t('error.413.text', { limit }) : t(`error.${status}.text` as 'error.404.text');
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading title={title} />
      <p class="ds-paragraph" safe>
        {text}
      </p>
      {status === 500 ? (
        <p class="ds-paragraph" safe>
          {t('error.reference', { id: requestId })}
        </p>
      ) : (
        ''
      )}
      <p class="ds-paragraph">
        <a class="ds-link" href="/" safe>
          {t('error.backHome')}
        </a>
      </p>
    </Layout>
  );
}
