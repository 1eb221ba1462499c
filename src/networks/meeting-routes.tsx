/**
 * A network meeting's page and what the coordinator does there (change it, write its notes, upload
 * its files), the files' downloads for the network's members, and what a network publishes for
 * everyone: the list of published networks and each one's summary, readable without signing in.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../platform/auth/model.js';
import { findFile } from '../platform/files/store.js';
import { actorOf, formField, formFields, formFile, formVersion, idParams } from '../platform/http/input.js';
import { notFound } from '../platform/http/problems.js';
import { isRefused, type Refused } from '../platform/outcome.js';
import type { FieldError } from '../platform/ui/components.js';
import type { createKeyFigureService } from './key-figure-service.js';
import {
  checkMeeting,
  checkText,
  MAX_AGENDA_ITEMS,
  MAX_NOTES,
  MEETING_FILE_TYPES,
  networkTimeZone,
  type MeetingDraft,
  type NetworkTimeZone,
} from './model.js';
import { MeetingPage } from './pages/meeting.js';
import { actionViews } from './pages/network.js';
import { PublishedNetworksPage, PublishedSummaryPage } from './pages/published.js';
import { explainProblem } from './problems.js';
import { findMeeting, findNetwork, listActions, listMeetingFiles, listMembers, listOwnFigures, publishedNetworks } from './store.js';
import { addMeetingFile, changeMeeting, isMemberOf, ownMunicipalityCode, type NetworkProblem } from './use-cases.js';
import { membershipWorkflow } from './workflows.js';

const CASE_WORKER = access.roles('case_worker');
const formBody = { type: 'object', additionalProperties: { type: 'string', maxLength: 20_000 } };
const DONE = ['changed', 'notes', 'uploaded'] as const;
type Done = (typeof DONE)[number];
const doneQuery = { type: 'object', properties: { done: { type: 'string', enum: DONE }, lang: { type: 'string' } } } as const;
const meetingParams = idParams('id', 'meetingId');

/** The meeting the form describes, read on the network's clock, or what is wrong said at each field. */
export function meetingDraft(request: FastifyRequest, zone: NetworkTimeZone): MeetingDraft | FieldError[] {
  const field = (name: string) => formField(request.body, name) ?? '';
  const draft = checkMeeting({ title: field('title'), starts: field('starts'), place: field('place'), agenda: field('agenda') }, zone);
  if (!Array.isArray(draft)) return draft;
  return draft.map((p) => ({
    field: p.field,
    message:
      p.code === 'tooManyItems'
        ? request.t('networks.problem.tooManyItems', { max: MAX_AGENDA_ITEMS })
        : request.t(`networks.problem.${p.code}`),
  }));
}

