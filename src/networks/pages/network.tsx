/**
 * A benchmarking network's own page, for its members (an invited municipality sees who is in it and
 * answers): members and contacts, the key figures side by side with outliers said in words, the
 * network's own figures with each member's values, and the forms each member may use.
 */
import { formatNumber, type Locale, type Translate } from '../../platform/i18n/index.js';
import { CsrfField, ErrorSummary, PageHeading, SuccessNotice, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Select, TextArea, TextField } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import type { ComparedCell, KeyFigureRow, OwnFigureTable } from '../comparison.js';
import { figureLabel, unitLabel } from '../key-figure-view.js';
import { MAX_MEMBERS, MIN_MEMBERS } from '../model.js';
import type { StoredAction, StoredMember, StoredNetwork, StoredOwnValue } from '../store.js';
import { actionWorkflow, membershipWorkflow } from '../workflows.js';

/** An improvement action as shown: its member, its figure in words and the figure's latest value. */
export interface ActionView {
  readonly action: StoredAction;
  readonly municipality: string;
  readonly figure: string;
  readonly digits: number;
  readonly now: { year: number; value: number } | undefined;
}

export interface NetworkPageProps {
  ctx: PageContext;
  network: StoredNetwork;
  members: readonly StoredMember[];
  /** The viewer's municipality and its state in the network. */
  viewer: StoredMember;
  isCoordinator: boolean;
  /** Municipalities of the network's country that may be invited. */
  invitable: readonly { code: string; name: string }[];
  keyFigures: readonly KeyFigureRow[];
  ownFigures: readonly OwnFigureTable[];
  /** The viewer's own values, for the version each form was read at. */
  ownValues: readonly StoredOwnValue[];
  currentYear: number;
  actions: readonly ActionView[];
  /** What an action may name as the figure it should move. */
  figureOptions: readonly { value: string; label: string }[];
  values?: Record<string, string>;
  errors?: readonly FieldError[];
  notice?: string | undefined;
}

