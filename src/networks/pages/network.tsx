/**
 * A benchmarking network's own page, for its members (an invited municipality sees who is in it and
 * answers): members and contacts, the key figures side by side with outliers said in words, the
 * network's own figures with each member's values, and the forms each member may use.
 */
import { formatDay, formatInstant, formatNumber, type Locale, type Translate } from '../../platform/i18n/index.js';
import { CsrfField, ErrorSummary, PageHeading, SuccessNotice, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Select, TextArea, TextField } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { DataTable, type Column } from '../../platform/ui/table.js';
import { figureRefOf, latestValue, type ComparedCell, type KeyFigureRow, type OwnFigureTable } from '../comparison.js';
import type { CountryData } from '../key-figure-service.js';
import { figureLabel, unitLabel } from '../key-figure-view.js';
import { MAX_MEMBERS, MIN_MEMBERS, networkTimeZone, orderMeetings } from '../model.js';
import type { StoredAction, StoredMeeting, StoredMember, StoredNetwork, StoredOwnFigure, StoredOwnValue } from '../store.js';
import { MeetingFields, meetingTime, Place } from './meeting.js';
import { Part, VersionedForm } from './part.js';
import { actionWorkflow, membershipWorkflow } from '../workflows.js';

/** An improvement action as shown: its member, its figure in words and the figure's latest value. */
export interface ActionView {
  readonly action: StoredAction;
  readonly municipality: string;
  readonly figure: string;
  readonly digits: number;
  readonly now: { year: number; value: number } | undefined;
}

