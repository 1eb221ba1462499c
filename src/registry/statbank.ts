/**
 * Statistics Denmark's StatBank API (api.statbank.dk/v1): the request for FOLK1A (population on the
 * first day of the quarter by municipality, sex and single year of age) and the reading of its
 * answer. DST's JSONSTAT format is a JSON-stat 1.0 bundle ({"dataset": {…}} with the ids and sizes
 * inside `dimension`); it is turned into the 2.0 shape that JsonStatDataset reads.
 */
import { JsonStatDataset, JsonStatError } from './jsonstat.js';
import type { FetchResult } from './sources.js';

export const STATBANK_API = 'https://api.statbank.dk/v1';

/** FOLK1A's first year (2008K1). */
export const FOLK1A_FIRST_YEAR = 2008;

/** The latest first quarter StatBank has published on a day: DST publishes it in the middle of February. */
export function latestFirstQuarterYear(today: Date): number {
  const year = today.getUTCFullYear();
  return today.getUTCMonth() > 1 || (today.getUTCMonth() === 1 && today.getUTCDate() >= 15) ? year : year - 1;
}

export interface StatBankRequest {
  url: URL;
  body: { table: string; format: 'JSONSTAT'; lang: 'da' | 'en'; variables: { code: string; values: string[] }[] };
}

/** FOLK1A for the given municipalities, both sexes, every single year of age, on 1 January of each year. */
export function folk1aRequest(municipalityCodes: readonly string[], fromYear: number, toYear: number): StatBankRequest {
  const years = Array.from({ length: Math.max(0, toYear - fromYear + 1) }, (_, i) => `${fromYear + i}K1`);
  return {
    url: new URL(`${STATBANK_API}/data`),
    body: {
      table: 'FOLK1A',
      format: 'JSONSTAT',
      lang: 'da',
      variables: [
        { code: 'OMRÅDE', values: [...municipalityCodes] },
        { code: 'KØN', values: ['1', '2'] },
        { code: 'ALDER', values: Array.from({ length: 126 }, (_, age) => String(age)) },
        { code: 'Tid', values: years },
      ],
    },
  };
}

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads DST's answer: a JSON-stat 1.0 bundle or a 2.0 dataset. Throws JsonStatError on anything else. */
export function statBankDataset(json: unknown): JsonStatDataset {
  if (!isRecord(json) || !isRecord(json.dataset)) return JsonStatDataset.parse(json);
  const bundled = json.dataset;
  if (!isRecord(bundled.dimension)) throw new JsonStatError('dataset.dimension is not an object');
  const { id, size, role: _role, ...dimensions } = bundled.dimension;
  return JsonStatDataset.parse({ ...bundled, class: 'dataset', version: '2.0', id, size, dimension: dimensions });
}

/** Posts the request; an unreachable server, an HTTP error or a body that is not JSON-stat is a typed failure. */
export async function fetchStatBank(request: StatBankRequest, timeoutMs = 120_000, fetchImpl: typeof fetch = fetch): Promise<FetchResult> {
  let response: Response;
  try {
    response = await fetchImpl(request.url, {
      method: 'POST',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request.body),
    });
  } catch (error) {
    const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    return { ok: false, error: `Statistics Denmark's StatBank at ${request.url.host} is unreachable (${reason})` };
  }
  if (!response.ok) {
    const detail = (await response.text().catch(() => '')).slice(0, 300);
    return { ok: false, error: `StatBank answered ${response.status} ${response.statusText}${detail ? `: ${detail}` : ''}` };
  }
  try {
    return { ok: true, dataset: statBankDataset(await response.json()) };
  } catch (error) {
    const reason = error instanceof JsonStatError || error instanceof SyntaxError ? error.message : String(error);
    return { ok: false, error: `StatBank returned something that is not JSON-stat: ${reason}` };
  }
}
