/** How the audit log names the projects' records, actions and states. */
import { names, type AuditVocabulary } from '../platform/audit/vocabulary.js';
import { changeWorkflow, paymentWorkflow, projectWorkflow, reviewWorkflow } from './workflows.js';

export const PROJECTS_AUDIT_WORDS: AuditVocabulary = {
  records: {
    project: names('Prosjekt', 'Prosjekt', 'Projekt', 'Project'),
    'project-plan': names('Prosjektplan', 'Prosjektplan', 'Projektplan', 'Project plan'),
    'project-report': names('Prosjektrapport', 'Prosjektrapport', 'Projektrapport', 'Project report'),
    'project-payment': names('Utbetaling', 'Utbetaling', 'Udbetaling', 'Payment'),
    'project-change': names('Endring i prosjektplan', 'Endring i prosjektplan', 'Ændring af projektplan', 'Change to a project plan'),
    gathering: names('Samling', 'Samling', 'Samling', 'Gathering'),
    'programme-follow-up': names('Oppfølging av programmet', 'Oppfølging av programmet', 'Opfølgning af programmet', 'Programme follow-up'),
  },
  actions: {
    create: names('opprettet', 'oppretta', 'oprettet', 'created'),
    accept: names('tilskuddet akseptert', 'tilskotet akseptert', 'tilskuddet accepteret', 'grant accepted'),
    'approve-plan': names(
      'planen godkjent, prosjektet i gang',
      'planen godkjend, prosjektet i gang',
      'planen godkendt, projektet i gang',
      'plan approved, project running',
    ),
    'approve-final-report': names('sluttrapporten godkjent', 'sluttrapporten godkjend', 'slutrapporten godkendt', 'final report approved'),
    'publish-evaluation': names('evalueringen publisert', 'evalueringa publisert', 'evalueringen offentliggjort', 'evaluation published'),
    close: names('lukket', 'lukka', 'lukket', 'closed'),
    'grant-changed': names(
      'tilskuddet endret etter klage',
      'tilskotet endra etter klage',
      'tilskuddet ændret efter klage',
      'grant changed after an appeal',
    ),
    submit: names('sendt inn', 'send inn', 'indsendt', 'submitted'),
    approve: names('godkjent', 'godkjend', 'godkendt', 'approved'),
    return: names('sendt tilbake', 'send tilbake', 'sendt tilbage', 'returned'),
    request: names('bedt om', 'bede om', 'anmodet', 'requested'),
    release: names('utbetalt', 'utbetalt', 'udbetalt', 'released'),
    grant: names('innvilget', 'innvilga', 'imødekommet', 'granted'),
    refuse: names('avslått', 'avslått', 'afslået', 'refused'),
    set: names('fastsatt', 'fastsett', 'fastlagt', 'set'),
    update: names('endret', 'endra', 'ændret', 'changed'),
    'add-material': names('materiell lagt til', 'materiell lagt til', 'materiale tilføjet', 'material added'),
    'attach-council-decision': names(
      'kommunestyrevedtaket lagt ved',
      'kommunestyrevedtaket lagt ved',
      'byrådsbeslutningen vedlagt',
      'council decision attached',
    ),
    'appoint-evaluator': names('evaluator oppnevnt', 'evaluator oppnemnd', 'evaluator udpeget', 'evaluator appointed'),
  },
  workflows: {
    project: [projectWorkflow],
    'project-plan': [reviewWorkflow],
    'project-report': [reviewWorkflow],
    'project-payment': [paymentWorkflow],
    'project-change': [changeWorkflow],
  },
};
