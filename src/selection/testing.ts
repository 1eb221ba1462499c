/**
 * Test support: the 360Giving check (ajv, which Fastify already carries, with ajv-formats) against
 * the schema subset in fixtures/, used by the unit, route and browser tests alike.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

const SCHEMA = JSON.parse(readFileSync(new URL('./fixtures/360giving-schema-subset.json', import.meta.url), 'utf8')) as object;
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(SCHEMA);

/** The schema errors of a 360Giving package, one line each; empty when valid. */
export function threeSixtyGivingErrors(data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
