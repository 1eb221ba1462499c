/** How the audit log names what happens to citizens' initiatives. */
import { names, type AuditVocabulary } from '../platform/audit/vocabulary.js';
import { initiativeWorkflow } from './workflows.js';

export const PARTICIPATION_AUDIT_WORDS: AuditVocabulary = {
  records: {
    initiative: names('Innbyggerforslag', 'Innbyggjarforslag', 'Borgerforslag', 'Citizens’ initiative'),
  },
  workflows: { initiative: [initiativeWorkflow] },
  // submit, edit, publish and withdraw are named by the platform ('sendt inn', 'endret', 'publisert', 'trukket').
  actions: {
    refuse: names('avvist', 'avvist', 'afvist', 'refused'),
    handIn: names('levert til kommunen', 'levert til kommunen', 'afleveret til kommunen', 'handed in'),
    recordTreatment: names('behandling registrert', 'handsaming registrert', 'behandling registreret', 'treatment recorded'),
    revise: names('utkast endret', 'utkast endra', 'kladde ændret', 'draft changed'),
    'confirm-co-initiator': names(
      'medforslagsstiller bekreftet',
      'medforslagsstillar stadfesta',
      'medforslagsstiller bekræftet',
      'co-initiator confirmed',
    ),
  },
};
