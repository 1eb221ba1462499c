import { describe, expect, it } from 'vitest';
import { transitionMatrix } from '../platform/workflow.js';
import { applicationWorkflow, invitationWorkflow } from './workflows.js';

describe('the application workflow', () => {
  it('submits again and withdraws until withdrawn, every state × action', () => {
    expect(transitionMatrix(applicationWorkflow)).toEqual({
      draft: { submit: ['submitted'], withdraw: ['withdrawn'] },
      submitted: { submit: ['submitted'], withdraw: ['withdrawn'] },
      withdrawn: { submit: null, withdraw: null },
    });
    expect(applicationWorkflow.states.filter((s) => applicationWorkflow.isIn('editable', s))).toEqual(['draft', 'submitted']);
  });
});

describe('the invitation workflow', () => {
  it('answers a pending invitation once and invites a declined municipality again, every state × action', () => {
    expect(transitionMatrix(invitationWorkflow)).toEqual({
      pending: { accept: ['accepted'], decline: ['declined'], invite: null },
      accepted: { accept: null, decline: null, invite: null },
      declined: { accept: null, decline: null, invite: ['pending'] },
    });
  });
});