/** The actions as shown, each with its member's name, its figure in words and the figure's latest value (an action whose figure is gone is left out). */
export function actionViews(
  t: Translate,
  actions: readonly StoredAction[],
  members: readonly StoredMember[],
  figures: readonly StoredOwnFigure[],
  values: readonly StoredOwnValue[],
  data: Pick<CountryData, 'observations'>,
): ActionView[] {
  return actions.flatMap((action) => {
    const ref = figureRefOf(action.figureRef, figures);
    if (!ref) return [];
    return [
      {
        action,
        municipality: members.find((m) => m.code === action.code)?.name ?? '',
        figure: ref.kind === 'key' ? figureLabel(t, ref.figure) : ref.figure.name,
        digits: ref.kind === 'key' ? ref.figure.fractionDigits : 2,
        now: latestValue(ref, data.observations, values, action.code),
      },
    ];
  });
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
  meetings: readonly StoredMeeting[];
  now: Date;
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
          <Meetings {...props} />
          <Summary {...props} />
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
      <DataTable
        scrollLabel={t('networks.members.heading')}
        border
        rows={members}
        columns={[
          { header: t('networks.col.municipality'), rowHeader: true, text: (m) => m.name },
          { header: t('networks.col.state'), text: (m) => membershipWorkflow.name(m.state, 'staff', ctx.locale) },
          { header: t('networks.col.contact'), text: (m) => m.contactName ?? '' },
        ]}
      />
      {isCoordinator && invitable.length > 0 ? (
        <VersionedForm
          ctx={ctx}
          action={`/nettverk/${network.id}/inviter`}
          version={network.version}
          submit={t('networks.invite.submit')}
          variant="secondary"
        >
          <Select
            id="municipality"
            label={t('networks.invite.municipality')}
            value={values.municipality ?? ''}
            options={invitable.map((m) => ({ value: m.code, label: m.name }))}
            error={errors.find((e) => e.field === 'municipality')?.message}
          />
        </VersionedForm>
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

/** A member's value in a comparison, with who entered it when a member did. */
type Cell = ComparedCell & { readonly enteredByName?: string };

/** A member's value in a comparison: the number (– when none), who entered it, and why it stands out. */
function ValueCell({ ctx, cell, digits }: { ctx: PageContext; cell: Cell; digits: number }) {
  const { t, locale } = ctx;
  const outlier = cell.outlier
    ? t(cell.outlier.deviations > 0 ? 'networks.outlier.above' : 'networks.outlier.below', {
        deviations: formatNumber(locale, Math.abs(cell.outlier.deviations), 1),
        mean: formatNumber(locale, cell.outlier.mean, digits),
      })
    : undefined;
  return (
    <>
      <span safe>{cell.value === null ? '–' : formatNumber(locale, cell.value, digits)}</span>
      {cell.enteredByName ? (
        <>
          <br />
          <small safe>{t('networks.col.enteredBy', { name: cell.enteredByName })}</small>
        </>
      ) : (
        ''
      )}
      {outlier ? (
        <>
          <br />
          <strong class="outlier" safe>
            {outlier}
          </strong>
        </>
      ) : (
        ''
      )}
    </>
  );
}

/** One column per member, each cell the member's value in that row. */
function memberColumns<Row>(
  ctx: PageContext,
  members: readonly StoredMember[],
  cells: (row: Row) => readonly Cell[],
  digits: (row: Row) => number,
): Column<Row>[] {
  return members.map((m, i) => ({
    header: m.name,
    cell: (row: Row) => <ValueCell ctx={ctx} cell={cells(row)[i]!} digits={digits(row)} />,
  }));
}

function KeyFigures({ ctx, rows, members }: { ctx: PageContext; rows: readonly KeyFigureRow[]; members: readonly StoredMember[] }) {
  const { t, locale } = ctx;
  return (
    <Part id="compare" heading={t('networks.compare.heading')} lead={t('networks.compare.lead')}>
      <p class="ds-paragraph" data-size="sm" safe>
        {t('networks.outlier.rule')}
      </p>
      <DataTable
        scrollLabel={t('networks.compare.heading')}
        border
        rows={rows}
        columns={[
          {
            header: t('networks.col.figure'),
            rowHeader: true,
            cell: (row) => (
              <>
                <a class="ds-link" href={`#fig-${row.figure.key}`} id={`fig-${row.figure.key}`} safe>
                  {t('networks.compare.year', { figure: figureLabel(t, row.figure), year: row.year })}
                </a>
                <br />
                <small safe>{unitLabel(t, row.figure)}</small>
              </>
            ),
          },
          ...memberColumns<KeyFigureRow>(
            ctx,
            members,
            (row) => row.cells,
            (row) => row.figure.fractionDigits,
          ),
          {
            header: t('networks.col.network'),
            text: (row) => (row.network === null ? '–' : formatNumber(locale, row.network, row.figure.fractionDigits)),
          },
        ]}
      />
      <p class="ds-paragraph" data-size="sm">
        <a class="ds-link" href={`/nokkeltall?lang=${locale}`} safe>
          {t('networks.index.title')}
        </a>
      </p>
    </Part>
  );
}

function OwnFigures(props: NetworkPageProps & { members: readonly StoredMember[] }) {
  const { ctx, network, members, ownFigures, ownValues, viewer, currentYear, values = {}, errors = [] } = props;
  const { t, locale } = ctx;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const years = Array.from({ length: 6 }, (_, i) => currentYear - i);
  return (
    <Part
      id="own"
      heading={t('networks.own.heading')}
      lead={t('networks.own.lead')}
      empty={ownFigures.length === 0 && t('networks.own.none')}
    >
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
            <DataTable
              scrollLabel={table.figure.name}
              border
              rows={table.years.map((year, y) => ({ year, cells: table.rows[y]! }))}
              columns={[
                { header: t('networks.col.year'), rowHeader: true, text: (row) => String(row.year) },
                ...memberColumns<{ year: number; cells: readonly Cell[] }>(
                  ctx,
                  members,
                  (row) => row.cells,
                  () => 2,
                ),
              ]}
            />
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
    </Part>
  );
}

export function movementText(t: Translate, locale: Locale, view: ActionView): string {
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

/**
 * The columns an improvement action is shown in: its member, status, action, figure and due date
 * (what the public summary shows too), with its owner and the figure's movement for the members.
 */
export function actionColumns(ctx: PageContext, forMembers?: { status: (view: ActionView) => JSX.Element }): Column<ActionView>[] {
  const { t, locale } = ctx;
  const state = (view: ActionView) => actionWorkflow.name(view.action.state, 'staff', locale);
  return [
    { header: t('networks.col.municipality'), rowHeader: true, text: (view) => view.municipality },
    forMembers
      ? {
          header: t('networks.col.state'),
          cell: (view) => (
            <>
              <span safe>{state(view)}</span>
              {forMembers.status(view)}
            </>
          ),
        }
      : { header: t('networks.col.state'), text: state },
    { header: t('networks.actions.col.action'), text: (view) => view.action.action },
    { header: t('networks.actions.col.figure'), text: (view) => view.figure },
    ...(forMembers ? [{ header: t('networks.actions.col.owner'), text: (view: ActionView) => view.action.owner }] : []),
    { header: t('networks.actions.col.due'), text: (view) => formatDay(locale, view.action.due) },
    ...(forMembers ? [{ header: t('networks.actions.col.movement'), text: (view: ActionView) => movementText(t, locale, view) }] : []),
  ];
}

function Actions({ ctx, network, viewer, actions, figureOptions, values = {}, errors = [] }: NetworkPageProps) {
  const { t, locale } = ctx;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const steps = (view: ActionView) =>
    view.action.code === viewer.code && view.action.state === 'completed' ? (
      <a class="ds-link" href={`/kunnskapsbank/ny/fra-tiltak/${view.action.id}?lang=${locale}`} safe>
        {t('networks.actions.toCase')}
      </a>
    ) : view.action.code === viewer.code && actionWorkflow.isIn('open', view.action.state) ? (
      <>
        {(['start', 'complete', 'drop'] as const)
          .filter((step) => !(step === 'start' && view.action.state === 'started'))
          .map((step) => (
            <VersionedForm
              ctx={ctx}
              action={`/nettverk/${network.id}/tiltak/${view.action.id}/${step}`}
              version={view.action.version}
              submit={t(`networks.actions.${step}`)}
              variant="tertiary"
            />
          ))}
      </>
    ) : (
      ''
    );
  return (
    <Part
      id="actions"
      heading={t('networks.actions.heading')}
      lead={t('networks.actions.lead')}
      empty={actions.length === 0 && t('networks.actions.none')}
    >
      {actions.length === 0 ? (
        ''
      ) : (
        <DataTable scrollLabel={t('networks.actions.heading')} border rows={actions} columns={actionColumns(ctx, { status: steps })} />
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
    </Part>
  );
}

function MeetingList({
  ctx,
  network,
  meetings,
  heading,
}: {
  ctx: PageContext;
  network: StoredNetwork;
  meetings: readonly StoredMeeting[];
  heading: string;
}) {
  if (meetings.length === 0) return '';
  return (
    <>
      <h3 class="ds-heading" data-size="xs" safe>
        {heading}
      </h3>
      <ul class="ds-list">
        {meetings.map((meeting) => (
          <li>
            <a class="ds-link" href={`/nettverk/${network.id}/moter/${meeting.id}?lang=${ctx.locale}`} safe>
              {meeting.title}
            </a>
            <br />
            <span safe>{meetingTime(ctx, network, meeting.startsAt).time}</span> · <Place ctx={ctx} place={meeting.place} />
          </li>
        ))}
      </ul>
    </>
  );
}

function Meetings({ ctx, network, meetings, now, isCoordinator, values = {}, errors = [] }: NetworkPageProps) {
  const { t } = ctx;
  const { upcoming, past } = orderMeetings(meetings, now);
  return (
    <Part
      id="meetings"
      heading={t('networks.meeting.heading')}
      lead={t('networks.meeting.lead', { zone: t(`networks.meeting.zone.${networkTimeZone(network.country)}`) })}
      empty={meetings.length === 0 && t('networks.meeting.none')}
    >
      <MeetingList ctx={ctx} network={network} meetings={upcoming} heading={t('networks.meeting.upcoming')} />
      <MeetingList ctx={ctx} network={network} meetings={past} heading={t('networks.meeting.past')} />
      {isCoordinator ? (
        <VersionedForm
          ctx={ctx}
          action={`/nettverk/${network.id}/moter`}
          version={network.version}
          heading={t('networks.meeting.plan')}
          submit={t('networks.meeting.submitPlan')}
        >
          <MeetingFields ctx={ctx} network={network} values={values} errors={errors} />
        </VersionedForm>
      ) : (
        ''
      )}
    </Part>
  );
}

function Summary({ ctx, network, isCoordinator, values = {}, errors = [] }: NetworkPageProps) {
  const { t, locale } = ctx;
  const publicHref = `/nettverk/publiserte/${network.id}?lang=${locale}`;
  return (
    <Part id="summary" heading={t('networks.summary.heading')} lead={t('networks.summary.lead')}>
      {network.summaryPublishedAt ? (
        <p class="ds-paragraph">
          <span safe>
            {t('networks.summary.published', {
              time: formatInstant(locale, network.summaryPublishedAt, networkTimeZone(network.country)),
            })}
          </span>{' '}
          <a class="ds-link" href={publicHref} safe>
            {t('networks.summary.view')}
          </a>
        </p>
      ) : (
        <p class="ds-paragraph" safe>
          {t('networks.summary.notPublished')}
        </p>
      )}
      {isCoordinator ? (
        <>
          <VersionedForm
            ctx={ctx}
            action={`/nettverk/${network.id}/sammendrag`}
            version={network.version}
            submit={t('networks.summary.submit')}
          >
            <TextArea
              id="summary"
              label={t('networks.summary.text')}
              help={t('networks.summary.textHelp')}
              value={values.summary ?? network.summary ?? ''}
              rows={8}
              error={errors.find((e) => e.field === 'summary')?.message}
            />
          </VersionedForm>
          {network.summaryPublishedAt ? (
            <VersionedForm
              ctx={ctx}
              action={`/nettverk/${network.id}/sammendrag/trekk-tilbake`}
              version={network.version}
              submit={t('networks.summary.unpublish')}
              variant="secondary"
            />
          ) : (
            ''
          )}
        </>
      ) : (
        ''
      )}
    </Part>
  );
}
