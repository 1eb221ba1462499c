/**
 * An initiative's life as data: drafted by its initiator, sent to the municipality's case workers,
 * published for signatures or refused, handed in to the council, and treated there.
 */
import { defineWorkflow } from '../platform/workflow.js';

export const initiativeWorkflow = defineWorkflow({
  states: {
    draft: {
      staff: { nb: 'Utkast', nn: 'Utkast', da: 'Kladde', en: 'Draft' },
      public: { nb: 'Under arbeid', nn: 'Under arbeid', da: 'Under udarbejdelse', en: 'Being prepared' },
    },
    submitted: {
      staff: { nb: 'Venter på kontroll', nn: 'Ventar på kontroll', da: 'Afventer kontrol', en: 'Awaiting moderation' },
      public: {
        nb: 'Til kontroll hos kommunen eller fylkeskommunen',
        nn: 'Til kontroll hos kommunen eller fylkeskommunen',
        da: 'Til kontrol hos kommunen',
        en: 'Being checked by the municipality or county authority',
      },
    },
    published: {
      staff: { nb: 'Publisert', nn: 'Publisert', da: 'Offentliggjort', en: 'Published' },
      public: { nb: 'Åpent for underskrifter', nn: 'Ope for underskrifter', da: 'Åben for underskrifter', en: 'Open for signatures' },
    },
    refused: {
      staff: { nb: 'Avvist', nn: 'Avvist', da: 'Afvist', en: 'Refused' },
      public: { nb: 'Ikke publisert', nn: 'Ikkje publisert', da: 'Ikke offentliggjort', en: 'Not published' },
    },
    handed_in: {
      staff: { nb: 'Levert', nn: 'Levert', da: 'Afleveret', en: 'Handed in' },
      public: {
        nb: 'Levert, venter på behandling',
        nn: 'Levert, ventar på handsaming',
        da: 'Afleveret, afventer behandling',
        en: 'Handed in, awaiting the council',
      },
    },
    treated: {
      staff: { nb: 'Behandlet', nn: 'Handsama', da: 'Behandlet', en: 'Treated' },
      public: {
        nb: 'Behandlet av kommunestyret eller fylkestinget',
        nn: 'Handsama av kommunestyret eller fylkestinget',
        da: 'Behandlet af kommunalbestyrelsen',
        en: 'Treated by the council',
      },
    },
    hidden: {
      staff: { nb: 'Skjult', nn: 'Gøymd', da: 'Skjult', en: 'Hidden' },
      public: { nb: 'Skjult etter kontroll', nn: 'Gøymd etter kontroll', da: 'Skjult efter kontrol', en: 'Hidden after moderation' },
    },
    withdrawn: {
      staff: { nb: 'Trukket', nn: 'Trekt', da: 'Trukket tilbage', en: 'Withdrawn' },
      public: {
        nb: 'Trukket av forslagsstilleren',
        nn: 'Trekt av forslagsstillaren',
        da: 'Trukket tilbage af forslagsstilleren',
        en: 'Withdrawn by the initiator',
      },
    },
  },
  transitions: {
    // The initiator sends the draft once the co-initiators have confirmed; a refused one may be changed and sent again.
    submit: { from: ['draft'], to: 'submitted' },
    edit: { from: ['refused'], to: 'draft' },
    publish: { from: ['submitted'], to: 'published' },
    refuse: { from: ['submitted'], to: 'refused' },
    handIn: { from: ['published'], to: 'handed_in' },
    recordTreatment: { from: ['handed_in'], to: 'treated' },
    withdraw: { from: ['draft', 'submitted', 'published'], to: 'withdrawn' },
    // Unlawful or offensive content found after publishing: the record and its audit trail stay.
    hide: { from: ['published'], to: 'hidden' },
  },
  groups: {
    // The initiator may change the text.
    editable: ['draft'],
    // Residents may sign and withdraw their signatures.
    signable: ['published'],
    // Anyone may read it.
    public: ['published', 'handed_in', 'treated'],
  },
});

export type InitiativeState = (typeof initiativeWorkflow.states)[number];
export type InitiativeAction = (typeof initiativeWorkflow.actions)[number];

/**
 * An idea's life as data (idékassen): sent to a municipality, county or ministry, published or
 * refused by the receiver's moderators, then answered: being considered, taken up (with a link to
 * what it became) or not taken up (with a reason). A published idea can be hidden: it leaves the
 * public lists but keeps its record and audit trail.
 */
export const ideaWorkflow = defineWorkflow({
  states: {
    submitted: {
      staff: { nb: 'Venter på kontroll', nn: 'Ventar på kontroll', da: 'Afventer kontrol', en: 'Awaiting moderation' },
      public: { nb: 'Til kontroll', nn: 'Til kontroll', da: 'Til kontrol', en: 'Being checked' },
    },
    refused: {
      staff: { nb: 'Avvist', nn: 'Avvist', da: 'Afvist', en: 'Refused' },
      public: { nb: 'Ikke publisert', nn: 'Ikkje publisert', da: 'Ikke offentliggjort', en: 'Not published' },
    },
    received: {
      staff: { nb: 'Mottatt', nn: 'Motteken', da: 'Modtaget', en: 'Received' },
      public: { nb: 'Mottatt', nn: 'Motteken', da: 'Modtaget', en: 'Received' },
    },
    considering: {
      staff: { nb: 'Vurderes', nn: 'Blir vurdert', da: 'Overvejes', en: 'Being considered' },
      public: { nb: 'Vurderes', nn: 'Blir vurdert', da: 'Overvejes', en: 'Being considered' },
    },
    taken_up: {
      staff: { nb: 'Tatt i bruk', nn: 'Teken i bruk', da: 'Taget op', en: 'Taken up' },
      public: { nb: 'Tatt i bruk', nn: 'Teken i bruk', da: 'Taget op', en: 'Taken up' },
    },
    not_taken_up: {
      staff: { nb: 'Ikke tatt i bruk', nn: 'Ikkje teken i bruk', da: 'Ikke taget op', en: 'Not taken up' },
      public: { nb: 'Ikke tatt i bruk', nn: 'Ikkje teken i bruk', da: 'Ikke taget op', en: 'Not taken up' },
    },
    hidden: {
      staff: { nb: 'Skjult', nn: 'Gøymd', da: 'Skjult', en: 'Hidden' },
      public: { nb: 'Skjult', nn: 'Gøymd', da: 'Skjult', en: 'Hidden' },
    },
  },
  transitions: {
    publish: { from: ['submitted'], to: 'received' },
    refuse: { from: ['submitted'], to: 'refused' },
    consider: { from: ['received'], to: 'considering' },
    takeUp: { from: ['received', 'considering'], to: 'taken_up' },
    notTakeUp: { from: ['received', 'considering'], to: 'not_taken_up' },
    // The record stays (and its audit trail); only the public no longer sees it.
    hide: { from: ['received', 'considering', 'taken_up', 'not_taken_up'], to: 'hidden' },
  },
  groups: {
    public: ['received', 'considering', 'taken_up', 'not_taken_up'],
    // Signed-in people may support it and the receiver may still decide.
    open: ['received', 'considering'],
  },
});

export type IdeaState = (typeof ideaWorkflow.states)[number];
export type IdeaAction = (typeof ideaWorkflow.actions)[number];
