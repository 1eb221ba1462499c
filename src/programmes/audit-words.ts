/** How the audit log names the programmes' records, actions and states. */
import { names, type AuditVocabulary } from '../platform/audit/vocabulary.js';
import { callWorkflow, extensionWorkflow, questionWorkflow } from './workflows.js';

export const PROGRAMMES_AUDIT_WORDS: AuditVocabulary = {
  records: {
    programme: names('Program', 'Program', 'Program', 'Programme'),
    call: names('Utlysning', 'Utlysing', 'Opslag', 'Call'),
    call_question: names('Spørsmål til utlysningen', 'Spørsmål til utlysinga', 'Spørgsmål til opslaget', 'Question on a call'),
    deadline_extension: names('Unntak fra fristen', 'Unntak frå fristen', 'Undtagelse fra fristen', 'Deadline exception'),
    form_template: names('Søknadsskjema', 'Søknadsskjema', 'Ansøgningsskema', 'Application form'),
  },
  actions: {
    ask: names('spurt', 'spurt', 'spurgt', 'asked'),
    amend: names('rettet etter publisering', 'retta etter publisering', 'rettet efter offentliggørelse', 'amended after publication'),
    unpublish: names('avpublisert', 'avpublisert', 'trukket fra offentliggørelse', 'unpublished'),
    use: names('brukt', 'brukt', 'brugt', 'used'),
    expire: names('utløpt', 'gått ut', 'udløbet', 'expired'),
  },
  states: {
    programme: { active: names('Aktivt', 'Aktivt', 'Aktivt', 'Active') },
  },
  workflows: { call: [callWorkflow], call_question: [questionWorkflow], deadline_extension: [extensionWorkflow] },
};
