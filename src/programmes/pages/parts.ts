import type { PageContext } from '../../platform/ui/context.js';
import { translate } from '../../platform/ui/translate.js';
import { CONTENT_LANGUAGES, type CallContent, type ContentLanguage } from '../model.js';

/** The names of a call's fields, as a list (what changed in an amendment or since a person started). */
export function fieldNames(ctx: PageContext, fields: readonly (keyof CallContent)[]): string {
  return fields.map((field) => translate(ctx, `programmes.field.${field}`)).join(', ');
}

const isContentLanguage = (code: string): code is ContentLanguage => (CONTENT_LANGUAGES as readonly string[]).includes(code);

/** A language's name, or its code when the product has no name for it. */
export function languageName(ctx: PageContext, code: string): string {
  return isContentLanguage(code) ? translate(ctx, `language.${code}`) : code;
}
