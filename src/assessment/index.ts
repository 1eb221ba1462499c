/** What other parts of the product may use of assessment: the only door into this folder. */
import type { CapabilityManifest } from '../platform/capability.js';
import { hasRole } from '../platform/ui/navigation.js';
import { assessmentMessages } from './messages.js';
import { ASSESSMENT_AUDIT_WORDS } from './audit-words.js';

export const assessment: CapabilityManifest = {
  name: 'assessment',
  audit: ASSESSMENT_AUDIT_WORDS,
  messages: assessmentMessages,
  navigation: [{ href: '/vurderinger', label: 'assessment.nav', order: 50, keepsLanguage: true, visibleTo: hasRole('reviewer') }],
};

export { DEMO_CALL_KEY, seedDemoAssessment } from './demo.js';
export { criteriaOf, scoreScaleOf, type ScoreScale } from './model.js';
export type { AssessmentProblem } from './problems.js';
export { assessmentRoutes } from './routes.js';
export { agreedScoresForCall, findAssignment, findReview, listAssignmentsOfCall, listPool, pausedApplicationsOfCall } from './store.js';
export { assignInBatch, declareInterests, raiseFlag, saveConsensus, saveScores } from './use-cases.js';
