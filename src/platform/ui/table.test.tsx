import { describe, expect, it } from 'vitest';
import { DataTable } from './table.js';

describe('DataTable', () => {
  it('escapes text cells, keeps markup cells and heads each row', async () => {
    const html = await (
      <DataTable
        caption="Søknader"
        columns={[
          { header: 'Søker', text: (row: { name: string; amount: number }) => row.name, rowHeader: true },
          { header: 'Beløp', text: (row) => String(row.amount), numeric: true },
          { header: 'Lenke', cell: (row) => <a href={`/s/${row.amount}`}>vis</a> },
        ]}
        rows={[{ name: '<b>Skien</b>', amount: 5 }]}
      />
    );
    expect(html).toContain('<caption>Søknader</caption>');
    expect(html).toContain('<th scope="col" class="numeric">Beløp</th>');
    expect(html).toContain('<th scope="row">&lt;b>Skien&lt;/b></th>');
    expect(html).toContain('<td class="numeric">5</td>');
    expect(html).toContain('<td><a href="/s/5">vis</a></td>');
  });
});
