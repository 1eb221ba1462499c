/**
 * Workflows are data: each capability's states in a typed table with what staff and what the
 * public call each state, in every language of the product.
 */
import type { Locale } from './i18n/index.js';

/** A name in every language of the product. */
export type Names = Record<Locale, string>;

export type Audience = 'staff' | 'public';

/** A workflow's states with their staff and public names. */
export type WorkflowStates = Record<string, { staff: Names; public: Names }>;

export function nameOfState<T extends WorkflowStates>(states: T, state: keyof T, audience: Audience, locale: Locale): string {
  return states[state]![audience][locale];
}
