import { describe, expect, it } from 'vitest';
import { parseRegistryCommand } from './commands.js';

describe('registry command', () => {
  it('imports the shipped copy by default', () => {
    expect(parseRegistryCommand(['import'])).toEqual({ ok: true, command: { command: 'import', source: 'shipped' } });
    expect(parseRegistryCommand(['import', '--source', 'ssb'])).toEqual({ ok: true, command: { command: 'import', source: 'ssb' } });
    expect(parseRegistryCommand(['import', '--source', 'statbank'])).toEqual({
      ok: true,
      command: { command: 'import', source: 'statbank' },
    });
  });

  it('explains bad arguments', () => {
    expect(parseRegistryCommand([])).toEqual({ ok: false, error: 'no command given' });
    expect(parseRegistryCommand(['export'])).toEqual({ ok: false, error: 'unknown command "export"' });
    expect(parseRegistryCommand(['import', '--source', 'web'])).toEqual({
      ok: false,
      error: '--source must be shipped, ssb or statbank (got "web")',
    });
    expect(parseRegistryCommand(['import', 'now'])).toEqual({ ok: false, error: 'unexpected argument "now"' });
    expect(parseRegistryCommand(['import', '--fast'])).toMatchObject({ ok: false });
  });
});
