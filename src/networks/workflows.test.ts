import { describe, expect, it } from 'vitest';
import { transitionMatrix } from '../platform/workflow.js';
import { actionWorkflow, membershipWorkflow } from './workflows.js';

describe('the membership workflow', () => {
  it('invites, then accepts or declines; a member may leave and be asked again, every state × action', () => {
    const none = { accept: null, decline: null, reinvite: null, leave: null };
    expect(transitionMatrix(membershipWorkflow)).toEqual({
      invited: { ...none, accept: ['member'], decline: ['declined'] },
      member: { ...none, leave: ['left'] },
      declined: { ...none, reinvite: ['invited'] },
      left: { ...none, reinvite: ['invited'] },
    });
  });

  it('lets only members see the network, and counts invitations towards its size', () => {
    const states = (group: 'member' | 'counted') => membershipWorkflow.states.filter((s) => membershipWorkflow.isIn(group, s));
    expect(states('member')).toEqual(['member']);
    expect(states('counted')).toEqual(['invited', 'member']);
  });

  it('names every state in four languages', () => {
    for (const state of membershipWorkflow.states)
      for (const locale of ['nb', 'nn', 'da', 'en'] as const) expect(membershipWorkflow.name(state, 'staff', locale)).not.toBe('');
  });
});

describe('the improvement-action workflow', () => {
  it('starts, completes or drops an action, every state × action', () => {
    const none = { start: null, complete: null, drop: null };
    expect(transitionMatrix(actionWorkflow)).toEqual({
      planned: { start: ['started'], complete: ['completed'], drop: ['dropped'] },
      started: { ...none, complete: ['completed'], drop: ['dropped'] },
      completed: none,
      dropped: none,
    });
    expect(actionWorkflow.states.filter((s) => actionWorkflow.isIn('open', s))).toEqual(['planned', 'started']);
  });
});
