/**
 * Benchmarking networks, pure: how many members a network takes, what a figure the members define
 * must say, how a typed value is read, and which member stands out from the others.
 */

/** Seed 002: KS's efficiency networks compare four to eight municipalities. */
export const MIN_MEMBERS = 4;
export const MAX_MEMBERS = 8;

export interface OwnFigureDraft {
  readonly name: string;
  readonly unit: string;
  readonly definition: string;
}

export type DraftProblem = { field: 'name' | 'unit' | 'definition'; code: 'required' | 'tooLong' };

const LIMITS = { name: 200, unit: 100, definition: 2000 } as const;

/** The draft trimmed, or what is wrong with each field. */
export function checkOwnFigure(input: Record<keyof OwnFigureDraft, string>): OwnFigureDraft | DraftProblem[] {
  const problems: DraftProblem[] = [];
  const trimmed = { name: input.name.trim(), unit: input.unit.trim(), definition: input.definition.trim() };
  for (const field of ['name', 'unit', 'definition'] as const) {
    if (trimmed[field] === '') problems.push({ field, code: 'required' });
    else if (trimmed[field].length > LIMITS[field]) problems.push({ field, code: 'tooLong' });
  }
  return problems.length > 0 ? problems : trimmed;
}

export function checkNetworkName(name: string): string | DraftProblem['code'] {
  const trimmed = name.trim();
  if (trimmed === '') return 'required';
  return trimmed.length > 200 ? 'tooLong' : trimmed;
}

/** A number as people type it: "1 234,5", "1234.5", "-3"; undefined when it is not one. */
export function readNumber(text: string): number | undefined {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!/^-?\d+([.,]\d+)?$/.test(compact) || compact.length > 20) return undefined;
  return Number(compact.replace(',', '.'));
}

/** Values may be entered for the years of the key-figure panel and up to the current year. */
export const FIRST_VALUE_YEAR = 2000;

export function isValueYear(year: number, currentYear: number): boolean {
  return Number.isInteger(year) && year >= FIRST_VALUE_YEAR && year <= currentYear;
}

/**
 * How far from the network's mean a member must be, in standard deviations of the members' values,
 * to be marked. With four to eight members no value can lie two standard deviations from the mean of
 * all of them unless there are at least six, so the mark starts at one and a half; the words say the
 * actual distance.
 */
export const OUTLIER_DEVIATIONS = 1.5;
/** Fewer values than this say nothing about spread. */
export const OUTLIER_MIN_VALUES = 4;

export interface MemberValue {
  readonly code: string;
  readonly value: number;
}

export interface Outlier {
  readonly code: string;
  /** Signed distance from the mean in standard deviations, e.g. 1.8 or -2.1. */
  readonly deviations: number;
  readonly mean: number;
}

/** The members whose value lies at least OUTLIER_DEVIATIONS standard deviations from the members' mean. */
export function outliers(values: readonly MemberValue[]): Outlier[] {
  if (values.length < OUTLIER_MIN_VALUES) return [];
  const mean = values.reduce((s, v) => s + v.value, 0) / values.length;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v.value - mean) ** 2, 0) / values.length);
  if (!(sd > 0)) return [];
  return values
    .map((v) => ({ code: v.code, deviations: (v.value - mean) / sd, mean }))
    .filter((o) => Math.abs(o.deviations) >= OUTLIER_DEVIATIONS);
}

export interface ActionDraft {
  readonly action: string;
  readonly owner: string;
  /** YYYY-MM-DD */
  readonly due: string;
}

export type ActionDraftProblem = { field: 'action' | 'owner' | 'due'; code: 'required' | 'tooLong' | 'badDate' };

/** The draft trimmed, or what is wrong with each field; `due` must already be a calendar date or empty. */
export function checkAction(input: { action: string; owner: string; due: string | undefined }): ActionDraft | ActionDraftProblem[] {
  const problems: ActionDraftProblem[] = [];
  const action = input.action.trim();
  const owner = input.owner.trim();
  if (action === '') problems.push({ field: 'action', code: 'required' });
  else if (action.length > 2000) problems.push({ field: 'action', code: 'tooLong' });
  if (owner === '') problems.push({ field: 'owner', code: 'required' });
  else if (owner.length > 200) problems.push({ field: 'owner', code: 'tooLong' });
  if (!input.due) problems.push({ field: 'due', code: 'badDate' });
  return problems.length > 0 || !input.due ? problems : { action, owner, due: input.due };
}

/** A network's meetings are planned and read on its country's clock. */
export type NetworkTimeZone = 'Europe/Oslo' | 'Europe/Copenhagen';

export const networkTimeZone = (country: 'NO' | 'DK'): NetworkTimeZone => (country === 'DK' ? 'Europe/Copenhagen' : 'Europe/Oslo');

