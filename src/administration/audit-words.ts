/** How the audit log names the administrator's actions on organisations. */
import { names, type AuditVocabulary } from '../platform/audit/vocabulary.js';

export const ADMINISTRATION_AUDIT_WORDS: AuditVocabulary = {
  actions: {
    'revoke-role': names('mistet en rolle', 'miste ei rolle', 'mistede en rolle', 'lost a role'),
    'grant-role-pending': names(
      'får en rolle ved første innlogging',
      'får ei rolle ved første innlogging',
      'får en rolle ved første login',
      'gets a role at the first sign-in',
    ),
    'cancel-pending-role': names(
      'ventende rolle trukket',
      'ventande rolle trekt',
      'ventende rolle trukket tilbage',
      'waiting role withdrawn',
    ),
  },
};
