/**
 * Programmes and calls over HTTP: the public list (one page under four names), call pages with the
 * eligibility check, the case worker's question, and the owner's programmes, calls and extensions (the owner's Q&A:
 * question-routes.tsx; templates: template-routes.tsx).
 * Handlers parse, authorise, call a use case and render; a refusal becomes a page in one place (route-kit's `refused`).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../platform/auth/model.js';
import { formatInstant } from '../platform/i18n/index.js';
import { actorOf, formVersion } from '../platform/http/input.js';
import { HttpProblem, notFound } from '../platform/http/problems.js';
import { isUuid } from '../platform/db/kit.js';
import { isRefused } from '../platform/outcome.js';
import type { FieldError } from '../platform/ui/components.js';
import { searchMunicipalities } from '../registry/index.js';
import { EMPTY_CALL_VALUES, parseCallForm, valuesFromContent, type CallFormValues, type FormProblem } from './call-form.js';
import { checkNetwork } from './eligibility.js';
import { extensionState } from './extensions.js';
import {
  callPhase,
  canManage,
  changedFields,
  owningOrganisations,
  programmeProblems,
  type ContactPerson,
  type ContentLanguage,
  type Programme,
} from './model.js';
import { CallFormPage, OwnerHomePage, ProgrammeFormPage } from './pages/owner.js';
import { fieldNames } from './pages/parts.js';
import { CallListPage, CallPage, type ListFilter } from './pages/public.js';
import { fieldErrors, type ProgrammeProblem } from './problems.js';
import { formBody, idParams, managedCall as managedCallOf, OWNER, refused, textOf } from './route-kit.js';
import { questionRoutes } from './question-routes.js';
import { templateRoutes } from './template-routes.js';
import { publicQuestions } from './questions.js';
import {
  contentAtVersion,
  findCall,
  latestVersionInfo,
  listCallsOfProgrammes,
  listChanges,
  listPublicCalls,
  type StoredCall,
} from './store/calls.js';
import { findExtension, listExtensions } from './store/extensions.js';
import { findProgramme, listProgrammes } from './store/programmes.js';
import { listQuestions } from './store/questions.js';
import { findTemplate, listTemplates } from './store/templates.js';
import { localToInstant } from './time.js';
import { amendCall, closeCall, createCall, publishCall, saveCallDraft } from './use-cases/calls.js';
import { grantExtension, revokeExtension } from './use-cases/extensions.js';
import { createProgramme } from './use-cases/programmes.js';
import { askQuestion } from './use-cases/questions.js';
import { callWorkflow } from './workflows.js';

export const CALL_LIST_PATHS = ['/utlysninger', '/utlysingar', '/opslag', '/calls'] as const;
const listQuery = {
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: 200 },
    country: { type: 'string', enum: ['', 'NO', 'DK'] },
    owner: { type: 'string', maxLength: 200 },
    theme: { type: 'string', maxLength: 300 },
    status: { type: 'string', enum: ['', 'open', 'closed'] },
    lang: { type: 'string' },
  },
};
const checkQuery = {
  type: 'object',
  properties: {
    member: {
      anyOf: [
        { type: 'string', pattern: '^[0-9]{3,4}$' },
        { type: 'array', maxItems: 20, items: { type: 'string', pattern: '^[0-9]{3,4}$' } },
      ],
    },
    q: { type: 'string', maxLength: 100 },
    lang: { type: 'string' },
  },
};

/** Filters the public list: free text, country, owner, theme, open now or not. */
export function filterCalls(calls: StoredCall[], filter: ListFilter, now: Date): StoredCall[] {
  const words = filter.q.toLocaleLowerCase('nb').split(/\s+/).filter(Boolean);
  return calls.filter((call) => {
    const haystack = [call.content.title, call.content.purpose, call.programme.name, call.programme.ownerName, ...call.content.themes]
      .join(' ')
      .toLocaleLowerCase('nb');
    if (!words.every((word) => haystack.includes(word))) return false;
    if (filter.country && call.programme.country !== filter.country) return false;
    if (filter.owner && call.programme.ownerName !== filter.owner) return false;
    if (filter.theme && !call.content.themes.includes(filter.theme)) return false;
    const open = callPhase(call, now) === 'open';
    if (filter.status === 'open' && !open) return false;
    if (filter.status === 'closed' && open) return false;
    return true;
  });
}

