/**
 * Published grants as open data in the 360Giving Data Standard: a package whose `grants` array
 * holds one grant per granted and published decision, and the same as CSV with the standard's
 * spreadsheet column titles. Pure: no IO.
 *
 * Identifiers. Grants: "360G-stifinner-" + the application's id (the 360Giving grant identifier
 * guidance: the publisher's 360G prefix and an id from its own records). Organisations: the
 * registry holds no organisation numbers (no Brønnøysund "NO-BRC-…", no CVR "DK-CVR-…"), so by
 * the same guidance Stifinner's own prefix is used: a municipality is
 * "360G-stifinner-municipality-{country}-{municipality number}" (e.g. …-NO-4001), an owner
 * "360G-stifinner-organisation-{id}". The lead municipality is the recipient; every member is a
 * beneficiary location with its municipality number.
 */
import type { Country, Currency } from '../programmes/index.js';

export const PUBLISHER_PREFIX = '360G-stifinner';

export interface PublishedGrant {
  applicationId: string;
  callId: string;
  callTitle: string;
  programmeId: string;
  programmeName: string;
  ownerOrganisationId: string;
  ownerName: string;
  country: Country;
  /** The lead first. */
  members: { code: string; name: string }[];
  /** The amount granted, the new one where an appeal changed it. */
  amount: number;
  /** The amount first decided, when an appeal changed it. */
  amountBeforeAppeal?: number;
  requested: number | null;
  currency: Currency;
  summary: string;
  /** The day of the decision in the call's time zone, YYYY-MM-DD. */
  awardDate: string;
  publishedAt: Date;
  /** The owner changed the decision after an appeal (klage). */
  changedAfterAppeal: boolean;
  /** What the project the grant became adds: its dates and the payments made (none before it exists). */
  followUp?: GrantFollowUp;
}

export interface GrantFollowUp {
  projectId: string;
  planned: { startDate: string; endDate: string } | null;
  actual: { startDate: string; endDate?: string } | null;
  disbursements: { id: string; date: string; amount: number }[];
}

export const grantId = (grant: Pick<PublishedGrant, 'applicationId'>) => `${PUBLISHER_PREFIX}-${grant.applicationId}`;
export const municipalityOrgId = (country: Country, code: string) => `${PUBLISHER_PREFIX}-municipality-${country}-${code}`;
export const organisationOrgId = (id: string) => `${PUBLISHER_PREFIX}-organisation-${id}`;

/** "Call: Lead, Partner, Partner", shortened to the standard's advice of under 140 characters. */
export function grantTitle(grant: Pick<PublishedGrant, 'callTitle' | 'members'>): string {
  const title = `${grant.callTitle}: ${grant.members.map((m) => m.name).join(', ')}`;
  return title.length < 140 ? title : `${title.slice(0, 138)}…`;
}

export interface ThreeSixtyGivingGrant {
  id: string;
  title: string;
  description: string;
  currency: Currency;
  amountAwarded: number;
  amountAppliedFor?: number;
  awardDate: string;
  recipientOrganization: { id: string; name: string }[];
  fundingOrganization: { id: string; name: string }[];
  beneficiaryLocation: { name: string; countryCode: Country; geoCode: string; geoCodeType: string }[];
  grantProgramme: { code: string; title: string; url: string }[];
  fromOpenCall: 'Yes';
  url: string;
  dateModified: string;
  plannedDates?: { startDate: string; endDate: string }[];
  actualDates?: { startDate: string; endDate?: string }[];
  amountDisbursed?: number;
  disbursementTransaction?: {
    id: string;
    transactionDate: string;
    currency: Currency;
    value: number;
    provider: string;
    recipient: string;
  }[];
}

/** The project's dates and payments in the standard's fields, where the grant has become a project. */
function followUpFields(grant: PublishedGrant, funder: string, recipient: string): Partial<ThreeSixtyGivingGrant> {
  const followUp = grant.followUp;
  if (!followUp) return {};
  return {
    ...(followUp.planned ? { plannedDates: [followUp.planned] } : {}),
    ...(followUp.actual ? { actualDates: [followUp.actual] } : {}),
    amountDisbursed: followUp.disbursements.reduce((sum, d) => sum + d.amount, 0),
    disbursementTransaction: followUp.disbursements.map((d) => ({
      id: `${PUBLISHER_PREFIX}-payment-${d.id}`,
      transactionDate: d.date,
      currency: grant.currency,
      value: d.amount,
      provider: funder,
      recipient,
    })),
  };
}

