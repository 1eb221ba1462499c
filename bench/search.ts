/**
 * Knowledge bank search speed:
 *   npm run bench -- search [--cases N] [--requests N]
 *
 * Fills the bank with N generated cases (default 50 000; titles and texts drawn from word lists in
 * bokmål, nynorsk, Danish and English, facets spread over countries, regions, sizes, sectors,
 * themes, phases and years), then, in one server process, times requests one after another:
 * GET /api/v1/cases with a query word (some with a typo) and two facets, and a static file of the
 * same server. Prints p50 and p95 of each and the ratio of the p95s. The database is PGlite in
 * memory, or the PostgreSQL server named by DATABASE_URL (a throwaway database).
 */
import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { CaseDraft, MunicipalityFacts, Phase, Sector, SizeClass, Theme } from '../src/knowledge/model.js';
import { PHASES, SECTORS, SIZE_CLASSES, THEMES } from '../src/knowledge/model.js';
import { countCases, insertCases } from '../src/knowledge/store.js';
import { PUBLIC_DIR, PUBLIC_PREFIX } from '../src/platform/ui/assets.js';
import type { Locale } from '../src/platform/i18n/index.js';
import { startTestApp } from '../src/test-app.js';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    cases: { type: 'string', default: '50000' },
    requests: { type: 'string', default: '400' },
    vocabulary: { type: 'string', default: 'zipf' },
  },
});
/**
 * zipf: each language's words and their two-word compounds (about 1 600 words), drawn for the
 * texts by Zipf's law as words are in real text, and queried uniformly (a typical content word);
 * small: only the base words, drawn uniformly, so that every query word is in a third or more of
 * the cases (the worst case for the facet counts and the ranking, which see every match).
 */
const ZIPF = values.vocabulary !== 'small';
const CASES = Math.min(Math.max(Number(values.cases), 100), 500_000);
const REQUESTS = Math.min(Math.max(Number(values.requests), 20), 10_000);

const WORDS: Record<Locale, string[]> = {
  nb: 'hverdagsrehabilitering velferdsteknologi hjemmetjeneste sykehjem barnehage skole helsestasjon barnevern frivillighet innbyggere samarbeid digitalisering kommunikasjon rekruttering sykefravær heltid omsorgsbolig trygghetsalarm sensorer nattilsyn bibliotek veivedlikehold snøbrøyting byggesak kulturskole ungdom eldre familie arbeid tjenester kvalitet brukere medvirkning ledelse innovasjon pilot erfaring'.split(
    ' ',
  ),
  nn: 'kvardagsrehabilitering velferdsteknologi heimeteneste sjukeheim barnehage skule helsestasjon barnevern frivilligheit innbyggjarar samarbeid digitalisering kommunikasjon rekruttering sjukefråvere heiltid omsorgsbustad tryggleiksalarm sensorar nattilsyn bibliotek vegvedlikehald snøbrøyting byggjesak kulturskule ungdom eldre familie arbeid tenester kvalitet brukarar medverknad leiing innovasjon pilot erfaring'.split(
    ' ',
  ),
  da: 'hverdagsrehabilitering velfærdsteknologi hjemmepleje plejehjem daginstitution skole sundhedspleje børneområdet frivillighed borgere samarbejde digitalisering kommunikation rekruttering sygefravær fuldtid ældrebolig nødkald sensorer nattevagt bibliotek vejvedligehold snerydning byggesag musikskole unge ældre familie beskæftigelse ydelser kvalitet brugere inddragelse ledelse innovation forsøg erfaring'.split(
    ' ',
  ),
  en: 'reablement telecare homecare nursing kindergarten school healthvisitor childprotection volunteering residents partnership digitalisation communication recruitment sickleave fulltime sheltered alarm sensors nightcare library roads snowclearing planning musicschool youth elderly family employment services quality users participation leadership innovation pilot experience'.split(
    ' ',
  ),
};
const REGIONS: Record<'NO' | 'DK', string[]> = {
  NO: [
    'Agder',
    'Telemark',
    'Vestfold',
    'Østfold',
    'Buskerud',
    'Innlandet',
    'Rogaland',
    'Vestland',
    'Møre og Romsdal',
    'Trøndelag',
    'Nordland',
    'Troms',
    'Finnmark',
    'Oslo',
    'Akershus',
  ],
  DK: ['Region Hovedstaden', 'Region Sjælland', 'Region Syddanmark', 'Region Midtjylland', 'Region Nordjylland'],
};
const LANGUAGES: Locale[] = ['nb', 'nn', 'da', 'en'];

/** A small deterministic generator (mulberry32), so every run searches the same bank. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(14);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

/** Each language's vocabulary in a fixed random order, with the cumulative Zipf weights of its ranks. */
const VOCABULARY = Object.fromEntries(
  LANGUAGES.map((language) => {
    const base = WORDS[language];
    const words = ZIPF ? [...base, ...base.flatMap((a) => base.filter((b) => b !== a).map((b) => a + b))] : [...base];
    const order = words
      .map((word) => ({ word, key: rnd() }))
      .sort((a, b) => a.key - b.key)
      .map((w) => w.word);
    let sum = 0;
    const cumulative = order.map((_, rank) => {
      sum += ZIPF ? 1 / (rank + 1) : 1;
      return sum;
    });
    return [language, { words: order, cumulative, total: sum }];
  }),
) as Record<Locale, { words: string[]; cumulative: number[]; total: number }>;

