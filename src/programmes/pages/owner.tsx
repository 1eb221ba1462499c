import { Layout } from '../../platform/ui/layout.js';
import { CsrfField, ErrorSummary, PageHeading, type FieldError, SuccessNotice } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { CRITERION_ROWS, ROUND_ROWS, type CallFormValues, type FormProblem } from '../call-form.js';
import { callPhase, CONTENT_LANGUAGES, type Programme } from '../model.js';
import { DECISION_BODIES } from '../rules.js';
import type { StoredCall } from '../store/calls.js';
import type { Template } from '../store/templates.js';
import { CALL_TIME_ZONES } from '../time.js';
import { PhaseTag } from './public.js';
import { ExtensionSection, type ExtensionsView } from './extensions.js';
import { Checkbox, Select, TextArea, TextField } from '../../platform/ui/fields.js';
import { translate } from '../../platform/ui/translate.js';
import { fieldErrors } from '../problems.js';

export function OwnerHomePage({
  ctx,
  programmes,
  calls,
  now,
}: {
  ctx: PageContext;
  programmes: Programme[];
  calls: StoredCall[];
  now: Date;
}) {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t('programmes.owner.title')}
      crumbs={[{ label: t('programmes.list.title'), href: `/utlysninger?lang=${ctx.locale}` }, { label: t('programmes.owner.title') }]}
    >
      <PageHeading title={t('programmes.owner.title')} lead={t('programmes.owner.lead')} />
      <p class="ds-paragraph">
        <a class="ds-link" href={`/eier/programmer/ny?lang=${ctx.locale}`} safe>
          {t('programmes.owner.newProgramme')}
        </a>
      </p>
      <p class="ds-paragraph">
        <a class="ds-link" href={`/eier/skjemamaler?lang=${ctx.locale}`} safe>
          {t('programmes.templates.link')}
        </a>
      </p>
      {programmes.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('programmes.owner.none')}
        </p>
      ) : (
        ''
      )}
      {programmes.map((programme) => (
        <section class="ds-card owner-programme" aria-labelledby={`p-${programme.id}`}>
          <h2 class="ds-heading" data-size="sm" id={`p-${programme.id}`} lang={programme.languages[0]} safe>
            {programme.name}
          </h2>
          <p class="ds-paragraph" data-size="sm" safe>
            {programme.ownerName}
          </p>
          <ul class="ds-list">
            {calls
              .filter((call) => call.programmeId === programme.id)
              .map((call) => (
                <li>
                  <a class="ds-link" href={`/eier/utlysninger/${call.id}?lang=${ctx.locale}`} lang={call.content.language} safe>
                    {call.content.title}
                  </a>{' '}
                  <PhaseTag ctx={ctx} phase={callPhase(call, now)} />
                  {call.status === 'draft' ? (
                    ''
                  ) : (
                    <>
                      {' '}
                      <a class="ds-link" href={`/eier/utlysninger/${call.id}/vurdering?lang=${ctx.locale}`} safe>
                        {t('assessment.dashboard.link', { call: call.content.title })}
                      </a>
                      {' · '}
                      <a class="ds-link" href={`/eier/utlysninger/${call.id}/utvelgelse?lang=${ctx.locale}`} safe>
                        {t('selection.owner.link', { call: call.content.title })}
                      </a>
                    </>
                  )}
                </li>
              ))}
          </ul>
          <a
            class="ds-link"
            href={`/eier/programmer/${programme.id}/utlysninger/ny?lang=${ctx.locale}`}
            safe
          >{`${t('programmes.owner.newCall')}: ${programme.name}`}</a>
        </section>
      ))}
    </Layout>
  );
}

