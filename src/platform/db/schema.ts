/**
 * The database's tables as Kysely sees them. Each capability adds its own tables to this
 * interface by declaration merging in its store (`declare module '…/schema.js'`), so the
 * platform never needs to know a capability's tables.
 */
// biome-ignore lint/suspicious/noEmptyInterface: each capability adds its tables by declaration merging
export interface Database {}
