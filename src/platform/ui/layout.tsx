import type { Children } from '@kitajs/html';
import { LOCALES } from '../i18n/index.js';
import { STYLESHEETS } from './assets.js';
import { Breadcrumbs, CsrfField, type Crumb } from './components.js';
import { withLanguage, type PageContext } from './context.js';
import { navigationFor } from './navigation.js';

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  crumbs?: Crumb[];
  children?: Children;
}

export function Layout({ ctx, title, crumbs = [], children }: LayoutProps) {
  const { t } = ctx;
  return (
    <>
      {'<!doctype html>'}
      <html lang={ctx.locale} data-color-scheme="light">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{`${title} – ${t('site.name')}`}</title>
          {STYLESHEETS.map((href) => (
            <link rel="stylesheet" href={href} />
          ))}
        </head>
        <body>
          <a class="ds-skip-link" href="#main" safe>
            {t('layout.skipToContent')}
          </a>
          <SiteHeader ctx={ctx} />
          <main id="main" tabindex="-1" class="page">
            <Breadcrumbs ctx={ctx} crumbs={crumbs} />
            {children}
          </main>
          <SiteFooter ctx={ctx} />
        </body>
      </html>
    </>
  );
}

function SiteHeader({ ctx }: { ctx: PageContext }) {
  const { t, principal } = ctx;
  return (
    <header class="site-header">
      <div class="site-header__inner">
        <a class="site-header__brand ds-link" href="/" safe>
          {t('site.name')}
        </a>
        <details class="site-menu">
          <summary class="ds-button" data-variant="secondary" data-size="sm" safe>
            {t('layout.menu')}
          </summary>
          <div class="site-menu__content">
            <nav aria-label={t('layout.mainNavigation')} class="site-header__nav">
              <ul class="inline-list">
                {navigationFor(principal).map((entry) => (
                  <li>
                    <a class="ds-link" href={entry.keepsLanguage ? `${entry.href}?lang=${ctx.locale}` : entry.href} safe>
                      {t(entry.label)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <div class="site-header__account">
              {principal ? (
                <form method="post" action="/logout" class="inline-form">
                  <span safe>{t('layout.signedInAs', { name: principal.name })}</span>
                  <CsrfField ctx={ctx} />
                  <button class="ds-button" data-variant="secondary" data-size="sm" type="submit" safe>
                    {t('nav.signOut')}
                  </button>
                </form>
              ) : (
                <a class="ds-link" href={`/login?returnTo=${encodeURIComponent(ctx.url)}`} safe>
                  {t('nav.signIn')}
                </a>
              )}
            </div>
            <LanguageSwitch ctx={ctx} />
          </div>
        </details>
      </div>
    </header>
  );
}

function LanguageSwitch({ ctx }: { ctx: PageContext }) {
  return (
    <nav aria-label={ctx.t('layout.language')} class="language-switch">
      <ul class="inline-list">
        {LOCALES.map((locale) => (
          <li>
            <a
              class="ds-link"
              href={withLanguage(ctx.url, locale)}
              lang={locale}
              hreflang={locale}
              aria-current={locale === ctx.locale ? 'true' : undefined}
              safe
            >
              {ctx.t(`language.${locale}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SiteFooter({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <footer class="site-footer" aria-label={t('layout.footer')}>
      <p class="ds-paragraph" safe>
        {t('layout.footer.about')}
      </p>
      <ul class="inline-list">
        <li>
          <a class="ds-link" href="/api/docs" safe>
            {t('layout.footer.api')}
          </a>
        </li>
        <li>
          <a class="ds-link" href="/accessibility" safe>
            {t('layout.footer.accessibility')}
          </a>
        </li>
      </ul>
    </footer>
  );
}