export function meetingRoutes(app: FastifyInstance, keyFigures: ReturnType<typeof createKeyFigureService>) {
  const db = app.database.db;

  /** The meeting, for a case worker of one of the network's members; anyone else finds nothing here. */
  async function memberMeeting(request: FastifyRequest) {
    const { id, meetingId } = request.params as { id: string; meetingId: string };
    const person = request.principal!;
    const network = await findNetwork(db, id);
    if (!network || !(await isMemberOf(db, person, id))) throw notFound();
    const meeting = await findMeeting(db, id, meetingId);
    if (!meeting) throw notFound();
    return { network, meeting, person, isCoordinator: ownMunicipalityCode(person) === network.coordinatorCode };
  }

  async function render(request: FastifyRequest, reply: FastifyReply, status = 200, errors: FieldError[] = []) {
    const { network, meeting, isCoordinator } = await memberMeeting(request);
    const files = await listMeetingFiles(db, meeting.id);
    const { done } = (request.query ?? {}) as { done?: Done };
    const values = Object.fromEntries(
      Object.entries(status === 200 ? {} : formFields(request.body)).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
    );
    reply.code(status);
    return reply.html(
      <MeetingPage
        ctx={reply.pageContext()}
        network={network}
        meeting={meeting}
        files={files}
        isCoordinator={isCoordinator}
        values={values}
        errors={errors}
        notice={done ? request.t(`networks.done.${done}`) : undefined}
      />,
    );
  }

  /** Back to the meeting's page with what was done, or the page again with the refusal said at the form's field. */
  async function answer(request: FastifyRequest, reply: FastifyReply, outcome: unknown, done: Done, field: string) {
    if (isRefused(outcome)) {
      const explained = explainProblem(reply.pageContext(), (outcome as Refused<NetworkProblem>).problem);
      if (explained.status === 404) throw notFound();
      return render(request, reply, explained.status, [{ field, message: explained.message }]);
    }
    const { id, meetingId } = request.params as { id: string; meetingId: string };
    return reply.redirect(`/nettverk/${id}/moter/${meetingId}?lang=${request.locale}&done=${done}`, 303);
  }

  app.get(
    '/nettverk/:id/moter/:meetingId',
    { config: { access: CASE_WORKER }, schema: { params: meetingParams, querystring: doneQuery } },
    (request, reply) => render(request, reply),
  );

  app.post(
    '/nettverk/:id/moter/:meetingId',
    { config: { access: CASE_WORKER }, schema: { params: meetingParams, body: formBody } },
    async (request, reply) => {
      const { network, meeting, person } = await memberMeeting(request);
      const draft = meetingDraft(request, networkTimeZone(network.country));
      if (Array.isArray(draft)) return render(request, reply, 400, draft);
      const ids = { networkId: network.id, meetingId: meeting.id };
      const changed = await changeMeeting(db, person, ids, formVersion(request.body), { draft }, actorOf(request));
      return answer(request, reply, changed, 'changed', 'title');
    },
  );

  app.post(
    '/nettverk/:id/moter/:meetingId/referat',
    { config: { access: CASE_WORKER }, schema: { params: meetingParams, body: formBody } },
    async (request, reply) => {
      const { network, meeting, person } = await memberMeeting(request);
      const notes = checkText(formField(request.body, 'notes') ?? '', MAX_NOTES);
      if (notes === 'required' || notes === 'tooLong')
        return render(request, reply, 400, [{ field: 'notes', message: request.t(`networks.problem.${notes}`) }]);
      const ids = { networkId: network.id, meetingId: meeting.id };
      const written = await changeMeeting(db, person, ids, formVersion(request.body), { notes }, actorOf(request), { jobs: app.jobs });
      return answer(request, reply, written, 'notes', 'notes');
    },
  );

  app.post(
    '/nettverk/:id/moter/:meetingId/filer',
    { config: { access: CASE_WORKER }, schema: { params: meetingParams } },
    async (request, reply) => {
      const { network, meeting, person } = await memberMeeting(request);
      const file = await formFile(request.body, 'file');
      if (!file) return render(request, reply, 400, [{ field: 'file', message: request.t('networks.problem.noFile') }]);
      if (!MEETING_FILE_TYPES.has(file.contentType))
        return render(request, reply, 415, [{ field: 'file', message: request.t('networks.problem.fileType', { name: file.name }) }]);
      const ids = { networkId: network.id, meetingId: meeting.id };
      const added = await addMeetingFile(db, person, ids, formVersion(request.body), file, actorOf(request));
      return answer(request, reply, added, 'uploaded', 'file');
    },
  );

  app.get(
    '/nettverk/:id/moter/:meetingId/filer/:fileId',
    { config: { access: CASE_WORKER }, schema: { params: idParams('id', 'meetingId', 'fileId') } },
    async (request, reply) => {
      const { meeting } = await memberMeeting(request);
      const { fileId } = request.params as { fileId: string };
      const files = await listMeetingFiles(db, meeting.id);
      const file = files.some((f) => f.fileId === fileId) ? await findFile(db, fileId) : undefined;
      if (!file) throw notFound();
      return reply.download(file);
    },
  );

  const config = { access: access.public };
  const langQuery = { type: 'object', properties: { lang: { type: 'string' } } };

  app.get('/nettverk/publiserte', { config, schema: { querystring: langQuery } }, async (_request, reply) =>
    reply.html(<PublishedNetworksPage ctx={reply.pageContext()} networks={await publishedNetworks(db)} />),
  );

  app.get('/nettverk/publiserte/:id', { config, schema: { params: idParams('id'), querystring: langQuery } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const network = await findNetwork(db, id);
    if (!network?.summaryPublishedAt) throw notFound();
    const [members, figures, actions, data] = await Promise.all([
      listMembers(db, id),
      listOwnFigures(db, id),
      listActions(db, id),
      keyFigures.countryData(network.country),
    ]);
    const joined = members.filter((m) => membershipWorkflow.isIn('member', m.state));
    const shown = actions.filter((a) => joined.some((m) => m.code === a.code));
    return reply.html(
      <PublishedSummaryPage
        ctx={reply.pageContext()}
        network={network}
        members={joined}
        // Without the members' own values: the public page never shows them.
        actions={actionViews(request.t, shown, joined, figures, [], data)}
      />,
    );
  });
}
