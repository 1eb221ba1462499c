/** How the audit log names the selection's records, actions and states. */
import { names, type AuditVocabulary } from '../platform/audit/vocabulary.js';
import { appealWorkflow, approvalWorkflow, decisionWorkflow, letterWorkflow } from './model.js';

export const SELECTION_AUDIT_WORDS: AuditVocabulary = {
  records: {
    selection: names('Utvelgelse', 'Utveljing', 'Udvælgelse', 'Selection'),
    selection_entry: names('Valg av søknad', 'Val av søknad', 'Valg af ansøgning', 'Choice of an application'),
    decision: names('Vedtak', 'Vedtak', 'Afgørelse', 'Decision'),
    appeal: names('Klage', 'Klage', 'Klage', 'Appeal'),
  },
  actions: {
    record: names('utvelgelsen lagret', 'utveljinga lagra', 'udvælgelsen gemt', 'selection recorded'),
    select: names('valgt ut', 'vald ut', 'valgt', 'selected'),
    deselect: names('ikke valgt', 'ikkje vald', 'fravalgt', 'not selected'),
    reject: names('avslått', 'avslått', 'afslået', 'rejected'),
    prepare: names('forberedt på nytt', 'førebudd på nytt', 'forberedt igen', 'prepared again'),
    return: names('sendt tilbake', 'send tilbake', 'sendt tilbage', 'sent back'),
    make: names('brev laget', 'brev laga', 'brev dannet', 'letter made'),
    send: names('brev sendt', 'brev send', 'brev sendt', 'letter sent'),
    'letter-made': names('brev laget', 'brev laga', 'brev dannet', 'letter made'),
    'letter-sent': names('brev sendt', 'brev send', 'brev sendt', 'letter sent'),
    lodge: names('klage mottatt', 'klage motteken', 'klage modtaget', 'appeal lodged'),
    uphold: names('vedtaket står ved lag', 'vedtaket står ved lag', 'afgørelsen fastholdt', 'decision upheld'),
    change: names('vedtaket endret', 'vedtaket endra', 'afgørelsen ændret', 'decision changed'),
    forward: names('sendt til klageinstansen', 'send til klageinstansen', 'sendt til klageinstansen', 'sent on to the appeal body'),
  },
  states: {
    selection_entry: {
      none: names('Ikke vurdert', 'Ikkje vurdert', 'Ikke vurderet', 'Not considered'),
      selected: names('Valgt ut', 'Vald ut', 'Valgt', 'Selected'),
      'not-selected': names('Ikke valgt', 'Ikkje vald', 'Ikke valgt', 'Not selected'),
    },
  },
  workflows: { decision: [decisionWorkflow, approvalWorkflow, letterWorkflow], appeal: [appealWorkflow] },
};