const offsetFormats = new Map<NetworkTimeZone, Intl.DateTimeFormat>();

/** Minutes the zone is ahead of UTC at an instant, read from the zone's own "GMT+02:00". */
function zoneOffset(at: number, zone: NetworkTimeZone): number {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(new Date(at)).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const sign = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return sign ? (sign[1] === '-' ? -1 : 1) * (Number(sign[2]) * 60 + Number(sign[3])) : 0;
}

/** The zone's wall clock at an instant, as a form field holds it: "2027-01-14T10:00". */
export function wallClock(at: Date, zone: NetworkTimeZone): string {
  return new Date(at.getTime() + zoneOffset(at.getTime(), zone) * 60_000).toISOString().slice(0, 16);
}

/**
 * The instant a wall-clock time ("2027-01-14T10:00" or "2027-01-14 10:00") names in the zone, or
 * undefined when it names none: not a time, a day the calendar lacks, the hour skipped in spring.
 * In the autumn's hour that comes twice, the first.
 */
export function instantOf(local: string, zone: NetworkTimeZone): Date | undefined {
  const parts = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(local.trim());
  if (!parts) return undefined;
  const [year, month, day, hour, minute] = parts.slice(1).map(Number) as [number, number, number, number, number];
  if (year < 2000 || year > 2100) return undefined;
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute);
  const wanted = `${parts[1]}-${parts[2]}-${parts[3]}T${parts[4]}:${parts[5]}`;
  const found = [zoneOffset(asIfUtc - 43_200_000, zone), zoneOffset(asIfUtc + 43_200_000, zone)]
    .map((offset) => new Date(asIfUtc - offset * 60_000))
    .filter((instant) => wallClock(instant, zone) === wanted)
    .sort((a, b) => a.getTime() - b.getTime());
  return found[0];
}

export interface MeetingDraft {
  readonly title: string;
  readonly startsAt: Date;
  /** A place, or a video link. */
  readonly place: string;
  /** The agenda's items in order. */
  readonly agenda: readonly string[];
}

export type MeetingProblem = {
  field: 'title' | 'starts' | 'place' | 'agenda';
  code: 'required' | 'tooLong' | 'badTime' | 'tooManyItems';
};

export const MAX_AGENDA_ITEMS = 30;

/** The draft (the agenda one item a line, empty lines dropped), or what is wrong with each field. */
export function checkMeeting(
  input: { title: string; starts: string; place: string; agenda: string },
  zone: NetworkTimeZone,
): MeetingDraft | MeetingProblem[] {
  const problems: MeetingProblem[] = [];
  const title = input.title.trim();
  const place = input.place.trim();
  const agenda = input.agenda
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const startsAt = instantOf(input.starts, zone);
  if (title === '') problems.push({ field: 'title', code: 'required' });
  else if (title.length > 200) problems.push({ field: 'title', code: 'tooLong' });
  if (!startsAt) problems.push({ field: 'starts', code: 'badTime' });
  if (place === '') problems.push({ field: 'place', code: 'required' });
  else if (place.length > 500) problems.push({ field: 'place', code: 'tooLong' });
  if (agenda.length > MAX_AGENDA_ITEMS) problems.push({ field: 'agenda', code: 'tooManyItems' });
  else if (agenda.some((item) => item.length > 300)) problems.push({ field: 'agenda', code: 'tooLong' });
  return problems.length > 0 || !startsAt ? problems : { title, startsAt, place, agenda };
}

/** A place that is a web address is a video link (only https, so a page never links elsewhere). */
export const isVideoLink = (place: string): boolean => /^https:\/\/[^\s<>"]+$/.test(place);

/** A text the coordinator writes (a meeting's notes, the public summary): trimmed, or what is wrong. */
export function checkText(text: string, max: number): string | 'required' | 'tooLong' {
  const trimmed = text.trim();
  if (trimmed === '') return 'required';
  return trimmed.length > max ? 'tooLong' : trimmed;
}

export const MAX_NOTES = 20_000;
export const MAX_SUMMARY = 10_000;

/** Upcoming meetings first, soonest first; then the past ones, latest first. */
export function orderMeetings<M extends { readonly startsAt: Date }>(meetings: readonly M[], now: Date): { upcoming: M[]; past: M[] } {
  const upcoming = meetings.filter((m) => m.startsAt >= now).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const past = meetings.filter((m) => m.startsAt < now).sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  return { upcoming, past };
}

/** What a meeting's files may be: minutes and presentations as PDF, office or OpenDocument files, or pictures. */
export const MEETING_FILE_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.presentation',
  'application/vnd.oasis.opendocument.spreadsheet',
  'text/plain',
  'image/png',
  'image/jpeg',
]);
