/** The workflows of a project, its plan, reports, payments and change requests: data, table-tested. */
import { isRefused } from '../platform/outcome.js';
import { defineWorkflow, type Transitioned, type Workflow } from '../platform/workflow.js';

export const projectWorkflow = defineWorkflow({
  states: {
    awaiting_acceptance: {
      staff: {
        nb: 'Venter på aksept av tilskuddet',
        nn: 'Ventar på aksept av tilskotet',
        da: 'Afventer accept af tilskuddet',
        en: 'Awaiting acceptance of the grant',
      },
      public: { nb: 'Tildelt', nn: 'Tildelt', da: 'Tildelt', en: 'Awarded' },
    },
    planning: {
      staff: { nb: 'Planlegges', nn: 'Blir planlagt', da: 'Planlægges', en: 'Being planned' },
      public: { nb: 'Planlegges', nn: 'Blir planlagt', da: 'Planlægges', en: 'Being planned' },
    },
    running: {
      staff: { nb: 'Pågår', nn: 'Går føre seg', da: 'I gang', en: 'Running' },
      public: { nb: 'Pågår', nn: 'Går føre seg', da: 'I gang', en: 'Running' },
    },
    completed: {
      staff: { nb: 'Sluttrapport godkjent', nn: 'Sluttrapport godkjend', da: 'Slutrapport godkendt', en: 'Final report approved' },
      public: { nb: 'Avsluttet', nn: 'Avslutta', da: 'Afsluttet', en: 'Completed' },
    },
    evaluated: {
      staff: { nb: 'Evaluert', nn: 'Evaluert', da: 'Evalueret', en: 'Evaluated' },
      public: { nb: 'Evaluert', nn: 'Evaluert', da: 'Evalueret', en: 'Evaluated' },
    },
    closed: {
      staff: { nb: 'Lukket', nn: 'Lukka', da: 'Lukket', en: 'Closed' },
      public: { nb: 'Avsluttet og evaluert', nn: 'Avslutta og evaluert', da: 'Afsluttet og evalueret', en: 'Completed and evaluated' },
    },
  },
  transitions: {
    accept: { from: ['awaiting_acceptance'], to: 'planning' },
    'approve-plan': { from: ['planning'], to: 'running' },
    'approve-final-report': { from: ['running'], to: 'completed' },
    'publish-evaluation': { from: ['completed'], to: 'evaluated' },
    close: { from: ['completed', 'evaluated'], to: 'closed' },
  },
  groups: {
    /** The grantee may write the plan. */
    planned: ['awaiting_acceptance', 'planning'],
    /** Reports and payments belong to these. */
    followedUp: ['running', 'completed', 'evaluated'],
    ended: ['completed', 'evaluated', 'closed'],
  },
});
export type ProjectState = (typeof projectWorkflow.states)[number];

/** Every state but waiting for acceptance: the public sees a project once its grant is accepted. */
export const PUBLIC_PROJECT_STATES = projectWorkflow.states.filter((s) => s !== 'awaiting_acceptance');
export type ProjectAction = (typeof projectWorkflow.actions)[number];

/** A plan version, and a report version: written, submitted, then approved or returned with comments. */
const reviewedStates = {
  draft: {
    staff: { nb: 'Utkast', nn: 'Utkast', da: 'Udkast', en: 'Draft' },
    public: { nb: 'Utkast', nn: 'Utkast', da: 'Udkast', en: 'Draft' },
  },
  submitted: {
    staff: { nb: 'Sendt inn', nn: 'Send inn', da: 'Indsendt', en: 'Submitted' },
    public: { nb: 'Sendt inn', nn: 'Send inn', da: 'Indsendt', en: 'Submitted' },
  },
  returned: {
    staff: { nb: 'Sendt tilbake', nn: 'Send tilbake', da: 'Sendt tilbage', en: 'Returned' },
    public: { nb: 'Sendt tilbake', nn: 'Send tilbake', da: 'Sendt tilbage', en: 'Returned' },
  },
  approved: {
    staff: { nb: 'Godkjent', nn: 'Godkjend', da: 'Godkendt', en: 'Approved' },
    public: { nb: 'Godkjent', nn: 'Godkjend', da: 'Godkendt', en: 'Approved' },
  },
} as const;

export const reviewWorkflow = defineWorkflow({
  states: reviewedStates,
  transitions: {
    submit: { from: ['draft'], to: 'submitted' },
    approve: { from: ['submitted'], to: 'approved' },
    return: { from: ['submitted'], to: 'returned' },
  },
});
export type ReviewState = (typeof reviewWorkflow.states)[number];

export const paymentWorkflow = defineWorkflow({
  states: {
    requested: {
      staff: { nb: 'Anmodet', nn: 'Bedt om', da: 'Anmodet', en: 'Requested' },
      public: { nb: 'Anmodet', nn: 'Bedt om', da: 'Anmodet', en: 'Requested' },
    },
    released: {
      staff: { nb: 'Utbetalt', nn: 'Utbetalt', da: 'Udbetalt', en: 'Released' },
      public: { nb: 'Utbetalt', nn: 'Utbetalt', da: 'Udbetalt', en: 'Paid' },
    },
  },
  transitions: { release: { from: ['requested'], to: 'released' } },
});
export type PaymentState = (typeof paymentWorkflow.states)[number];

export const changeWorkflow = defineWorkflow({
  states: {
    requested: {
      staff: { nb: 'Til behandling', nn: 'Til handsaming', da: 'Til behandling', en: 'Awaiting decision' },
      public: { nb: 'Til behandling', nn: 'Til handsaming', da: 'Til behandling', en: 'Awaiting decision' },
    },
    granted: {
      staff: { nb: 'Innvilget', nn: 'Innvilga', da: 'Imødekommet', en: 'Granted' },
      public: { nb: 'Innvilget', nn: 'Innvilga', da: 'Imødekommet', en: 'Granted' },
    },
    refused: {
      staff: { nb: 'Avslått', nn: 'Avslått', da: 'Afslået', en: 'Refused' },
      public: { nb: 'Avslått', nn: 'Avslått', da: 'Afslået', en: 'Refused' },
    },
  },
  transitions: {
    grant: { from: ['requested'], to: 'granted' },
    refuse: { from: ['requested'], to: 'refused' },
  },
});
export type ChangeState = (typeof changeWorkflow.states)[number];

/** A move the callers only ask for where the table allows it: a refusal here is a broken invariant. */
export function move<S extends string, A extends string>(workflow: Workflow<S, A, string>, from: S, action: A): Transitioned<S, A> {
  const moved = workflow.apply(from, action);
  if (isRefused(moved)) throw new Error(`cannot ${action} from ${from}`);
  return moved;
}
