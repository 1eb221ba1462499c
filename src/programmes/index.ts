/** What other parts of the product may use of programmes: the only door into this folder. */
import type { CapabilityManifest } from '../platform/capability.js';

import { programmeMessages } from './messages.js';

export const programmes: CapabilityManifest = {
  name: 'programmes',
  messages: programmeMessages,
  navigation: [{ href: '/utlysninger', label: 'programmes.nav', order: 20, keepsLanguage: true }],
};
