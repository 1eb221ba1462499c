import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export const PUBLIC_DIR = fileURLToPath(new URL('../../../public/', import.meta.url));
export const DESIGNSYSTEM_DIR = dirname(dirname(require.resolve('@digdir/designsystemet-css')));
const DESIGNSYSTEM_VERSION: string = JSON.parse(readFileSync(join(DESIGNSYSTEM_DIR, '..', 'package.json'), 'utf8')).version;

/** A hash of everything in public/: part of the asset URLs so they can be cached for a year. */
const PUBLIC_HASH = createHash('sha256')
  .update(
    readdirSync(PUBLIC_DIR)
      .sort()
      .map((file) => readFileSync(join(PUBLIC_DIR, file)))
      .join('\0'),
  )
  .digest('hex')
  .slice(0, 12);

export const PUBLIC_PREFIX = `/static/${PUBLIC_HASH}/`;
export const DESIGNSYSTEM_PREFIX = `/static/ds/${DESIGNSYSTEM_VERSION}/`;

export const STYLESHEETS = [
  `${DESIGNSYSTEM_PREFIX}theme/designsystemet.css`,
  `${DESIGNSYSTEM_PREFIX}src/index.css`,
  `${PUBLIC_PREFIX}app.css`,
  `${PUBLIC_PREFIX}charts.css`,
];

export function scriptUrl(file: string): string {
  return `${PUBLIC_PREFIX}${file}`;
}
