/** What other parts of the product may use of participation: the only door into this folder. */
import type { CapabilityManifest } from '../platform/capability.js';
import { PARTICIPATION_AUDIT_WORDS } from './audit-words.js';
import { ideaMessages } from './ideas.messages.js';
import { participationMessages } from './messages.js';

export const participation: CapabilityManifest = {
  name: 'participation',
  audit: PARTICIPATION_AUDIT_WORDS,
  messages: {
    nb: { ...participationMessages.nb, ...ideaMessages.nb },
    nn: { ...participationMessages.nn, ...ideaMessages.nn },
    da: { ...participationMessages.da, ...ideaMessages.da },
    en: { ...participationMessages.en, ...ideaMessages.en },
  },
  navigation: [
    { href: '/innbyggerforslag', label: 'participation.nav', order: 40, keepsLanguage: true },
    { href: '/ideer', label: 'participation.idea.nav', order: 41, keepsLanguage: true },
  ],
};
export { participationRoutes } from './routes.js';
