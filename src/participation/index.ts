/** What other parts of the product may use of participation: the only door into this folder. */
import type { CapabilityManifest } from '../platform/capability.js';
import { PARTICIPATION_AUDIT_WORDS } from './audit-words.js';
import { participationMessages } from './messages.js';

export const participation: CapabilityManifest = {
  name: 'participation',
  audit: PARTICIPATION_AUDIT_WORDS,
  messages: participationMessages,
  navigation: [{ href: '/innbyggerforslag', label: 'participation.nav', order: 40, keepsLanguage: true }],
};
export { participationRoutes } from './routes.js';
