/** How the audit log names what happens to citizens' initiatives. */
import { names, type AuditVocabulary } from '../platform/audit/vocabulary.js';
import { initiativeWorkflow } from './workflows.js';

export const PARTICIPATION_AUDIT_WORDS: AuditVocabulary = {
  records: {
    initiative: names('Innbyggerforslag', 'Innbyggjarforslag', 'Borgerforslag', 'Citizens’ initiative'),
  },
  workflows: { initiative: [initiativeWorkflow] },
  actions: {
    submit: names('sendt til kontroll', 'send til kontroll', 'sendt til kontrol', 'sent for moderation'),
    edit: names('åpnet for endring', 'opna for endring', 'åbnet for ændring', 'opened for changes'),
    publish: names('publisert', 'publisert', 'offentliggjort', 'published'),
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
    withdraw: names('trukket', 'trekt', 'trukket tilbage', 'withdrawn'),
  },
};
