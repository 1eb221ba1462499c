/** What a report asks in words: the standard questions of its kind and the text parts of the period's form template. */
import type { Queryable } from '../platform/db/database.js';
import { findTemplate } from '../programmes/index.js';
import { STANDARD_QUESTIONS, type ReportingPeriod } from './model.js';

export interface ReportQuestion {
  key: string;
  /** The template's own label; none for a standard question (its label is in the catalogue). */
  label: string | null;
  required: boolean;
  maxWords: number;
}

export async function reportQuestions(db: Queryable, period: ReportingPeriod): Promise<ReportQuestion[]> {
  const standard = STANDARD_QUESTIONS[period.kind].map((key) => ({ key, label: null, required: true, maxWords: 2000 }));
  const template = period.templateId ? await findTemplate(db, period.templateId) : undefined;
  const own = (template?.form.sections ?? []).flatMap((section) =>
    section.parts.flatMap((part) =>
      part.kind === 'text' ? [{ key: `t:${part.key}`, label: part.label, required: part.required, maxWords: part.maxWords }] : [],
    ),
  );
  return [...standard, ...own];
}

/** The keys a report must answer before it is submitted. */
export async function questionKeysFor(db: Queryable, period: ReportingPeriod): Promise<string[]> {
  return (await reportQuestions(db, period)).filter((q) => q.required).map((q) => q.key);
}