function word(language: Locale): string {
  const { words, cumulative, total } = VOCABULARY[language];
  const target = rnd() * total;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cumulative[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return words[low]!;
}
const sentence = (language: Locale, n: number) => Array.from({ length: n }, () => word(language)).join(' ');

function generated(i: number): { slug: string; draft: CaseDraft; facts: MunicipalityFacts[] } {
  const language = pick(LANGUAGES);
  const country = language === 'da' ? 'DK' : language === 'en' ? pick(['NO', 'DK'] as const) : 'NO';
  const municipalities = Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, k) => ({
    country,
    code: String(1000 + ((i * 7 + k) % 8000)),
    name: `Kommune ${(i * 7 + k) % 400}`,
  }));
  const yearFrom = 2000 + Math.floor(rnd() * 26);
  return {
    slug: `case-${i}`,
    draft: {
      language,
      title: sentence(language, 4),
      problem: sentence(language, 25),
      done: sentence(language, 60),
      results: sentence(language, 25),
      phase: pick(PHASES) as Phase,
      country,
      sector: pick(SECTORS) as Sector,
      themes: [pick(THEMES), pick(THEMES)].filter((t, k, all) => all.indexOf(t) === k) as Theme[],
      yearFrom,
      yearTo: yearFrom + Math.floor(rnd() * 4),
      municipalities,
      partners: [],
      contacts: [],
      links: [],
      source: 'generated for the benchmark',
    },
    facts: municipalities.map(() => ({ region: pick(REGIONS[country]), sizeClass: pick(SIZE_CLASSES) as SizeClass })),
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

const running = await startTestApp();
try {
  const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  const db = running.database.db;
  const filling = performance.now();
  const BATCH = 500;
  for (let start = 0; start < CASES; start += BATCH) {
    await insertCases(
      db,
      Array.from({ length: Math.min(BATCH, CASES - start) }, (_, k) => generated(start + k)),
    );
    process.stdout.write(`\rfilling the bank: ${Math.min(start + BATCH, CASES)} / ${CASES}`);
  }
  process.stdout.write('\n');
  await sql`analyze knowledge_cases`.execute(db);
  await sql`analyze knowledge_words`.execute(db);
  console.log(`${await countCases(db)} cases in ${((performance.now() - filling) / 1000).toFixed(1)} s (${engine})`);

  // Query words: drawn uniformly from the vocabularies; every fourth with a typo (two letters swapped).
  const typo = (w: string) => (w.length > 5 ? `${w.slice(0, 3)}${w[4]}${w[3]}${w.slice(5)}` : w);
  const queries = Array.from({ length: 200 }, (_, i) => {
    const w = pick(VOCABULARY[pick(LANGUAGES)].words);
    return i % 4 === 3 ? typo(w) : w;
  });
  const facetPairs = [
    'country=NO&sector=health_care',
    'theme=welfare_technology&phase=put_to_use',
    'size=small&year=2015',
    'country=DK&theme=rehabilitation',
  ];
  const staticFile = `${PUBLIC_PREFIX}${readdirSync(PUBLIC_DIR).find((f) => f.endsWith('.css'))}`;

  async function timed(url: string): Promise<number> {
    const started = performance.now();
    const response = await fetch(`${running.baseUrl}${url}`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
    return performance.now() - started;
  }
  // Warm up both paths.
  for (let i = 0; i < 20; i++) {
    await timed(`/api/v1/cases?q=${encodeURIComponent(queries[i % queries.length]!)}&${facetPairs[i % facetPairs.length]}`);
    await timed(staticFile);
  }
  const search: number[] = [];
  const file: number[] = [];
  const slowest: { url: string; time: number }[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const url = `/api/v1/cases?q=${encodeURIComponent(queries[i % queries.length]!)}&${facetPairs[(i >> 1) % facetPairs.length]}`;
    const time = await timed(url);
    search.push(time);
    slowest.push({ url, time });
    file.push(await timed(staticFile));
  }
  slowest.sort((a, b) => b.time - a.time);
  console.log(
    `slowest searches: ${slowest
      .slice(0, 5)
      .map((s) => `${decodeURIComponent(s.url)} ${ms(s.time)}`)
      .join('; ')}`,
  );
  search.sort((a, b) => a - b);
  file.sort((a, b) => a - b);
  console.log(
    `search (a word, two facets; ranked, highlighted, all facet counts) over ${CASES} cases (${ZIPF ? 'Zipf vocabulary' : 'small vocabulary'}), ${REQUESTS} requests one at a time:`,
  );
  console.log(`  p50 ${ms(percentile(search, 50))}  p95 ${ms(percentile(search, 95))}`);
  console.log(`static file ${staticFile.split('/').at(-1)} from the same server:`);
  console.log(`  p50 ${ms(percentile(file, 50))}  p95 ${ms(percentile(file, 95))}`);
  console.log(`search p95 / static p95: ${(percentile(search, 95) / percentile(file, 95)).toFixed(1)} (${engine})`);
} finally {
  await running.close();
}
