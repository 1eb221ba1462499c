import type { nb } from './messages/nb.js';

/**
 * The bokmål catalogue of every part of the product, by name. The platform adds its own here; each
 * capability adds its own by declaration merging in its messages.ts, so the platform never imports
 * a capability and still type-checks every key and placeholder.
 */
export interface MessageRegistry {
  platform: typeof nb;
}

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;
type Source = UnionToIntersection<MessageRegistry[keyof MessageRegistry]>;
export type MessageKey = keyof Source & string;
/** A complete catalogue: the type checker refuses a language that lacks a key or has an extra one. */
export type Catalogue = { readonly [K in MessageKey]: string };

type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? PlaceholderName<Name> | Placeholders<Rest> : never;
/** `{count|one|other}` chooses a word by the count: its parameter is `count`. */
type PlaceholderName<N extends string> = N extends `${infer Name}|${string}` ? Name : N;
export type MessageParams<K extends MessageKey> = Record<Placeholders<Source[K]>, string | number>;

/** `t('key')` for plain messages, `t('key', { name })` when the bokmål text has `{name}`. */
export type Translate = <K extends MessageKey>(
  key: K,
  ...params: Placeholders<Source[K]> extends never ? [] : [MessageParams<K>]
) => string;

/** A key whose message has no placeholders: safe to translate where the text is chosen at run time. */
export type PlainMessageKey = { [K in MessageKey]: Placeholders<Source[K]> extends never ? K : never }[MessageKey];
