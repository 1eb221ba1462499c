import { describe, expect, it } from 'vitest';
import { transitionMatrix } from '../platform/workflow.js';
import { assignmentWorkflow, reviewWorkflow } from './workflows.js';

describe('the review workflow', () => {
  it('moves where the table allows and refuses the rest, every state × action', () => {
    expect(transitionMatrix(reviewWorkflow)).toEqual({
      awaiting: { start: ['in_review'], pause: ['paused'], resume: null, agree: null },
      in_review: { start: null, pause: ['paused'], resume: null, agree: ['agreed'] },
      paused: { start: null, pause: null, resume: ['awaiting', 'in_review', 'agreed'], agree: null },
      agreed: { start: null, pause: ['paused'], resume: null, agree: ['agreed'] },
    });
  });
});

describe('the assignment workflow', () => {
  it('moves where the table allows and refuses the rest, every state × action', () => {
    expect(transitionMatrix(assignmentWorkflow)).toEqual({
      assigned: {
        declareNoConflict: ['declared'],
        declareConflict: ['conflicted'],
        submitScores: null,
        reopen: null,
        unassign: ['withdrawn'],
      },
      declared: { declareNoConflict: null, declareConflict: null, submitScores: ['submitted'], reopen: null, unassign: ['withdrawn'] },
      submitted: { declareNoConflict: null, declareConflict: null, submitScores: null, reopen: ['declared'], unassign: ['withdrawn'] },
      conflicted: { declareNoConflict: null, declareConflict: null, submitScores: null, reopen: null, unassign: null },
      withdrawn: { declareNoConflict: null, declareConflict: null, submitScores: null, reopen: null, unassign: null },
    });
  });
});
