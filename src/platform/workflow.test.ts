import { describe, expect, it } from 'vitest';
import { isRefused } from './outcome.js';
import { defineWorkflow, transitionMatrix } from './workflow.js';

const names = (text: string) => ({
  staff: { nb: text, nn: text, da: text, en: text },
  public: { nb: 'offentlig', nn: 'offentleg', da: 'offentlig', en: 'public' },
});

const door = defineWorkflow({
  states: { open: names('open'), closed: names('closed'), locked: names('locked') },
  transitions: {
    close: { from: ['open'], to: 'closed' },
    open: { from: ['closed'], to: 'open' },
    lock: { from: ['closed'], to: 'locked' },
    unlock: { from: ['locked'], to: ['closed', 'open'] },
  },
  groups: { passable: ['open'] },
});

describe('defineWorkflow', () => {
  it('moves where the table allows and refuses the rest, every state × action', () => {
    expect(transitionMatrix(door)).toEqual({
      open: { close: ['closed'], open: null, lock: null, unlock: null },
      closed: { close: null, open: ['open'], lock: ['locked'], unlock: null },
      locked: { close: null, open: null, lock: null, unlock: ['open', 'closed'] },
    });
  });

  it('needs the target where an action has several, and refuses one it does not have', () => {
    expect(door.apply('locked', 'unlock', 'open')).toEqual({ from: 'locked', to: 'open', action: 'unlock' });
    expect(isRefused(door.apply('locked', 'unlock'))).toBe(true);
    expect(door.can('closed', 'lock', 'open')).toBe(false);
    expect(door.apply('open', 'lock')).toMatchObject({ problem: { kind: 'illegalTransition', state: 'open', action: 'lock' } });
  });

  it('names states per audience and language, and knows its groups', () => {
    expect(door.name('closed', 'staff', 'en')).toBe('closed');
    expect(door.name('closed', 'public', 'nn')).toBe('offentleg');
    expect(door.isIn('passable', 'open')).toBe(true);
    expect(door.actionsFrom('closed')).toEqual(['open', 'lock']);
  });
});
