import { describe, expect, it } from 'vitest';
import { transitionMatrix } from '../platform/workflow.js';
import { ideaWorkflow, initiativeWorkflow } from './workflows.js';

describe('the initiative workflow', () => {
  it('moves from draft through moderation, signatures and hand-in to treatment, every state × action', () => {
    const none = { submit: null, edit: null, publish: null, refuse: null, handIn: null, recordTreatment: null, withdraw: null, hide: null };
    expect(transitionMatrix(initiativeWorkflow)).toEqual({
      draft: { ...none, submit: ['submitted'], withdraw: ['withdrawn'] },
      submitted: { ...none, publish: ['published'], refuse: ['refused'], withdraw: ['withdrawn'] },
      published: { ...none, handIn: ['handed_in'], withdraw: ['withdrawn'], hide: ['hidden'] },
      refused: { ...none, edit: ['draft'] },
      handed_in: { ...none, recordTreatment: ['treated'] },
      treated: none,
      hidden: none,
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

describe('the idea workflow', () => {
  it('moves from moderation to an answer, and hides a published idea, every state × action', () => {
    const none = { publish: null, refuse: null, consider: null, takeUp: null, notTakeUp: null, hide: null };
    expect(transitionMatrix(ideaWorkflow)).toEqual({
      submitted: { ...none, publish: ['received'], refuse: ['refused'] },
      refused: none,
      received: { ...none, consider: ['considering'], takeUp: ['taken_up'], notTakeUp: ['not_taken_up'], hide: ['hidden'] },
      considering: { ...none, takeUp: ['taken_up'], notTakeUp: ['not_taken_up'], hide: ['hidden'] },
      taken_up: { ...none, hide: ['hidden'] },
      not_taken_up: { ...none, hide: ['hidden'] },
      hidden: none,
    });
  });

  it('shows the public only published ideas, and takes support only while the receiver decides', () => {
    const states = (group: 'public' | 'open') => ideaWorkflow.states.filter((s) => ideaWorkflow.isIn(group, s));
    expect(states('public')).toEqual(['received', 'considering', 'taken_up', 'not_taken_up']);
    expect(states('open')).toEqual(['received', 'considering']);
  });

  it('names every state for staff and the public in four languages', () => {
    for (const state of ideaWorkflow.states)
      for (const locale of ['nb', 'nn', 'da', 'en'] as const) {
        expect(ideaWorkflow.name(state, 'staff', locale)).not.toBe('');
        expect(ideaWorkflow.name(state, 'public', locale)).not.toBe('');
      }
  });
});