export function toThreeSixtyGiving(grant: PublishedGrant, publicUrl: string): ThreeSixtyGivingGrant {
  const lead = grant.members[0]!;
  const funder = organisationOrgId(grant.ownerOrganisationId);
  const recipient = municipalityOrgId(grant.country, lead.code);
  const page = grant.followUp ? `${publicUrl}/prosjekter/${grant.followUp.projectId}` : `${publicUrl}/tildelinger#call-${grant.callId}`;
  const programmePage = grant.callId
    ? `${publicUrl}/utlysninger/${grant.callId}`
    : `${publicUrl}/prosjekter?programme=${grant.programmeId}`;
  return {
    id: grantId(grant),
    title: grantTitle(grant),
    description: grant.summary,
    currency: grant.currency,
    amountAwarded: grant.amount,
    ...(grant.requested === null ? {} : { amountAppliedFor: grant.requested }),
    awardDate: grant.awardDate,
    recipientOrganization: [{ id: recipient, name: lead.name }],
    fundingOrganization: [{ id: funder, name: grant.ownerName }],
    beneficiaryLocation: grant.members.map((m) => ({
      name: m.name,
      countryCode: grant.country,
      geoCode: m.code,
      geoCodeType: grant.country === 'NO' ? 'kommunenummer' : 'kommunekode',
    })),
    grantProgramme: [{ code: grant.programmeId, title: grant.programmeName, url: programmePage }],
    fromOpenCall: 'Yes',
    url: page,
    dateModified: grant.publishedAt.toISOString(),
    ...followUpFields(grant, funder, recipient),
  };
}

export function threeSixtyGivingPackage(grants: readonly PublishedGrant[], publicUrl: string) {
  return {
    title: 'Stifinner: published grants',
    description:
      'Grants decided and published by the programme owners on Stifinner, with the dates and payments of the projects they became, in the 360Giving Data Standard.',
    publisher: { name: 'Stifinner', website: publicUrl },
    downloadURL: `${publicUrl}/open-data/360giving.json`,
    grants: grants.map((grant) => toThreeSixtyGiving(grant, publicUrl)),
  };
}

/** The standard's spreadsheet column titles, in the order of the CSV. */
export const CSV_COLUMNS = [
  'Identifier',
  'Title',
  'Description',
  'Currency',
  'Amount Applied For',
  'Amount Awarded',
  'Award Date',
  'Planned Dates:Start Date',
  'Planned Dates:End Date',
  'Actual Dates:Start Date',
  'Actual Dates:End Date',
  'Amount Disbursed',
  'Recipient Org:Identifier',
  'Recipient Org:Name',
  'Funding Org:Identifier',
  'Funding Org:Name',
  'Grant Programme:Code',
  'Grant Programme:Title',
  'From An Open Call?',
  'Last Modified',
] as const;

function csvCell(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function threeSixtyGivingCsv(grants: readonly PublishedGrant[], publicUrl: string): string {
  const rows = grants.map((grant) => {
    const g = toThreeSixtyGiving(grant, publicUrl);
    return [
      g.id,
      g.title,
      g.description,
      g.currency,
      g.amountAppliedFor,
      g.amountAwarded,
      g.awardDate,
      g.plannedDates?.[0]?.startDate,
      g.plannedDates?.[0]?.endDate,
      g.actualDates?.[0]?.startDate,
      g.actualDates?.[0]?.endDate,
      g.amountDisbursed,
      g.recipientOrganization[0]!.id,
      g.recipientOrganization[0]!.name,
      g.fundingOrganization[0]!.id,
      g.fundingOrganization[0]!.name,
      g.grantProgramme[0]!.code,
      g.grantProgramme[0]!.title,
      g.fromOpenCall,
      g.dateModified,
    ];
  });
  return `${[CSV_COLUMNS, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