export function ProgrammeFormPage({
  ctx,
  values,
  problems,
  owners,
}: {
  ctx: PageContext;
  values: Record<string, string>;
  problems: FormProblem[];
  owners: { id: string; name: string }[];
}) {
  const { t } = ctx;
  const errors = fieldErrors(ctx, problems);
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <Layout
      ctx={ctx}
      title={t('programmes.programme.title')}
      crumbs={[{ label: t('programmes.owner.title'), href: `/eier?lang=${ctx.locale}` }, { label: t('programmes.programme.title') }]}
    >
      <PageHeading title={t('programmes.programme.title')} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`/eier/programmer?lang=${ctx.locale}`} novalidate>
        <CsrfField ctx={ctx} />
        <Select
          id="owner"
          label={t('programmes.programme.owner')}
          value={values.owner ?? ''}
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
          error={error('owner')}
        />
        <TextField id="name" label={t('programmes.programme.name')} value={values.name ?? ''} error={error('name')} />
        <TextArea id="purpose" label={t('programmes.programme.purpose')} value={values.purpose ?? ''} error={error('purpose')} />
        <Select
          id="country"
          label={t('programmes.programme.country')}
          value={values.country ?? 'NO'}
          options={[
            { value: 'NO', label: t('programmes.country.NO') },
            { value: 'DK', label: t('programmes.country.DK') },
          ]}
        />
        <Select
          id="languages"
          label={t('programmes.programme.languages')}
          value={values.languages ?? 'nb'}
          options={CONTENT_LANGUAGES.map((l) => ({ value: l, label: translate(ctx, `language.${l}`) }))}
          error={error('languages')}
        />
        <TextField
          id="periodStart"
          label={t('programmes.programme.periodStart')}
          value={values.periodStart ?? ''}
          error={error('periodStart')}
        />
        <TextField id="periodEnd" label={t('programmes.programme.periodEnd')} value={values.periodEnd ?? ''} error={error('periodEnd')} />
        <TextArea
          id="contacts"
          label={t('programmes.programme.contacts')}
          help={t('programmes.programme.contactsHelp')}
          value={values.contacts ?? ''}
          error={error('contacts')}
          rows={3}
        />
        <button class="ds-button" type="submit" safe>
          {t('programmes.programme.create')}
        </button>
      </form>
    </Layout>
  );
}

export interface CallFormPageProps {
  ctx: PageContext;
  programme: Programme;
  call: StoredCall | undefined;
  values: CallFormValues;
  errors: FieldError[];
  templates: Template[];
  /** Shown above the form after a stale save. */
  conflict?: { name: string; version: number; time: string; base: number; fields: string; status: string } | undefined;
  notice?: string | undefined;
  now: Date;
  /** Late-submission exceptions of a published or closed call. */
  extensions?: ExtensionsView | undefined;
  unansweredQuestions?: number | undefined;
}

