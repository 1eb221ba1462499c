import { describe, expect, it } from 'vitest';
import { fetchJsonStat, nationalProjectionUrl, population07459Url, readShippedUnits } from './sources.js';

const url = new URL('https://data.ssb.no/api/pxwebapi/v2/tables/07459/data');
const answering =
  (status: number, body: string): typeof fetch =>
  async () =>
    new Response(body, { status, statusText: status === 200 ? 'OK' : 'Service Unavailable' });

describe('fetching from SSB', () => {
  it('asks PxWebApi v2 for JSON-stat2 with 2024 codes from 2024', () => {
    const query = population07459Url(['0301', '1103'], 2024);
    expect(query.pathname).toBe('/api/pxwebapi/v2/tables/07459/data');
    expect(query.searchParams.get('outputFormat')).toBe('json-stat2');
    expect(query.searchParams.get('valueCodes[Region]')).toBe('0301,1103');
    expect(query.searchParams.get('valueCodes[Tid]')).toBe('from(2024)');
    expect(nationalProjectionUrl('14288').pathname).toBe('/api/pxwebapi/v2/tables/14288/data');
  });

  it('turns an unreachable server into a one-line message', async () => {
    const offline: typeof fetch = async () => {
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND data.ssb.no') });
    };
    const result = await fetchJsonStat(url, 1000, offline);
    expect(result).toEqual({
      ok: false,
      error:
        "SSB's API at data.ssb.no is unreachable (getaddrinfo ENOTFOUND data.ssb.no); the shipped copy can be imported with --source shipped",
    });
  });

  it('reports an HTTP error and a body that is not JSON-stat2', async () => {
    expect(await fetchJsonStat(url, 1000, answering(503, ''))).toMatchObject({ ok: false, error: expect.stringContaining('503') });
    expect(await fetchJsonStat(url, 1000, answering(200, '{"class":"collection"}'))).toMatchObject({
      ok: false,
      error: expect.stringContaining('not a JSON-stat2 dataset'),
    });
    expect(await fetchJsonStat(url, 1000, answering(200, '<html>'))).toMatchObject({ ok: false });
  });

  it('parses a JSON-stat2 answer', async () => {
    const body = JSON.stringify({ id: ['Tid'], size: [1], dimension: { Tid: { category: { index: ['2024'] } } }, value: [7] });
    const result = await fetchJsonStat(url, 1000, answering(200, body));
    expect(result.ok && result.dataset.value({ Tid: '2024' })).toBe(7);
  });
});

describe('shipped units', () => {
  it("has both countries, today's and former codes", () => {
    const { units, crosswalk, codeChanges } = readShippedUnits();
    const current = units.municipalities.filter((m) => m.validTo === null);
    expect(current.filter((m) => m.country === 'NO')).toHaveLength(357);
    expect(current.filter((m) => m.country === 'DK')).toHaveLength(98);
    expect(units.regions).toHaveLength(20);
    expect(codeChanges).toHaveLength(559);
    expect(crosswalk.filter((e) => e.year === 2024)).toHaveLength(357);
  });
});
