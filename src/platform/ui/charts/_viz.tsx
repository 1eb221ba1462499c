import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { BarChart, LineChart, PopulationPyramid } from './index.js';
const ages = Array.from({ length: 106 }, (_, a) => (a === 105 ? '105+' : String(a)));
const bell = (a: number, peak: number, s: number) => Math.max(0, Math.round(800 * Math.exp(-((a - peak) ** 2) / s)));
const years = Array.from({ length: 27 }, (_, i) => 2024 + i);
const groups = ['0', '1–5', '6–12', '13–15', '16–19', '20–44', '45–66', '67–79', '80–89', '90+'];
const html = `<!doctype html><html><body style="width:800px;font-family:sans-serif">` +
  String(<PopulationPyramid id="p" title="Pyramide" description="d" locale="nb" ages={ages} maleLabel="Menn" femaleLabel="Kvinner" ageLabel="Alder" valueLabel="personer"
    series={[{ key: '2024', label: '2024', male: ages.map((_, a) => bell(a, 40, 1200)), female: ages.map((_, a) => bell(a, 45, 1500)) },
             { key: '2040', label: '2040', male: ages.map((_, a) => bell(a, 55, 1400)), female: ages.map((_, a) => bell(a, 60, 1600)) }]} />) +
  String(<LineChart id="l" title="Linjer" description="d" locale="nb" years={years} valueLabel="indeks (2024 = 100)" yearLabel="År" indexed band={{ label: 'Lav–høy', low: 'lav', high: 'høy' }}
    series={groups.map((label, g) => { const v = years.map((_, i) => 1000 * (1 + (g - 4) * 0.01 * i)); return { key: `g${g}`, label, values: v, low: v.map((x, i) => x * (1 - 0.004 * i)), high: v.map((x, i) => x * (1 + 0.005 * i)) }; })} />) +
  String(<BarChart id="b" title="Søyler" description="d" locale="nb" valueLabel="årsverk" categoryLabel="Sektor" categories={[{ key: 'k', label: 'Barnehage' }, { key: 's', label: 'Grunnskole' }, { key: 'c', label: 'Pleie og omsorg i og utenfor institusjon' }]}
    series={[{ key: '2030', label: '2030', values: [120.5, 300, 1450] }, { key: '2040', label: '2040', values: [110, 280, 1800] }, { key: '2050', label: '2050', values: [100, 250, 2100] }]} />) +
  String(<BarChart id="v" orientation="vertical" title="Søyler" description="d" locale="nb" valueLabel="årsverk" categoryLabel="Sektor" categories={[{ key: 'k', label: 'Barnehage' }, { key: 's', label: 'Grunnskole' }, { key: 'c', label: 'Pleie og omsorg i og utenfor institusjon' }]}
    series={[{ key: '2030', label: '2030', values: [120.5, 300, 1450] }, { key: '2040', label: '2040', values: [110, 280, 1800] }, { key: '2050', label: '2050', values: [100, 250, 2100] }]} />) +
  `</body></html>`;
writeFileSync('/tmp/viz/charts.html', html);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 820, height: 800 } });
await page.goto('file:///tmp/viz/charts.html');
await page.screenshot({ path: '/tmp/viz/charts.png', fullPage: true });
await browser.close();
