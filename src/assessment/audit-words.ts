/** How the audit log names the assessment's records, actions and states. */
import { names, type AuditVocabulary } from '../platform/audit/vocabulary.js';
import { assignmentWorkflow, reviewWorkflow } from './workflows.js';

export const ASSESSMENT_AUDIT_WORDS: AuditVocabulary = {
  records: {
    review: names('Faglig vurdering', 'Fagleg vurdering', 'Faglig vurdering', 'Assessment'),
    review_assignment: names(
      'Tildeling til fagvurderer',
      'Tildeling til fagvurderar',
      'Tildeling til bedømmer',
      'Assignment to a reviewer',
    ),
    review_flag: names('Merknad til vurderingen', 'Merknad til vurderinga', 'Bemærkning til vurderingen', 'Flag on an assessment'),
    reviewer_pool: names('Fagpanel', 'Fagpanel', 'Fagpanel', 'Expert panel'),
  },
  actions: {
    add: names('lagt til', 'lagt til', 'tilføjet', 'added'),
    assign: names('tildelt', 'tildelt', 'tildelt', 'assigned'),
    unassign: names('tildeling trukket', 'tildeling trekt', 'tildeling trukket tilbage', 'assignment withdrawn'),
    'make-lead': names('gjort til leder', 'gjord til leiar', 'gjort til formand', 'made lead'),
    'unmake-lead': names('ikke lenger leder', 'ikkje lenger leiar', 'ikke længere formand', 'no longer lead'),
    'accept-invitation': names(
      'takket ja til invitasjonen',
      'takka ja til invitasjonen',
      'sagde ja til invitationen',
      'accepted the invitation',
    ),
    'withdraw-invitation': names('invitasjonen trukket', 'invitasjonen trekt', 'invitationen trukket tilbage', 'invitation withdrawn'),
    start: names('påbegynt', 'påbyrja', 'påbegyndt', 'started'),
    pause: names('satt på vent', 'sett på vent', 'sat i bero', 'paused'),
    resume: names('gjenopptatt', 'teken opp att', 'genoptaget', 'resumed'),
    agree: names('omforent vurdering ført', 'samla vurdering ført', 'fælles vurdering noteret', 'consensus recorded'),
    'revise-consensus': names('omforent vurdering endret', 'samla vurdering endra', 'fælles vurdering ændret', 'consensus revised'),
    declareNoConflict: names('erklært habil', 'erklært habil', 'erklæret habil', 'declared impartial'),
    declareConflict: names('erklært inhabil', 'erklært inhabil', 'erklæret inhabil', 'declared a conflict of interest'),
    'save-scores': names('poeng lagret', 'poeng lagra', 'point gemt', 'scores saved'),
    submitScores: names('poeng levert', 'poeng leverte', 'point afleveret', 'scores submitted'),
    reopen: names('åpnet igjen', 'opna att', 'genåbnet', 'reopened'),
    raise: names('merknad meldt', 'merknad meld', 'bemærkning rejst', 'flag raised'),
    resolve: names('merknad avklart', 'merknad avklart', 'bemærkning afklaret', 'flag resolved'),
  },
  states: {
    review_flag: {
      open: names('Åpen', 'Open', 'Åben', 'Open'),
      resolved: names('Avklart', 'Avklart', 'Afklaret', 'Resolved'),
    },
    reviewer_pool: {
      internal: names('Intern', 'Intern', 'Intern', 'Internal'),
      external: names('Ekstern', 'Ekstern', 'Ekstern', 'External'),
      lead: names('Leder', 'Leiar', 'Formand', 'Lead'),
      invited: names('Invitert', 'Invitert', 'Inviteret', 'Invited'),
    },
  },
  workflows: { review: [reviewWorkflow], review_assignment: [assignmentWorkflow] },
};
