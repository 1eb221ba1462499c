/** How pages and mails name whoever receives an initiative: the municipality or the county authority, and its council. */
import type { Locale } from '../platform/i18n/index.js';
import { translate } from '../platform/ui/translate.js';
import type { AreaKind } from './model.js';

/** "Vestfold fylkeskommune" and "fylkestinget" for a county's initiative, "Porsgrunn kommune" and "kommunestyret" for a municipality's. */
export const receiverWords = (locale: Locale, initiative: { scope: AreaKind; areaName: string }) => ({
  receiver: translate(locale, `participation.receiver.${initiative.scope}`, { name: initiative.areaName }),
  council: translate(locale, `participation.council.${initiative.scope}`),
});
