/**
 * The assessment's two workflows: the application's review (awaiting → in review ⇄ paused →
 * agreed) and each reviewer's assignment (assigned → declared → submitted, or conflicted, or
 * withdrawn), with what staff and the public call each state.
 */
import { defineWorkflow } from '../platform/workflow.js';

const BEING_ASSESSED = { nb: 'Under vurdering', nn: 'Under vurdering', da: 'Under vurdering', en: 'Being assessed' };

export const reviewWorkflow = defineWorkflow({
  states: {
    awaiting: {
      staff: { nb: 'Venter på fordeling', nn: 'Ventar på fordeling', da: 'Afventer fordeling', en: 'Awaiting assignment' },
      public: { nb: 'Mottatt', nn: 'Motteken', da: 'Modtaget', en: 'Received' },
    },
    in_review: {
      staff: { nb: 'Til vurdering', nn: 'Til vurdering', da: 'Under vurdering', en: 'In review' },
      public: BEING_ASSESSED,
    },
    paused: {
      staff: { nb: 'Satt på vent (flagget)', nn: 'Sett på vent (flagga)', da: 'Sat i bero (markeret)', en: 'Paused (flagged)' },
      public: BEING_ASSESSED,
    },
    agreed: {
      staff: { nb: 'Omforent vurdering', nn: 'Samstemt vurdering', da: 'Fælles vurdering', en: 'Consensus recorded' },
      public: { nb: 'Vurdert', nn: 'Vurdert', da: 'Vurderet', en: 'Assessed' },
    },
  },
  transitions: {
    start: { from: ['awaiting'], to: 'in_review' },
    pause: { from: ['awaiting', 'in_review', 'agreed'], to: 'paused' },
    /** Back to where the review belongs once the last flag is resolved (see `resumeReview`). */
    resume: { from: ['paused'], to: ['awaiting', 'in_review', 'agreed'] },
    agree: { from: ['in_review', 'agreed'], to: 'agreed' },
  },
});

export type ReviewState = (typeof reviewWorkflow.states)[number];
export type ReviewAction = (typeof reviewWorkflow.actions)[number];

export const assignmentWorkflow = defineWorkflow({
  states: {
    assigned: {
      staff: {
        nb: 'Tildelt, venter på habilitetserklæring',
        nn: 'Tildelt, ventar på habilitetserklæring',
        da: 'Tildelt, afventer habilitetserklæring',
        en: 'Assigned, awaiting declaration',
      },
      public: BEING_ASSESSED,
    },
    declared: {
      staff: { nb: 'Erklært habil, scorer', nn: 'Erklært habil, scorar', da: 'Erklæret habil, scorer', en: 'Declared, scoring' },
      public: BEING_ASSESSED,
    },
    submitted: {
      staff: { nb: 'Poeng sendt inn', nn: 'Poeng sende inn', da: 'Point indsendt', en: 'Scores submitted' },
      public: BEING_ASSESSED,
    },
    conflicted: {
      staff: { nb: 'Inhabil, fjernet', nn: 'Inhabil, fjerna', da: 'Inhabil, fjernet', en: 'Conflict declared, removed' },
      public: BEING_ASSESSED,
    },
    withdrawn: {
      staff: { nb: 'Tildeling trukket', nn: 'Tildeling trekt', da: 'Tildeling trukket tilbage', en: 'Assignment withdrawn' },
      public: BEING_ASSESSED,
    },
  },
  transitions: {
    declareNoConflict: { from: ['assigned'], to: 'declared' },
    declareConflict: { from: ['assigned'], to: 'conflicted' },
    submitScores: { from: ['declared'], to: 'submitted' },
    reopen: { from: ['submitted'], to: 'declared' },
    unassign: { from: ['assigned', 'declared', 'submitted'], to: 'withdrawn' },
  },
  groups: {
    /** The assignment counts: the reviewer still works on (or has scored) the application. */
    active: ['assigned', 'declared', 'submitted'],
    /** The reviewer may see the application's content: after declaring no conflict. */
    content: ['declared', 'submitted'],
  },
});

export type AssignmentState = (typeof assignmentWorkflow.states)[number];
export type AssignmentAction = (typeof assignmentWorkflow.actions)[number];
