import { describe, expect, it } from 'vitest';
import { transitionMatrix } from '../platform/workflow.js';
import { callWorkflow, extensionWorkflow, questionWorkflow } from './workflows.js';

describe('the programmes workflows, every state × action', () => {
  it('moves a call only draft → published → closed', () => {
    expect(transitionMatrix(callWorkflow)).toEqual({
      draft: { edit: ['draft'], publish: ['published'], amend: null, close: null },
      published: { edit: null, publish: null, amend: ['published'], close: ['closed'] },
      closed: { edit: null, publish: null, amend: null, close: null },
    });
  });

  it('lets an extension be used while active and revoked until used', () => {
    expect(transitionMatrix(extensionWorkflow)).toEqual({
      active: { use: ['used'], revoke: ['revoked'], expire: ['expired'] },
      used: { use: null, revoke: null, expire: ['expired'] },
      revoked: { use: null, revoke: null, expire: null },
      expired: { use: null, revoke: ['revoked'], expire: null },
    });
  });

  it('publishes a question from asked or kept back, and keeps back an asked or published one', () => {
    expect(transitionMatrix(questionWorkflow)).toEqual({
      asked: { publish: ['published'], unpublish: ['unpublished'] },
      published: { publish: null, unpublish: ['unpublished'] },
      unpublished: { publish: ['published'], unpublish: null },
    });
  });
});