export async function programmeRoutes(app: FastifyInstance) {
  const db = app.database.db;

  for (const path of CALL_LIST_PATHS) {
    app.get(path, { config: { access: access.public }, schema: { querystring: listQuery } }, async (request, reply) => {
      const query = request.query as Partial<ListFilter>;
      const filter: ListFilter = {
        q: query.q ?? '',
        country: query.country ?? '',
        owner: query.owner ?? '',
        theme: query.theme ?? '',
        status: query.status ?? '',
      };
      const now = new Date();
      const all = (await listPublicCalls(db)).sort(
        (a, b) => Date.parse(b.content.rounds.at(-1)?.closesAt ?? '0') - Date.parse(a.content.rounds.at(-1)?.closesAt ?? '0'),
      );
      return reply.html(
        <CallListPage ctx={reply.pageContext()} calls={filterCalls(all, filter, now)} all={all} filter={filter} now={now} path={path} />,
      );
    });
  }

  /** A published or closed call for everyone; a draft only for those who manage it (the preview). */
  async function visibleCall(request: FastifyRequest): Promise<StoredCall> {
    const { id } = request.params as { id: string };
    const call = await findCall(db, id);
    if (!call) throw notFound();
    if (call.status === 'draft' && !canManage(request.principal, call.programme.ownerOrganisationId)) throw notFound();
    return call;
  }

  /** The call page with its change log and published questions; a case worker may ask on a published call. */
  async function renderCallPage(
    request: FastifyRequest,
    reply: FastifyReply,
    call: StoredCall,
    extra: { check?: Parameters<typeof CallPage>[0]['check']; ask?: { value: string; error: string | undefined; sent: boolean } } = {},
  ) {
    const canAsk = call.status === 'published' && !!request.principal?.roles.has('case_worker');
    const myCodes = new Set(
      (request.principal?.memberships ?? []).filter((m) => m.role === 'case_worker' && m.municipalityCode).map((m) => m.municipalityCode!),
    );
    const now = new Date();
    const startLate =
      canAsk &&
      myCodes.size > 0 &&
      (await listExtensions(db, call.id)).some(
        (e) => myCodes.has(e.municipalityCode) && extensionState(e, now) !== 'revoked' && extensionState(e, now) !== 'expired',
      );
    return reply.html(
      <CallPage
        ctx={reply.pageContext()}
        call={call}
        changes={await listChanges(db, call.id)}
        questions={publicQuestions(await listQuestions(db, call.id))}
        now={new Date()}
        canManage={canManage(request.principal, call.programme.ownerOrganisationId)}
        startLate={startLate}
        check={extra.check}
        ask={canAsk ? (extra.ask ?? { value: '', error: undefined, sent: false }) : undefined}
      />,
    );
  }

  app.get('/utlysninger/:id', { config: { access: access.public }, schema: { params: idParams } }, async (request, reply) => {
    const call = await visibleCall(request);
    const sent = (request.query as { asked?: string }).asked === '1';
    return renderCallPage(request, reply, call, { ask: { value: '', error: undefined, sent } });
  });

  app.get(
    '/utlysninger/:id/sjekk',
    { config: { access: access.public }, schema: { params: idParams, querystring: checkQuery } },
    async (request, reply) => {
      const call = await visibleCall(request);
      const query = request.query as { member?: string | string[]; q?: string };
      const codes = query.member === undefined ? [] : [query.member].flat();
      const text = (query.q ?? '').trim();
      const matches = text ? await searchMunicipalities(db, text, call.programme.country, 20) : [];
      const exact = matches.find(
        (m) => m.code === text || m.names.some((n) => n.name.toLocaleLowerCase('nb') === text.toLocaleLowerCase('nb')),
      );
      if (exact) codes.push(exact.code);
      else if (matches.length === 1) codes.push(matches[0]!.code);
      const chosen = exact || matches.length === 1 ? [] : matches.filter((m) => !codes.includes(m.code));
      const rules = call.status === 'draft' ? call.content.rules : call.snapshot.rules;
      const network = await checkNetwork(db, call.programme.country, rules, codes);
      return renderCallPage(request, reply, call, {
        check: { network, query: chosen.length > 0 || matches.length === 0 ? text : '', matches: chosen },
      });
    },
  );

  // Owner pages --------------------------------------------------------------------------------

  app.get('/eier', { config: { access: OWNER } }, async (request, reply) => {
    const principal = request.principal!;
    const organisations = principal.roles.has('admin') ? 'all' : owningOrganisations(principal).map((o) => o.id);
    const programmes = await listProgrammes(db, organisations);
    const calls = await listCallsOfProgrammes(
      db,
      programmes.map((p) => p.id),
    );
    return reply.html(<OwnerHomePage ctx={reply.pageContext()} programmes={programmes} calls={calls} now={new Date()} />);
  });

  app.get('/eier/programmer/ny', { config: { access: OWNER } }, async (request, reply) => {
    return reply.html(
      <ProgrammeFormPage
        ctx={reply.pageContext()}
        values={{ country: 'NO', languages: request.locale }}
        problems={[]}
        owners={owningOrganisations(request.principal)}
      />,
    );
  });

  app.post('/eier/programmer', { config: { access: OWNER }, schema: { body: formBody } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, string>;
    const values = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)]));
    const owners = owningOrganisations(request.principal);
    const contacts: ContactPerson[] = (values.contacts ?? '')
      .split(/\r?\n/)
      .map((line) => line.split(';').map((part) => part.trim()))
      .filter((parts) => parts[0])
      .map(([name = '', title = '', email = '']) => ({ name, title, email: email || null }));
    const content = {
      name: (values.name ?? '').trim(),
      purpose: values.purpose ?? '',
      country: values.country === 'DK' ? ('DK' as const) : ('NO' as const),
      languages: [(['nb', 'nn', 'da', 'en'].includes(values.languages ?? '') ? values.languages : 'nb') as ContentLanguage],
      periodStart: (values.periodStart ?? '').trim(),
      periodEnd: (values.periodEnd ?? '').trim(),
      contacts,
    };
    const problems: FormProblem[] = programmeProblems(content);
    const owner = owners.find((o) => o.id === values.owner);
    if (!owner) problems.unshift({ field: 'owner', code: 'required' });
    if (problems.length > 0 || !owner) {
      reply.code(400);
      return reply.html(<ProgrammeFormPage ctx={reply.pageContext()} values={values} problems={problems} owners={owners} />);
    }
    const id = await createProgramme(db, owner.id, content, actorOf(request));
    return reply.redirect(`/eier/programmer/${id}/utlysninger/ny?lang=${request.locale}`, 303);
  });

  async function managedProgramme(request: FastifyRequest, id: string): Promise<Programme> {
    const programme = await findProgramme(db, id);
    if (!programme) throw notFound();
    if (!canManage(request.principal, programme.ownerOrganisationId)) throw new HttpProblem(403);
    return programme;
  }

  const managedCall = (request: FastifyRequest) => managedCallOf(db, request);

  app.get('/eier/programmer/:id/utlysninger/ny', { config: { access: OWNER }, schema: { params: idParams } }, async (request, reply) => {
    const programme = await managedProgramme(request, (request.params as { id: string }).id);
    const language = programme.languages[0] ?? 'nb';
    const values = EMPTY_CALL_VALUES(
      language,
      programme.country === 'DK' ? 'Europe/Copenhagen' : 'Europe/Oslo',
      programme.country === 'DK' ? 'DKK' : 'NOK',
    );
    const chosen = (request.query as { mal?: string }).mal;
    const template = chosen ? await findTemplate(db, chosen) : undefined;
    if (template && template.ownerOrganisationId === programme.ownerOrganisationId) values.templateId = template.id;
    return reply.html(
      <CallFormPage
        ctx={reply.pageContext()}
        programme={programme}
        call={undefined}
        values={values}
        errors={[]}
        templates={await listTemplates(db, programme.ownerOrganisationId)}
        now={new Date()}
      />,
    );
  });

  async function parse(values: CallFormValues, mode: 'draft' | 'publish', ownerOrganisationId: string) {
    const templateId = typeof values.templateId === 'string' && isUuid(values.templateId) ? values.templateId : undefined;
    const template = templateId ? await findTemplate(db, templateId) : undefined;
    const result = parseCallForm(values, template?.form, mode);
    if (templateId && (!template || template.ownerOrganisationId !== ownerOrganisationId))
      result.problems.push({ field: 'templateId', code: 'required' });
    return result;
  }

  async function renderForm(
    _request: FastifyRequest,
    reply: FastifyReply,
    programme: Programme,
    call: StoredCall | undefined,
    values: CallFormValues,
    errors: FieldError[],
    status = 200,
    extra: { notice?: string; conflict?: Parameters<typeof CallFormPage>[0]['conflict']; extensionValues?: Record<string, string> } = {},
  ) {
    const { extensionValues, ...rest } = extra;
    const published =
      call && call.status !== 'draft'
        ? {
            extensions: { list: await listExtensions(db, call.id), values: extensionValues ?? {} },
            unansweredQuestions: (await listQuestions(db, call.id)).filter((q) => q.status === 'asked').length,
          }
        : {};
    reply.code(status);
    return reply.html(
      <CallFormPage
        ctx={reply.pageContext()}
        programme={programme}
        call={call}
        values={values}
        errors={errors}
        templates={await listTemplates(db, programme.ownerOrganisationId)}
        now={new Date()}
        {...rest}
        {...published}
      />,
    );
  }

  app.post(
    '/eier/programmer/:id/utlysninger',
    { config: { access: OWNER }, schema: { params: idParams, body: formBody } },
    async (request, reply) => {
      const programme = await managedProgramme(request, (request.params as { id: string }).id);
      const values = (request.body ?? {}) as CallFormValues;
      const { content, problems } = await parse(values, 'draft', programme.ownerOrganisationId);
      const again = (errors: FieldError[], status: number) => renderForm(request, reply, programme, undefined, values, errors, status);
      if (problems.length > 0) return again(fieldErrors(reply.pageContext(), problems), 400);
      const id = await createCall(db, programme.id, content, actorOf(request));
      if (isRefused(id)) return refused(reply, id.problem, again);
      return reply.redirect(`/eier/utlysninger/${id}?lang=${request.locale}&saved=1`, 303);
    },
  );

  app.get('/eier/utlysninger/:id', { config: { access: OWNER }, schema: { params: idParams } }, async (request, reply) => {
    const call = await managedCall(request);
    const query = request.query as { saved?: string; extension?: string };
    const notice = query.saved
      ? request.t('programmes.callForm.saved', { version: call.version })
      : query.extension === 'granted'
        ? request.t('programmes.extension.grantedNotice')
        : query.extension === 'revoked'
          ? request.t('programmes.extension.revokedNotice')
          : undefined;
    return renderForm(request, reply, call.programme, call, valuesFromContent(call.content), [], 200, notice ? { notice } : {});
  });

  /** A stale version: 409, the form with what the person typed, and what changed meanwhile. */
  async function conflictPage(
    request: FastifyRequest,
    reply: FastifyReply,
    callId: string,
    baseVersion: number,
    values: CallFormValues | undefined,
  ) {
    const current = (await findCall(db, callId))!;
    const [info, base] = await Promise.all([latestVersionInfo(db, callId), contentAtVersion(db, callId, baseVersion)]);
    const ctx = reply.pageContext();
    const conflict = {
      name: info?.actorName ?? request.t('programmes.conflict.someone'),
      version: current.version,
      time: info ? formatInstant(request.locale, info.savedAt, current.content.timeZone) : '',
      base: baseVersion,
      fields: fieldNames(ctx, base ? changedFields(base, current.content) : []),
      status: callWorkflow.name(current.status, 'staff', ctx.locale),
    };
    return renderForm(request, reply, current.programme, current, { ...(values ?? valuesFromContent(current.content)) }, [], 409, {
      conflict,
    });
  }

  /** A call's refusal: the conflict page for a stale version, else the form with the problem's field errors. */
  function callRefused(
    request: FastifyRequest,
    reply: FastifyReply,
    call: StoredCall,
    problem: ProgrammeProblem,
    values: CallFormValues | undefined,
  ) {
    if (problem.kind === 'versionConflict') return conflictPage(request, reply, call.id, problem.baseVersion, values);
    return refused(reply, problem, (errors, status) =>
      renderForm(request, reply, call.programme, call, values ?? valuesFromContent(call.content), errors, status),
    );
  }

  app.post('/eier/utlysninger/:id', { config: { access: OWNER }, schema: { params: idParams, body: formBody } }, async (request, reply) => {
    const call = await managedCall(request);
    const values = (request.body ?? {}) as CallFormValues;
    const version = formVersion(values);
    if (call.status === 'closed') throw new HttpProblem(409, 'closed');
    const { content, problems } = await parse(
      call.status === 'published' ? { ...values, ...rulesOf(call), templateId: call.content.templateId ?? '' } : values,
      call.status === 'published' ? 'publish' : 'draft',
      call.programme.ownerOrganisationId,
    );
    if (problems.length > 0)
      return renderForm(request, reply, call.programme, call, values, fieldErrors(reply.pageContext(), problems), 400);
    const saved =
      call.status === 'draft'
        ? await saveCallDraft(db, call.id, version, content, actorOf(request))
        : await amendCall(db, call.id, version, content, typeof values.reason === 'string' ? values.reason : '', actorOf(request));
    if (isRefused(saved)) return callRefused(request, reply, call, saved.problem, values);
    return reply.redirect(`/eier/utlysninger/${call.id}?lang=${request.locale}&saved=1`, 303);
  });

  /** The rule fields of a published call, which an amendment keeps (its form disables them). */
  function rulesOf(call: StoredCall): CallFormValues {
    const values = valuesFromContent(call.content);
    return Object.fromEntries(
      Object.entries(values).filter(
        ([key]) => key.startsWith('rule-') || ['networkMax', 'allowAlone', 'populationMin', 'decisionBodies'].includes(key),
      ),
    );
  }

  for (const [path, action] of [
    ['publiser', 'publish'],
    ['steng', 'close'],
  ] as const) {
    app.post(
      `/eier/utlysninger/:id/${path}`,
      { config: { access: OWNER }, schema: { params: idParams, body: formBody } },
      async (request, reply) => {
        const call = await managedCall(request);
        const values = (request.body ?? {}) as CallFormValues;
        const version = formVersion(values);
        const closeReason =
          typeof values.closeReason === 'string' && values.closeReason.trim() ? values.closeReason.trim().slice(0, 2000) : null;
        const moved =
          action === 'publish'
            ? await publishCall(db, call.id, version, actorOf(request))
            : await closeCall(db, call.id, version, closeReason, actorOf(request));
        if (isRefused(moved)) return callRefused(request, reply, call, moved.problem, undefined);
        return reply.redirect(
          action === 'publish' ? `/utlysninger/${call.id}?lang=${request.locale}` : `/eier/utlysninger/${call.id}?lang=${request.locale}`,
          303,
        );
      },
    );
  }

  // Late submission by exception ---------------------------------------------------------------

  /** The municipality the owner named, by number or name, among the call's country's current ones. */
  async function namedMunicipality(text: string, country: Programme['country']): Promise<{ code: string; name: string } | FormProblem> {
    const query = text.trim().slice(0, 100);
    if (query === '') return { field: 'extension-municipality', code: 'required' };
    const matches = (await searchMunicipalities(db, query, country, 20)).filter((m) => m.validTo === null);
    const lower = query.toLocaleLowerCase('nb');
    const exact = matches.find((m) => m.code === query || m.names.some((n) => n.name.toLocaleLowerCase('nb') === lower));
    const found = exact ?? (matches.length === 1 ? matches[0] : undefined);
    if (found) return { code: found.code, name: found.name };
    return {
      field: 'extension-municipality',
      code: matches.length === 0 ? 'municipalityUnknown' : 'municipalityAmbiguous',
      params: { query },
    };
  }

  app.post(
    '/eier/utlysninger/:id/utsettelser',
    { config: { access: OWNER }, schema: { params: idParams, body: formBody } },
    async (request, reply) => {
      const call = await managedCall(request);
      const body = (request.body ?? {}) as CallFormValues;
      const values = Object.fromEntries(
        ['extension-municipality', 'extension-roundIndex', 'extension-until', 'extension-reason'].map((key) => [
          key,
          typeof body[key] === 'string' ? (body[key] as string) : '',
        ]),
      );
      const problems: FormProblem[] = [];
      const municipality = await namedMunicipality(values['extension-municipality']!, call.programme.country);
      if ('field' in municipality) problems.push(municipality);
      const roundText = values['extension-roundIndex']!;
      const roundIndex = /^\d{1,2}$/.test(roundText) ? Number(roundText) : -1;
      if (roundIndex < 0) problems.push({ field: 'extension-roundIndex', code: 'noSuchRound' });
      const until = localToInstant(values['extension-until']!.trim(), call.content.timeZone);
      if (!until.ok)
        problems.push({ field: 'extension-until', code: until.reason === 'nonexistent' ? 'nonexistentInstant' : 'badInstant' });
      const reason = values['extension-reason']!.trim();
      if (reason === '') problems.push({ field: 'extension-reason', code: 'required' });
      const again = (errors: FieldError[], status: number) =>
        renderForm(request, reply, call.programme, call, valuesFromContent(call.content), errors, status, { extensionValues: values });
      if (problems.length > 0 || 'field' in municipality || !until.ok) return again(fieldErrors(reply.pageContext(), problems), 400);
      const granted = await grantExtension(db, call.id, { roundIndex, until: until.instant, reason, municipality }, actorOf(request));
      if (isRefused(granted)) return refused(reply, granted.problem, again, (field) => `extension-${field}`);
      return reply.redirect(`/eier/utlysninger/${call.id}?lang=${request.locale}&extension=granted#extensions`, 303);
    },
  );

  app.post(
    '/eier/utsettelser/:id/trekk',
    { config: { access: OWNER }, schema: { params: idParams, body: formBody } },
    async (request, reply) => {
      const extension = await findExtension(db, (request.params as { id: string }).id);
      if (!extension) throw notFound();
      const call = await findCall(db, extension.callId);
      if (!call) throw notFound();
      if (!canManage(request.principal, call.programme.ownerOrganisationId)) throw new HttpProblem(403);
      const values = (request.body ?? {}) as CallFormValues;
      const version = formVersion(values);
      const field = `revoke-${extension.id}`;
      const reason = typeof values[field] === 'string' ? (values[field] as string) : '';
      const revoked = await revokeExtension(db, extension.id, version, reason, actorOf(request));
      if (isRefused(revoked)) {
        const again = (errors: FieldError[], status: number) =>
          renderForm(request, reply, call.programme, call, valuesFromContent(call.content), errors, status);
        // The reason's problems belong to its field; a stale version to the exception's row.
        return refused(reply, revoked.problem, again, (named) => (named === 'reason' ? field : `extension-${extension.id}`));
      }
      return reply.redirect(`/eier/utlysninger/${call.id}?lang=${request.locale}&extension=revoked#extensions`, 303);
    },
  );

  // Questions and answers ----------------------------------------------------------------------

  app.post(
    '/utlysninger/:id/sporsmal',
    { config: { access: access.roles('case_worker') }, schema: { params: idParams, body: formBody } },
    async (request, response) => {
      const call = await visibleCall(request);
      if (call.status !== 'published') throw new HttpProblem(409, 'not published');
      const question = textOf((request.body ?? {}) as CallFormValues, 'question');
      const municipality = request.principal!.memberships.find((m) => m.role === 'case_worker')?.organisationName ?? null;
      const asked = await askQuestion(db, call.id, question, { name: request.principal!.name, municipality }, actorOf(request));
      if (isRefused(asked)) {
        return refused(response, asked.problem, (errors, status) => {
          response.code(status);
          return renderCallPage(request, response, call, { ask: { value: question, error: errors[0]?.message, sent: false } });
        });
      }
      return response.redirect(`/utlysninger/${call.id}?lang=${request.locale}&asked=1#ask`, 303);
    },
  );

  await questionRoutes(app);
  await templateRoutes(app);
}
