/**
 * The competence centre's questions and answers over HTTP: the public list under each language's
 * name, a municipal case worker's question and own list, and the advisers' list where they answer
 * and publish.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../platform/auth/model.js';
import { actorOf, formFieldAll, formFields, formVersion, isStorableText } from '../platform/http/input.js';
import { forbidden } from '../platform/http/problems.js';
import { isRefused } from '../platform/outcome.js';
import type { FieldError } from '../platform/ui/components.js';
import { translate } from '../platform/ui/translate.js';
import { AskPage, OpenQuestionsPage, MyQuestionsPage, PublishedQuestionsPage, type AskValues } from './pages/questions.js';
import { QUESTION_PATHS } from './pages/search.js';
import { readQuestionForm } from './questions.js';
import { listQuestions } from './questions.store.js';
import { answerQuestion, askQuestion, publishQuestion, type QuestionRefusal } from './questions.use-cases.js';
import { formBody } from './routes.js';
import { listCases } from './store.js';
import { listEntries } from './directory.store.js';

const CASE_WORKER = access.roles('case_worker');
const ADVISER = access.roles('adviser');
const idParams = {
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 } },
  required: ['id'],
} as const;

const STATUS: Record<QuestionRefusal['kind'], 400 | 404 | 409> = {
  questionNotFound: 404,
  answerMissing: 400,
  answerTooLong: 400,
  badText: 400,
  caseNotFound: 400,
  directoryEntryNotFound: 400,
  noConsent: 409,
  wrongStage: 409,
  versionConflict: 409,
};

export async function questionRoutes(app: FastifyInstance) {
  const db = app.database.db;
  const roleOf = (request: FastifyRequest, role: 'adviser' | 'case_worker') => request.principal?.roles.has(role) ?? false;
  /** The municipality a case worker asks for (the first, where they work for several). */
  // The municipal sector asks: a municipality's case worker, or a county authority's (fylkeskommune).
  const municipalityOf = (request: FastifyRequest) =>
    request.principal?.memberships.find((m) => m.role === 'case_worker' && (m.municipalityCode || m.countyCode))?.organisationName;
  const caseChoices = async () =>
    (await listCases(db))
      .map((c) => ({ slug: c.slug, title: c.title, language: c.language }))
      .sort((a, b) => a.title.localeCompare(b.title, 'nb'));
  const entryChoices = async () => (await listEntries(db)).map((e) => ({ slug: e.slug, name: e.name, language: e.language }));

  for (const path of new Set(Object.values(QUESTION_PATHS)))
    app.get(path, { config: { access: access.public } }, async (request, reply) =>
      reply.html(
        <PublishedQuestionsPage
          ctx={reply.pageContext()}
          questions={await listQuestions(db, { states: ['published'] })}
          cases={await caseChoices()}
          entries={await entryChoices()}
          canAsk={municipalityOf(request) !== undefined}
          canAnswer={roleOf(request, 'adviser')}
        />,
      ),
    );

  const renderAsk = (reply: FastifyReply, status: number, values: AskValues, errors: FieldError[]) =>
    reply.code(status).html(<AskPage ctx={reply.pageContext()} values={values} errors={errors} />);

  app.get('/kunnskapsbank/sporsmal/ny', { config: { access: CASE_WORKER } }, async (request, reply) => {
    if (!municipalityOf(request)) throw forbidden();
    return renderAsk(reply, 200, { title: '', question: '', sector: '', theme: '', mayPublish: false }, []);
  });

  app.post('/kunnskapsbank/sporsmal/ny', { config: { access: CASE_WORKER }, schema: { body: formBody } }, async (request, reply) => {
    const organisationName = municipalityOf(request);
    const user = request.principal;
    if (!organisationName || !user) throw forbidden();
    const fields = formFields(request.body);
    const one = (name: string) => {
      const value = fields[name];
      return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
    };
    const values = {
      title: one('title'),
      question: one('question'),
      sector: one('sector'),
      theme: one('theme'),
      mayPublish: one('mayPublish') === 'yes',
    };
    const unstorable = (['title', 'question'] as const).find((field) => !isStorableText(values[field]));
    if (unstorable) return renderAsk(reply, 400, values, [{ field: unstorable, message: request.t('knowledge.problem.badText') }]);
    const draft = readQuestionForm(fields);
    if ('field' in draft)
      return renderAsk(reply, 400, values, [
        { field: draft.field, message: translate(request.locale, `knowledge.problem.${draft.problem}`) },
      ]);
    await askQuestion(
      db,
      draft,
      { organisationName, locale: request.locale },
      { ...actorOf(request), user: { userId: user.userId, name: user.name } },
    );
    return reply.redirect(`/kunnskapsbank/sporsmal/mine?lang=${request.locale}&asked=1`, 303);
  });

  app.get('/kunnskapsbank/sporsmal/mine', { config: { access: CASE_WORKER } }, async (request, reply) => {
    const notice = (request.query as { asked?: string }).asked ? request.t('knowledge.q.sent') : undefined;
    return reply.html(
      <MyQuestionsPage
        ctx={reply.pageContext()}
        questions={await listQuestions(db, { askedByUserId: request.principal!.userId })}
        cases={await caseChoices()}
        entries={await entryChoices()}
        notice={notice}
      />,
    );
  });

  const renderOpen = async (reply: FastifyReply, status: number, notice: string | undefined, errors: FieldError[]) =>
    reply
      .code(status)
      .html(
        <OpenQuestionsPage
          ctx={reply.pageContext()}
          questions={await listQuestions(db, { states: ['asked', 'answered'] })}
          cases={await caseChoices()}
          entries={await entryChoices()}
          notice={notice}
          errors={errors}
        />,
      );

  app.get('/kunnskapsbank/sporsmal/apne', { config: { access: ADVISER } }, async (request, reply) => {
    const done = (request.query as { done?: string }).done;
    const notice =
      done === 'answered' ? request.t('knowledge.q.answered') : done === 'published' ? request.t('knowledge.q.published') : undefined;
    return renderOpen(reply, 200, notice, []);
  });

  const refused = (request: FastifyRequest, reply: FastifyReply, id: string, problem: QuestionRefusal) =>
    renderOpen(reply, STATUS[problem.kind], undefined, [
      { field: `answer-${id}`, message: translate(request.locale, `knowledge.q.problem.${problem.kind}`) },
    ]);

  app.post(
    '/kunnskapsbank/sporsmal/:id/svar',
    { config: { access: ADVISER }, schema: { params: idParams, body: formBody } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const version = formVersion(request.body);
      const text = formFields(request.body)[`answer-${id}`];
      const answered = await answerQuestion(
        db,
        id,
        version,
        {
          text: typeof text === 'string' ? text : '',
          caseSlugs: formFieldAll(request.body, 'cases'),
          directorySlugs: formFieldAll(request.body, 'directory'),
        },
        actorOf(request),
        { jobs: app.jobs },
      );
      if (isRefused(answered)) return refused(request, reply, id, answered.problem);
      return reply.redirect(`/kunnskapsbank/sporsmal/apne?lang=${request.locale}&done=answered`, 303);
    },
  );

  app.post(
    '/kunnskapsbank/sporsmal/:id/publiser',
    { config: { access: ADVISER }, schema: { params: idParams, body: formBody } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const published = await publishQuestion(db, id, formVersion(request.body), actorOf(request));
      if (isRefused(published)) return refused(request, reply, id, published.problem);
      return reply.redirect(`/kunnskapsbank/sporsmal/apne?lang=${request.locale}&done=published`, 303);
    },
  );
}
