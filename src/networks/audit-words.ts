/** How the audit log names what happens to benchmarking networks. */
import { names, type AuditVocabulary } from '../platform/audit/vocabulary.js';
import { actionWorkflow, membershipWorkflow } from './workflows.js';

export const NETWORK_AUDIT_WORDS: AuditVocabulary = {
  records: {
    network: names('Sammenligningsnettverk', 'Samanlikningsnettverk', 'Sammenligningsnetværk', 'Benchmarking network'),
    network_member: names('Medlemskap i nettverk', 'Medlemskap i nettverk', 'Medlemskab af netværk', 'Network membership'),
    network_action: names('Forbedringstiltak', 'Forbetringstiltak', 'Forbedringstiltag', 'Improvement action'),
    network_meeting: names('Nettverksmøte', 'Nettverksmøte', 'Netværksmøde', 'Network meeting'),
    cooperation: names('Interkommunalt samarbeid', 'Interkommunalt samarbeid', 'Samarbejde mellem kommuner', 'Inter-municipal cooperation'),
    structure_scenario: names(
      'Scenario for kommunestruktur',
      'Scenario for kommunestruktur',
      'Scenarie for kommunestruktur',
      'Municipal-structure scenario',
    ),
  },
  workflows: { network_member: [membershipWorkflow], network_action: [actionWorkflow] },
  // create, invite, accept and decline are named by the platform.
  actions: {
    'define-figure': names('eget nøkkeltall definert', 'eige nøkkeltal definert', 'eget nøgletal defineret', 'own figure defined'),
    reinvite: names('invitert på nytt', 'invitert på nytt', 'inviteret igen', 'invited again'),
    start: names('startet', 'starta', 'startet', 'started'),
    complete: names('fullført', 'fullført', 'gennemført', 'completed'),
    drop: names('avbrutt', 'avbrote', 'opgivet', 'dropped'),
    leave: names('gikk ut', 'gjekk ut', 'trådte ud', 'left'),
    'write-notes': names('referat skrevet', 'referat skrive', 'referat skrevet', 'minutes written'),
    'add-file': names('fil lastet opp', 'fil lasta opp', 'fil uploadet', 'file uploaded'),
    unpublish: names('trukket tilbake', 'trekt tilbake', 'trukket tilbage', 'withdrawn'),
    'enter-value': names('verdi registrert', 'verdi registrert', 'værdi registreret', 'value entered'),
  },
};