export function NetworkPage(props: NetworkPageProps) {
  const { ctx, network, members, viewer, errors = [], notice } = props;
  const { t } = ctx;
  const joined = members.filter((m) => membershipWorkflow.isIn('member', m.state));
  const coordinator = members.find((m) => m.code === network.coordinatorCode)?.name ?? '';
  const isMember = membershipWorkflow.isIn('member', viewer.state);
  return (
    <Layout
      ctx={ctx}
      title={network.name}
      crumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('networks.networks.nav'), href: `/nettverk?lang=${ctx.locale}` },
        { label: network.name },
      ]}
    >
      <PageHeading title={network.name} lead={t('networks.network.lead', { coordinator, members: joined.length, max: MAX_MEMBERS })} />
      <SuccessNotice text={notice} />
      <ErrorSummary ctx={ctx} errors={[...errors]} />
      <p class="ds-paragraph" data-size="sm" safe>
        {t('networks.network.private')}
      </p>
      {joined.length < MIN_MEMBERS ? (
        <p class="ds-paragraph" safe>
          {t('networks.network.tooFew', { min: MIN_MEMBERS })}
        </p>
      ) : (
        ''
      )}
      <Members {...props} />
      {viewer.state === 'invited' ? <Answer ctx={ctx} network={network} viewer={viewer} /> : ''}
      {isMember ? (
        <>
          <KeyFigures ctx={ctx} rows={props.keyFigures} members={joined} />
          <OwnFigures {...props} members={joined} />
          <Actions {...props} />
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

function Members({ ctx, network, members, isCoordinator, invitable, values = {}, errors = [] }: NetworkPageProps) {
  const { t } = ctx;
  return (
    <section aria-labelledby="members-heading" id="actions" tabindex="-1">
      <h2 class="ds-heading" data-size="sm" id="members-heading" safe>
        {t('networks.members.heading')}
      </h2>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby="members-heading">
        <table class="ds-table" data-border>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('networks.col.municipality')}
              </th>
              <th scope="col" safe>
                {t('networks.col.state')}
              </th>
              <th scope="col" safe>
                {t('networks.col.contact')}
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr>
                <th scope="row" safe>
                  {m.name}
                </th>
                <td safe>{membershipWorkflow.name(m.state, 'staff', ctx.locale)}</td>
                <td safe>{m.contactName ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {isCoordinator && invitable.length > 0 ? (
        <form method="post" action={`/nettverk/${network.id}/inviter?lang=${ctx.locale}`}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="version" value={String(network.version)} />
          <Select
            id="municipality"
            label={t('networks.invite.municipality')}
            value={values.municipality ?? ''}
            options={invitable.map((m) => ({ value: m.code, label: m.name }))}
            error={errors.find((e) => e.field === 'municipality')?.message}
          />
          <button class="ds-button" type="submit" data-variant="secondary" safe>
            {t('networks.invite.submit')}
          </button>
        </form>
      ) : (
        ''
      )}
    </section>
  );
}

function Answer({ ctx, network, viewer }: { ctx: PageContext; network: StoredNetwork; viewer: StoredMember }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="answer-heading" class="ds-card">
      <h2 class="ds-heading" data-size="sm" id="answer-heading" safe>
        {t('networks.answer.heading', { municipality: viewer.name })}
      </h2>
      <div class="inline-list">
        {(['accept', 'decline'] as const).map((answer) => (
          <form method="post" action={`/nettverk/${network.id}/${answer === 'accept' ? 'bli-med' : 'takk-nei'}?lang=${ctx.locale}`}>
            <CsrfField ctx={ctx} />
            <button class="ds-button" type="submit" data-variant={answer === 'accept' ? 'primary' : 'secondary'} safe>
              {t(`networks.answer.${answer}`)}
            </button>
          </form>
        ))}
      </div>
    </section>
  );
}

function cellText(locale: Locale, cell: ComparedCell, digits: number): string {
  return cell.value === null ? '–' : formatNumber(locale, cell.value, digits);
}

function OutlierNote({ t, locale, cell, digits }: { t: Translate; locale: Locale; cell: ComparedCell; digits: number }) {
  if (!cell.outlier) return '';
  const words = {
    deviations: formatNumber(locale, Math.abs(cell.outlier.deviations), 1),
    mean: formatNumber(locale, cell.outlier.mean, digits),
  };
  return (
    <strong class="outlier" safe>
      {t(cell.outlier.deviations > 0 ? 'networks.outlier.above' : 'networks.outlier.below', words)}
    </strong>
  );
}

function KeyFigures({ ctx, rows, members }: { ctx: PageContext; rows: readonly KeyFigureRow[]; members: readonly StoredMember[] }) {
  const { t, locale } = ctx;
  return (
    <section aria-labelledby="compare-heading">
      <h2 class="ds-heading" data-size="sm" id="compare-heading" safe>
        {t('networks.compare.heading')}
      </h2>
      <p class="ds-paragraph" safe>
        {t('networks.compare.lead')}
      </p>
      <p class="ds-paragraph" data-size="sm" safe>
        {t('networks.outlier.rule')}
      </p>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby="compare-heading">
        <table class="ds-table" data-border>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('networks.col.figure')}
              </th>
              {members.map((m) => (
                <th scope="col" safe>
                  {m.name}
                </th>
              ))}
              <th scope="col" safe>
                {t('networks.col.network')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <th scope="row">
                  <a class="ds-link" href={`#fig-${row.figure.key}`} id={`fig-${row.figure.key}`} safe>
                    {t('networks.compare.year', { figure: figureLabel(t, row.figure), year: row.year })}
                  </a>
                  <br />
                  <small safe>{unitLabel(t, row.figure)}</small>
                </th>
                {row.cells.map((cell) => (
                  <td>
                    <span safe>{cellText(locale, cell, row.figure.fractionDigits)}</span>
                    {cell.outlier ? <br /> : ''}
                    <OutlierNote t={t} locale={locale} cell={cell} digits={row.figure.fractionDigits} />
                  </td>
                ))}
                <td safe>{row.network === null ? '–' : formatNumber(locale, row.network, row.figure.fractionDigits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="ds-paragraph" data-size="sm">
        <a class="ds-link" href={`/nokkeltall?lang=${locale}`} safe>
          {t('networks.index.title')}
        </a>
      </p>
    </section>
  );
}

function OwnFigures(props: NetworkPageProps & { members: readonly StoredMember[] }) {
  const { ctx, network, members, ownFigures, ownValues, viewer, currentYear, values = {}, errors = [] } = props;
  const { t, locale } = ctx;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const years = Array.from({ length: 6 }, (_, i) => currentYear - i);
  return (
    <section aria-labelledby="own-heading">
      <h2 class="ds-heading" data-size="sm" id="own-heading" safe>
        {t('networks.own.heading')}
      </h2>
      <p class="ds-paragraph" safe>
        {t('networks.own.lead')}
      </p>
      {ownFigures.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('networks.own.none')}
        </p>
      ) : (
        ''
      )}
      {ownFigures.map((table) => (
        <section aria-labelledby={`own-${table.figure.id}`}>
          <h3 class="ds-heading" data-size="xs" id={`own-${table.figure.id}`} safe>
            {table.figure.name}
          </h3>
          <p class="ds-paragraph" safe>
            {table.figure.definition}
          </p>
          <p class="ds-paragraph" data-size="sm" safe>
            {`${t('networks.own.unit', { unit: table.figure.unit })}. ${t('networks.own.source')}`}
          </p>
          {table.years.length > 0 ? (
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby={`own-${table.figure.id}`}>
              <table class="ds-table" data-border>
                <thead>
                  <tr>
                    <th scope="col" safe>
                      {t('networks.col.year')}
                    </th>
                    {members.map((m) => (
                      <th scope="col" safe>
                        {m.name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.years.map((year, y) => (
                    <tr>
                      <th scope="row" safe>
                        {String(year)}
                      </th>
                      {table.rows[y]!.map((cell) => (
                        <td>
                          <span safe>{cellText(locale, cell, 2)}</span>
                          {cell.enteredByName ? (
                            <>
                              <br />
                              <small safe>{t('networks.col.enteredBy', { name: cell.enteredByName })}</small>
                            </>
                          ) : (
                            ''
                          )}
                          {cell.outlier ? <br /> : ''}
                          <OutlierNote t={t} locale={locale} cell={cell} digits={2} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            ''
          )}
          <form method="post" action={`/nettverk/${network.id}/tall/${table.figure.id}?lang=${locale}`} class="ds-card">
            <h4 class="ds-heading" data-size="2xs" safe>
              {t('networks.enter.heading', { municipality: viewer.name })}
            </h4>
            <CsrfField ctx={ctx} />
            {ownValues
              .filter((v) => v.figureId === table.figure.id)
              .map((v) => (
                <input type="hidden" name={`version-${v.year}`} value={String(v.version)} />
              ))}
            <Select
              id={`year-${table.figure.id}`}
              label={t('networks.enter.year')}
              value={values[`year-${table.figure.id}`] ?? String(currentYear - 1)}
              options={years.map((y) => ({ value: String(y), label: String(y) }))}
              error={error(`year-${table.figure.id}`)}
            />
            <TextField
              id={`value-${table.figure.id}`}
              label={t('networks.enter.value')}
              value={values[`value-${table.figure.id}`] ?? ''}
              inputmode="decimal"
              error={error(`value-${table.figure.id}`)}
            />
            <button class="ds-button" type="submit" data-variant="secondary" safe>
              {t('networks.enter.submit')}
            </button>
          </form>
        </section>
      ))}
      <form method="post" action={`/nettverk/${network.id}/tall?lang=${locale}`}>
        <h3 class="ds-heading" data-size="xs" safe>
          {t('networks.define.heading')}
        </h3>
        <CsrfField ctx={ctx} />
        <TextField id="figure-name" label={t('networks.define.name')} value={values['figure-name'] ?? ''} error={error('figure-name')} />
        <TextField id="figure-unit" label={t('networks.define.unit')} value={values['figure-unit'] ?? ''} error={error('figure-unit')} />
        <TextArea
          id="figure-definition"
          label={t('networks.define.definition')}
          value={values['figure-definition'] ?? ''}
          rows={3}
          error={error('figure-definition')}
        />
        <button class="ds-button" type="submit" safe>
          {t('networks.define.submit')}
        </button>
      </form>
    </section>
  );
}

function movementText(t: Translate, locale: Locale, view: ActionView): string {
  const { baselineYear, baselineValue } = view.action;
  if (baselineYear === null || baselineValue === null || !view.now || view.now.year <= baselineYear)
    return t('networks.actions.noMovement');
  return t('networks.actions.movement', {
    before: formatNumber(locale, baselineValue, view.digits),
    from: baselineYear,
    after: formatNumber(locale, view.now.value, view.digits),
    to: view.now.year,
  });
}

function Actions({ ctx, network, viewer, actions, figureOptions, values = {}, errors = [] }: NetworkPageProps) {
  const { t, locale } = ctx;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <section aria-labelledby="actions-heading">
      <h2 class="ds-heading" data-size="sm" id="actions-heading" safe>
        {t('networks.actions.heading')}
      </h2>
      <p class="ds-paragraph" safe>
        {t('networks.actions.lead')}
      </p>
      {actions.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('networks.actions.none')}
        </p>
      ) : (
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="actions-heading">
          <table class="ds-table" data-border>
            <thead>
              <tr>
                {(['municipality', 'state'] as const).map((c) => (
                  <th scope="col" safe>
                    {t(`networks.col.${c}`)}
                  </th>
                ))}
                {(['action', 'figure', 'owner', 'due', 'movement'] as const).map((c) => (
                  <th scope="col" safe>
                    {t(`networks.actions.col.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {actions.map((view) => (
                <tr>
                  <th scope="row" safe>
                    {view.municipality}
                  </th>
                  <td>
                    <span safe>{actionWorkflow.name(view.action.state, 'staff', locale)}</span>
                    {view.action.code === viewer.code && actionWorkflow.isIn('open', view.action.state)
                      ? (['start', 'complete', 'drop'] as const)
                          .filter((step) => !(step === 'start' && view.action.state === 'started'))
                          .map((step) => (
                            <form method="post" action={`/nettverk/${network.id}/tiltak/${view.action.id}/${step}?lang=${locale}`}>
                              <CsrfField ctx={ctx} />
                              <input type="hidden" name="version" value={String(view.action.version)} />
                              <button class="ds-button" type="submit" data-variant="tertiary" data-size="sm" safe>
                                {t(`networks.actions.${step}`)}
                              </button>
                            </form>
                          ))
                      : ''}
                  </td>
                  <td safe>{view.action.action}</td>
                  <td safe>{view.figure}</td>
                  <td safe>{view.action.owner}</td>
                  <td safe>{view.action.due}</td>
                  <td safe>{movementText(t, locale, view)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form method="post" action={`/nettverk/${network.id}/tiltak?lang=${locale}`}>
        <h3 class="ds-heading" data-size="xs" safe>
          {t('networks.actions.record', { municipality: viewer.name })}
        </h3>
        <CsrfField ctx={ctx} />
        <TextArea id="action" label={t('networks.actions.action')} value={values.action ?? ''} rows={3} error={error('action')} />
        <Select
          id="figure"
          label={t('networks.actions.figure')}
          value={values.figure ?? ''}
          options={[...figureOptions]}
          error={error('figure')}
        />
        <TextField id="owner" label={t('networks.actions.owner')} value={values.owner ?? ''} error={error('owner')} />
        <TextField id="due" label={t('networks.actions.due')} value={values.due ?? ''} error={error('due')} />
        <button class="ds-button" type="submit" safe>
          {t('networks.actions.submit')}
        </button>
      </form>
    </section>
  );
}
