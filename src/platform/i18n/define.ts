/** A catalogue with exactly the keys of `Source`: a missing or extra key fails the type check. */
export type CatalogueOf<Source> = { readonly [K in keyof Source]: string };

export interface MessagesInFourLanguages<Source extends Record<string, string>> {
  nb: Source;
  nn: CatalogueOf<Source>;
  da: CatalogueOf<Source>;
  en: CatalogueOf<Source>;
}

/**
 * Each capability keeps its own messages (keys prefixed with the capability's name), written in
 * bokmål first; the type checker holds the other three languages to the same keys.
 */
export function defineMessages<const Source extends Record<string, string>>(
  messages: MessagesInFourLanguages<Source>,
): MessagesInFourLanguages<Source> {
  return messages;
}
