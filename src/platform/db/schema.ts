/**
 * The database's tables as Kysely sees them. Each capability adds its own tables to this
 * interface by declaration merging in its store (`declare module '…/schema.js'`), so the
 * platform never needs to know a capability's tables.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database {}
