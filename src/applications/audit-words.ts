/** How the audit log names the applications' records, actions and states. */
import { names, type AuditVocabulary } from '../platform/audit/vocabulary.js';
import { applicationWorkflow, invitationWorkflow } from './workflows.js';

export const APPLICATIONS_AUDIT_WORDS: AuditVocabulary = {
  records: {
    application: names('Søknad', 'Søknad', 'Ansøgning', 'Application'),
    application_member: names('Kommune i nettverket', 'Kommune i nettverket', 'Kommune i netværket', 'Municipality in the network'),
  },
  actions: {
    attach: names('vedlegg lagt ved', 'vedlegg lagt ved', 'bilag vedhæftet', 'attachment added'),
    decision: names('politisk vedtak lagt ved', 'politisk vedtak lagt ved', 'politisk beslutning vedhæftet', 'political decision attached'),
    'receipt-pdf': names('kvittering laget', 'kvittering laga', 'kvittering dannet', 'receipt made'),
    'receipt-mail-claim': names(
      'kvittering klar til sending',
      'kvittering klar til sending',
      'kvittering klar til afsendelse',
      'receipt ready to send',
    ),
    'receipt-mail': names('kvittering sendt', 'kvittering send', 'kvittering sendt', 'receipt sent'),
  },
  workflows: { application: [applicationWorkflow], application_member: [invitationWorkflow] },
};
