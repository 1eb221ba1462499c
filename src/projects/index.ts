/** What other parts of the product may use of projects: the only door into this folder. */
import type { CapabilityManifest } from '../platform/capability.js';
import { hasRole } from '../platform/ui/navigation.js';
import { PROJECTS_AUDIT_WORDS } from './audit-words.js';
import { projectMessages } from './messages.js';

export const projects: CapabilityManifest = {
  name: 'projects',
  audit: PROJECTS_AUDIT_WORDS,
  messages: projectMessages,
  navigation: [
    { href: '/prosjekter', label: 'projects.nav.public', order: 32, keepsLanguage: true },
    { href: '/prosjekter/mine', label: 'projects.nav.mine', order: 42, visibleTo: hasRole('case_worker') },
    { href: '/eier/prosjekter', label: 'projects.nav.portfolio', order: 55, visibleTo: hasRole('programme_owner') },
    { href: '/evaluering', label: 'projects.nav.evaluator', order: 58, visibleTo: hasRole('reviewer') },
  ],
};
export { projectRoutes } from './routes.js';
export { seedDemoProjects } from './demo.js';
export { projectFollowOn } from './use-cases.js';
export { findProjectFacts, type ProjectFacts } from './store.js';
