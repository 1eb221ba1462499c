import { describe, expect, it } from 'vitest';
import { transitionMatrix } from '../platform/workflow.js';
import { initiativeWorkflow } from './workflows.js';

describe('the initiative workflow', () => {
  it('moves from draft through moderation, signatures and hand-in to treatment, every state × action', () => {
    const none = { submit: null, edit: null, publish: null, refuse: null, handIn: null, recordTreatment: null, withdraw: null };
    expect(transitionMatrix(initiativeWorkflow)).toEqual({
      draft: { ...none, submit: ['submitted'], withdraw: ['withdrawn'] },
      submitted: { ...none, publish: ['published'], refuse: ['refused'], withdraw: ['withdrawn'] },
      published: { ...none, handIn: ['handed_in'], withdraw: ['withdrawn'] },
      refused: { ...none, edit: ['draft'] },
      handed_in: { ...none, recordTreatment: ['treated'] },
      treated: none,
      withdrawn: none,
    });
  });

  it('lets residents sign only a published initiative, and shows the public only what was published', () => {
    const states = (group: 'editable' | 'signable' | 'public') =>
      initiativeWorkflow.states.filter((s) => initiativeWorkflow.isIn(group, s));
    expect(states('signable')).toEqual(['published']);
    expect(states('editable')).toEqual(['draft']);
    expect(states('public')).toEqual(['published', 'handed_in', 'treated']);
  });

  it('names every state for staff and the public in four languages', () => {
    for (const state of initiativeWorkflow.states)
      for (const locale of ['nb', 'nn', 'da', 'en'] as const) {
        expect(initiativeWorkflow.name(state, 'staff', locale)).not.toBe('');
        expect(initiativeWorkflow.name(state, 'public', locale)).not.toBe('');
      }
  });
});
