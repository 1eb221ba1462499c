/**
 * The ideas box (idékassen): who an idea can go to, its themes, what a sent idea and an answer must
 * say, and the limits against abuse. Pure.
 */
import { createHash } from 'node:crypto';
import { sameTextKey } from './model.js';
import type { IdeaState } from './workflows.js';

/** Seed 002's open idea boxes ("Smarte kommuner", "Enkelt og greitt") asked about the municipal sector's tasks, so the themes are its sectors. */
export const IDEA_THEMES = ['care', 'health', 'school', 'environment', 'transport', 'digital', 'culture', 'planning', 'other'] as const;
export type IdeaTheme = (typeof IDEA_THEMES)[number];
export const isIdeaTheme = (value: string): value is IdeaTheme => (IDEA_THEMES as readonly string[]).includes(value);

export type ReceiverKind = 'municipality' | 'county' | 'ministry';

/** Who an idea goes to: a municipality or county by its number, a ministry by its organisation. */
export interface Receiver {
  kind: ReceiverKind;
  /** The municipality or county number, or the ministry's organisation id. */
  code: string;
}

const RECEIVER_PREFIX: Record<ReceiverKind, string> = { municipality: 'kommune', county: 'fylke', ministry: 'departement' };
const RECEIVER_KEY = /^(kommune|fylke|departement)-([0-9]{2,4}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** How a receiver is written in a form or a link ("kommune-4001", "departement-<id>"). */
export const receiverKey = (receiver: Receiver): string => `${RECEIVER_PREFIX[receiver.kind]}-${receiver.code}`;

export function parseReceiverKey(key: string): Receiver | undefined {
  const match = RECEIVER_KEY.exec(key);
  if (!match) return undefined;
  const kind = (Object.keys(RECEIVER_PREFIX) as ReceiverKind[]).find((k) => RECEIVER_PREFIX[k] === match[1])!;
  const code = match[2]!;
  const fits = kind === 'ministry' ? code.length === 36 : kind === 'county' ? code.length === 2 : code.length === 3 || code.length === 4;
  return fits ? { kind, code } : undefined;
}

export const IDEA_LIMITS = { title: 200, description: 4000, answer: 2000, linkTitle: 200, linkUrl: 500, query: 200 } as const;

/** The most ideas one person may send in a day, and from one network address (abuse: issue 15 point 10). */
export const IDEAS_PER_DAY = 5;
export const IDEAS_PER_ADDRESS_PER_DAY = 20;

export interface IdeaDraft {
  receiver: Receiver;
  theme: IdeaTheme;
  title: string;
  description: string;
  /** Hidden from the public; the receiver still sees who sent it. */
  anonymous: boolean;
}

export type IdeaField = 'receiver' | 'theme' | 'title' | 'description';
export interface IdeaProblem {
  field: IdeaField;
  code: 'required' | 'tooLong';
}

/** What keeps an idea from being sent: each at its field. */
export function ideaProblems(input: {
  receiver: string;
  theme: string;
  title: string;
  description: string;
  anonymous: string;
}): IdeaProblem[] | IdeaDraft {
  const problems: IdeaProblem[] = [];
  const receiver = parseReceiverKey(input.receiver);
  const theme = isIdeaTheme(input.theme) ? input.theme : undefined;
  const title = input.title.trim();
  const description = input.description.trim();
  if (!receiver) problems.push({ field: 'receiver', code: 'required' });
  if (!theme) problems.push({ field: 'theme', code: 'required' });
  for (const [field, value] of [
    ['title', title],
    ['description', description],
  ] as const) {
    if (value === '') problems.push({ field, code: 'required' });
    else if (value.length > IDEA_LIMITS[field]) problems.push({ field, code: 'tooLong' });
  }
  if (problems.length > 0 || !receiver || !theme) return problems;
  return { receiver, theme, title, description, anonymous: input.anonymous === 'yes' };
}

/** The same idea sent twice: its title, case and spacing aside. */
export const sameIdeaKey = sameTextKey;

/** What an idea became: a project or case, by its address (on this site or another public one) and title. */
export interface IdeaOutcomeLink {
  url: string;
  title: string;
}

export interface AnswerProblem {
  field: 'linkUrl' | 'linkTitle' | 'answer';
  code: 'required' | 'tooLong' | 'badLink';
}

/** A page on this site ("/prosjekter/…") or a public web address; never a script or another scheme. */
export function isOutcomeUrl(url: string): boolean {
  if (url.length > IDEA_LIMITS.linkUrl || /\s/.test(url)) return false;
  if (url.startsWith('/')) return !url.startsWith('//') && !url.includes('\\');
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname.includes('.');
  } catch {
    return false;
  }
}

/** A take-up needs the link to what the idea became and its title. */
export function outcomeLinkProblems(input: { linkUrl: string; linkTitle: string }): AnswerProblem[] | IdeaOutcomeLink {
  const url = input.linkUrl.trim();
  const title = input.linkTitle.trim();
  const problems: AnswerProblem[] = [];
  if (url === '') problems.push({ field: 'linkUrl', code: 'required' });
  else if (!isOutcomeUrl(url)) problems.push({ field: 'linkUrl', code: 'badLink' });
  if (title === '') problems.push({ field: 'linkTitle', code: 'required' });
  else if (title.length > IDEA_LIMITS.linkTitle) problems.push({ field: 'linkTitle', code: 'tooLong' });
  return problems.length > 0 ? problems : { url, title };
}

/** A reason (not taken up) or a comment: some words, not too many. */
export function answerProblems(text: string): AnswerProblem[] | string {
  const answer = text.trim();
  if (answer === '') return [{ field: 'answer', code: 'required' }];
  if (answer.length > IDEA_LIMITS.answer) return [{ field: 'answer', code: 'tooLong' }];
  return answer;
}

/** The list's filters as the query string gives them; anything unknown is dropped, never an error. */
export interface IdeaSearch {
  receiver?: Receiver;
  theme?: IdeaTheme;
  state?: IdeaState;
  q?: string;
}

/** A network address as the per-address limit counts it: a one-way hash, so the address itself is never stored. */
export const addressFingerprint = (address: string | undefined): string | null =>
  address ? createHash('sha256').update(`stifinner-ideas:${address}`).digest('base64url').slice(0, 22) : null;
