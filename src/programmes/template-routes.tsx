/** The owner's form templates over HTTP: list, create, edit with a version check, preview. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, formVersion } from '../platform/http/input.js';
import { HttpProblem, notFound } from '../platform/http/problems.js';
import { isRefused } from '../platform/outcome.js';
import type { FieldError } from '../platform/ui/components.js';
import type { FormDefinition } from './form.js';
import { canManage, CONTENT_LANGUAGES, owningOrganisations } from './model.js';
import { NewTemplatePage, TemplateEditPage, TemplateListPage, TemplatePreviewPage, type TemplateEditView } from './pages/templates.js';
import { fieldErrors } from './problems.js';
import { formBody, idParams, OWNER, refused, textOf } from './route-kit.js';
import { listProgrammes } from './store/programmes.js';
import { callsUsingTemplate, findTemplate, listTemplatesOf, type Template } from './store/templates.js';
import { applyEditorOp, definitionFromEditor, editorFromDefinition, readEditor, type EditorValues } from './template-form.js';
import { createTemplate, updateTemplate } from './use-cases/templates.js';

export async function templateRoutes(app: FastifyInstance) {
  const db = app.database.db;

  const ownOrganisations = (request: FastifyRequest) =>
    request.principal!.roles.has('admin') ? 'all' : owningOrganisations(request.principal).map((o) => o.id);

  app.get('/eier/skjemamaler', { config: { access: OWNER } }, async (request, response) => {
    return response.html(
      <TemplateListPage ctx={response.pageContext()} templates={await listTemplatesOf(db, ownOrganisations(request))} />,
    );
  });

  app.get('/eier/skjemamaler/ny', { config: { access: OWNER } }, async (request, response) => {
    const owners = owningOrganisations(request.principal);
    return response.html(
      <NewTemplatePage
        ctx={response.pageContext()}
        owners={owners}
        templates={await listTemplatesOf(db, ownOrganisations(request))}
        values={{ owner: owners[0]?.id ?? '', language: request.locale }}
        errors={[]}
      />,
    );
  });

  app.post('/eier/skjemamaler', { config: { access: OWNER }, schema: { body: formBody } }, async (request, response) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = {
      owner: textOf(body, 'owner'),
      name: textOf(body, 'name').trim().slice(0, 200),
      language: textOf(body, 'language'),
      startFrom: textOf(body, 'startFrom'),
    };
    const owners = owningOrganisations(request.principal);
    const ctx = response.pageContext();
    const errors: FieldError[] = [];
    const owner = owners.find((o) => o.id === values.owner);
    if (!owner) errors.push({ field: 'owner', message: ctx.t('programmes.problem.required') });
    if (values.name === '') errors.push({ field: 'name', message: ctx.t('programmes.problem.required') });
    const source = values.startFrom ? await findTemplate(db, values.startFrom) : undefined;
    if (values.startFrom && (!source || !canManage(request.principal, source.ownerOrganisationId)))
      errors.push({ field: 'startFrom', message: ctx.t('programmes.problem.required') });
    if (errors.length > 0 || !owner) {
      response.code(400);
      return response.html(
        <NewTemplatePage
          ctx={ctx}
          owners={owners}
          templates={await listTemplatesOf(db, ownOrganisations(request))}
          values={values}
          errors={errors}
        />,
      );
    }
    const language = (CONTENT_LANGUAGES as readonly string[]).includes(values.language) ? values.language : 'nb';
    const form: FormDefinition = source?.form ?? {
      sections: [
        {
          key: 'section1',
          title: values.name,
          parts: [{ kind: 'text', key: 'section1.text1', label: values.name, required: true, maxWords: 500 }],
        },
      ],
    };
    const id = await createTemplate(db, owner.id, values.name, language, form, actorOf(request));
    return response.redirect(`/eier/skjemamaler/${id}?lang=${request.locale}`, 303);
  });

  async function managedTemplate(request: FastifyRequest): Promise<Template> {
    const template = await findTemplate(db, (request.params as { id: string }).id);
    if (!template) throw notFound();
    if (!canManage(request.principal, template.ownerOrganisationId)) throw new HttpProblem(403);
    return template;
  }

  async function renderTemplate(
    _request: FastifyRequest,
    response: FastifyReply,
    template: Template,
    view: Partial<TemplateEditView> = {},
    status = 200,
  ) {
    response.code(status);
    const programmes = await listProgrammes(db, [template.ownerOrganisationId]);
    return response.html(
      <TemplateEditPage
        ctx={response.pageContext()}
        view={{
          template,
          name: template.name,
          language: template.language,
          editor: editorFromDefinition(template.form),
          version: template.version,
          errors: [],
          usedBy: await callsUsingTemplate(db, template.id),
          programmes,
          ...view,
        }}
      />,
    );
  }

  app.get('/eier/skjemamaler/:id', { config: { access: OWNER }, schema: { params: idParams } }, async (request, response) => {
    const template = await managedTemplate(request);
    const saved = (request.query as { saved?: string }).saved;
    return renderTemplate(
      request,
      response,
      template,
      saved ? { notice: request.t('programmes.templates.saved', { version: template.version }) } : {},
    );
  });

  app.get('/eier/skjemamaler/:id/forhandsvis', { config: { access: OWNER }, schema: { params: idParams } }, async (request, response) => {
    return response.html(<TemplatePreviewPage ctx={response.pageContext()} template={await managedTemplate(request)} />);
  });

  const templateBody = {
    type: 'object',
    additionalProperties: {
      anyOf: [
        { type: 'string', maxLength: 20_000 },
        { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 200 } },
      ],
    },
    maxProperties: 2000,
  };

  app.post(
    '/eier/skjemamaler/:id',
    { config: { access: OWNER }, schema: { params: idParams, body: templateBody } },
    async (request, response) => {
      const template = await managedTemplate(request);
      const body = (request.body ?? {}) as EditorValues;
      const version = formVersion(body);
      const name = textOf(body, 'name').slice(0, 200);
      const language = (CONTENT_LANGUAGES as readonly string[]).includes(textOf(body, 'language'))
        ? textOf(body, 'language')
        : template.language;
      const op = textOf(body, 'op');
      const editor = readEditor(body);
      const typed = { name, language, version };
      if (op !== 'save')
        return renderTemplate(request, response, template, { ...typed, editor: applyEditorOp(editor, op, body), unsaved: true });
      const { form, problems } = definitionFromEditor(editor);
      const ctx = response.pageContext();
      const errors: FieldError[] = [
        ...(name.trim() === '' ? [{ field: 'name', message: ctx.t('programmes.problem.required') }] : []),
        ...fieldErrors(ctx, problems),
      ];
      if (errors.length > 0) return renderTemplate(request, response, template, { ...typed, editor, errors, unsaved: true }, 400);
      const updated = await updateTemplate(db, template.id, version, form, actorOf(request), { name, language });
      if (isRefused(updated)) {
        const current = (await findTemplate(db, template.id)) ?? template;
        return refused(response, updated.problem, (problemErrors, status) => {
          if (updated.problem.kind !== 'versionConflict')
            return renderTemplate(request, response, current, { ...typed, editor, errors: problemErrors, unsaved: true }, status);
          const conflict = {
            name: updated.problem.changedByName ?? request.t('programmes.templates.someone'),
            version: updated.problem.currentVersion,
            base: version,
          };
          return renderTemplate(
            request,
            response,
            current,
            { ...typed, version: current.version, editor, conflict, unsaved: true },
            status,
          );
        });
      }
      return response.redirect(`/eier/skjemamaler/${template.id}?lang=${request.locale}&saved=1`, 303);
    },
  );
}
