/** What the application page shows, gathered by the routes. */
import type { FieldError } from '../../platform/ui/components.js';
import type { AnswerValue, DeadlineExtension, Eligibility, FormDefinition, StoredCall } from '../../programmes/index.js';
import type { ProjectedChallenge } from '../model.js';
import type { PartnerSuggestion } from '../partners.js';
import type { StoredApplication, StoredMember, StoredSubmission } from '../store.js';

export interface ApplicationView {
  /** A late-submission exception the owner granted the lead municipality, while it is in force. */
  extension?: DeadlineExtension | undefined;
  application: StoredApplication;
  call: StoredCall;
  /** The signed-in person's municipality in this network. */
  mine: StoredMember;
  editable: boolean;
  eligibility: Eligibility;
  submissions: StoredSubmission[];
  /** Answers to show (what the person typed, on a refused or conflicting save). */
  values?: Record<string, AnswerValue | undefined>;
  /** The version the form carries (the current one after a conflict). */
  formVersion?: number;
  notice?: string;
  warnings?: FieldError[];
  errors?: FieldError[];
  /** What changed since the person's version, when a save met a newer one. */
  conflict?: string;
  /** How long a session lasts without activity, for the warning before it expires. */
  sessionSeconds?: number;
  /** Neighbours, the same county and similar challenges, for calls with a network rule (the lead's page). */
  partners?: PartnerSuggestion[];
  /** The projected-challenge parts' figures for the network as it stands. */
  challenges?: ProjectedChallenge[];
  /** What other capabilities show on the page (the owner's decision, once made), already rendered. */
  applicantDecision?: string;
}

export const formOf = (call: StoredCall): FormDefinition => (call.status === 'draft' ? { sections: [] } : call.snapshot.form);

/** The message about a field, an error before a warning. */
export const errorFor = (view: ApplicationView, key: string): string | undefined =>
  [...(view.errors ?? []), ...(view.warnings ?? [])].find((e) => e.field === key)?.message;

/** Only the lead changes the application, and only while it is editable. */
export const leadCanChange = (view: ApplicationView): boolean => view.mine.role === 'lead' && view.editable;

/** The version every form of the page carries. */
export const versionOf = (view: ApplicationView): string => String(view.formVersion ?? view.application.version);
