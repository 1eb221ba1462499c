/** What other parts of the product may use of selection: the only door into this folder. */
import type { CapabilityManifest } from '../platform/capability.js';

import { selectionMessages } from './messages.js';

export const selection: CapabilityManifest = {
  name: 'selection',
  messages: selectionMessages,
  navigation: [{ href: '/tildelinger', label: 'selection.public.nav', order: 30, keepsLanguage: true }],
};
export { selectionRoutes } from './routes.js';
