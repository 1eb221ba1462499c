/**
 * The applicant side's two workflows as data: an application (draft, submitted, withdrawn) and a
 * member's invitation into the network (pending, accepted, declined), each with what staff and the
 * public call its states in four languages.
 */
import { LOCALES, type Locale } from '../platform/i18n/index.js';
import { defineWorkflow, type Names } from '../platform/workflow.js';
import { applicationMessages } from './messages.js';

export const applicationWorkflow = defineWorkflow({
  states: {
    draft: {
      staff: { nb: 'Utkast', nn: 'Utkast', da: 'Kladde', en: 'Draft' },
      public: { nb: 'Under arbeid', nn: 'Under arbeid', da: 'Under udarbejdelse', en: 'Being prepared' },
    },
    submitted: {
      staff: { nb: 'Sendt inn', nn: 'Send inn', da: 'Indsendt', en: 'Submitted' },
      public: { nb: 'Mottatt', nn: 'Motteken', da: 'Modtaget', en: 'Received' },
    },
    withdrawn: {
      staff: { nb: 'Trukket', nn: 'Trekt', da: 'Trukket tilbage', en: 'Withdrawn' },
      public: { nb: 'Trukket av søker', nn: 'Trekt av søkjar', da: 'Trukket tilbage af ansøger', en: 'Withdrawn by the applicant' },
    },
  },
  transitions: {
    // Each submission until the deadline is a new numbered version; the last counts.
    submit: { from: ['draft', 'submitted'], to: 'submitted' },
    withdraw: { from: ['draft', 'submitted'], to: 'withdrawn' },
  },
  // A submitted application can still be changed and submitted again until the deadline.
  groups: { editable: ['draft', 'submitted'] },
});

export type ApplicationStatus = (typeof applicationWorkflow.states)[number];
export type ApplicationAction = (typeof applicationWorkflow.actions)[number];

/** A name in every language, as the catalogue has it (the invitation's tags use the same texts). */
const catalogued = (key: `applications.invitation.${InvitationState}`): Names =>
  Object.fromEntries(LOCALES.map((locale: Locale) => [locale, applicationMessages[locale][key]])) as Names;
type InvitationState = 'pending' | 'accepted' | 'declined' | 'withdrawn' | 'removed';
const sameForAll = (state: InvitationState) => ({
  staff: catalogued(`applications.invitation.${state}`),
  public: catalogued(`applications.invitation.${state}`),
});

/**
 * A co-applicant's invitation; the lead is accepted from the start. The lead may withdraw an
 * invitation nobody has answered and remove a member, so a network never waits on a silent
 * partner; a municipality that declined, was withdrawn or removed may be invited again.
 */
export const invitationWorkflow = defineWorkflow({
  states: {
    pending: sameForAll('pending'),
    accepted: sameForAll('accepted'),
    declined: sameForAll('declined'),
    withdrawn: sameForAll('withdrawn'),
    removed: sameForAll('removed'),
  },
  transitions: {
    accept: { from: ['pending'], to: 'accepted' },
    decline: { from: ['pending'], to: 'declined' },
    withdraw: { from: ['pending'], to: 'withdrawn' },
    remove: { from: ['accepted'], to: 'removed' },
    invite: { from: ['declined', 'withdrawn', 'removed'], to: 'pending' },
  },
  groups: {
    // Members who count for the rules and may attach a decision.
    active: ['accepted'],
    // Municipalities in the network or asked to join it: they see the application and count against its maximum.
    involved: ['pending', 'accepted'],
  },
});

export type { InvitationState };