export function CallFormPage({
  ctx,
  programme,
  call,
  values,
  errors,
  templates,
  conflict,
  notice,
  now,
  extensions,
  unansweredQuestions,
}: CallFormPageProps) {
  const { t } = ctx;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const value = (key: string) => {
    const v = values[key];
    return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
  };
  const checked = (key: string) => value(key) === 'on';
  const amending = call?.status === 'published';
  const title =
    call === undefined
      ? t('programmes.callForm.newTitle', { programme: programme.name })
      : amending
        ? t('programmes.callForm.amendTitle')
        : t('programmes.callForm.editTitle');
  const action =
    call === undefined
      ? `/eier/programmer/${programme.id}/utlysninger?lang=${ctx.locale}`
      : `/eier/utlysninger/${call.id}?lang=${ctx.locale}`;
  const bodies = Array.isArray(values.decisionBodies) ? values.decisionBodies : values.decisionBodies ? [values.decisionBodies] : [];
  const lang = value('language') || undefined;
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t('programmes.owner.title'), href: `/eier?lang=${ctx.locale}` }, { label: title }]}>
      <PageHeading title={title} />
      {call ? (
        <p class="ds-paragraph">
          <PhaseTag ctx={ctx} phase={callPhase(call, now)} /> <span safe>{t('programmes.owner.version', { version: call.version })}</span>
        </p>
      ) : (
        ''
      )}
      <SuccessNotice text={notice} />
      {conflict ? (
        <div class="ds-alert" data-color="warning" id="conflict" role="alert">
          <h2 class="ds-heading" data-size="xs" safe>
            {t('programmes.conflict.title')}
          </h2>
          <p class="ds-paragraph" safe>
            {t('programmes.conflict.lead', { name: conflict.name, version: conflict.version, time: conflict.time, base: conflict.base })}
          </p>
          {conflict.fields ? (
            <p class="ds-paragraph" safe>
              {t('programmes.conflict.fields', { fields: conflict.fields })}
            </p>
          ) : (
            ''
          )}
          <p class="ds-paragraph" safe>
            {t('programmes.conflict.status', { status: conflict.status })}
          </p>
          <p class="ds-paragraph" safe>
            {t('programmes.conflict.retry')}
          </p>
        </div>
      ) : (
        ''
      )}
      {amending ? (
        <p class="ds-paragraph" safe>
          {t('programmes.callForm.amendLead')}
        </p>
      ) : (
        ''
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        {call ? <input type="hidden" name="version" value={String(call.version)} /> : ''}
        <fieldset class="ds-fieldset">
          <legend class="ds-heading" data-size="xs" safe>
            {t('programmes.callForm.basics')}
          </legend>
          <TextField id="title" label={t('programmes.callForm.title')} value={value('title')} error={error('title')} />
          <TextArea
            id="purpose"
            label={t('programmes.callForm.purpose')}
            value={value('purpose')}
            error={error('purpose')}
            rows={8}
            lang={lang}
          />
          <Select
            id="language"
            label={t('programmes.callForm.language')}
            value={value('language')}
            options={CONTENT_LANGUAGES.map((l) => ({ value: l, label: translate(ctx, `language.${l}`) }))}
            error={error('language')}
          />
          <Select
            id="timeZone"
            label={t('programmes.callForm.timeZone')}
            value={value('timeZone')}
            options={CALL_TIME_ZONES.map((z) => ({ value: z, label: z }))}
            error={error('timeZone')}
          />
          <TextArea id="themes" label={t('programmes.callForm.themes')} value={value('themes')} rows={4} lang={lang} />
          <TextField
            id="budgetAmount"
            label={t('programmes.callForm.budgetAmount')}
            value={value('budgetAmount')}
            error={error('budgetAmount')}
            inputmode="numeric"
          />
          <Select
            id="currency"
            label={t('programmes.callForm.currency')}
            value={value('currency')}
            options={[
              { value: 'NOK', label: 'NOK' },
              { value: 'DKK', label: 'DKK' },
            ]}
          />
          <TextField
            id="quotaMin"
            label={t('programmes.callForm.quotaMin')}
            value={value('quotaMin')}
            error={error('quotaMin')}
            inputmode="numeric"
          />
          <TextField
            id="quotaMax"
            label={t('programmes.callForm.quotaMax')}
            value={value('quotaMax')}
            error={error('quotaMax')}
            inputmode="numeric"
          />
          <Select
            id="templateId"
            label={t('programmes.callForm.template')}
            value={value('templateId')}
            options={[
              { value: '', label: t('programmes.callForm.noTemplate') },
              ...templates.map((tpl) => ({ value: tpl.id, label: tpl.name })),
            ]}
            error={error('templateId')}
          />
        </fieldset>
        <fieldset class="ds-fieldset">
          <legend class="ds-heading" data-size="xs" safe>
            {t('programmes.callForm.rounds')}
          </legend>
          <p class="ds-paragraph" data-size="sm" safe>
            {t('programmes.callForm.roundsHelp')}
          </p>
          {Array.from({ length: ROUND_ROWS }, (_, i) => i + 1).map((n) => (
            <div class="form-row">
              <TextField
                id={`round${n}Opens`}
                type="datetime-local"
                label={t('programmes.callForm.roundOpens', { number: n })}
                value={value(`round${n}Opens`)}
                error={error(`round${n}Opens`)}
              />
              <TextField
                id={`round${n}Closes`}
                type="datetime-local"
                label={t('programmes.callForm.roundCloses', { number: n })}
                value={value(`round${n}Closes`)}
                error={error(`round${n}Closes`)}
              />
              <TextField
                id={`round${n}Expected`}
                label={t('programmes.callForm.roundExpected', { number: n })}
                value={value(`round${n}Expected`)}
                error={error(`round${n}Expected`)}
                inputmode="numeric"
                size={4}
              />
            </div>
          ))}
        </fieldset>
        <fieldset class="ds-fieldset">
          <legend class="ds-heading" data-size="xs" safe>
            {t('programmes.callForm.criteria')}
          </legend>
          <p class="ds-paragraph" data-size="sm" safe>
            {t('programmes.callForm.criteriaHelp')}
          </p>
          {Array.from({ length: CRITERION_ROWS }, (_, i) => i + 1).map((n) => (
            <div class="form-row">
              <TextField
                id={`criterion${n}Title`}
                label={t('programmes.callForm.criterionTitle', { number: n })}
                value={value(`criterion${n}Title`)}
                error={error(`criterion${n}Title`)}
              />
              <TextField
                id={`criterion${n}Weight`}
                label={t('programmes.callForm.criterionWeight', { number: n })}
                value={value(`criterion${n}Weight`)}
                error={error(`criterion${n}Weight`)}
                inputmode="numeric"
                size={4}
              />
              <TextField
                id={`criterion${n}Description`}
                label={t('programmes.callForm.criterionDescription', { number: n })}
                value={value(`criterion${n}Description`)}
              />
            </div>
          ))}
        </fieldset>
        <fieldset class="ds-fieldset" disabled={amending}>
          <legend class="ds-heading" data-size="xs" safe>
            {t('programmes.callForm.rules')}
          </legend>
          <Checkbox
            id="rule-applicant-kind"
            name="rule-applicant-kind"
            label={t('programmes.callForm.ruleKind')}
            checked={checked('rule-applicant-kind')}
          />
          <Checkbox
            id="rule-network-size"
            name="rule-network-size"
            label={t('programmes.callForm.ruleSize')}
            checked={checked('rule-network-size')}
          />
          <TextField
            id="networkMax"
            label={t('programmes.callForm.networkMax')}
            value={value('networkMax')}
            error={error('networkMax')}
            inputmode="numeric"
            size={4}
          />
          <Checkbox id="allowAlone" name="allowAlone" label={t('programmes.callForm.allowAlone')} checked={checked('allowAlone')} />
          <Checkbox
            id="oneApplicationPerRound"
            name="oneApplicationPerRound"
            label={t('programmes.callForm.oneApplicationPerRound')}
            checked={checked('oneApplicationPerRound')}
          />
          <Checkbox
            id="rule-network-population"
            name="rule-network-population"
            label={t('programmes.callForm.rulePopulation')}
            checked={checked('rule-network-population')}
          />
          <TextField
            id="populationMin"
            label={t('programmes.callForm.populationMin')}
            value={value('populationMin')}
            error={error('populationMin')}
            inputmode="numeric"
            size={8}
          />
          <Checkbox
            id="rule-political-decision"
            name="rule-political-decision"
            label={t('programmes.callForm.ruleDecision')}
            checked={checked('rule-political-decision')}
          />
          <fieldset class="ds-fieldset" id="decisionBodies">
            <legend class="ds-label" safe>
              {t('programmes.callForm.decisionBodies')}
            </legend>
            {DECISION_BODIES.map((body) => (
              <Checkbox
                id={`decisionBodies-${body}`}
                name="decisionBodies"
                value={body}
                label={translate(ctx, `programmes.body.${body}`)}
                checked={bodies.includes(body)}
              />
            ))}
            {error('decisionBodies') ? (
              <p class="ds-validation-message" data-color="danger" safe>
                {error('decisionBodies')}
              </p>
            ) : (
              ''
            )}
          </fieldset>
          <Checkbox
            id="rule-required-sections"
            name="rule-required-sections"
            label={t('programmes.callForm.ruleSections')}
            checked={checked('rule-required-sections')}
          />
        </fieldset>
        {amending ? (
          <TextArea id="reason" label={t('programmes.callForm.reason')} value={value('reason')} error={error('reason')} rows={3} />
        ) : (
          ''
        )}
        <button class="ds-button" type="submit" safe>
          {call === undefined
            ? t('programmes.callForm.create')
            : amending
              ? t('programmes.callForm.saveAmend')
              : t('programmes.callForm.save')}
        </button>
      </form>
      {call && call.status !== 'closed' ? (
        <section aria-labelledby="actions-heading" class="owner-actions">
          <h2 class="ds-heading" data-size="sm" id="actions-heading" safe>
            {t('programmes.callForm.actions')}
          </h2>
          <p class="ds-paragraph">
            <a class="ds-link" href={`/utlysninger/${call.id}?lang=${ctx.locale}`} safe>
              {t('programmes.callForm.preview')}
            </a>
          </p>
          {call.status === 'draft' ? (
            <form method="post" action={`/eier/utlysninger/${call.id}/publiser?lang=${ctx.locale}`}>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="version" value={String(call.version)} />
              <button class="ds-button" type="submit" safe>
                {t('programmes.callForm.publish')}
              </button>
            </form>
          ) : (
            <form method="post" action={`/eier/utlysninger/${call.id}/steng?lang=${ctx.locale}`}>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="version" value={String(call.version)} />
              <TextField id="closeReason" label={t('programmes.callForm.closeReason')} value="" />
              <button class="ds-button" data-variant="secondary" type="submit" safe>
                {t('programmes.callForm.close')}
              </button>
            </form>
          )}
        </section>
      ) : (
        ''
      )}
      {call && call.status !== 'draft' ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={`/eier/utlysninger/${call.id}/sporsmal?lang=${ctx.locale}`} safe>
            {t('programmes.qa.owner.link', { count: unansweredQuestions ?? 0 })}
          </a>
        </p>
      ) : (
        ''
      )}
      {call && extensions ? <ExtensionSection ctx={ctx} call={call} view={extensions} errors={errors} now={now} /> : ''}
    </Layout>
  );
}
