/** How the audit log names the knowledge bank's records and actions. */
import { names, type AuditVocabulary } from '../platform/audit/vocabulary.js';

export const KNOWLEDGE_AUDIT_WORDS: AuditVocabulary = {
  records: {
    knowledge_case: names(
      'Erfaring i kunnskapsbanken',
      'Erfaring i kunnskapsbanken',
      'Erfaring i videnbanken',
      'Case in the knowledge bank',
    ),
  },
  actions: {
    create: names('opprettet', 'oppretta', 'oprettet', 'created'),
    update: names('endret', 'endra', 'ændret', 'changed'),
    recommend: names('anbefalt som godt eksempel', 'tilrådd som godt døme', 'anbefalet som godt eksempel', 'recommended as a good example'),
    adopt: names('tatt i bruk av en kommune', 'teke i bruk av ein kommune', 'taget i brug af en kommune', 'adopted by a municipality'),
    unrecommend: names('ikke lenger anbefalt', 'ikkje lenger tilrådd', 'ikke længere anbefalet', 'no longer recommended'),
  },
};
