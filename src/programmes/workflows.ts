/**
 * The programmes' three workflows as data: a call's status, a deadline extension's state and a
 * question's publication. Names are what staff and the public see, in every language of the product.
 */
import { defineWorkflow, type Names } from '../platform/workflow.js';

const same = (names: Names) => ({ staff: names, public: names });

/** draft → published → closed; a draft is edited, a published call amended. */
export const callWorkflow = defineWorkflow({
  states: {
    draft: same({ nb: 'Utkast', nn: 'Utkast', da: 'Kladde', en: 'Draft' }),
    published: same({ nb: 'Publisert', nn: 'Publisert', da: 'Offentliggjort', en: 'Published' }),
    closed: same({ nb: 'Avsluttet', nn: 'Avslutta', da: 'Afsluttet', en: 'Closed' }),
  },
  transitions: {
    edit: { from: ['draft'], to: 'draft' },
    publish: { from: ['draft'], to: 'published' },
    amend: { from: ['published'], to: 'published' },
    close: { from: ['published'], to: 'closed' },
  },
});
export type CallAction = (typeof callWorkflow.actions)[number];

/**
 * An exception is used by the first submission that needs it and can be revoked until then; the
 * clock expires it (an expired one that was never used may still be revoked, to keep the record right).
 */
export const extensionWorkflow = defineWorkflow({
  states: {
    active: same({ nb: 'Gjelder', nn: 'Gjeld', da: 'Gælder', en: 'In force' }),
    used: same({ nb: 'Brukt', nn: 'Brukt', da: 'Brugt', en: 'Used' }),
    revoked: same({ nb: 'Trukket tilbake', nn: 'Trekt tilbake', da: 'Trukket tilbage', en: 'Revoked' }),
    expired: same({ nb: 'Utløpt', nn: 'Gått ut', da: 'Udløbet', en: 'Expired' }),
  },
  transitions: {
    use: { from: ['active'], to: 'used' },
    revoke: { from: ['active', 'expired'], to: 'revoked' },
    expire: { from: ['active', 'used'], to: 'expired' },
  },
});
export type ExtensionState = (typeof extensionWorkflow.states)[number];

/** A question is asked (or written by the owner), then published or kept back; its texts may be edited in every state. */
export const questionWorkflow = defineWorkflow({
  states: {
    asked: same({ nb: 'Ubesvart', nn: 'Ikkje svart på', da: 'Ubesvaret', en: 'Unanswered' }),
    published: {
      staff: { nb: 'Publisert', nn: 'Publisert', da: 'Offentliggjort', en: 'Published' },
      public: { nb: 'Spørsmål og svar', nn: 'Spørsmål og svar', da: 'Spørgsmål og svar', en: 'Questions and answers' },
    },
    unpublished: same({ nb: 'Ikke publisert', nn: 'Ikkje publisert', da: 'Ikke offentliggjort', en: 'Not published' }),
  },
  transitions: {
    publish: { from: ['asked', 'unpublished'], to: 'published' },
    unpublish: { from: ['asked', 'published'], to: 'unpublished' },
  },
});
export type QuestionStatus = (typeof questionWorkflow.states)[number];
