/** What other parts of the product may use of the knowledge bank: the only door into this folder. */
import type { CapabilityManifest } from '../platform/capability.js';
import { hasRole } from '../platform/ui/navigation.js';
import { KNOWLEDGE_AUDIT_WORDS } from './audit-words.js';
import { directoryMessages } from './directory-messages.js';
import { knowledgeMessages } from './messages.js';
import { prizeMessages } from './prize-messages.js';
import { questionMessages } from './questions-messages.js';
import { sharingMessages } from './sharing-messages.js';

export const knowledge: CapabilityManifest = {
  name: 'knowledge',
  audit: KNOWLEDGE_AUDIT_WORDS,
  messages: {
    nb: { ...knowledgeMessages.nb, ...prizeMessages.nb, ...questionMessages.nb, ...sharingMessages.nb, ...directoryMessages.nb },
    nn: { ...knowledgeMessages.nn, ...prizeMessages.nn, ...questionMessages.nn, ...sharingMessages.nn, ...directoryMessages.nn },
    da: { ...knowledgeMessages.da, ...prizeMessages.da, ...questionMessages.da, ...sharingMessages.da, ...directoryMessages.da },
    en: { ...knowledgeMessages.en, ...prizeMessages.en, ...questionMessages.en, ...sharingMessages.en, ...directoryMessages.en },
  },
  navigation: [
    { href: '/kunnskapsbank', label: 'knowledge.nav', order: 35, keepsLanguage: true },
    { href: '/innovasjonspris', label: 'knowledge.prize.nav', order: 36, keepsLanguage: true },
    { href: '/innovasjonspris/jury', label: 'knowledge.prize.myJury', order: 51, visibleTo: hasRole('reviewer') },
  ],
};
export { seedDemoKnowledge } from './demo.js';
export { directoryRoutes } from './directory.routes.js';
export { knowledgeRoutes } from './routes.js';
export { prizeRoutes } from './prize.routes.js';
export { questionRoutes } from './questions.routes.js';
