/** What other parts of the product may use of selection: the only door into this folder. */
import type { CapabilityManifest } from '../platform/capability.js';

import { hasRole } from '../platform/ui/navigation.js';
import { selectionMessages } from './messages.js';
import { SELECTION_AUDIT_WORDS } from './audit-words.js';

export const selection: CapabilityManifest = {
  name: 'selection',
  audit: SELECTION_AUDIT_WORDS,
  messages: selectionMessages,
  navigation: [
    { href: '/tildelinger', label: 'selection.public.nav', order: 30, keepsLanguage: true },
    { href: '/godkjenning', label: 'selection.approval.nav', order: 60, visibleTo: hasRole('decision_approver') },
  ],
};
export { selectionRoutes } from './routes.js';
export { grantApproved, threeSixtyGivingErrors } from './testing.js';
export { threeSixtyGivingPackage } from './open-data.js';
export { grantFacts, type DecisionFollowOn, type GrantFacts } from './use-cases.js';
export type { LetterLanguage } from './model.js';
export type { GrantFollowUp, PublishedGrant } from './open-data.js';
