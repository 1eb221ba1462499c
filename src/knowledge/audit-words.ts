/** How the audit log names the knowledge bank's records and actions. */
import { names, type AuditVocabulary } from '../platform/audit/vocabulary.js';
import { prizeWorkflow } from './prize.js';
import { questionWorkflow } from './questions.js';

export const KNOWLEDGE_AUDIT_WORDS: AuditVocabulary = {
  records: {
    knowledge_case: names(
      'Erfaring i kunnskapsbanken',
      'Erfaring i kunnskapsbanken',
      'Erfaring i videnbanken',
      'Case in the knowledge bank',
    ),
    knowledge_question: names(
      'Spørsmål til kompetansesenteret',
      'Spørsmål til kompetansesenteret',
      'Spørgsmål til kompetencecentret',
      'Question to the competence centre',
    ),
    knowledge_directory: names(
      'Forskningsaktør eller tilskuddsordning',
      'Forskingsaktør eller tilskotsordning',
      'Forskningsaktør eller tilskudsordning',
      'Research actor or grant scheme',
    ),
    knowledge_prize: names('Innovasjonspris', 'Innovasjonspris', 'Innovationspris', 'Innovation prize'),
    knowledge_prize_nomination: names(
      'Nominasjon til innovasjonsprisen',
      'Nominasjon til innovasjonsprisen',
      'Indstilling til innovationsprisen',
      'Nomination for the innovation prize',
    ),
    knowledge_prize_assignment: names(
      'Jurymedlemmets vurdering',
      'Vurderinga til jurymedlemmet',
      'Jurymedlemmets vurdering',
      "A juror's assessment",
    ),
  },
  actions: {
    nominate: names('nominert', 'nominert', 'indstillet', 'nominated'),
    'appoint-juror': names('jurymedlem oppnevnt', 'jurymedlem oppnemnt', 'jurymedlem udpeget', 'juror appointed'),
    closeNominations: names('sendt til juryen', 'send til juryen', 'sendt til juryen', 'sent to the jury'),
    decide: names('vinner kåret', 'vinnar kåra', 'vinder kåret', 'winner chosen'),
    reconsider: names('sendt tilbake til juryen', 'send tilbake til juryen', 'sendt tilbage til juryen', 'sent back to the jury'),
    ask: names('spørsmål stilt', 'spørsmål stilt', 'spørgsmål stillet', 'question asked'),
    answer: names('besvart', 'svara', 'besvaret', 'answered'),
    publish: names('publisert', 'publisert', 'offentliggjort', 'published'),
    create: names('opprettet', 'oppretta', 'oprettet', 'created'),
    'create-from-project': names(
      'opprettet fra et prosjekt',
      'oppretta frå eit prosjekt',
      'oprettet fra et projekt',
      'created from a project',
    ),
    update: names('endret', 'endra', 'ændret', 'changed'),
    'attach-file': names('fil lagt til', 'fil lagd til', 'fil tilføjet', 'file added'),
    recommend: names('anbefalt som godt eksempel', 'tilrådd som godt døme', 'anbefalet som godt eksempel', 'recommended as a good example'),
    adopt: names('tatt i bruk av en kommune', 'teke i bruk av ein kommune', 'taget i brug af en kommune', 'adopted by a municipality'),
    unrecommend: names('ikke lenger anbefalt', 'ikkje lenger tilrådd', 'ikke længere anbefalet', 'no longer recommended'),
  },
  workflows: { knowledge_prize: [prizeWorkflow], knowledge_question: [questionWorkflow] },
};
