import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JsonStatError } from './jsonstat.js';
import { folk1aColumns } from './model.js';
import { fetchStatBank, folk1aRequest, latestFirstQuarterYear, statBankDataset } from './statbank.js';

const FIXTURE: unknown = JSON.parse(readFileSync(new URL('./fixtures/folk1a-statbank.json', import.meta.url), 'utf8'));

describe("Statistics Denmark's StatBank (FOLK1A by age)", () => {
  it('asks for every municipality, both sexes, each age and 1 January of each year', () => {
    const request = folk1aRequest(['101', '607'], 2024, 2026);
    expect(request.url.href).toBe('https://api.statbank.dk/v1/data');
    expect(request.body.table).toBe('FOLK1A');
    expect(request.body.format).toBe('JSONSTAT');
    const values = Object.fromEntries(request.body.variables.map((v) => [v.code, v.values]));
    expect(values.OMRÅDE).toEqual(['101', '607']);
    expect(values.KØN).toEqual(['1', '2']);
    expect(values.ALDER).toHaveLength(126);
    expect(values.Tid).toEqual(['2024K1', '2025K1', '2026K1']);
  });

  it('asks only for first quarters already published (mid-February)', () => {
    expect(latestFirstQuarterYear(new Date('2027-01-20T12:00:00Z'))).toBe(2026);
    expect(latestFirstQuarterYear(new Date('2027-02-14T12:00:00Z'))).toBe(2026);
    expect(latestFirstQuarterYear(new Date('2027-02-15T12:00:00Z'))).toBe(2027);
    expect(latestFirstQuarterYear(new Date('2026-12-04T12:00:00Z'))).toBe(2026);
  });

  it("reads DST's JSON-stat 1.0 bundle into cells: 1 January only, ages above 105 added to 105", () => {
    const ds = statBankDataset(FIXTURE);
    expect(ds.dimension('OMRÅDE').categories.map((c) => c.label)).toEqual(['København', 'Fredericia', 'Middelfart']);
    const parsed = folk1aColumns(ds);
    if (!parsed.ok) throw new Error(parsed.error);
    const { population } = parsed;
    expect(population.municipality).toHaveLength(3 * 2 * 106 * 2);
    expect(new Set(population.year)).toEqual(new Set([2024, 2025]));
    const cell = (code: string, year: number, sex: string, age: number) =>
      population.persons[
        population.municipality.findIndex(
          (m, i) => m === code && population.year[i] === year && population.sex[i] === sex && population.age[i] === age,
        )
      ];
    const raw = (code: string, sex: string, age: number, time: string) =>
      ds.value({ OMRÅDE: code, KØN: sex, ALDER: String(age), Tid: time, ContentsCode: 'FOLK1A' });
    expect(cell('607', 2024, 'female', 40)).toBe(raw('607', '2', 40, '2024K1'));
    expect(cell('607', 2025, 'male', 0)).toBe(raw('607', '1', 0, '2025K1'));
    // 105+ holds everyone aged 105 to 125.
    const oldest = Array.from({ length: 21 }, (_, i) => raw('607', '2', 105 + i, '2024K1')!);
    expect(oldest.slice(1).some((v) => v > 0)).toBe(true);
    expect(cell('607', 2024, 'female', 105)).toBe(oldest.reduce((a, b) => a + b, 0));
    const sum = (code: string, year: number) =>
      population.persons.reduce(
        (total, v, i) => (population.municipality[i] === code && population.year[i] === year ? total + v : total),
        0,
      );
    const rawSum = (code: string, time: string) =>
      [...ds.cells()].filter((c) => c.codes.OMRÅDE === code && c.codes.Tid === time).reduce((t, c) => t + (c.value ?? 0), 0);
    expect(sum('101', 2025)).toBe(rawSum('101', '2025K1'));
  });

  it('refuses totals and datasets without 1 January', () => {
    const bundle = FIXTURE as { dataset: { dimension: Record<string, { category: { index: Record<string, number> } }> } };
    const withTotal = structuredClone(bundle);
    const sexes = withTotal.dataset.dimension.KØN!.category.index;
    withTotal.dataset.dimension.KØN!.category.index = { ...sexes, TOT: 1 };
    delete (withTotal.dataset.dimension.KØN!.category.index as Record<string, number>)['2'];
    expect(folk1aColumns(statBankDataset(withTotal))).toEqual({ ok: false, error: 'sex "TOT" is not 1 (men) or 2 (women)' });
    const onlyK2 = structuredClone(bundle);
    onlyK2.dataset.dimension.Tid!.category.index = { '2024K2': 0, '2024K3': 1, '2024K4': 2 };
    expect(folk1aColumns(statBankDataset(onlyK2))).toMatchObject({ ok: false, error: expect.stringContaining('no first quarter') });
    expect(() => statBankDataset({ dataset: { dimension: 'no' } })).toThrow(JsonStatError);
  });

  it('says plainly when StatBank cannot be reached or answers something else', async () => {
    const request = folk1aRequest(['607'], 2025, 2025);
    const unreachable = (async () => {
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND api.statbank.dk') });
    }) as typeof fetch;
    expect(await fetchStatBank(request, 1000, unreachable)).toEqual({
      ok: false,
      error: "Statistics Denmark's StatBank at api.statbank.dk is unreachable (getaddrinfo ENOTFOUND api.statbank.dk)",
    });
    const refusing = (async () =>
      new Response('{"errorTypeCode":"EXTRACT-NOTFOUND"}', { status: 400, statusText: 'Bad Request' })) as typeof fetch;
    expect(await fetchStatBank(request, 1000, refusing)).toMatchObject({
      ok: false,
      error: expect.stringContaining('StatBank answered 400 Bad Request'),
    });
    const html = (async () => new Response('<html>maintenance</html>', { status: 200 })) as typeof fetch;
    expect(await fetchStatBank(request, 1000, html)).toMatchObject({ ok: false, error: expect.stringContaining('not JSON-stat') });
    let posted: RequestInit | undefined;
    const fine = (async (_url: URL, init: RequestInit) => {
      posted = init;
      return new Response(JSON.stringify(FIXTURE), { status: 200 });
    }) as unknown as typeof fetch;
    expect(await fetchStatBank(request, 1000, fine)).toMatchObject({ ok: true });
    expect(posted?.method).toBe('POST');
    expect(JSON.parse(String(posted?.body)).table).toBe('FOLK1A');
  });
});
