/** How the audit log names what happens to citizens' initiatives. */
import { names, type AuditVocabulary } from '../platform/audit/vocabulary.js';
import { ideaWorkflow, initiativeWorkflow } from './workflows.js';

export const PARTICIPATION_AUDIT_WORDS: AuditVocabulary = {
  records: {
    initiative: names('Innbyggerforslag', 'Innbyggjarforslag', 'Borgerforslag', 'Citizens’ initiative'),
    'initiative-rule': names(
      'Kommunens regel for innbyggerforslag',
      'Kommunen sin regel for innbyggjarforslag',
      'Kommunens regel for borgerforslag',
      'The municipality’s rule for citizens’ initiatives',
    ),
    idea: names('Idé i idékassen', 'Idé i idékassa', 'Idé i idékassen', 'Idea in the ideas box'),
  },
  workflows: { initiative: [initiativeWorkflow], idea: [ideaWorkflow] },
  // submit, edit, publish and withdraw are named by the platform ('sendt inn', 'endret', 'publisert', 'trukket').
  actions: {
    refuse: names('avvist', 'avvist', 'afvist', 'refused'),
    handIn: names('levert', 'levert', 'afleveret', 'handed in'),
    'attach-file': names('fil lagt ved', 'fil lagd ved', 'fil vedhæftet', 'file attached'),
    'remove-file': names('vedlegg fjernet', 'vedlegg fjerna', 'bilag fjernet', 'attachment removed'),
    recordTreatment: names('behandling registrert', 'handsaming registrert', 'behandling registreret', 'treatment recorded'),
    consider: names('satt til vurdering', 'sett til vurdering', 'sat til overvejelse', 'marked as being considered'),
    takeUp: names('tatt i bruk', 'teken i bruk', 'taget op', 'taken up'),
    notTakeUp: names('ikke tatt i bruk', 'ikkje teken i bruk', 'ikke taget op', 'not taken up'),
    hide: names('skjult', 'gøymd', 'skjult', 'hidden'),
    comment: names('kommentert av mottakeren', 'kommentert av mottakaren', 'kommenteret af modtageren', 'commented on by the receiver'),
    switchOn: names(
      'innbyggerforslag slått på',
      'innbyggjarforslag slått på',
      'borgerforslag slået til',
      'citizens’ initiatives switched on',
    ),
    switchOff: names(
      'innbyggerforslag slått av',
      'innbyggjarforslag slått av',
      'borgerforslag slået fra',
      'citizens’ initiatives switched off',
    ),
    revise: names('utkast endret', 'utkast endra', 'kladde ændret', 'draft changed'),
    'confirm-co-initiator': names(
      'medforslagsstiller bekreftet',
      'medforslagsstillar stadfesta',
      'medforslagsstiller bekræftet',
      'co-initiator confirmed',
    ),
  },
};
