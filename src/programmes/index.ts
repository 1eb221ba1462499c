/** What other parts of the product may use of programmes: the only door into this folder. */
import type { CapabilityManifest } from '../platform/capability.js';

import { programmeMessages } from './messages.js';

export const programmes: CapabilityManifest = {
  name: 'programmes',
  messages: programmeMessages,
  navigation: [{ href: '/utlysninger', label: 'programmes.nav', order: 20, keepsLanguage: true }],
};

export { NETWORK_FORM, seedDemoProgrammes } from './demo.js';
export { membersFromRegistry } from './eligibility.js';
export { applicableDeadline, extensionState, reliesOnExtension, type DeadlineExtension } from './extensions.js';
export { answeredSections, parseNumber, validateAnswers, type AnswerValue, type Answers, type AttachmentRef, type FormDefinition, type FormPart, type Issue, type TableRow } from './form.js';
export { canManage, type CallContent, type ContentLanguage, type Country, type Currency, type Round } from './model.js';
export { DECISION_BODIES, evaluateEligibility, type DecisionBody, type Eligibility, type EligibilityRule, type MemberContext, type RuleResult } from './rules.js';
export { ExtensionRefused, SYSTEM, amend, applicantExtension, close, createCall, createTemplate, extendedRound, findCall, findExtension, findProgramme, findTemplate, grantExtension, listCallsOfProgramme, listExtensions, markExtensionUsed, publish, revokeExtension, seededIds, updateTemplate, type StoredCall } from './store.js';
export { seedSmallRegistry } from './testing.js';
