/**
 * The capabilities of the product, registered with the platform: their message catalogues and
 * menu entries. The composition root (app.ts), the command-line tools and the test set-up import
 * this once; the platform itself knows none of them.
 */
import { registerAuditVocabulary } from './platform/audit/vocabulary.js';
import { PLATFORM_AUDIT_WORDS } from './platform/auth/audit-words.js';
import { registerCapability } from './platform/capability.js';
import { projections } from './projections/index.js';
import { programmes } from './programmes/index.js';
import { applications } from './applications/index.js';
import { assessment } from './assessment/index.js';
import { selection } from './selection/index.js';
import { administration } from './administration/index.js';
import { projects } from './projects/index.js';
import { knowledge } from './knowledge/index.js';
import { participation } from './participation/index.js';
import { networks } from './networks/index.js';

export const CAPABILITIES = [
  projections,
  programmes,
  selection,
  applications,
  assessment,
  administration,
  projects,
  knowledge,
  participation,
  networks,
] as const;

registerAuditVocabulary(PLATFORM_AUDIT_WORDS);
for (const capability of CAPABILITIES) registerCapability(capability);
