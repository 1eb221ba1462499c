/** The places on applications' pages that other capabilities fill (platform/slots.ts). */
import type { PageContext } from '../platform/ui/context.js';

declare module '../platform/slots.js' {
  interface SlotProps {
    /** On the application page, after the facts: the owner's decision on it (selection), the project it continues or became (projects). */
    'applications.applicant-decision': { ctx: PageContext; applicationId: string };
    /** In "My applications", one row's decision in a word (selection), or nothing before there is one. */
    'applications.decision-state': { ctx: PageContext; applicationId: string };
  }
}
