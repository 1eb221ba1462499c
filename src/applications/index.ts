/** What other parts of the product may use of applications: the only door into this folder. */
import type { CapabilityManifest } from '../platform/capability.js';
import { hasRole } from '../platform/ui/navigation.js';
import { applicationMessages } from './messages.js';

export const applications: CapabilityManifest = {
  name: 'applications',
  messages: applicationMessages,
  navigation: [{ href: '/soknader', label: 'applications.nav', order: 40, keepsLanguage: true, visibleTo: hasRole('case_worker') }],
};

export { submitDemoApplication, type DemoApplication } from './demo.js';
export { translate } from './receipt.js';
export { caseWorkerMunicipalities } from './routes.js';
export { applicationFile, callDeadline, findApplication, listSubmissions, listSubmittedApplications, saveAnswers, startApplication, submitApplication, type StoredApplication, type StoredAttachment, type StoredSubmission } from './store.js';
