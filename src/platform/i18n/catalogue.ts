import type { CATALOGUES } from '../../messages.js';

type Source = (typeof CATALOGUES)['nb'];
export type MessageKey = keyof Source;
/** A complete catalogue: the type checker refuses a language that lacks a key or has an extra one. */
export type Catalogue = { readonly [K in MessageKey]: string };

type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
export type MessageParams<K extends MessageKey> = Record<Placeholders<Source[K]>, string | number>;

/** `t('key')` for plain messages, `t('key', { name })` when the bokmål text has `{name}`. */
export type Translate = <K extends MessageKey>(
  key: K,
  ...params: Placeholders<Source[K]> extends never ? [] : [MessageParams<K>]
) => string;
