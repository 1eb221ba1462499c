import { formatNumber, intlTag, type Locale } from '../../platform/i18n/index.js';
import type { FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import type { FormProblem } from '../call-form.js';
import type { CallContent } from '../model.js';
import type { CallTimeZone } from '../time.js';

/** Translates a key chosen at run time (rule explanations, problem codes); the catalogue holds every such key. */
export function tx(ctx: PageContext, key: string, params: Record<string, string | number> = {}): string {
  const formatted = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'number' ? formatNumber(ctx.locale, value) : value]));
  return (ctx.t as unknown as (key: string, params: Record<string, string>) => string)(key, formatted);
}

export function formatInstant(locale: Locale, iso: string | Date, zone: CallTimeZone): string {
  return new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(new Date(iso));
}

export function formatDay(locale: Locale, isoDate: string): string {
  return new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

export function fieldErrors(ctx: PageContext, problems: FormProblem[]): FieldError[] {
  return problems.map((problem) => ({ field: problem.field, message: tx(ctx, `programmes.problem.${problem.code}`, problem.params ?? {}) }));
}

export function fieldNames(ctx: PageContext, fields: (keyof CallContent)[]): string {
  return fields.map((field) => tx(ctx, `programmes.field.${field}`)).join(', ');
}

/** A labelled text input with its error message (Designsystemet's field pattern). */
export function TextField(props: { id: string; label: string; value: string; error?: string | undefined; type?: string; help?: string; inputmode?: string; size?: number }) {
  const describedBy = [props.help ? `${props.id}-help` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="ds-field">
      <label class="ds-label" for={props.id} safe>
        {props.label}
      </label>
      {props.help ? <p class="ds-paragraph" data-size="sm" id={`${props.id}-help`} safe>{props.help}</p> : ''}
      <input
        class="ds-input"
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        inputmode={props.inputmode}
        size={props.size === undefined ? undefined : String(props.size)}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      {props.error ? <p class="ds-validation-message" data-color="danger" id={`${props.id}-error`} safe>{props.error}</p> : ''}
    </div>
  );
}

export function TextArea(props: { id: string; label: string; value: string; error?: string | undefined; help?: string; rows?: number; lang?: string }) {
  const describedBy = [props.help ? `${props.id}-help` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="ds-field">
      <label class="ds-label" for={props.id} safe>
        {props.label}
      </label>
      {props.help ? <p class="ds-paragraph" data-size="sm" id={`${props.id}-help`} safe>{props.help}</p> : ''}
      <textarea class="ds-input" id={props.id} name={props.id} rows={String(props.rows ?? 5)} lang={props.lang} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy} safe>
        {props.value}
      </textarea>
      {props.error ? <p class="ds-validation-message" data-color="danger" id={`${props.id}-error`} safe>{props.error}</p> : ''}
    </div>
  );
}

export function Select(props: { id: string; label: string; value: string; options: { value: string; label: string }[]; error?: string | undefined }) {
  return (
    <div class="ds-field">
      <label class="ds-label" for={props.id} safe>
        {props.label}
      </label>
      <select class="ds-input" id={props.id} name={props.id} aria-invalid={props.error ? 'true' : undefined} aria-describedby={props.error ? `${props.id}-error` : undefined}>
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value} safe>
            {option.label}
          </option>
        ))}
      </select>
      {props.error ? <p class="ds-validation-message" data-color="danger" id={`${props.id}-error`} safe>{props.error}</p> : ''}
    </div>
  );
}

export function Checkbox(props: { id: string; name: string; value?: string; label: string; checked: boolean; error?: string | undefined }) {
  return (
    <div class="ds-field">
      <input class="ds-input" type="checkbox" id={props.id} name={props.name} value={props.value ?? 'on'} checked={props.checked} aria-invalid={props.error ? 'true' : undefined} />
      <label class="ds-label" for={props.id} safe>
        {props.label}
      </label>
      {props.error ? <p class="ds-validation-message" data-color="danger" safe>{props.error}</p> : ''}
    </div>
  );
}
