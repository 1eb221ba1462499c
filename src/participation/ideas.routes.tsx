/** The ideas box over HTTP: parse, authorise, call, render. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access, type Principal } from '../platform/auth/model.js';
import { actorOf, formField, formVersion, idParams } from '../platform/http/input.js';
import { notFound } from '../platform/http/problems.js';
import { isRefused, type Refused } from '../platform/outcome.js';
import type { FieldError } from '../platform/ui/components.js';
import {
  addressFingerprint,
  answerProblems,
  IDEA_LIMITS,
  ideaProblems,
  isIdeaTheme,
  outcomeLinkProblems,
  parseReceiverKey,
  receiverKey,
  type AnswerProblem,
  type IdeaSearch,
} from './ideas.model.js';
import { findIdea, hasSupported, IDEA_PAGE_SIZE, ideaLookAlikes, listComments, listIdeas, listMinistries } from './ideas.store.js';
import {
  commentOnIdea,
  decideOnIdea,
  receiverMembership,
  receiversOf,
  sendIdea,
  supportIdea,
  type IdeaDecision,
  type IdeaRefusal,
} from './ideas.use-cases.js';
import { IDEAS, IdeaPage, ideaPath, IdeasPage, NewIdeaPage, type ReceiverChoice } from './pages/ideas.js';
import { explainIdeaProblem } from './problems.js';
import { listAreas } from './thresholds.js';
import { ideaWorkflow, type IdeaState } from './workflows.js';

const formBody = { type: 'object', additionalProperties: { type: 'string', maxLength: 20_000 } };
const byId = idParams('id');
const DONE = ['sent', 'supported', 'publish', 'refuse', 'consider', 'takeUp', 'notTakeUp', 'hide', 'comment'] as const;
type Done = (typeof DONE)[number];
const isDone = (value: unknown): value is Done => typeof value === 'string' && (DONE as readonly string[]).includes(value);
const PUBLIC_STATES = ideaWorkflow.states.filter((s) => ideaWorkflow.isIn('public', s));
const isPublicState = (value: string): value is IdeaState => (PUBLIC_STATES as readonly string[]).includes(value);

/** The list's filters from the query string: anything unknown is left out, never an error. */
function searchOf(query: Record<string, string | undefined>): IdeaSearch {
  const receiver = query.mottaker ? parseReceiverKey(query.mottaker) : undefined;
  const q = query.q?.trim().slice(0, IDEA_LIMITS.query);
  return {
    ...(receiver ? { receiver } : {}),
    ...(query.tema && isIdeaTheme(query.tema) ? { theme: query.tema } : {}),
    ...(query.status && isPublicState(query.status) ? { state: query.status } : {}),
    ...(q ? { q } : {}),
  };
}

