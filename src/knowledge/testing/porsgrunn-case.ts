/** A case of Porsgrunn's, put to use, for the prize's tests: Porsgrunn employs one of the demo jury (Per Holm). */
import type { Queryable } from '../../platform/db/database.js';
import { SYSTEM } from '../../platform/db/kit.js';
import { orThrow } from '../../platform/outcome.js';
import { slugOf } from '../model.js';
import { writeCase } from '../use-cases.js';

export const PORSGRUNN_CASE = 'Digitalt tilsyn om natten i Porsgrunn';

export async function writePorsgrunnCase(db: Queryable): Promise<string> {
  return orThrow(
    await writeCase(
      db,
      {
        language: 'nb',
        title: PORSGRUNN_CASE,
        problem: 'Tilsyn om natten vekker beboerne.',
        done: 'Kommunen bruker sensorer i stedet for runder.',
        results: 'Færre vekket om natten.',
        phase: 'put_to_use',
        country: 'NO',
        sector: 'health_care',
        themes: [],
        yearFrom: 2024,
        yearTo: null,
        municipalities: [{ country: 'NO', code: '4001', name: 'Porsgrunn' }],
        partners: [],
        contacts: [],
        links: [],
        source: 'Porsgrunn kommune',
      },
      SYSTEM,
    ),
  );
}

export const PORSGRUNN_SLUG = slugOf(PORSGRUNN_CASE);
