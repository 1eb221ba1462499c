/** An initiative's page (text, progress, signers who show their names, and what the visitor may do) and the drafting form. */
import { formatBytes, formatDay, formatNumber } from '../../platform/i18n/index.js';
import { CsrfField, ErrorSummary, type FieldError, PageHeading, SuccessNotice } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Checkbox, Select, TextArea, TextField } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { TitledList } from './list.js';
import { translate } from '../../platform/ui/translate.js';
import { fileKindOf, INITIATIVE_FILE_LIMITS, INITIATIVE_FILE_TYPES, NORWEGIAN_RULE, REFUSAL_REASONS, progressPercent } from '../model.js';
import type { CoInitiator, InitiativeFile, StoredInitiative } from '../store.js';
import { initiativeWorkflow } from '../workflows.js';
import type { Area } from '../thresholds.js';
import { OVERVIEW } from './overview.js';
import { receiverWords } from '../receiver.js';

const errorOf = (errors: readonly FieldError[], field: string) => errors.find((e) => e.field === field)?.message;
export const initiativePath = (id: string) => `${OVERVIEW}/${id}`;

/** What the visitor may do on the page, decided by the routes. */
export interface Offer {
  sign: boolean;
  withdrawSignature: boolean;
  signIn: boolean;
  confirm: boolean;
  submit: boolean;
  moderate: boolean;
  handIn: boolean;
  /** Record the council's treatment (the municipality, once handed in). */
  treat: boolean;
  /** The signers' list for the municipality (handed in or treated). */
  downloads: boolean;
  /** Hide a published initiative (the municipality). */
  hide: boolean;
  /** Change the draft (its initiator). */
  edit: boolean;
  /** Attach and remove files (the initiator, while a draft). */
  attach: boolean;
}

export function StateTag({ ctx, state, staff }: { ctx: PageContext; state: StoredInitiative['state']; staff?: boolean }) {
  const color = state === 'published' ? 'success' : state === 'refused' || state === 'withdrawn' ? 'danger' : 'neutral';
  return (
    <span class="ds-tag" data-color={color} safe>
      {initiativeWorkflow.name(state, staff ? 'staff' : 'public', ctx.locale)}
    </span>
  );
}

export function InitiativeList({
  ctx,
  id,
  title,
  initiatives,
}: {
  ctx: PageContext;
  id: string;
  title: string;
  initiatives: StoredInitiative[];
}) {
  const { t } = ctx;
  return (
    <TitledList
      ctx={ctx}
      id={id}
      title={title}
      none={t('participation.list.none')}
      titleHeader={t('participation.col.title')}
      pathOf={initiativePath}
      rows={initiatives}
      columns={[
        { header: t('participation.col.area'), text: (i) => receiverWords(ctx.locale, i).receiver },
        { header: t('participation.col.state'), cell: (i) => <StateTag ctx={ctx} state={i.state} /> },
        { header: t('participation.col.signatures'), text: (i) => formatNumber(ctx.locale, i.signatures) },
      ]}
    />
  );
}

