/** A municipality's membership of a benchmarking network as data: invited, then member or declined; a member may leave. */
import { defineWorkflow } from '../platform/workflow.js';

export const membershipWorkflow = defineWorkflow({
  states: {
    invited: {
      staff: { nb: 'Invitert', nn: 'Invitert', da: 'Inviteret', en: 'Invited' },
      public: { nb: 'Invitert', nn: 'Invitert', da: 'Inviteret', en: 'Invited' },
    },
    member: {
      staff: { nb: 'Medlem', nn: 'Medlem', da: 'Medlem', en: 'Member' },
      public: { nb: 'Medlem', nn: 'Medlem', da: 'Medlem', en: 'Member' },
    },
    declined: {
      staff: { nb: 'Takket nei', nn: 'Takka nei', da: 'Takket nej', en: 'Declined' },
      public: { nb: 'Takket nei', nn: 'Takka nei', da: 'Takket nej', en: 'Declined' },
    },
    left: {
      staff: { nb: 'Gått ut', nn: 'Gått ut', da: 'Udtrådt', en: 'Left' },
      public: { nb: 'Gått ut', nn: 'Gått ut', da: 'Udtrådt', en: 'Left' },
    },
  },
  transitions: {
    accept: { from: ['invited'], to: 'member' },
    decline: { from: ['invited'], to: 'declined' },
    // The coordinator may ask again a municipality that declined or left.
    reinvite: { from: ['declined', 'left'], to: 'invited' },
    leave: { from: ['member'], to: 'left' },
  },
  groups: {
    // Sees the network's pages and enters its figures.
    member: ['member'],
    // Takes a place among the network's at most eight.
    counted: ['invited', 'member'],
  },
});

export type MembershipState = (typeof membershipWorkflow.states)[number];
export type MembershipAction = (typeof membershipWorkflow.actions)[number];

/** An improvement action's status: planned, started, then completed or dropped. */
export const actionWorkflow = defineWorkflow({
  states: {
    planned: {
      staff: { nb: 'Planlagt', nn: 'Planlagt', da: 'Planlagt', en: 'Planned' },
      public: { nb: 'Planlagt', nn: 'Planlagt', da: 'Planlagt', en: 'Planned' },
    },
    started: {
      staff: { nb: 'Startet', nn: 'Starta', da: 'Startet', en: 'Under way' },
      public: { nb: 'Startet', nn: 'Starta', da: 'Startet', en: 'Under way' },
    },
    completed: {
      staff: { nb: 'Fullført', nn: 'Fullført', da: 'Gennemført', en: 'Completed' },
      public: { nb: 'Fullført', nn: 'Fullført', da: 'Gennemført', en: 'Completed' },
    },
    dropped: {
      staff: { nb: 'Avbrutt', nn: 'Avbrote', da: 'Opgivet', en: 'Dropped' },
      public: { nb: 'Avbrutt', nn: 'Avbrote', da: 'Opgivet', en: 'Dropped' },
    },
  },
  transitions: {
    start: { from: ['planned'], to: 'started' },
    complete: { from: ['planned', 'started'], to: 'completed' },
    drop: { from: ['planned', 'started'], to: 'dropped' },
  },
  groups: {
    open: ['planned', 'started'],
  },
});

export type ActionState = (typeof actionWorkflow.states)[number];
export type ActionStep = (typeof actionWorkflow.actions)[number];
