import { nb } from './messages/nb.js';

export type MessageKey = keyof typeof nb;
/** A complete catalogue: the type checker refuses a language that lacks a key or has an extra one. */
export type Catalogue = { readonly [K in MessageKey]: string };

type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
export type MessageParams<K extends MessageKey> = Record<Placeholders<(typeof nb)[K]>, string | number>;

/** `t('key')` for plain messages, `t('key', { name })` when the bokmål text has `{name}`. */
export type Translate = <K extends MessageKey>(
  key: K,
  ...params: Placeholders<(typeof nb)[K]> extends never ? [] : [MessageParams<K>]
) => string;
