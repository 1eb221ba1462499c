/**
 * The form-template editor without JavaScript: the whole definition travels as form fields
 * (`s0-title`, `s0-p1-maxWords`, …), buttons named `op` add, remove and move sections and parts
 * and re-render what was typed, and saving turns the fields into a checked form definition.
 * Pure; raw text is kept as typed until it is saved, so nothing a person typed is lost.
 */
import {
  checkFormDefinition,
  type ChoiceOption,
  type FormDefinition,
  type FormPart,
  type FormSection,
  type PartKind,
  type TableColumn,
} from './form.js';
import type { FormProblem } from './call-form.js';
import { calendarDate } from '../platform/http/input.js';

export const PART_KINDS: readonly PartKind[] = ['text', 'number', 'amount', 'choice', 'date', 'table', 'projected-challenge', 'attachment'];
export const INDICATORS = ['age-80-plus', 'working-age-per-elderly', 'population'] as const;
/** File types an owner can allow, by MIME type. */
export const FILE_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'image/jpeg',
  'image/png',
] as const;
export const FILE_TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (.docx)',
  'application/vnd.oasis.opendocument.text': 'OpenDocument (.odt)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (.xlsx)',
  'text/csv': 'CSV',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};
/** File types as people know them ("PDF, Word (.docx)"), never as MIME types. */
export const fileTypesText = (types: readonly string[]): string =>
  types.map((type) => FILE_TYPE_NAMES[type] ?? type.split('/').pop()!.toUpperCase()).join(', ');

const MB = 1024 * 1024;
export const MAX_SECTIONS = 30;
export const MAX_PARTS = 30;

export type EditorValues = Record<string, string | string[]>;

/** A part as typed: its key and kind, and every other field as raw text (checkbox 'on', types as a list). */
export interface EditorPart {
  key: string;
  kind: PartKind;
  fields: Record<string, string>;
  allowedTypes: string[];
}

export interface EditorSection {
  key: string;
  title: string;
  guidance: string;
  parts: EditorPart[];
}

export type Editor = EditorSection[];