export function InitiativePage({
  ctx,
  initiative,
  coInitiators,
  signerNames,
  lookAlikes,
  offer,
  notice,
  errors,
  today,
  files,
}: {
  ctx: PageContext;
  today: string;
  initiative: StoredInitiative;
  files: InitiativeFile[];
  coInitiators: CoInitiator[];
  signerNames: string[];
  lookAlikes: { id: string; title: string }[];
  offer: Offer;
  notice?: string | undefined;
  errors: FieldError[];
}) {
  const { t } = ctx;
  const path = initiativePath(initiative.id);
  const action = (verb: string) => `${path}/${verb}?lang=${ctx.locale}`;
  const isPublic = initiativeWorkflow.isIn('public', initiative.state);
  const words = receiverWords(ctx.locale, initiative);
  const version = <input type="hidden" name="version" value={String(initiative.version)} />;
  return (
    <Layout
      ctx={ctx}
      title={initiative.title}
      crumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('participation.title'), href: `${OVERVIEW}?lang=${ctx.locale}` },
        { label: initiative.title },
      ]}
    >
      <PageHeading title={initiative.title} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <SuccessNotice text={notice} />
      <p class="ds-paragraph">
        <StateTag ctx={ctx} state={initiative.state} />{' '}
        <span
          safe
        >{`${t('participation.col.area')}: ${initiative.areaName}. ${t('participation.detail.initiator')}: ${initiative.initiatorName}.`}</span>
      </p>
      <p class="ds-paragraph" safe>
        {t('participation.detail.receiver', words)}
      </p>
      {initiative.state === 'refused' && initiative.refusalReason ? (
        <p class="ds-paragraph" safe>
          {t('participation.detail.refusedBecause', {
            receiver: words.receiver,
            reason: translate(ctx, `participation.refusal.${initiative.refusalReason}`),
          }) + (initiative.refusalNote ? ` ${initiative.refusalNote}` : '')}
        </p>
      ) : (
        ''
      )}
      <h2 class="ds-heading" data-size="xs" safe>
        {t('participation.detail.proposal')}
      </h2>
      <p class="ds-paragraph prewrap" safe>
        {initiative.proposal}
      </p>
      <h2 class="ds-heading" data-size="xs" safe>
        {t('participation.detail.reason')}
      </h2>
      <p class="ds-paragraph prewrap" safe>
        {initiative.reason}
      </p>
      {files.length > 0 || offer.attach ? (
        <Attachments ctx={ctx} path={path} files={files} attach={offer.attach} version={initiative.version} errors={errors} />
      ) : (
        ''
      )}
      {isPublic ? <Progress ctx={ctx} initiative={initiative} /> : ''}
      {initiative.deadline && initiative.handedInAt ? (
        <p class="ds-paragraph" safe>
          {t('participation.detail.deadline', {
            ...words,
            handedIn: formatDay(ctx.locale, initiative.handedInAt.toISOString().slice(0, 10)),
            deadline: formatDay(ctx.locale, initiative.deadline),
          })}
        </p>
      ) : (
        ''
      )}
      {initiative.state === 'treated' && initiative.treatedMeetingDate ? (
        <section aria-labelledby="treatment">
          <h2 class="ds-heading" data-size="xs" id="treatment" safe>
            {t('participation.treatment.title', words)}
          </h2>
          <p class="ds-paragraph" safe>
            {t('participation.treatment.summary', {
              date: formatDay(ctx.locale, initiative.treatedMeetingDate),
              caseNumber: initiative.treatedCaseNumber ?? '',
            })}
          </p>
          <p class="ds-paragraph prewrap" safe>
            {initiative.treatedDecision ?? ''}
          </p>
          {initiative.treatedMinutesUrl ? (
            <p class="ds-paragraph">
              <a class="ds-link" href={initiative.treatedMinutesUrl} safe>
                {t('participation.treatment.minutes')}
              </a>
            </p>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
      {initiative.state === 'handed_in' && initiative.deadline && initiative.deadline < today ? (
        <p class="ds-paragraph" safe>
          {t('participation.treatment.overdue', { receiver: words.receiver, deadline: formatDay(ctx.locale, initiative.deadline) })}
        </p>
      ) : (
        ''
      )}
      <div id="actions">
        {offer.sign ? (
          <form method="post" action={action('signer')}>
            <CsrfField ctx={ctx} />
            <p class="ds-paragraph" data-size="sm" safe>
              {t('participation.privacy.text')}
            </p>
            <Checkbox id="showName" name="showName" value="yes" label={t('participation.detail.showName')} checked={false} />
            <button class="ds-button" type="submit" safe>
              {t('participation.detail.sign')}
            </button>
          </form>
        ) : (
          ''
        )}
        {offer.withdrawSignature ? (
          <form method="post" action={action('trekk-underskrift')}>
            <CsrfField ctx={ctx} />
            <p class="ds-paragraph" safe>
              {t('participation.detail.signed')}
            </p>
            <button class="ds-button" data-variant="secondary" type="submit" safe>
              {t('participation.detail.withdraw')}
            </button>
          </form>
        ) : (
          ''
        )}
        {offer.signIn ? (
          <p class="ds-paragraph">
            <a class="ds-link" href={`/login?returnTo=${encodeURIComponent(`${path}?lang=${ctx.locale}`)}`} safe>
              {t('participation.detail.signIn')}
            </a>
          </p>
        ) : (
          ''
        )}
        {offer.confirm ? (
          <form method="post" action={action('bekreft')}>
            <CsrfField ctx={ctx} />
            <button class="ds-button" type="submit" safe>
              {t('participation.detail.confirm')}
            </button>
          </form>
        ) : (
          ''
        )}
        {offer.edit ? (
          <p class="ds-paragraph">
            <a class="ds-link" href={action('endre')} safe>
              {t('participation.edit.link')}
            </a>
          </p>
        ) : (
          ''
        )}
        {offer.submit ? (
          <form method="post" action={action('send')}>
            <CsrfField ctx={ctx} />
            {version}
            <button class="ds-button" type="submit" safe>
              {t('participation.detail.submit')}
            </button>
          </form>
        ) : (
          ''
        )}
        {offer.handIn ? (
          <form method="post" action={action('lever')}>
            <CsrfField ctx={ctx} />
            {version}
            <button class="ds-button" type="submit" safe>
              {t('participation.handIn.submit')}
            </button>
          </form>
        ) : (
          ''
        )}
      </div>
      {coInitiators.length > 0 && !isPublic ? (
        <section aria-labelledby="co-initiators">
          <h2 class="ds-heading" data-size="xs" id="co-initiators" safe>
            {t('participation.detail.coInitiators')}
          </h2>
          <ul class="ds-list">
            {coInitiators.map((c) => (
              <li
                safe
              >{`${c.name ?? c.email}: ${c.confirmed ? t('participation.detail.confirmed') : t('participation.detail.pending')}`}</li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {offer.downloads ? (
        <section aria-labelledby="signer-list">
          <h2 class="ds-heading" data-size="xs" id="signer-list" safe>
            {t('participation.signers.title')}
          </h2>
          <p class="ds-paragraph" safe>
            {t('participation.signers.note')}
          </p>
          <ul class="ds-list">
            <li>
              <a class="ds-link" href={`${path}/underskrifter.csv?lang=${ctx.locale}`} safe>
                {t('participation.signers.csv')}
              </a>
            </li>
            <li>
              <a class="ds-link" href={`${path}/underskrifter.pdf?lang=${ctx.locale}`} safe>
                {t('participation.signers.pdf')}
              </a>
            </li>
          </ul>
        </section>
      ) : (
        ''
      )}
      {offer.treat ? (
        <section aria-labelledby="record-treatment">
          <h2 class="ds-heading" data-size="sm" id="record-treatment" safe>
            {t('participation.treatment.title', words)}
          </h2>
          <form method="post" action={action('behandling')}>
            <CsrfField ctx={ctx} />
            {version}
            <TextField id="meetingDate" label={t('participation.treatment.meetingDate')} value="" error={errorOf(errors, 'meetingDate')} />
            <TextField id="caseNumber" label={t('participation.treatment.caseNumber')} value="" error={errorOf(errors, 'caseNumber')} />
            <TextArea id="decision" label={t('participation.treatment.decision')} value="" rows={4} error={errorOf(errors, 'decision')} />
            <TextField
              id="minutesUrl"
              label={t('participation.treatment.minutesUrl')}
              value=""
              type="url"
              error={errorOf(errors, 'minutesUrl')}
            />
            <button class="ds-button" type="submit" safe>
              {t('participation.treatment.submit')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
      {offer.hide ? (
        <section aria-labelledby="hide">
          <h2 class="ds-heading" data-size="sm" id="hide" safe>
            {t('participation.moderate.hideTitle')}
          </h2>
          <form method="post" action={action('skjul')}>
            <CsrfField ctx={ctx} />
            {version}
            <TextArea
              id="hideReason"
              label={t('participation.moderate.hideReason')}
              help={t('participation.moderate.hideHelp')}
              value=""
              rows={2}
              error={errorOf(errors, 'hideReason')}
            />
            <button class="ds-button" data-variant="secondary" type="submit" safe>
              {t('participation.moderate.hide')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
      {offer.moderate ? <Moderation ctx={ctx} initiative={initiative} lookAlikes={lookAlikes} errors={errors} /> : ''}
      {isPublic ? (
        <section aria-labelledby="signers">
          <h2 class="ds-heading" data-size="xs" id="signers" safe>
            {t('participation.detail.signers')}
          </h2>
          {signerNames.length === 0 ? (
            <p class="ds-paragraph" safe>
              {t('participation.detail.noSigners')}
            </p>
          ) : (
            <ul class="ds-list">
              {signerNames.map((name) => (
                <li safe>{name}</li>
              ))}
            </ul>
          )}
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** The initiative's files with their type and size in words, to download; while a draft, its initiator attaches and removes them. */
function Attachments({
  ctx,
  path,
  files,
  attach,
  version,
  errors,
}: {
  ctx: PageContext;
  path: string;
  files: InitiativeFile[];
  attach: boolean;
  version: number;
  errors: FieldError[];
}) {
  const { t } = ctx;
  const error = errorOf(errors, 'file');
  const describe = (f: InitiativeFile) =>
    t('participation.files.item', {
      type: translate(ctx, `participation.fileType.${fileKindOf(f.contentType) ?? 'pdf'}`),
      size: formatBytes(ctx.locale, f.sizeBytes),
    });
  return (
    <section aria-labelledby="files">
      <h2 class="ds-heading" data-size="xs" id="files" safe>
        {t('participation.files.title')}
      </h2>
      {files.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('participation.files.none')}
        </p>
      ) : (
        <ul class="ds-list">
          {files.map((f) => (
            <li>
              <a class="ds-link" href={`${path}/vedlegg/${f.fileId}`} safe>
                {f.name}
              </a>{' '}
              <span safe>{`(${describe(f)})`}</span>
              {attach ? (
                <form method="post" action={`${path}/vedlegg/${f.fileId}/fjern?lang=${ctx.locale}`} class="inline-form">
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="version" value={String(version)} />
                  <button class="ds-button" data-variant="tertiary" type="submit" safe>
                    {t('participation.files.remove', { name: f.name })}
                  </button>
                </form>
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
      )}
      {attach ? (
        <form method="post" action={`${path}/vedlegg?lang=${ctx.locale}`} enctype="multipart/form-data">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="version" value={String(version)} />
          <div class="ds-field">
            <label class="ds-label" for="file" safe>
              {t('participation.files.add')}
            </label>
            <p class="ds-paragraph" data-size="sm" id="file-help" safe>
              {t('participation.files.help', {
                size: formatBytes(ctx.locale, INITIATIVE_FILE_LIMITS.bytes),
                count: INITIATIVE_FILE_LIMITS.files,
              })}
            </p>
            {error ? (
              <p class="ds-validation-message" id="file-error" data-color="danger" safe>
                {error}
              </p>
            ) : (
              ''
            )}
            <input
              class="ds-input"
              type="file"
              id="file"
              name="file"
              accept={Object.keys(INITIATIVE_FILE_TYPES).join(',')}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? 'file-help file-error' : 'file-help'}
            />
          </div>
          <button class="ds-button" data-variant="secondary" type="submit" safe>
            {t('participation.files.upload')}
          </button>
        </form>
      ) : (
        ''
      )}
    </section>
  );
}

function Progress({ ctx, initiative }: { ctx: PageContext; initiative: StoredInitiative }) {
  const { t } = ctx;
  const n = (v: number) => formatNumber(ctx.locale, v);
  const label =
    initiative.threshold === null
      ? t('participation.detail.count', { count: n(initiative.signatures) })
      : t('participation.detail.progress', { signatures: n(initiative.signatures), threshold: n(initiative.threshold) });
  return (
    <section aria-labelledby="progress-label">
      <p class="ds-paragraph" data-size="lg" id="progress-label" safe>
        {label}
      </p>
      {initiative.threshold !== null && initiative.threshold > 0 ? (
        <progress
          class="initiative-progress"
          max="100"
          value={String(progressPercent(initiative.signatures, initiative.threshold))}
          aria-labelledby="progress-label"
        />
      ) : (
        ''
      )}
      {initiative.threshold !== null && initiative.country === 'DK' ? (
        <p class="ds-paragraph" data-size="sm" safe>
          {t('participation.local.source', { name: initiative.areaName })}
        </p>
      ) : initiative.threshold !== null && initiative.population !== null && initiative.populationYear !== null ? (
        <p class="ds-paragraph" data-size="sm" safe>
          {t('participation.detail.thresholdSource', {
            persons: n(initiative.population),
            year: initiative.populationYear,
            cap: n(NORWEGIAN_RULE.cap[initiative.scope]),
          })}
        </p>
      ) : (
        ''
      )}
    </section>
  );
}

function Moderation({
  ctx,
  initiative,
  lookAlikes,
  errors,
}: {
  ctx: PageContext;
  initiative: StoredInitiative;
  lookAlikes: { id: string; title: string }[];
  errors: FieldError[];
}) {
  const { t } = ctx;
  const path = initiativePath(initiative.id);
  const version = <input type="hidden" name="version" value={String(initiative.version)} />;
  return (
    <section aria-labelledby="moderation">
      <h2 class="ds-heading" data-size="sm" id="moderation" safe>
        {t('participation.moderate.title')}
      </h2>
      <h3 class="ds-heading" data-size="xs" safe>
        {t('participation.moderate.lookAlikes')}
      </h3>
      {lookAlikes.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('participation.moderate.noLookAlikes')}
        </p>
      ) : (
        <ul class="ds-list">
          {lookAlikes.map((l) => (
            <li>
              <a class="ds-link" href={`${initiativePath(l.id)}?lang=${ctx.locale}`} safe>
                {l.title}
              </a>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`${path}/publiser?lang=${ctx.locale}`}>
        <CsrfField ctx={ctx} />
        {version}
        <button class="ds-button" type="submit" safe>
          {t('participation.moderate.publish')}
        </button>
      </form>
      <form method="post" action={`${path}/avvis?lang=${ctx.locale}`}>
        <CsrfField ctx={ctx} />
        {version}
        <Select
          id="reason"
          label={t('participation.moderate.reason')}
          value=""
          options={REFUSAL_REASONS.map((r) => ({ value: r, label: translate(ctx, `participation.refusal.${r}`) }))}
          error={errorOf(errors, 'reason')}
        />
        <TextArea id="note" label={t('participation.moderate.note')} value="" rows={3} />
        <button class="ds-button" data-variant="secondary" type="submit" safe>
          {t('participation.moderate.refuse')}
        </button>
      </form>
    </section>
  );
}

export function NewInitiativePage({
  ctx,
  home,
  values,
  errors,
  editing,
}: {
  ctx: PageContext;
  /** The draft being changed, at the version the form was filled in from. */
  editing?: { id: string; version: number };
  home: { municipality?: Area; county?: Area };
  values: Record<string, string>;
  errors: FieldError[];
}) {
  const { t } = ctx;
  const title = editing ? t('participation.edit.title') : t('participation.new.title');
  const scopes = [home.municipality, home.county].filter((a): a is Area => a !== undefined);
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('participation.title'), href: `${OVERVIEW}?lang=${ctx.locale}` },
        { label: title },
      ]}
    >
      <PageHeading title={title} lead={t('participation.new.lead')} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <form
        method="post"
        action={editing ? `${initiativePath(editing.id)}/endre?lang=${ctx.locale}` : `${OVERVIEW}/nytt?lang=${ctx.locale}`}
      >
        <CsrfField ctx={ctx} />
        {editing ? (
          <>
            <input type="hidden" name="version" value={String(editing.version)} />
            <input type="hidden" name="scope" value={values.scope ?? 'municipality'} />
          </>
        ) : (
          <Select
            id="scope"
            label={t('participation.field.scope')}
            value={values.scope ?? 'municipality'}
            options={scopes.map((a) => ({ value: a.kind, label: receiverWords(ctx.locale, { scope: a.kind, areaName: a.name }).receiver }))}
            error={errorOf(errors, 'scope')}
          />
        )}
        {home.municipality?.country === 'DK' && !editing ? (
          <p class="ds-paragraph" data-size="sm" safe>
            {t('participation.problem.noDanishCounty')}
          </p>
        ) : (
          ''
        )}
        <TextField id="title" label={t('participation.field.title')} value={values.title ?? ''} error={errorOf(errors, 'title')} />
        <TextArea
          id="proposal"
          label={t('participation.field.proposal')}
          value={values.proposal ?? ''}
          rows={5}
          error={errorOf(errors, 'proposal')}
        />
        <TextArea
          id="reason"
          label={t('participation.field.reason')}
          value={values.reason ?? ''}
          rows={8}
          error={errorOf(errors, 'reason')}
        />
        <TextArea
          id="coInitiators"
          label={t('participation.field.coInitiators')}
          help={t('participation.field.coInitiatorsHelp')}
          value={values.coInitiators ?? ''}
          rows={3}
          error={errorOf(errors, 'coInitiators')}
        />
        <button class="ds-button" type="submit" safe>
          {editing ? t('participation.edit.submit') : t('participation.new.submit')}
        </button>
      </form>
    </Layout>
  );
}
