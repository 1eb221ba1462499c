/** What other parts of the product may use of administration: the only door into this folder. */
import type { CapabilityManifest } from '../platform/capability.js';
import { hasRole } from '../platform/ui/navigation.js';
import { administrationMessages } from './messages.js';
import { ADMINISTRATION_AUDIT_WORDS } from './audit-words.js';

export const administration: CapabilityManifest = {
  name: 'administration',
  audit: ADMINISTRATION_AUDIT_WORDS,
  messages: administrationMessages,
  navigation: [
    { href: '/admin/organisasjoner', label: 'administration.nav', order: 990, visibleTo: hasRole('admin') },
    { href: '/min-organisasjon', label: 'administration.ownNav', order: 980, visibleTo: hasRole('programme_owner') },
  ],
};
export { administrationRoutes } from './routes.js';
