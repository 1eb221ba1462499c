/**
 * A network meeting's page, for the network's members: when (on the network's clock) and where, the
 * agenda in order, the notes and the files; the coordinator changes the meeting, writes the notes
 * and uploads files here. And the fields the coordinator plans a meeting with, on the network's page.
 */
import { formatInstant } from '../../platform/i18n/index.js';
import { ErrorSummary, PageHeading, SuccessNotice, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { TextArea, TextField } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { isVideoLink, networkTimeZone, wallClock } from '../model.js';
import { Part, VersionedForm } from './part.js';
import type { StoredMeeting, StoredNetwork } from '../store.js';

/** The zone's name in words and a meeting's time as people read it there. */
export function meetingTime(ctx: PageContext, network: StoredNetwork, at: Date): { time: string; zone: string } {
  const zone = networkTimeZone(network.country);
  return { time: formatInstant(ctx.locale, at, zone), zone: ctx.t(`networks.meeting.zone.${zone}`) };
}

/** Title, time, place and agenda, as filled in (after a refusal) or as the meeting stands. */
export function MeetingFields(props: {
  ctx: PageContext;
  network: StoredNetwork;
  meeting?: StoredMeeting | undefined;
  values: Record<string, string>;
  errors: readonly FieldError[];
}) {
  const { ctx, network, meeting, values, errors } = props;
  const { t } = ctx;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const zone = networkTimeZone(network.country);
  return (
    <>
      <TextField id="title" label={t('networks.meeting.title')} value={values.title ?? meeting?.title ?? ''} error={error('title')} />
      <TextField
        id="starts"
        type="datetime-local"
        label={t('networks.meeting.starts', { zone: t(`networks.meeting.zone.${zone}`) })}
        help={t('networks.meeting.startsHelp')}
        value={values.starts ?? (meeting ? wallClock(meeting.startsAt, zone) : '')}
        error={error('starts')}
      />
      <TextField id="place" label={t('networks.meeting.place')} value={values.place ?? meeting?.place ?? ''} error={error('place')} />
      <TextArea
        id="agenda"
        label={t('networks.meeting.agenda')}
        help={t('networks.meeting.agendaHelp')}
        value={values.agenda ?? meeting?.agenda.join('\n') ?? ''}
        rows={5}
        error={error('agenda')}
      />
    </>
  );
}

/** A place as text, or a video link as a link. */
export function Place({ ctx, place }: { ctx: PageContext; place: string }) {
  return isVideoLink(place) ? (
    <>
      <span safe>{ctx.t('networks.meeting.whereLink')}</span>{' '}
      <a class="ds-link" href={place} safe>
        {place}
      </a>
    </>
  ) : (
    <span safe>{ctx.t('networks.meeting.where', { place })}</span>
  );
}

export interface MeetingPageProps {
  ctx: PageContext;
  network: StoredNetwork;
  meeting: StoredMeeting;
  files: readonly { fileId: string; name: string; addedAt: Date }[];
  isCoordinator: boolean;
  values?: Record<string, string>;
  errors?: readonly FieldError[];
  notice?: string | undefined;
}

export function MeetingPage(props: MeetingPageProps) {
  const { ctx, network, meeting, files, isCoordinator, values = {}, errors = [], notice } = props;
  const { t, locale } = ctx;
  const base = `/nettverk/${network.id}/moter/${meeting.id}`;
  const networkHref = `/nettverk/${network.id}?lang=${locale}`;
  const when = meetingTime(ctx, network, meeting.startsAt);
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <Layout
      ctx={ctx}
      title={meeting.title}
      crumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('networks.networks.nav'), href: `/nettverk?lang=${locale}` },
        { label: network.name, href: networkHref },
        { label: meeting.title },
      ]}
    >
      <PageHeading title={meeting.title} lead={t('networks.meeting.pageLead', { network: network.name, ...when })} />
      <SuccessNotice text={notice} />
      <ErrorSummary ctx={ctx} errors={[...errors]} />
      <p class="ds-paragraph">
        <Place ctx={ctx} place={meeting.place} />
      </p>
      <Part id="agenda" heading={t('networks.meeting.agendaHeading')} empty={meeting.agenda.length === 0 && t('networks.meeting.noAgenda')}>
        {meeting.agenda.length === 0 ? (
          ''
        ) : (
          <ol class="ds-list">
            {meeting.agenda.map((item) => (
              <li safe>{item}</li>
            ))}
          </ol>
        )}
      </Part>
      <Part id="notes" heading={t('networks.meeting.notesHeading')} empty={meeting.notes === null && t('networks.meeting.noNotes')}>
        {(meeting.notes === null ? [] : meeting.notes.split(/\n{2,}/)).map((paragraph) => (
          <p class="ds-paragraph prewrap" safe>
            {paragraph}
          </p>
        ))}
      </Part>
      <Part id="files" heading={t('networks.meeting.filesHeading')} empty={files.length === 0 && t('networks.meeting.noFiles')}>
        {files.length === 0 ? (
          ''
        ) : (
          <ul class="ds-list">
            {files.map((file) => (
              <li>
                <a class="ds-link" href={`${base}/filer/${file.fileId}`} safe>
                  {file.name}
                </a>{' '}
                <small safe>{t('networks.meeting.fileAdded', { time: meetingTime(ctx, network, file.addedAt).time })}</small>
              </li>
            ))}
          </ul>
        )}
      </Part>
      {isCoordinator ? (
        <>
          <VersionedForm
            ctx={ctx}
            action={`${base}/referat`}
            version={meeting.version}
            heading={t('networks.meeting.writeNotes')}
            submit={t('networks.meeting.submitNotes')}
          >
            <TextArea
              id="notes"
              label={t('networks.meeting.notes')}
              help={t('networks.meeting.notesHelp')}
              value={values.notes ?? meeting.notes ?? ''}
              rows={10}
              error={error('notes')}
            />
          </VersionedForm>
          <VersionedForm
            ctx={ctx}
            action={`${base}/filer`}
            version={meeting.version}
            heading={t('networks.meeting.upload')}
            submit={t('networks.meeting.submitUpload')}
            variant="secondary"
            multipart
          >
            <TextField
              id="file"
              type="file"
              label={t('networks.meeting.file')}
              help={t('networks.meeting.fileHelp')}
              value=""
              error={error('file')}
            />
          </VersionedForm>
          <VersionedForm
            ctx={ctx}
            action={base}
            version={meeting.version}
            heading={t('networks.meeting.change')}
            submit={t('networks.meeting.submitChange')}
            variant="secondary"
          >
            <MeetingFields ctx={ctx} network={network} meeting={meeting} values={values} errors={errors} />
          </VersionedForm>
        </>
      ) : (
        ''
      )}
      <p class="ds-paragraph">
        <a class="ds-link" href={networkHref} safe>
          {t('networks.meeting.back', { network: network.name })}
        </a>
      </p>
    </Layout>
  );
}