const one = (values: EditorValues, key: string, max = 20_000): string => {
  const value = values[key];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).slice(0, max);
};
const many = (values: EditorValues, key: string): string[] => {
  const value = values[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};

/** Field names of each kind besides label, help and required. */
export const KIND_FIELDS: Record<PartKind, readonly string[]> = {
  text: ['maxWords', 'minWords'],
  number: ['min', 'max', 'integer', 'unit'],
  amount: ['currency', 'max'],
  choice: ['options', 'multiple'],
  date: ['notBefore', 'notAfter'],
  table: ['columns', 'rowLabels', 'maxRows'],
  'projected-challenge': ['indicator', 'horizonYear'],
  attachment: ['maxMegabytes', 'maxFiles'],
};

export function slug(text: string): string {
  const base = text
    .toLocaleLowerCase('nb')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return base === '' ? 'x' : base;
}

function optionLine(option: ChoiceOption): string {
  return option.value === slug(option.label) ? option.label : `${option.value} | ${option.label}`;
}

function columnLine(column: TableColumn): string {
  const head = column.key === slug(column.label) ? column.label : `${column.key} | ${column.label}`;
  const options = (column.options ?? []).map((o) => (o.value === slug(o.label) ? o.label : `${o.value}=${o.label}`)).join(', ');
  return `${head}; ${column.type}${column.type === 'choice' ? `; ${options}` : ''}`;
}

const numberText = (value: number | undefined) => (value === undefined ? '' : String(value));

/** The editor's fields for a stored definition. */
export function editorFromDefinition(form: FormDefinition): Editor {
  return form.sections.map((section) => ({
    key: section.key,
    title: section.title,
    guidance: section.guidance ?? '',
    parts: section.parts.map((part): EditorPart => {
      const fields: Record<string, string> = { label: part.label, help: part.help ?? '', required: part.required ? 'on' : '' };
      let allowedTypes: string[] = [];
      switch (part.kind) {
        case 'text':
          Object.assign(fields, { maxWords: String(part.maxWords), minWords: numberText(part.minWords) });
          break;
        case 'number':
          Object.assign(fields, {
            min: numberText(part.min),
            max: numberText(part.max),
            integer: part.integer ? 'on' : '',
            unit: part.unit ?? '',
          });
          break;
        case 'amount':
          Object.assign(fields, { currency: part.currency, max: numberText(part.max) });
          break;
        case 'choice':
          Object.assign(fields, { options: part.options.map(optionLine).join('\n'), multiple: part.multiple ? 'on' : '' });
          break;
        case 'date':
          Object.assign(fields, { notBefore: part.notBefore ?? '', notAfter: part.notAfter ?? '' });
          break;
        case 'table':
          Object.assign(fields, {
            columns: part.columns.map(columnLine).join('\n'),
            rowLabels: (part.rowLabels ?? []).join('\n'),
            maxRows: String(part.maxRows),
          });
          break;
        case 'projected-challenge':
          Object.assign(fields, { indicator: part.indicator, horizonYear: String(part.horizonYear) });
          break;
        case 'attachment':
          Object.assign(fields, { maxMegabytes: String(Math.round((part.maxBytes / MB) * 10) / 10), maxFiles: String(part.maxFiles) });
          allowedTypes = [...part.allowedTypes];
          break;
      }
      return { key: part.key, kind: part.kind, fields, allowedTypes };
    }),
  }));
}

const isKind = (value: string): value is PartKind => (PART_KINDS as readonly string[]).includes(value);

/** Reads the editor's fields as posted (unknown kinds and extra rows dropped). */
export function readEditor(values: EditorValues): Editor {
  const editor: Editor = [];
  for (let s = 0; s < MAX_SECTIONS && values[`s${s}-key`] !== undefined; s++) {
    const parts: EditorPart[] = [];
    for (let p = 0; p < MAX_PARTS && values[`s${s}-p${p}-key`] !== undefined; p++) {
      const prefix = `s${s}-p${p}-`;
      const kind = one(values, `${prefix}kind`, 40);
      if (!isKind(kind)) continue;
      const fields: Record<string, string> = {};
      for (const name of ['label', 'help', 'required', ...KIND_FIELDS[kind]]) fields[name] = one(values, `${prefix}${name}`);
      parts.push({
        key: one(values, `${prefix}key`, 80),
        kind,
        fields,
        allowedTypes: many(values, `${prefix}allowedTypes`).filter((t) => (FILE_TYPES as readonly string[]).includes(t)),
      });
    }
    editor.push({
      key: one(values, `s${s}-key`, 80),
      title: one(values, `s${s}-title`, 300),
      guidance: one(values, `s${s}-guidance`, 5000),
      parts,
    });
  }
  return editor;
}

function freshKey(editor: Editor, base: string): string {
  const taken = new Set(editor.flatMap((s) => [s.key, ...s.parts.map((p) => p.key)]));
  for (let n = 1; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

export function blankPart(editor: Editor, sectionKey: string, kind: PartKind): EditorPart {
  const defaults: Partial<Record<PartKind, Record<string, string>>> = {
    text: { maxWords: '500' },
    amount: { currency: 'NOK' },
    table: { maxRows: '10' },
    'projected-challenge': { indicator: 'age-80-plus', horizonYear: '2040' },
    attachment: { maxMegabytes: '10', maxFiles: '1' },
  };
  const fields: Record<string, string> = { label: '', help: '', required: '' };
  for (const name of KIND_FIELDS[kind]) fields[name] = defaults[kind]?.[name] ?? '';
  return {
    key: freshKey(editor, `${sectionKey}.${kind === 'projected-challenge' ? 'projection' : kind}`),
    kind,
    fields,
    allowedTypes: kind === 'attachment' ? ['application/pdf'] : [],
  };
}

const move = <T>(list: T[], from: number, to: number): T[] => {
  if (to < 0 || to >= list.length || from < 0 || from >= list.length) return list;
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
};

/**
 * Applies a button: `add-section`, `remove-section:S`, `up-section:S`, `down-section:S`,
 * `add-part:S` (kind from `sS-newKind`), `remove-part:S:P`, `up-part:S:P`, `down-part:S:P`.
 * Anything else leaves the editor as it is.
 */
export function applyEditorOp(editor: Editor, op: string, values: EditorValues): Editor {
  const [name, a, b] = op.split(':');
  const s = Number(a);
  const p = Number(b);
  const section = editor[s];
  switch (name) {
    case 'add-section':
      if (editor.length >= MAX_SECTIONS) return editor;
      return [...editor, { key: freshKey(editor, 'section'), title: '', guidance: '', parts: [] }];
    case 'remove-section':
      return editor.filter((_, i) => i !== s);
    case 'up-section':
      return move(editor, s, s - 1);
    case 'down-section':
      return move(editor, s, s + 1);
  }
  if (!section) return editor;
  const withParts = (parts: EditorPart[]) => editor.map((x, i) => (i === s ? { ...x, parts } : x));
  switch (name) {
    case 'add-part': {
      const kind = one(values, `s${s}-newKind`, 40);
      if (!isKind(kind) || section.parts.length >= MAX_PARTS) return editor;
      return withParts([...section.parts, blankPart(editor, section.key, kind)]);
    }
    case 'remove-part':
      return withParts(section.parts.filter((_, i) => i !== p));
    case 'up-part':
      return withParts(move(section.parts, p, p - 1));
    case 'down-part':
      return withParts(move(section.parts, p, p + 1));
    default:
      return editor;
  }
}

function parseOption(line: string, separator: '|' | '='): ChoiceOption {
  const at = line.indexOf(separator);
  if (at > 0) return { value: line.slice(0, at).trim(), label: line.slice(at + 1).trim() };
  return { value: slug(line), label: line.trim() };
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** Turns the editor into a definition, every problem tied to the field it is about. */
export function definitionFromEditor(editor: Editor): { form: FormDefinition; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const sections: FormSection[] = editor.map((section, s) => {
    const parts = section.parts.flatMap((part, p): FormPart[] => {
      const id = (name: string) => `s${s}-p${p}-${name}`;
      const f = part.fields;
      const number = (name: string, options: { integer?: boolean; positive?: boolean } = {}): number | undefined => {
        const raw = (f[name] ?? '').replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
        if (raw === '') return undefined;
        const value = Number(raw);
        if (!/^-?\d+(\.\d+)?$/.test(raw) || (options.integer && !Number.isInteger(value)) || (options.positive && value <= 0)) {
          problems.push({ field: id(name), code: 'notANumber' });
          return undefined;
        }
        return value;
      };
      const date = (name: string): string | undefined => {
        const raw = (f[name] ?? '').trim();
        if (raw === '') return undefined;
        const date = calendarDate(raw);
        if (!date) problems.push({ field: id(name), code: 'badDate' });
        return date;
      };
      const label = (f.label ?? '').trim();
      if (label === '') problems.push({ field: id('label'), code: 'required' });
      const base = {
        key: part.key,
        label,
        required: f.required === 'on',
        ...((f.help ?? '').trim() ? { help: (f.help ?? '').trim() } : {}),
      };
      const optional = <K extends string, V>(key: K, value: V | undefined) =>
        value === undefined ? {} : ({ [key]: value } as Record<K, V>);
      switch (part.kind) {
        case 'text': {
          const maxWords = number('maxWords', { integer: true, positive: true });
          if (maxWords === undefined && !problems.some((x) => x.field === id('maxWords')))
            problems.push({ field: id('maxWords'), code: 'required' });
          return [{ ...base, kind: 'text', maxWords: maxWords ?? 1, ...optional('minWords', number('minWords', { integer: true })) }];
        }
        case 'number':
          return [
            {
              ...base,
              kind: 'number',
              ...optional('min', number('min')),
              ...optional('max', number('max')),
              ...(f.integer === 'on' ? { integer: true } : {}),
              ...((f.unit ?? '').trim() ? { unit: (f.unit ?? '').trim() } : {}),
            },
          ];
        case 'amount':
          return [
            {
              ...base,
              kind: 'amount',
              currency: f.currency === 'DKK' ? 'DKK' : 'NOK',
              ...optional('max', number('max', { integer: true, positive: true })),
            },
          ];
        case 'choice': {
          const options = lines(f.options ?? '').map((line) => parseOption(line, '|'));
          return [{ ...base, kind: 'choice', options, multiple: f.multiple === 'on' }];
        }
        case 'date':
          return [{ ...base, kind: 'date', ...optional('notBefore', date('notBefore')), ...optional('notAfter', date('notAfter')) }];
        case 'table': {
          const columns = lines(f.columns ?? '').flatMap((line): TableColumn[] => {
            const [head = '', type = 'text', options = ''] = line.split(';').map((x) => x.trim());
            const { value: key, label: columnLabel } = parseOption(head, '|');
            if (!['text', 'number', 'choice'].includes(type) || columnLabel === '') {
              problems.push({ field: id('columns'), code: 'badColumn', params: { column: line.slice(0, 60) } });
              return [];
            }
            const choices = options
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean)
              .map((x) => parseOption(x, '='));
            if (type === 'choice' && choices.length === 0)
              problems.push({ field: id('columns'), code: 'badColumn', params: { column: line.slice(0, 60) } });
            return [{ key, label: columnLabel, type: type as TableColumn['type'], ...(type === 'choice' ? { options: choices } : {}) }];
          });
          const rowLabels = lines(f.rowLabels ?? '');
          const maxRows = number('maxRows', { integer: true, positive: true }) ?? Math.max(rowLabels.length, 1);
          return [{ ...base, kind: 'table', columns, ...(rowLabels.length > 0 ? { rowLabels } : {}), maxRows }];
        }
        case 'projected-challenge': {
          const indicator = (INDICATORS as readonly string[]).includes(f.indicator ?? '')
            ? (f.indicator as (typeof INDICATORS)[number])
            : 'age-80-plus';
          const horizonYear = number('horizonYear', { integer: true });
          if (horizonYear !== undefined && (horizonYear < 2025 || horizonYear > 2050))
            problems.push({ field: id('horizonYear'), code: 'horizonYear' });
          return [{ ...base, kind: 'projected-challenge', indicator, horizonYear: horizonYear ?? 2040 }];
        }
        case 'attachment': {
          const megabytes = number('maxMegabytes', { positive: true });
          if (megabytes !== undefined && megabytes > 50) problems.push({ field: id('maxMegabytes'), code: 'fileLimit' });
          return [
            {
              ...base,
              kind: 'attachment',
              allowedTypes: part.allowedTypes,
              maxBytes: Math.round((megabytes ?? 0) * MB),
              maxFiles: number('maxFiles', { integer: true, positive: true }) ?? 0,
            },
          ];
        }
      }
    });
    if (section.title.trim() === '') problems.push({ field: `s${s}-title`, code: 'required' });
    return {
      key: section.key,
      title: section.title.trim(),
      ...(section.guidance.trim() ? { guidance: section.guidance.trim() } : {}),
      parts,
    };
  });
  const form: FormDefinition = { sections };
  if (sections.length === 0) problems.push({ field: 'add-section', code: 'noSections' });
  const fieldOf = (where: string, code: string): string => {
    for (const [s, section] of editor.entries()) {
      if (section.key === where) return code === 'noParts' ? `s${s}-newKind` : `s${s}-title`;
      const p = section.parts.findIndex((part) => part.key === where);
      if (p >= 0) {
        const kind = section.parts[p]!.kind;
        const target =
          {
            badLimit: kind === 'text' ? 'maxWords' : 'max',
            noOptions: 'options',
            noColumns: 'columns',
            noTypes: 'maxMegabytes',
            duplicateKey: 'label',
            emptyTitle: 'label',
            noParts: 'label',
          }[code] ?? 'label';
        return `s${s}-p${p}-${target}`;
      }
    }
    return 'add-section';
  };
  const known = new Set(problems.map((x) => x.field));
  for (const problem of checkFormDefinition(form)) {
    const field = fieldOf(problem.where, problem.code);
    if (problem.code === 'emptyTitle' || known.has(field)) continue;
    problems.push({ field, code: problem.code });
    known.add(field);
  }
  return { form, problems };
}
