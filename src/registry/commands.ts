/**
 * Arguments of `npm run registry -- …`, parsed without IO so that they can be tested.
 */
import { parseArgs } from 'node:util';

export const REGISTRY_USAGE = `usage: npm run registry -- import [--source shipped|ssb|statbank]
  --source shipped   load the copies shipped in data/ (default; works offline)
  --source ssb       fetch population (07459, 2024 onwards) and the national projections (14288, 14746)
                     from SSB's PxWebApi v2
  --source statbank  fetch Denmark's population by municipality, sex and age on 1 January (FOLK1A,
                     2008 onwards) from Statistics Denmark's StatBank API`;

export const SOURCES = ['shipped', 'ssb', 'statbank'] as const;
export type RegistryCommand = { command: 'import'; source: (typeof SOURCES)[number] };

export type ParsedCommand<T> = { ok: true; command: T } | { ok: false; error: string };

export function parseRegistryCommand(argv: readonly string[]): ParsedCommand<RegistryCommand> {
  const options = { source: { type: 'string', default: 'shipped' } } as const;
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: typeof options }>>;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const [command, ...rest] = parsed.positionals;
  if (command !== 'import') return { ok: false, error: command ? `unknown command "${command}"` : 'no command given' };
  if (rest.length > 0) return { ok: false, error: `unexpected argument "${rest[0]}"` };
  const source = parsed.values.source;
  const known = SOURCES.find((s) => s === source);
  if (!known) return { ok: false, error: `--source must be shipped, ssb or statbank (got "${source}")` };
  return { ok: true, command: { command, source: known } };
}
