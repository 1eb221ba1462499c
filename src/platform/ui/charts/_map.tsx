import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { readNorwegianMunicipalityBoundaries, readDanishMunicipalityBoundaries } from '../../../registry/sources.js';
import { ChoroplethMap } from './index.js';
let svg = "";
for (const [name, b] of [['no', readNorwegianMunicipalityBoundaries()], ['dk', readDanishMunicipalityBoundaries()]] as const) {
  const features = b.features;
  const values = new Map([...features.values()].map((f, i) => [f.id, i % 50 === 0 ? null : (Number(f.id) % 97) / 10]));
  for (let k = 0; k < 2; k++) {
  const t0 = performance.now();
  svg = String(<ChoroplethMap id="m" title="Kart" description="d" locale="nb" features={features} values={values} href={(c) => `/kommune/${c}`}
    classes={{ kind: 'quantile', count: 5 }} valueLabel="Verdi" nameLabel="Kommune" codeLabel="Nr" classLabel="Klasse" noDataLabel="Ingen data" fractionDigits={1} />);
  const t1 = performance.now();
  console.log(name, features.length, 'bytes', svg.length, 'gzip', gzipSync(svg).length, 'ms', (t1 - t0).toFixed(0), 'links', (svg.match(/<a /g) ?? []).length);
  }
  writeFileSync(`/tmp/viz/map-${name}.html`, `<!doctype html><html><body style="width:600px">${svg}</body></html>`);
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 620, height: 800 } });
for (const name of ['no', 'dk']) { await page.goto(`file:///tmp/viz/map-${name}.html`); await page.screenshot({ path: `/tmp/viz/map-${name}.png`, fullPage: true }); }
await browser.close();
