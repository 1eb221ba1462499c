/**
 * A call's application form, built from typed parts, and the validation of answers to it: a draft
 * gets warnings and always saves; submission turns the same findings into blocking errors.
 * Applications themselves live in another capability; this is the definition and its validator.
 */
import { calendarDate } from '../platform/http/input.js';

export interface ChoiceOption {
  value: string;
  label: string;
}

export interface TableColumn {
  key: string;
  label: string;
  type: 'text' | 'number' | 'choice';
  options?: ChoiceOption[];
}

interface PartBase {
  key: string;
  label: string;
  help?: string;
  required: boolean;
}

export type FormPart =
  | (PartBase & { kind: 'text'; maxWords: number; minWords?: number })
  | (PartBase & { kind: 'number'; min?: number; max?: number; integer?: boolean; unit?: string })
  | (PartBase & { kind: 'amount'; currency: 'NOK' | 'DKK'; max?: number })
  | (PartBase & { kind: 'choice'; options: ChoiceOption[]; multiple: boolean })
  | (PartBase & { kind: 'date'; notBefore?: string; notAfter?: string })
  | (PartBase & { kind: 'table'; columns: TableColumn[]; rowLabels?: string[]; maxRows: number })
  | (PartBase & { kind: 'projected-challenge'; indicator: 'age-80-plus' | 'working-age-per-elderly' | 'population'; horizonYear: number })
  | (PartBase & { kind: 'attachment'; allowedTypes: string[]; maxBytes: number; maxFiles: number });

export type PartKind = FormPart['kind'];

export interface FormSection {
  key: string;
  title: string;
  guidance?: string;
  parts: FormPart[];
}

export interface FormDefinition {
  sections: FormSection[];
}

export interface AttachmentRef {
  name: string;
  type: string;
  bytes: number;
}

export type TableRow = Record<string, string>;

/** Answers as typed on the form: text, numbers as typed, choices, table rows, attachment descriptions. */
export type AnswerValue = string | string[] | TableRow[] | AttachmentRef[];
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

export type IssueCode =
  | 'required'
  | 'tooManyWords'
  | 'tooFewWords'
  | 'notANumber'
  | 'notAnInteger'
  | 'belowMin'
  | 'aboveMax'
  | 'unknownOption'
  | 'oneOptionOnly'
  | 'notADate'
  | 'dateTooEarly'
  | 'dateTooLate'
  | 'tooManyRows'
  | 'unknownColumn'
  | 'typeNotAllowed'
  | 'fileTooLarge'
  | 'tooManyFiles'
  | 'wrongShape';

export interface Issue {
  /** The part's key (the field the message is about). */
  part: string;
  code: IssueCode;
  params: Record<string, string | number>;
}

export interface FormValidation {
  /** Block submission; empty for a draft. */
  errors: Issue[];
  /** Shown on a draft, which saves anyway. */
  warnings: Issue[];
}

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}

/** Accepts "1 234,5", "1234.5", "1 234" (no-break space too); refuses anything else. */
export function parseNumber(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(compact)) return undefined;
  return Number(compact);
}

function isBlank(value: AnswerValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  return value.length === 0;
}

