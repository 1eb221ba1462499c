/** Only until the application page fills its decision slot (issue 11): applications imports this path today. */
export { ApplicantDecisionSection } from './pages/applicant-decision.js';
