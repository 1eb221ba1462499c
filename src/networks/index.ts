/**
 * What other parts of the product may use of networks, the only door into this folder: its
 * manifest (messages, menu entries, audit words) and its routes.
 */
import type { CapabilityManifest } from '../platform/capability.js';
import { hasRole } from '../platform/ui/navigation.js';
import { NETWORK_AUDIT_WORDS } from './audit-words.js';
import { meetingMessages } from './meeting-messages.js';
import { networkMessages } from './messages.js';

export const networks: CapabilityManifest = {
  name: 'networks',
  messages: {
    nb: { ...networkMessages.nb, ...meetingMessages.nb },
    nn: { ...networkMessages.nn, ...meetingMessages.nn },
    da: { ...networkMessages.da, ...meetingMessages.da },
    en: { ...networkMessages.en, ...meetingMessages.en },
  },
  navigation: [
    { href: '/nokkeltall', label: 'networks.nav', order: 12, keepsLanguage: true },
    { href: '/kommunestruktur', label: 'networks.scenario.nav', order: 13, keepsLanguage: true },
    { href: '/samarbeid', label: 'networks.cooperation.nav', order: 14, keepsLanguage: true },
    { href: '/nettverk', label: 'networks.networks.nav', order: 44, keepsLanguage: true, visibleTo: hasRole('case_worker') },
  ],
  audit: NETWORK_AUDIT_WORDS,
};

export { networkRoutes } from './routes.js';
export { cooperationNotes, type CooperationNotes } from './cooperation-registry.js';
export { completedActionFacts, type CompletedActionFacts } from './action-facts.js';
