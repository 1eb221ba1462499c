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
      countyCode: null,
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
  it('registers a county authority with its two-digit county number, in Norway only', () => {
    const vestfold = {
      kind: 'county',
      name: 'Vestfold fylkeskommune',
      country: 'NO',
      municipalityCode: '',
      countyCode: '39',
      mailAddress: '',
    };
    expect(organisationProblems(vestfold)).toEqual({
      kind: 'county',
      name: 'Vestfold fylkeskommune',
      country: 'NO',
      municipalityCode: null,
      countyCode: '39',
      mailAddress: null,
    });
    expect(organisationProblems({ ...vestfold, countyCode: '3' })).toEqual([{ field: 'countyCode', code: 'badCountyCode' }]);
    expect(organisationProblems({ ...vestfold, municipalityCode: '3905' })).toEqual([
      { field: 'municipalityCode', code: 'notMunicipality' },
    ]);
    expect(organisationProblems({ ...vestfold, country: 'DK', name: 'Region Syddanmark' })).toEqual([
      { field: 'kind', code: 'noDanishCounty' },
    ]);
    expect(organisationProblems({ ...input, countyCode: '39' })).toEqual([{ field: 'countyCode', code: 'notCounty' }]);
  });
  it('gives each kind of organisation only the roles it can hold', () => {
    expect(rolesOfKind('municipality')).toEqual(['case_worker', 'reviewer']);
    expect(rolesOfKind('county')).toEqual(['case_worker', 'reviewer']);
    expect(rolesOfKind('ministry')).toContain('decision_approver');
    expect(rolesOfKind('platform')).toEqual(['admin']);
  });
});
