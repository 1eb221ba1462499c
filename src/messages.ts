/**
 * Every message catalogue of the product: the platform's own and each capability's, composed per
 * language. Keys are prefixed with their capability, so catalogues never overwrite each other.
 */
import { da } from './platform/i18n/messages/da.js';
import { en } from './platform/i18n/messages/en.js';
import { nb } from './platform/i18n/messages/nb.js';
import { nn } from './platform/i18n/messages/nn.js';
import { kommuneMessages } from './projections/messages.js';
import { programmeMessages } from './programmes/messages.js';
import { applicationMessages } from './applications/messages.js';
import { assessmentMessages } from './assessment/messages.js';
import { selectionMessages } from './selection/messages.js';

export const CATALOGUES = {
  nb: { ...nb, ...kommuneMessages.nb, ...programmeMessages.nb, ...applicationMessages.nb, ...assessmentMessages.nb, ...selectionMessages.nb },
  nn: { ...nn, ...kommuneMessages.nn, ...programmeMessages.nn, ...applicationMessages.nn, ...assessmentMessages.nn, ...selectionMessages.nn },
  da: { ...da, ...kommuneMessages.da, ...programmeMessages.da, ...applicationMessages.da, ...assessmentMessages.da, ...selectionMessages.da },
  en: { ...en, ...kommuneMessages.en, ...programmeMessages.en, ...applicationMessages.en, ...assessmentMessages.en, ...selectionMessages.en },
};
