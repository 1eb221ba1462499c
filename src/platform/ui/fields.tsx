import type { Children } from '@kitajs/html';
/** Designsystemet's form fields, each with its label, help text and error message wired for screen readers. */

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  help?: string | undefined;
}

/** The ids the control is described by: its help text and its error message, when present. */
const describedBy = ({ id, help, error }: FieldProps) =>
  [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

/** Label and help above the control, error message below (Designsystemet's field pattern). */
function Field({ children, ...props }: FieldProps & { children: Children }) {
  return (
    <div class="ds-field">
      <label class="ds-label" for={props.id} safe>
        {props.label}
      </label>
      {props.help ? (
        <p class="ds-paragraph" data-size="sm" id={`${props.id}-help`} safe>
          {props.help}
        </p>
      ) : (
        ''
      )}
      {children}
      <ErrorMessage id={props.id} error={props.error} />
    </div>
  );
}

function ErrorMessage({ id, error }: { id?: string; error?: string | undefined }) {
  return error ? (
    <p class="ds-validation-message" data-color="danger" id={id ? `${id}-error` : undefined} safe>
      {error}
    </p>
  ) : (
    ''
  );
}

/** A labelled text input with its error message. */
export function TextField(props: FieldProps & { value: string; type?: string; inputmode?: string; size?: number }) {
  return (
    <Field {...props}>
      <input
        class="ds-input"
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        inputmode={props.inputmode}
        size={props.size === undefined ? undefined : String(props.size)}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      />
    </Field>
  );
}

export function TextArea(props: FieldProps & { value: string; rows?: number; lang?: string }) {
  return (
    <Field {...props}>
      <textarea
        class="ds-input"
        id={props.id}
        name={props.id}
        rows={String(props.rows ?? 5)}
        lang={props.lang}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        safe
      >
        {props.value}
      </textarea>
    </Field>
  );
}

export function Select(props: Omit<FieldProps, 'help'> & { value: string; options: { value: string; label: string }[] }) {
  return (
    <Field {...props}>
      <select
        class="ds-input"
        id={props.id}
        name={props.id}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value} safe>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function Checkbox(props: { id: string; name: string; value?: string; label: string; checked: boolean; error?: string | undefined }) {
  return (
    <div class="ds-field">
      <input
        class="ds-input"
        type="checkbox"
        id={props.id}
        name={props.name}
        value={props.value ?? 'on'}
        checked={props.checked}
        aria-invalid={props.error ? 'true' : undefined}
      />
      <label class="ds-label" for={props.id} safe>
        {props.label}
      </label>
      <ErrorMessage error={props.error} />
    </div>
  );
}
