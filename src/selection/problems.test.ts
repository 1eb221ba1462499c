import { describe, expect, it } from 'vitest';
import { translator } from '../platform/i18n/index.js';
import { versionConflict } from '../platform/outcome.js';
import type { PageContext } from '../platform/ui/context.js';
import { refusalView } from './problems.js';

const ctx: PageContext = { locale: 'nb', t: translator('nb'), principal: null, url: '/', csrfToken: () => '', scriptNonce: '' };

describe('the selection problem table', () => {
  it('answers a stale version with 409, the note on who changed it and the version to start from', () => {
    expect(refusalView(ctx, versionConflict(4, 3, null))).toEqual({
      status: 409,
      errors: [],
      conflict: 'En kollega har endret utvelgelsen i mellomtiden (nå versjon 4). Valgene dine står under; se over og send på nytt.',
      formVersion: 4,
    });
  });

  it('answers broken rules and lacking decisions with 422 and one error per reason, each at its field', () => {
    const rules = refusalView(ctx, {
      kind: 'selectionBreaksRules',
      currency: 'NOK',
      breaches: [
        { kind: 'overQuota', selected: 5, max: 4 },
        { kind: 'amountMissing', applicationId: 'a', applicant: 'Bodø' },
      ],
    });
    expect(rules.status).toBe(422);
    expect(rules.errors.map((e) => e.field)).toEqual(['summary', 'amount-a']);
    const lacks = refusalView(ctx, {
      kind: 'decisionIncomplete',
      lacks: [
        { applicationId: 'a', applicant: 'Bodø', field: 'publicSummary', code: 'required' },
        { applicationId: 'b', applicant: 'Larvik', field: 'state', code: 'paused' },
      ],
    });
    expect(lacks).toEqual({
      status: 422,
      errors: [
        { field: 'summary-a', message: 'Bodø: Fyll ut feltet.' },
        { field: 'decision-b', message: 'Larvik: Søknaden er flagget og kan ikke få vedtak før flagget er løst.' },
      ],
    });
  });

  it('answers nothing to decide with 422 and nothing to publish with 409, at their forms', () => {
    expect(refusalView(ctx, { kind: 'nothingToDecide' })).toEqual({
      status: 422,
      errors: [{ field: 'decide-form', message: 'Ingen søknader venter på vedtak.' }],
    });
    expect(refusalView(ctx, { kind: 'nothingToPublish' })).toMatchObject({ status: 409, errors: [{ field: 'publish' }] });
  });
});