function checkPart(part: FormPart, value: AnswerValue | undefined): Issue[] {
  const issue = (code: IssueCode, params: Issue['params'] = {}): Issue => ({ part: part.key, code, params });
  if (isBlank(value)) return part.required && part.kind !== 'projected-challenge' ? [issue('required')] : [];
  switch (part.kind) {
    case 'text': {
      if (typeof value !== 'string') return [issue('wrongShape')];
      const words = countWords(value);
      if (words > part.maxWords) return [issue('tooManyWords', { words, max: part.maxWords })];
      if (part.minWords !== undefined && words < part.minWords) return [issue('tooFewWords', { words, min: part.minWords })];
      return [];
    }
    case 'number':
    case 'amount': {
      if (typeof value !== 'string') return [issue('wrongShape')];
      const number = parseNumber(value);
      if (number === undefined) return [issue('notANumber', { value: value.slice(0, 40) })];
      if ((part.kind === 'amount' || part.integer) && !Number.isInteger(number)) return [issue('notAnInteger')];
      const min = part.kind === 'amount' ? 0 : part.min;
      if (min !== undefined && number < min) return [issue('belowMin', { min })];
      if (part.max !== undefined && number > part.max) return [issue('aboveMax', { max: part.max })];
      return [];
    }
    case 'choice': {
      const chosen: unknown[] = typeof value === 'string' ? [value] : (value as unknown[]);
      if (!chosen.every((item) => typeof item === 'string')) return [issue('wrongShape')];
      if (!part.multiple && chosen.length > 1) return [issue('oneOptionOnly')];
      const known = new Set(part.options.map((option) => option.value));
      const unknown = (chosen as string[]).filter((item) => !known.has(item));
      return unknown.length > 0 ? [issue('unknownOption', { value: unknown.join(', ').slice(0, 40) })] : [];
    }
    case 'date': {
      if (typeof value !== 'string' || calendarDate(value) !== value) return [issue('notADate')];
      if (part.notBefore && value < part.notBefore) return [issue('dateTooEarly', { date: part.notBefore })];
      if (part.notAfter && value > part.notAfter) return [issue('dateTooLate', { date: part.notAfter })];
      return [];
    }
    case 'table': {
      if (!Array.isArray(value) || !value.every((row) => typeof row === 'object' && row !== null && !('bytes' in row)))
        return [issue('wrongShape')];
      const rows = value as TableRow[];
      if (rows.length > part.maxRows) return [issue('tooManyRows', { rows: rows.length, max: part.maxRows })];
      const columns = new Map(part.columns.map((column) => [column.key, column]));
      const issues: Issue[] = [];
      for (const row of rows) {
        for (const [key, cell] of Object.entries(row)) {
          const column = columns.get(key);
          if (!column) {
            issues.push(issue('unknownColumn', { column: key.slice(0, 40) }));
            continue;
          }
          if (cell.trim() === '') continue;
          if (column.type === 'number' && parseNumber(cell) === undefined) issues.push(issue('notANumber', { value: cell.slice(0, 40) }));
          if (column.type === 'choice' && !(column.options ?? []).some((option) => option.value === cell))
            issues.push(issue('unknownOption', { value: cell.slice(0, 40) }));
        }
      }
      return issues;
    }
    case 'projected-challenge':
      return [];
    case 'attachment': {
      if (!Array.isArray(value) || !value.every((file) => typeof file === 'object' && file !== null && 'bytes' in file))
        return [issue('wrongShape')];
      const files = value as AttachmentRef[];
      const issues: Issue[] = [];
      if (files.length > part.maxFiles) issues.push(issue('tooManyFiles', { count: files.length, max: part.maxFiles }));
      for (const file of files) {
        if (!part.allowedTypes.includes(file.type))
          issues.push(issue('typeNotAllowed', { name: file.name, allowed: part.allowedTypes.join(', ') }));
        if (file.bytes > part.maxBytes) issues.push(issue('fileTooLarge', { name: file.name, bytes: file.bytes, max: part.maxBytes }));
      }
      return issues;
    }
  }
}

/**
 * Checks answers against the form. For a draft every finding is a warning (saving never fails);
 * for submission every finding blocks.
 */
export function validateAnswers(form: FormDefinition, answers: Answers, mode: 'draft' | 'submit'): FormValidation {
  const issues = form.sections.flatMap((section) => section.parts.flatMap((part) => checkPart(part, answers[part.key])));
  return mode === 'draft' ? { errors: [], warnings: issues } : { errors: issues, warnings: [] };
}

/** Sections whose required parts all have an answer (for the required-sections rule). */
export function answeredSections(form: FormDefinition, answers: Answers): string[] {
  return form.sections
    .filter((section) => section.parts.some((part) => !isBlank(answers[part.key])))
    .filter((section) =>
      section.parts.every((part) => !part.required || part.kind === 'projected-challenge' || !isBlank(answers[part.key])),
    )
    .map((section) => section.key);
}

/** Sections with at least one required part: the default sections for the required-sections rule. */
export function requiredSectionKeys(form: FormDefinition): string[] {
  return form.sections.filter((section) => section.parts.some((part) => part.required)).map((section) => section.key);
}

export type DefinitionProblem = {
  where: string;
  code: 'duplicateKey' | 'noParts' | 'badLimit' | 'noOptions' | 'noColumns' | 'noTypes' | 'emptyTitle';
};

/** A form definition that a template or call can carry: unique keys, sensible limits, options present. */
export function checkFormDefinition(form: FormDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const seen = new Set<string>();
  const unique = (key: string) => {
    if (seen.has(key)) problems.push({ where: key, code: 'duplicateKey' });
    seen.add(key);
  };
  for (const section of form.sections) {
    unique(section.key);
    if (section.title.trim() === '') problems.push({ where: section.key, code: 'emptyTitle' });
    if (section.parts.length === 0) problems.push({ where: section.key, code: 'noParts' });
    for (const part of section.parts) {
      unique(part.key);
      if (part.kind === 'text' && (!(part.maxWords > 0) || (part.minWords ?? 0) > part.maxWords))
        problems.push({ where: part.key, code: 'badLimit' });
      if (part.kind === 'number' && part.min !== undefined && part.max !== undefined && part.min > part.max)
        problems.push({ where: part.key, code: 'badLimit' });
      if (part.kind === 'choice' && part.options.length === 0) problems.push({ where: part.key, code: 'noOptions' });
      if (part.kind === 'table' && (part.columns.length === 0 || part.maxRows < 1)) problems.push({ where: part.key, code: 'noColumns' });
      if (part.kind === 'attachment' && (part.allowedTypes.length === 0 || part.maxBytes < 1 || part.maxFiles < 1))
        problems.push({ where: part.key, code: 'noTypes' });
    }
  }
  return problems;
}
