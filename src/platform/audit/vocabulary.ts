/**
 * How the audit log names what it records, in every language of the product: each capability
 * registers the record types it audits, its actions and its states (usually its workflows' own
 * state names) at composition, so the log reads as words ("Søknad · sendt inn · Utkast → Sendt
 * inn"), never as keys.
 */
import type { Locale } from '../i18n/index.js';
import type { Audience, Names } from '../workflow.js';

export interface AuditVocabulary {
  /** What a record of each type is called: "Søknad", "Vedtak". */
  records?: Readonly<Record<string, Names>>;
  /** What happened, as a short phrase: "sendt inn", "godkjent". */
  actions?: Readonly<Record<string, Names>>;
  /** The states records of each type move between (the same key may mean different things in two workflows). */
  states?: Readonly<Record<string, Readonly<Record<string, Names>>>>;
  /** The workflows that move records of each type: their states are named as staff read them elsewhere. */
  workflows?: Readonly<Record<string, readonly AuditedWorkflow[]>>;
}

/** What the audit log needs of a workflow (see defineWorkflow). */
export interface AuditedWorkflow {
  readonly states: readonly string[];
  readonly actions: readonly string[];
  name(state: string, audience: Audience, locale: Locale): string;
}

const words = { records: new Map<string, Names>(), actions: new Map<string, Names>(), states: new Map<string, Names>() };
const stateKey = (recordType: string, state: string) => `${recordType}\u0000${state}`;
const workflows: [string, AuditedWorkflow][] = [];

/** Each audited record type with a workflow that moves it (for the test that every action is named). */
export const auditedWorkflows = (): readonly (readonly [string, AuditedWorkflow])[] => workflows;

export function registerAuditVocabulary(vocabulary: AuditVocabulary): void {
  for (const kind of ['records', 'actions'] as const)
    for (const [key, names] of Object.entries(vocabulary[kind] ?? {})) words[kind].set(key, names);
  const named = Object.entries(vocabulary.workflows ?? {}).flatMap(([recordType, list]) =>
    list.map((workflow) => {
      workflows.push([recordType, workflow]);
      return [recordType, workflowStates(workflow)] as const;
    }),
  );
  for (const [recordType, states] of [...named, ...Object.entries(vocabulary.states ?? {})])
    for (const [state, names] of Object.entries(states)) words.states.set(stateKey(recordType, state), names);
}

const LOCALES: readonly Locale[] = ['nb', 'nn', 'da', 'en'];

/** A workflow's states under the names staff read elsewhere in the product. */
function workflowStates(workflow: AuditedWorkflow): Record<string, Names> {
  return Object.fromEntries(
    workflow.states.map((state) => [state, Object.fromEntries(LOCALES.map((l) => [l, workflow.name(state, 'staff', l)])) as Names]),
  );
}

/** The keys of one kind that nothing has named (for the test that every audited word is named); states as `type/state`. */
export function unnamed(kind: keyof typeof words, keys: Iterable<string>): string[] {
  const lookup = (key: string) => (kind === 'states' ? stateKey(key.split('/')[0]!, key.split('/').slice(1).join('/')) : key);
  return [...new Set(keys)].filter((key) => !words[kind].has(lookup(key))).sort();
}

/** The words of one audited event in a language; what is not named reads as the `other` word given, never as a key. */
export function auditWords(locale: Locale, other: string) {
  const say = (kind: keyof typeof words, key: string | null) => (key === null ? '–' : (words[kind].get(key)?.[locale] ?? other));
  return {
    record: (type: string) => say('records', type),
    action: (action: string) => say('actions', action),
    state: (recordType: string, state: string | null) => say('states', state === null ? null : stateKey(recordType, state)),
    /** The record types that can be filtered on, named, in the language's order. */
    recordTypes: (types: readonly string[]) =>
      types.map((type) => ({ type, name: say('records', type) })).sort((a, b) => a.name.localeCompare(b.name, locale)),
  };
}

/** A name in bokmål, nynorsk, Danish and English, in that order. */
export const names = (nb: string, nn: string, da: string, en: string): Names => ({ nb, nn, da, en });
