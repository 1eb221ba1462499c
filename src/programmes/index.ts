/** What other parts of the product may use of programmes: the only door into this folder. */
import { hasRole } from '../platform/ui/navigation.js';
import type { CapabilityManifest } from '../platform/capability.js';

import { programmeMessages } from './messages.js';
import { PROGRAMMES_AUDIT_WORDS } from './audit-words.js';

export const programmes: CapabilityManifest = {
  name: 'programmes',
  audit: PROGRAMMES_AUDIT_WORDS,
  messages: programmeMessages,
  navigation: [
    { href: '/utlysninger', label: 'programmes.nav', order: 20, keepsLanguage: true },
    // The owner's workspace: programmes, calls, templates, assessment and decisions.
    { href: '/eier', label: 'programmes.owner.title', order: 50, visibleTo: hasRole('programme_owner') },
  ],
};

export { SYSTEM } from '../platform/db/kit.js';
export { NETWORK_FORM, seedDemoProgrammes } from './demo.js';
export { membersFromRegistry } from './eligibility.js';
export { applicableDeadline, extensionState, reliesOnExtension, type DeadlineExtension } from './extensions.js';
export {
  answeredSections,
  parseNumber,
  validateAnswers,
  type AnswerValue,
  type Answers,
  type AttachmentRef,
  type FormDefinition,
  type FormPart,
  type Issue,
  type TableRow,
} from './form.js';
export {
  canManage,
  oneApplicationPerRound,
  type CallContent,
  type ContentLanguage,
  type Country,
  type Currency,
  type Round,
} from './model.js';
export { explainProblem, type ProgrammeProblem } from './problems.js';
export {
  DECISION_BODIES,
  decisionBodiesOf,
  evaluateEligibility,
  type DecisionBody,
  type Eligibility,
  type EligibilityRule,
  type MemberContext,
  type RuleResult,
} from './rules.js';
export { findCall, listCallsOfProgramme, listOpenCalls, listPublicCalls, type OpenCallSummary, type StoredCall } from './store/calls.js';
export { instantToLocal, localToInstant } from './time.js';
export { applicantExtension, extendedRound, findExtension, listExtensions } from './store/extensions.js';
export { findProgramme, listProgrammes, seededIds } from './store/programmes.js';
export { findTemplate, listTemplates } from './store/templates.js';
export { amendCall, closeCall, createCall, publishCall } from './use-cases/calls.js';
export { grantExtension, markExtensionUsed, revokeExtension } from './use-cases/extensions.js';
export { askQuestion } from './use-cases/questions.js';
export { listQuestions } from './store/questions.js';
export { createTemplate, updateTemplate } from './use-cases/templates.js';
export { createProgramme } from './use-cases/programmes.js';
export { seedSmallRegistry } from './testing.js';
export { callWorkflow, extensionWorkflow, questionWorkflow } from './workflows.js';
export { programmeRoutes } from './routes.js';
export { bodiesText, explanationText, ruleText } from './rule-texts.js';
export { fileTypesText } from './template-form.js';
