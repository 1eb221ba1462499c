import { describe, expect, it } from 'vitest';
import { ChoroplethMap } from '../../platform/ui/charts/choropleth.js';
import { elements } from '../../platform/ui/charts/test-support.js';
import { readNorwegianMunicipalityBoundaries } from '../../registry/index.js';

describe('the shipped map of Norway', () => {
  it('draws all 357 municipalities, each a link, in a reasonable size', () => {
    const boundaries = readNorwegianMunicipalityBoundaries();
    const values = new Map([...boundaries.features.keys()].map((code) => [code, Number(code) / 1000]));
    const html = String(
      <ChoroplethMap
        id="map"
        title="Personer 20–66 per person 80+, 2040"
        description="Kommunekart, mørkere betyr flere."
        locale="nb"
        features={boundaries.features}
        values={values}
        href={(code) => `/kommune/${code}`}
        classes={{ kind: 'quantile', count: 5 }}
        valueLabel="Personer 20–66 per person 80+"
        nameLabel="Kommune"
        codeLabel="Kommunenummer"
        classLabels={{ from: 'Klasse fra', to: 'Klasse til' }}
        noDataLabel="Ingen data"
        fractionDigits={1}
      />,
    );
    const links = elements(html, 'a');
    expect(links).toHaveLength(357);
    expect(new Set(links.map((a) => a.href))).toEqual(new Set([...boundaries.features.keys()].map((code) => `/kommune/${code}`)));
    expect(links.find((a) => a.href === '/kommune/0301')!['aria-label']).toBe('Oslo: 0,3');
    expect(elements(html, 'path').every((p) => p.d === undefined || p.d.length > 5)).toBe(true);
    expect(html.length).toBeLessThan(160_000);
  });
});
