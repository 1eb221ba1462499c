import type { Principal, Role } from '../auth/model.js';
import type { PlainMessageKey } from '../i18n/index.js';

/** An entry of the site's main menu, registered by the capability it leads to. */
export interface NavigationEntry {
  href: string;
  label: PlainMessageKey;
  /** Position in the menu: lower first. The platform's home is 0 and its audit log 1000. */
  order: number;
  /** Who sees the entry; everyone when absent. */
  visibleTo?: (principal: Principal | null) => boolean;
  /** Whether the link carries the page's language (pages that are public and cached per language). */
  keepsLanguage?: boolean;
}

const ENTRIES = new Map<string, NavigationEntry>();

/** Adds menu entries at composition; registering the same link again replaces it. */
export function registerNavigation(entries: readonly NavigationEntry[]): void {
  for (const entry of entries) ENTRIES.set(entry.href, entry);
}

/** The menu a person sees, in order. */
export function navigationFor(principal: Principal | null): NavigationEntry[] {
  return [...ENTRIES.values()].filter((entry) => entry.visibleTo?.(principal) ?? true).sort((a, b) => a.order - b.order);
}

export const hasRole =
  (role: Role) =>
  (principal: Principal | null): boolean =>
    principal?.roles.has(role) ?? false;

registerNavigation([
  { href: '/', label: 'nav.home', order: 0 },
  { href: '/admin/audit', label: 'nav.audit', order: 1000, visibleTo: hasRole('admin') },
]);
