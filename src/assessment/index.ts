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
export {
  CONFLICT_KINDS,
  consensusOf,
  criteriaOf,
  declare,
  exclusionFor,
  parseDeclaration,
  parseScoreSheet,
  recordConsensus,
  scoreApplication,
  scoreScaleOf,
  startReview,
  SCORE_SCALE,
  type ConsensusSheet,
  type Declaration,
  type Exclusion,
  type ReviewCriterion,
  type ScoreScale,
  type ScoreSheet,
} from './model.js';
// The jury of another capability's process (the innovation prize) works by the same rules and on the same forms.
export { ScoreFields } from './pages/parts.js';
export { explainProblem as explainAssessmentProblem } from './problems.js';
export { exclusionText } from './texts.js';
export { assignmentWorkflow, reviewWorkflow, type AssignmentState, type ReviewState } from './workflows.js';
export type { AssessmentProblem } from './problems.js';
export { assessmentRoutes } from './routes.js';
export {
  agreedScoresForCall,
  findAssignment,
  findReview,
  listAssignmentsOfCall,
  listPool,
  pausedApplicationsOfCall,
  reviewerProfile,
} from './store.js';
export { assignInBatch, declareInterests, raiseFlag, saveConsensus, saveScores } from './use-cases.js';
