/** The parts network pages are built of: a part with its heading, and a form that writes from a version. */
import type { Children } from '@kitajs/html';
import { CsrfField } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';

/** One part of a network's pages: its heading, what it is for, and what it says when it has nothing yet. */
export function Part(props: { id: string; heading: string; lead?: string | undefined; empty?: string | false; children?: Children }) {
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <h2 class="ds-heading" data-size="sm" id={`${props.id}-heading`} safe>
        {props.heading}
      </h2>
      {props.lead ? (
        <p class="ds-paragraph" safe>
          {props.lead}
        </p>
      ) : (
        ''
      )}
      {props.empty ? (
        <p class="ds-paragraph" safe>
          {props.empty}
        </p>
      ) : (
        ''
      )}
      {props.children ?? ''}
    </section>
  );
}

/** A form that writes from the version of the record it was read at: its heading, fields and one button. */
export function VersionedForm(props: {
  ctx: PageContext;
  /** The path it posts to (the page's language is added). */
  action: string;
  version: number;
  submit: string;
  heading?: string;
  variant?: 'primary' | 'secondary' | 'tertiary';
  multipart?: boolean;
  children?: Children;
}) {
  const { ctx, variant = 'primary' } = props;
  return (
    <form method="post" action={`${props.action}?lang=${ctx.locale}`} enctype={props.multipart ? 'multipart/form-data' : undefined}>
      {props.heading ? (
        <h3 class="ds-heading" data-size="xs" safe>
          {props.heading}
        </h3>
      ) : (
        ''
      )}
      <CsrfField ctx={ctx} />
      <input type="hidden" name="version" value={String(props.version)} />
      {props.children ?? ''}
      <button
        class="ds-button"
        type="submit"
        data-variant={variant === 'primary' ? undefined : variant}
        data-size={variant === 'tertiary' ? 'sm' : undefined}
        safe
      >
        {props.submit}
      </button>
    </form>
  );
}
