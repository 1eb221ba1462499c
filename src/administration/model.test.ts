import { describe, expect, it } from 'vitest';
import { organisationProblems, rolesOfKind } from './model.js';

const input = { kind: 'municipality', name: 'Vejle Kommune', country: 'DK', municipalityCode: '630', mailAddress: '' };

describe('registering an organisation', () => {
  it('accepts a municipality with its number, and another kind without one', () => {
    expect(organisationProblems(input)).toEqual({
      kind: 'municipality',
      name: 'Vejle Kommune',
      country: 'DK',
      municipalityCode: '630',
      mailAddress: null,
    });
    expect(
      organisationProblems({
        ...input,
        kind: 'external',
        name: 'KS',
        country: 'NO',
        municipalityCode: '',
        mailAddress: 'post@ks.example.no',
      }),
    ).toMatchObject({
      kind: 'external',
      municipalityCode: null,
      mailAddress: 'post@ks.example.no',
    });
  });
  it('names each problem at its field', () => {
    expect(organisationProblems({ kind: 'club', name: ' ', country: 'SE', municipalityCode: 'x', mailAddress: 'nope' })).toEqual([
      { field: 'kind', code: 'required' },
      { field: 'country', code: 'required' },
      { field: 'name', code: 'required' },
      { field: 'mailAddress', code: 'badEmail' },
    ]);
    expect(organisationProblems({ ...input, municipalityCode: '63a' })).toEqual([{ field: 'municipalityCode', code: 'badCode' }]);
    expect(organisationProblems({ ...input, kind: 'ministry' })).toEqual([{ field: 'municipalityCode', code: 'notMunicipality' }]);
  });
  it('gives each kind of organisation only the roles it can hold', () => {
    expect(rolesOfKind('municipality')).toEqual(['case_worker', 'reviewer']);
    expect(rolesOfKind('ministry')).toContain('decision_approver');
    expect(rolesOfKind('platform')).toEqual(['admin']);
  });
});
