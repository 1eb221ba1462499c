/** What other parts of the product may use of the knowledge bank: the only door into this folder. */
import type { CapabilityManifest } from '../platform/capability.js';
import { KNOWLEDGE_AUDIT_WORDS } from './audit-words.js';
import { knowledgeMessages } from './messages.js';

export const knowledge: CapabilityManifest = {
  name: 'knowledge',
  audit: KNOWLEDGE_AUDIT_WORDS,
  messages: knowledgeMessages,
  navigation: [{ href: '/kunnskapsbank', label: 'knowledge.nav', order: 35, keepsLanguage: true }],
};
export { seedDemoKnowledge } from './demo.js';
export { knowledgeRoutes } from './routes.js';
