import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, grantTitle, threeSixtyGivingCsv, threeSixtyGivingPackage, type PublishedGrant } from './open-data.js';
import { threeSixtyGivingErrors } from './testing.js';

const URL_BASE = 'https://stifinner.example.no';
const GRANT: PublishedGrant = {
  applicationId: '0f7e2f3c-0000-4000-8000-000000000001',
  callId: '1a2b3c4d-0000-4000-8000-000000000002',
  callTitle: 'Nettverk for bærekraftige tjenester 2027',
  programmeId: '5e6f7a8b-0000-4000-8000-000000000003',
  programmeName: 'Kommuner i nettverk for bærekraftige tjenester',
  ownerOrganisationId: '9c8d7e6f-0000-4000-8000-000000000004',
  ownerName: 'Kommunal- og distriktsdepartementet',
  country: 'NO',
  members: [
    { code: '4001', name: 'Porsgrunn' },
    { code: '4003', name: 'Skien' },
  ],
  amount: 3_500_000,
  requested: 4_000_000,
  currency: 'NOK',
  summary: 'Felles bemanningsenhet, "rekruttering" og kompetanse.',
  awardDate: '2026-12-01',
  publishedAt: new Date('2026-12-02T10:00:00Z'),
  changedAfterAppeal: false,
};

describe('360Giving open data', () => {
  it('is valid against the 360Giving package schema (subset in fixtures/), with Stifinner identifiers', () => {
    const data = threeSixtyGivingPackage(
      [
        GRANT,
        {
          ...GRANT,
          applicationId: '0f7e2f3c-0000-4000-8000-000000000009',
          requested: null,
          country: 'DK',
          currency: 'DKK',
          members: [{ code: '607', name: 'Fredericia' }],
        },
      ],
      URL_BASE,
    );
    expect(threeSixtyGivingErrors(data)).toEqual([]);
    const [grant, danish] = data.grants;
    expect(grant).toMatchObject({
      id: '360G-stifinner-0f7e2f3c-0000-4000-8000-000000000001',
      title: 'Nettverk for bærekraftige tjenester 2027: Porsgrunn, Skien',
      currency: 'NOK',
      amountAwarded: 3_500_000,
      amountAppliedFor: 4_000_000,
      awardDate: '2026-12-01',
      recipientOrganization: [{ id: '360G-stifinner-municipality-NO-4001', name: 'Porsgrunn' }],
      fundingOrganization: [
        { id: '360G-stifinner-organisation-9c8d7e6f-0000-4000-8000-000000000004', name: 'Kommunal- og distriktsdepartementet' },
      ],
    });
    expect(grant!.beneficiaryLocation.map((l) => l.geoCode)).toEqual(['4001', '4003']);
    expect(danish).not.toHaveProperty('amountAppliedFor');
    expect(danish!.recipientOrganization[0]!.id).toBe('360G-stifinner-municipality-DK-607');
  });

  it('the schema check catches a grant that lacks a required field or has the wrong type', () => {
    const data = threeSixtyGivingPackage([GRANT], URL_BASE);
    const broken = { ...data, grants: [{ ...data.grants[0]!, amountAwarded: '3 500 000', recipientOrganization: [] }] };
    expect(threeSixtyGivingErrors(broken).join('\n')).toMatch(
      /amountAwarded must be number[\s\S]*recipientOrganization must NOT have fewer than 1 items/,
    );
    const { awardDate: _dropped, ...withoutDate } = data.grants[0]!;
    expect(threeSixtyGivingErrors({ grants: [withoutDate] })).toEqual(["/grants/0 must have required property 'awardDate'"]);
  });

  it('keeps titles under 140 characters', () => {
    const long = grantTitle({ callTitle: 'x'.repeat(200), members: [{ code: '1', name: 'A' }] });
    expect(long.length).toBeLessThan(140);
  });

  it('writes the same grants as CSV with the standard column titles, quoting where needed', () => {
    const csv = threeSixtyGivingCsv([GRANT], URL_BASE);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe(CSV_COLUMNS.join(','));
    expect(
      row!.startsWith('360G-stifinner-0f7e2f3c-0000-4000-8000-000000000001,"Nettverk for bærekraftige tjenester 2027: Porsgrunn, Skien",'),
    ).toBe(true);
    expect(row).toContain('"Felles bemanningsenhet, ""rekruttering"" og kompetanse."');
    expect(row).toContain(',NOK,4000000,3500000,2026-12-01,,,,,,360G-stifinner-municipality-NO-4001,Porsgrunn,');
  });
});
