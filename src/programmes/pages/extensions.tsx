import { ScrollRegion } from '../../platform/ui/table.js';
import { CsrfField, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { extensionState, type DeadlineExtension } from '../extensions.js';
import type { StoredCall } from '../store/calls.js';
import { Select, TextArea, TextField } from '../../platform/ui/fields.js';
import { formatInstant } from '../../platform/i18n/index.js';
import { extensionWorkflow } from '../workflows.js';

export interface ExtensionsView {
  list: DeadlineExtension[];
  /** The grant form as typed (after a refusal), else empty. */
  values: Record<string, string>;
}

/** The owner's list of late-submission exceptions on a call, each revocable until used, and the grant form. */
export function ExtensionSection({
  ctx,
  call,
  view,
  errors,
  now,
}: {
  ctx: PageContext;
  call: StoredCall;
  view: ExtensionsView;
  errors: FieldError[];
  now: Date;
}) {
  const { t } = ctx;
  const zone = call.content.timeZone;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const value = (key: string) => view.values[key] ?? '';
  return (
    <section aria-labelledby="extensions-heading" id="extensions" class="owner-extensions">
      <h2 class="ds-heading" data-size="sm" id="extensions-heading" safe>
        {t('programmes.extension.title')}
      </h2>
      <p class="ds-paragraph" safe>
        {t('programmes.extension.lead')}
      </p>
      {view.list.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('programmes.extension.none')}
        </p>
      ) : (
        <ScrollRegion label={t('programmes.extension.title')}>
          <table class="ds-table" data-border>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('programmes.extension.municipalityCol')}
                </th>
                <th scope="col" safe>
                  {t('programmes.extension.roundCol')}
                </th>
                <th scope="col" safe>
                  {t('programmes.extension.untilCol')}
                </th>
                <th scope="col" safe>
                  {t('programmes.extension.reasonCol')}
                </th>
                <th scope="col" safe>
                  {t('programmes.extension.grantedCol')}
                </th>
                <th scope="col" safe>
                  {t('programmes.extension.stateCol')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.list.map((extension) => {
                const state = extensionState(extension, now);
                return (
                  <tr id={`extension-${extension.id}`}>
                    <th scope="row" safe>
                      {extension.municipalityName}
                    </th>
                    <td safe>{String(extension.roundIndex + 1)}</td>
                    <td>
                      <time datetime={extension.until} safe>
                        {formatInstant(ctx.locale, extension.until, zone)}
                      </time>
                    </td>
                    <td safe>{extension.reason}</td>
                    <td safe>
                      {t('programmes.extension.grantedBy', {
                        time: formatInstant(ctx.locale, extension.grantedAt, zone),
                        name: extension.grantedByName ?? '–',
                      })}
                    </td>
                    <td>
                      <span class="ds-tag" data-color={state === 'active' ? 'success' : 'neutral'} safe>
                        {extensionWorkflow.name(state, 'staff', ctx.locale)}
                      </span>
                      {extension.revokedAt ? (
                        <p class="ds-paragraph" data-size="sm" safe>
                          {t('programmes.extension.revokedBecause', {
                            time: formatInstant(ctx.locale, extension.revokedAt, zone),
                            reason: extension.revokeReason ?? '',
                          })}
                        </p>
                      ) : (
                        ''
                      )}
                      {extension.revokedAt === null && extension.usedAt === null ? (
                        <form method="post" action={`/eier/utsettelser/${extension.id}/trekk?lang=${ctx.locale}`}>
                          <CsrfField ctx={ctx} />
                          <input type="hidden" name="version" value={String(extension.version)} />
                          <TextField
                            id={`revoke-${extension.id}`}
                            label={t('programmes.extension.revokeReason', { name: extension.municipalityName })}
                            value=""
                            error={error(`revoke-${extension.id}`)}
                          />
                          <button class="ds-button" data-variant="secondary" type="submit" safe>
                            {t('programmes.extension.revoke')}
                          </button>
                        </form>
                      ) : (
                        ''
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {call.status === 'published' ? (
        <form method="post" action={`/eier/utlysninger/${call.id}/utsettelser?lang=${ctx.locale}#extensions`} novalidate>
          <CsrfField ctx={ctx} />
          <h3 class="ds-heading" data-size="xs" safe>
            {t('programmes.extension.grant')}
          </h3>
          <TextField
            id="extension-municipality"
            label={t('programmes.extension.municipality')}
            value={value('extension-municipality')}
            error={error('extension-municipality')}
          />
          <Select
            id="extension-roundIndex"
            label={t('programmes.extension.round')}
            value={value('extension-roundIndex')}
            options={call.content.rounds.map((round, index) => ({
              value: String(index),
              label: t('programmes.extension.roundOption', { number: index + 1, time: formatInstant(ctx.locale, round.closesAt, zone) }),
            }))}
            error={error('extension-roundIndex')}
          />
          <TextField
            id="extension-until"
            type="datetime-local"
            label={t('programmes.extension.until', { zone })}
            value={value('extension-until')}
            error={error('extension-until')}
          />
          <TextArea
            id="extension-reason"
            label={t('programmes.extension.reason')}
            value={value('extension-reason')}
            error={error('extension-reason')}
            rows={3}
          />
          <button class="ds-button" type="submit" safe>
            {t('programmes.extension.grant')}
          </button>
        </form>
      ) : (
        ''
      )}
    </section>
  );
}
