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
  it('answers or withdraws a pending invitation once, removes a member, and invites again, every state × action', () => {
    expect(transitionMatrix(invitationWorkflow)).toEqual({
      pending: { accept: ['accepted'], decline: ['declined'], withdraw: ['withdrawn'], remove: null, invite: null },
      accepted: { accept: null, decline: null, withdraw: null, remove: ['removed'], invite: null },
      declined: { accept: null, decline: null, withdraw: null, remove: null, invite: ['pending'] },
      withdrawn: { accept: null, decline: null, withdraw: null, remove: null, invite: ['pending'] },
      removed: { accept: null, decline: null, withdraw: null, remove: null, invite: ['pending'] },
    });
    expect(invitationWorkflow.states.filter((s) => invitationWorkflow.isIn('involved', s))).toEqual(['pending', 'accepted']);
  });
});
