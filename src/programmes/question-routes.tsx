/** The owner's questions and answers on a call over HTTP: the list, a new entry, editing and publishing one. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, formVersion } from '../platform/http/input.js';
import { HttpProblem, notFound } from '../platform/http/problems.js';
import { isRefused } from '../platform/outcome.js';
import type { FieldError } from '../platform/ui/components.js';
import { canManage } from './model.js';
import { OwnerQuestionsPage, QuestionEditPage } from './pages/questions.js';
import type { CallQuestion } from './questions.js';
import { formBody, idParams, managedCall, OWNER, refused, textOf } from './route-kit.js';
import { findCall, type StoredCall } from './store/calls.js';
import { findQuestion, listQuestions } from './store/questions.js';
import { changeCallQuestion, writeQuestion } from './use-cases/questions.js';

export async function questionRoutes(app: FastifyInstance) {
  const db = app.database.db;

  async function renderQuestions(
    _request: FastifyRequest,
    response: FastifyReply,
    call: StoredCall,
    values = { question: '', answer: '' },
    errors: FieldError[] = [],
    status = 200,
  ) {
    response.code(status);
    return response.html(
      <OwnerQuestionsPage
        ctx={response.pageContext()}
        call={call}
        questions={await listQuestions(db, call.id)}
        values={values}
        errors={errors}
      />,
    );
  }

  app.get('/eier/utlysninger/:id/sporsmal', { config: { access: OWNER }, schema: { params: idParams } }, async (request, response) => {
    const call = await managedCall(db, request);
    if (call.status === 'draft') throw notFound();
    return renderQuestions(request, response, call);
  });

  app.post(
    '/eier/utlysninger/:id/sporsmal',
    { config: { access: OWNER }, schema: { params: idParams, body: formBody } },
    async (request, response) => {
      const call = await managedCall(db, request);
      if (call.status === 'draft') throw notFound();
      const body = (request.body ?? {}) as Record<string, unknown>;
      const values = { question: textOf(body, 'question'), answer: textOf(body, 'answer') };
      const written = await writeQuestion(db, call.id, values, textOf(body, 'action') === 'publish', actorOf(request));
      if (isRefused(written))
        return refused(response, written.problem, (errors, status) => renderQuestions(request, response, call, values, errors, status));
      return response.redirect(`/eier/utlysninger/${call.id}/sporsmal?lang=${request.locale}`, 303);
    },
  );

  async function managedQuestion(request: FastifyRequest): Promise<{ entry: CallQuestion; call: StoredCall }> {
    const entry = await findQuestion(db, (request.params as { id: string }).id);
    if (!entry) throw notFound();
    const call = await findCall(db, entry.callId);
    if (!call) throw notFound();
    if (!canManage(request.principal, call.programme.ownerOrganisationId)) throw new HttpProblem(403);
    return { entry, call };
  }

  app.get('/eier/sporsmal/:id', { config: { access: OWNER }, schema: { params: idParams } }, async (request, response) => {
    const { entry, call } = await managedQuestion(request);
    const notice = (request.query as { saved?: string }).saved ? request.t('programmes.qa.saved') : undefined;
    return response.html(
      <QuestionEditPage
        ctx={response.pageContext()}
        call={call}
        entry={entry}
        values={{ question: entry.question, answer: entry.answer }}
        errors={[]}
        notice={notice}
      />,
    );
  });

  app.post('/eier/sporsmal/:id', { config: { access: OWNER }, schema: { params: idParams, body: formBody } }, async (request, response) => {
    const { entry, call } = await managedQuestion(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const version = formVersion(body);
    const values = { question: textOf(body, 'question'), answer: textOf(body, 'answer') };
    const action = textOf(body, 'action');
    if (action !== 'edit' && action !== 'publish' && action !== 'unpublish') throw new HttpProblem(400, 'unknown action');
    const changed = await changeCallQuestion(db, entry.id, version, action, values, actorOf(request), { jobs: app.jobs });
    if (isRefused(changed)) {
      const conflict = changed.problem.kind === 'versionConflict';
      const current = conflict ? ((await findQuestion(db, entry.id)) ?? entry) : entry;
      return refused(response, changed.problem, (errors, status) => {
        response.code(status);
        return response.html(
          <QuestionEditPage
            ctx={response.pageContext()}
            call={call}
            entry={current}
            values={values}
            errors={conflict ? [] : errors}
            conflict={conflict}
          />,
        );
      });
    }
    return response.redirect(`/eier/sporsmal/${entry.id}?lang=${request.locale}&saved=1`, 303);
  });
}
