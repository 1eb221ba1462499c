/** What other parts of the product may use of applications: the only door into this folder. */
import type { CapabilityManifest } from '../platform/capability.js';
import { hasRole } from '../platform/ui/navigation.js';
import { applicationMessages } from './messages.js';
// The slots this capability's pages offer to others (declared by declaration merging).
import './slots.js';
import { APPLICATIONS_AUDIT_WORDS } from './audit-words.js';

export const applications: CapabilityManifest = {
  name: 'applications',
  audit: APPLICATIONS_AUDIT_WORDS,
  messages: applicationMessages,
  navigation: [{ href: '/soknader', label: 'applications.nav', order: 40, keepsLanguage: true, visibleTo: hasRole('case_worker') }],
};

export { submitDemoApplication, type DemoApplication } from './demo.js';
export { translate } from '../platform/ui/translate.js';
export { callDeadline, caseWorkerMunicipalities, type ApplicationProblem } from './model.js';
export {
  applicationFile,
  findApplication,
  listSubmissions,
  listSubmittedApplications,
  type StoredApplication,
  type StoredAttachment,
  type StoredSubmission,
} from './store.js';
export { saveAnswers, startApplication, submitApplication } from './use-cases.js';
export { applicationRoutes } from './routes.js';
