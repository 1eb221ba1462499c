import { describe, expect, it } from 'vitest';
import { transitionMatrix } from '../platform/workflow.js';
import { changeWorkflow, paymentWorkflow, projectWorkflow, reviewWorkflow } from './workflows.js';

describe('the project workflows, every state × action', () => {
  it('moves a project from the grant to closed', () => {
    expect(transitionMatrix(projectWorkflow)).toEqual({
      awaiting_acceptance: {
        accept: ['planning'],
        'approve-plan': null,
        'approve-final-report': null,
        'publish-evaluation': null,
        close: null,
      },
      planning: { accept: null, 'approve-plan': ['running'], 'approve-final-report': null, 'publish-evaluation': null, close: null },
      running: { accept: null, 'approve-plan': null, 'approve-final-report': ['completed'], 'publish-evaluation': null, close: null },
      completed: {
        accept: null,
        'approve-plan': null,
        'approve-final-report': null,
        'publish-evaluation': ['evaluated'],
        close: ['closed'],
      },
      evaluated: { accept: null, 'approve-plan': null, 'approve-final-report': null, 'publish-evaluation': null, close: ['closed'] },
      closed: { accept: null, 'approve-plan': null, 'approve-final-report': null, 'publish-evaluation': null, close: null },
    });
    expect(projectWorkflow.states.filter((s) => projectWorkflow.isIn('ended', s))).toEqual(['completed', 'evaluated', 'closed']);
  });

  it('reviews a plan or report version once: submitted, then approved or returned', () => {
    expect(transitionMatrix(reviewWorkflow)).toEqual({
      draft: { submit: ['submitted'], approve: null, return: null },
      submitted: { submit: null, approve: ['approved'], return: ['returned'] },
      returned: { submit: null, approve: null, return: null },
      approved: { submit: null, approve: null, return: null },
    });
  });

  it('releases a requested payment once, and decides a change request once', () => {
    expect(transitionMatrix(paymentWorkflow)).toEqual({ requested: { release: ['released'] }, released: { release: null } });
    expect(transitionMatrix(changeWorkflow)).toEqual({
      requested: { grant: ['granted'], refuse: ['refused'] },
      granted: { grant: null, refuse: null },
      refused: { grant: null, refuse: null },
    });
  });
});
