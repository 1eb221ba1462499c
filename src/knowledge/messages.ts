/** The knowledge bank's texts, in bokmål, nynorsk, Danish and English. */
import { defineMessages } from '../platform/i18n/define.js';

export const knowledgeMessages = defineMessages({
  nb: {
    'knowledge.nav': 'Kunnskapsbank',
  },
  nn: {
    'knowledge.nav': 'Kunnskapsbank',
  },
  da: {
    'knowledge.nav': 'Videnbank',
  },
  en: {
    'knowledge.nav': 'Knowledge bank',
  },
});
