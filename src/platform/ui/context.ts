import type { Principal } from '../auth/model.js';
import type { Locale, Translate } from '../i18n/index.js';

/** What every page needs to know about the request it answers. */
export interface PageContext {
  locale: Locale;
  t: Translate;
  principal: Principal | null;
  /** Path and query of the current request, for the language switch and sign-in return. */
  url: string;
  /** A CSRF token for forms on this page; created on first use. */
  csrfToken(): string;
  /** Nonce for the rare inline script the CSP allows. */
  scriptNonce: string;
}

/** The current URL with `lang` set, for the language switch. */
export function withLanguage(url: string, locale: Locale): string {
  const parsed = new URL(url, 'http://localhost');
  parsed.searchParams.set('lang', locale);
  return `${parsed.pathname}${parsed.search}`;
}