export async function ideaRoutes(app: FastifyInstance) {
  const db = app.database.db;
  const person = (request: FastifyRequest): Principal => request.principal!;

  /** Every receiver an idea can go to: the registry's municipalities and counties, and the platform's ministries. */
  async function receiverChoices(): Promise<ReceiverChoice[]> {
    const { municipalities, counties } = await listAreas(db);
    const ministries = await listMinistries(db);
    return [
      ...ministries.map((m) => ({ key: receiverKey({ kind: 'ministry', code: m.id }), name: m.name, kind: 'ministry' as const })),
      ...counties.map((a) => ({ key: receiverKey(a), name: a.name, kind: 'county' as const })),
      ...municipalities.map((a) => ({ key: receiverKey(a), name: a.name, kind: 'municipality' as const })),
    ];
  }

  const filterQuery = {
    type: 'object',
    properties: Object.fromEntries(['mottaker', 'tema', 'status', 'q'].map((k) => [k, { type: 'string', maxLength: 400 }])),
  };

  app.get(IDEAS, { config: { access: access.public }, schema: { querystring: filterQuery } }, async (request, reply) => {
    const principal = request.principal;
    const search = searchOf(request.query as Record<string, string | undefined>);
    const receivers = principal ? receiversOf(principal) : [];
    return reply.html(
      <IdeasPage
        ctx={reply.pageContext()}
        receivers={await receiverChoices()}
        search={search}
        published={await listIdeas(db, { ...search, states: PUBLIC_STATES })}
        waiting={receivers.length > 0 ? await listIdeas(db, { states: ['submitted'], receivers }) : []}
        mine={principal ? await listIdeas(db, { states: ideaWorkflow.states, authorId: principal.userId }) : []}
        canSend={principal !== null && principal !== undefined}
        max={IDEA_PAGE_SIZE}
      />,
    );
  });

  const newIdeaPage = async (reply: FastifyReply, values: Record<string, string>, errors: FieldError[]) =>
    reply.html(<NewIdeaPage ctx={reply.pageContext()} receivers={await receiverChoices()} values={values} errors={errors} />);

  app.get(`${IDEAS}/ny`, { config: { access: access.signedIn } }, async (request, reply) => {
    const asked = (request.query as { mottaker?: string }).mottaker;
    return newIdeaPage(reply, asked && parseReceiverKey(asked) ? { receiver: asked } : {}, []);
  });

  app.post(`${IDEAS}/ny`, { config: { access: access.signedIn }, schema: { body: formBody } }, async (request, reply) => {
    const values = Object.fromEntries(
      ['receiver', 'theme', 'title', 'description', 'anonymous'].map((field) => [field, formField(request.body, field) ?? '']),
    ) as Record<'receiver' | 'theme' | 'title' | 'description' | 'anonymous', string>;
    const checked = ideaProblems(values);
    if (Array.isArray(checked)) {
      reply.code(400);
      return newIdeaPage(
        reply,
        values,
        checked.map((p) => ({ field: p.field, message: request.t(`participation.idea.problem.${p.code}`) })),
      );
    }
    const sent = await sendIdea(db, person(request), checked, addressFingerprint(request.ip), actorOf(request), { jobs: app.jobs });
    if (isRefused(sent)) {
      const explained = explainIdeaProblem(reply.pageContext(), sent.problem);
      reply.code(explained.status);
      return newIdeaPage(reply, values, [{ field: explained.field ?? 'title', message: explained.message }]);
    }
    return reply.redirect(`${ideaPath(sent)}?lang=${request.locale}&done=sent`, 303);
  });

  /** The idea if the visitor may see it: anyone once published; before that, or hidden, its author and its receiver's people. */
  async function visible(request: FastifyRequest) {
    const idea = await findIdea(db, (request.params as { id: string }).id);
    if (!idea) throw notFound();
    if (ideaWorkflow.isIn('public', idea.state)) return idea;
    const principal = request.principal;
    if (principal && (idea.authorId === principal.userId || receiverMembership(principal, idea))) return idea;
    throw notFound();
  }

  async function renderIdea(request: FastifyRequest, reply: FastifyReply, status: number, errors: FieldError[] = []) {
    const idea = await visible(request);
    const principal = request.principal;
    const open = ideaWorkflow.isIn('open', idea.state);
    const supported = principal && open ? await hasSupported(db, idea.id, principal.userId) : false;
    const answers = principal ? receiverMembership(principal, idea) !== undefined : false;
    const done = (request.query as { done?: string }).done;
    reply.code(status);
    return reply.html(
      <IdeaPage
        ctx={reply.pageContext()}
        idea={idea}
        comments={ideaWorkflow.isIn('public', idea.state) ? await listComments(db, idea.id) : []}
        lookAlikes={answers && idea.state === 'submitted' ? await ideaLookAlikes(db, idea) : []}
        offer={{ support: open && !!principal && !supported, supported, signIn: open && !principal, answer: answers }}
        notice={isDone(done) ? request.t(`participation.idea.done.${done}`) : undefined}
        errors={errors}
      />,
    );
  }

  app.get(`${IDEAS}/:id`, { config: { access: access.public }, schema: { params: byId } }, async (request, reply) =>
    renderIdea(request, reply, 200),
  );

  /** A use case's outcome: back to the page with a notice, or the page again with the refusal at its place and status. */
  async function answer(request: FastifyRequest, reply: FastifyReply, outcome: unknown | Refused<IdeaRefusal>, done: Done) {
    if (isRefused(outcome)) {
      const explained = explainIdeaProblem(reply.pageContext(), outcome.problem as IdeaRefusal);
      if (explained.status === 404) throw notFound();
      return renderIdea(request, reply, explained.status, [{ field: explained.field ?? 'actions', message: explained.message }]);
    }
    return reply.redirect(`${ideaPath((request.params as { id: string }).id)}?lang=${request.locale}&done=${done}`, 303);
  }

  const post = (path: string, handler: (request: FastifyRequest, reply: FastifyReply, id: string) => Promise<unknown>) =>
    app.post(
      `${IDEAS}/:id/${path}`,
      { config: { access: access.signedIn }, schema: { params: byId, body: formBody } },
      async (request, reply) => handler(request, reply, (request.params as { id: string }).id),
    );

  const badAnswer = (request: FastifyRequest, reply: FastifyReply, problems: AnswerProblem[], field?: string) =>
    renderIdea(
      request,
      reply,
      400,
      problems.map((p) => ({ field: field ?? p.field, message: request.t(`participation.idea.problem.${p.code}`) })),
    );

  const decide = (request: FastifyRequest, reply: FastifyReply, id: string, decision: IdeaDecision) =>
    decideOnIdea(db, id, formVersion(request.body), decision, person(request), actorOf(request), { jobs: app.jobs }).then((outcome) =>
      answer(request, reply, outcome, decision.action),
    );

  const path = (action: IdeaDecision['action']) =>
    ({ publish: 'publiser', refuse: 'avvis', consider: 'vurder', takeUp: 'tatt-i-bruk', notTakeUp: 'ikke-tatt-i-bruk', hide: 'skjul' })[
      action
    ];
  /** A decision that carries a reason, read from its own field. */
  const withReason = (field: string, action: 'refuse' | 'notTakeUp' | 'hide') =>
    post(path(action), async (request, reply, id) => {
      const reason = answerProblems(formField(request.body, field) ?? '');
      if (Array.isArray(reason)) return badAnswer(request, reply, reason, field);
      return decide(request, reply, id, { action, reason });
    });

  post('stott', async (request, reply, id) => answer(request, reply, await supportIdea(db, id, person(request)), 'supported'));
  post(path('publish'), async (request, reply, id) => decide(request, reply, id, { action: 'publish' }));
  post(path('consider'), async (request, reply, id) => decide(request, reply, id, { action: 'consider' }));
  withReason('refuseReason', 'refuse');
  withReason('notTakeUpReason', 'notTakeUp');
  withReason('hideReason', 'hide');
  post(path('takeUp'), async (request, reply, id) => {
    const link = outcomeLinkProblems({
      linkUrl: formField(request.body, 'linkUrl') ?? '',
      linkTitle: formField(request.body, 'linkTitle') ?? '',
    });
    if (Array.isArray(link)) return badAnswer(request, reply, link);
    return decide(request, reply, id, { action: 'takeUp', link });
  });
  post('kommentar', async (request, reply, id) => {
    const body = answerProblems(formField(request.body, 'comment') ?? '');
    if (Array.isArray(body)) return badAnswer(request, reply, body, 'comment');
    return answer(request, reply, await commentOnIdea(db, id, body, person(request), actorOf(request), { jobs: app.jobs }), 'comment');
  });
}
