/** Designsystemet's form fields, each with its label, help text and error message wired for screen readers. */
/** A labelled text input with its error message (Designsystemet's field pattern). */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  type?: string;
  help?: string;
  inputmode?: string;
  size?: number;
}) {
  const describedBy = [props.help ? `${props.id}-help` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
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
      {props.error ? (
        <p class="ds-validation-message" data-color="danger" id={`${props.id}-error`} safe>
          {props.error}
        </p>
      ) : (
        ''
      )}
    </div>
  );
}

export function TextArea(props: {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  help?: string;
  rows?: number;
  lang?: string;
}) {
  const describedBy = [props.help ? `${props.id}-help` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
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
      <textarea
        class="ds-input"
        id={props.id}
        name={props.id}
        rows={String(props.rows ?? 5)}
        lang={props.lang}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
        safe
      >
        {props.value}
      </textarea>
      {props.error ? (
        <p class="ds-validation-message" data-color="danger" id={`${props.id}-error`} safe>
          {props.error}
        </p>
      ) : (
        ''
      )}
    </div>
  );
}

export function Select(props: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  error?: string | undefined;
}) {
  return (
    <div class="ds-field">
      <label class="ds-label" for={props.id} safe>
        {props.label}
      </label>
      <select
        class="ds-input"
        id={props.id}
        name={props.id}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
      >
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value} safe>
            {option.label}
          </option>
        ))}
      </select>
      {props.error ? (
        <p class="ds-validation-message" data-color="danger" id={`${props.id}-error`} safe>
          {props.error}
        </p>
      ) : (
        ''
      )}
    </div>
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
      {props.error ? (
        <p class="ds-validation-message" data-color="danger" safe>
          {props.error}
        </p>
      ) : (
        ''
      )}
    </div>
  );
}
