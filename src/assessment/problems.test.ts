import { describe, expect, it } from 'vitest';
import { translator } from '../platform/i18n/index.js';
import { versionConflict } from '../platform/outcome.js';
import type { PageContext } from '../platform/ui/context.js';
import { explainProblem } from './problems.js';

const ctx = (locale: 'nb' | 'en'): PageContext => ({
  locale,
  t: translator(locale),
  principal: null,
  url: '/',
  csrfToken: () => '',
  scriptNonce: '',
});

describe('the assessment problem table', () => {
  it("explains an excluded reviewer with the conflict the platform knows, in the reader's language", () => {
    const excluded = {
      kind: 'excluded',
      reviewerName: 'Per Holm',
      exclusion: { applicationId: 'a', reviewerId: 'p', reason: 'employer', municipality: { code: '4001', name: 'Porsgrunn' } },
    } as const;
    expect(explainProblem(ctx('nb'), excluded)).toEqual({
      status: 409,
      message: 'Tildelingen er ikke tillatt: Per Holm er ansatt i Porsgrunn (4001), som er med i søknaden.',
    });
    expect(explainProblem(ctx('en'), excluded).message).toContain('Per Holm is employed by Porsgrunn (4001)');
  });

  it('answers a stale version with 409 naming both versions, bad input with 400 and what is gone with 404', () => {
    expect(explainProblem(ctx('nb'), versionConflict(5, 3))).toEqual({
      status: 409,
      message:
        'Du tok utgangspunkt i versjon 3, men nå er versjon 5 lagret. Det du skrev er beholdt nedenfor; send på nytt for å lagre det over den nye versjonen.',
    });
    expect(explainProblem(ctx('nb'), { kind: 'incomplete', issues: [] }).status).toBe(400);
    expect(explainProblem(ctx('nb'), { kind: 'notCandidate' }).status).toBe(400);
    expect(explainProblem(ctx('nb'), { kind: 'notSubmitted' }).status).toBe(404);
    expect(explainProblem(ctx('nb'), { kind: 'illegalTransition', state: 'withdrawn', action: 'submitScores' })).toEqual({
      status: 409,
      message: 'Det går ikke an i den tilstanden vurderingen er i nå.',
    });
  });
});
