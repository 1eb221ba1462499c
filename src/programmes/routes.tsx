/**
 * Programmes and calls over HTTP: the public list (one page under four names), call pages with the
 * eligibility check, and the owner's pages. Handlers parse, delegate to the model and store, render.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../platform/auth/model.js';
import { HttpProblem, notFound } from '../platform/http/problems.js';
import { searchMunicipalities } from '../registry/store.js';
import { EMPTY_CALL_VALUES, parseCallForm, valuesFromContent, type CallFormValues, type FormProblem } from './call-form.js';
import { checkNetwork } from './eligibility.js';
import { callPhase, canManage, changedFields, IllegalTransition, owningOrganisations, programmeProblems, type ContactPerson, type ContentLanguage, type Programme } from './model.js';
import { CallFormPage, OwnerHomePage, ProgrammeFormPage } from './pages/owner.js';
import { CallListPage, CallPage, type ListFilter } from './pages/public.js';
import { fieldNames, formatInstant, tx } from './pages/shared.js';
import {
  amend,
  close,
  ContentRejected,
  createCall,
  createProgramme,
  findCall,
  findProgramme,
  findTemplate,
  latestVersionInfo,
  listCallsOfProgrammes,
  listChanges,
  listProgrammes,
  listPublicCalls,
  listTemplates,
  publish,
  saveDraft,
  VersionConflict,
  type Actor,
  type StoredCall,
} from './store.js';

export const CALL_LIST_PATHS = ['/utlysninger', '/utlysingar', '/opslag', '/calls'] as const;
const UUID = '^[0-9a-fA-F-]{36}$';
const idParams = { type: 'object', properties: { id: { type: 'string', pattern: UUID } }, required: ['id'] };
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
    member: { anyOf: [{ type: 'string', pattern: '^[0-9]{3,4}$' }, { type: 'array', maxItems: 20, items: { type: 'string', pattern: '^[0-9]{3,4}$' } }] },
    q: { type: 'string', maxLength: 100 },
    lang: { type: 'string' },
  },
};
const formBody = { type: 'object', additionalProperties: { anyOf: [{ type: 'string', maxLength: 20_000 }, { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 200 } }] } };
const OWNER = access.roles('programme_owner', 'admin');

function actorOf(request: FastifyRequest): Actor {
  const p = request.principal;
  return { user: p ? { userId: p.userId, name: p.name } : null, requestId: request.id };
}

/** Filters the public list: free text, country, owner, theme, open now or not. */
export function filterCalls(calls: StoredCall[], filter: ListFilter, now: Date): StoredCall[] {
  const words = filter.q.toLocaleLowerCase('nb').split(/\s+/).filter(Boolean);
  return calls.filter((call) => {
    const haystack = [call.content.title, call.content.purpose, call.programme.name, call.programme.ownerName, ...call.content.themes].join(' ').toLocaleLowerCase('nb');
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
      const filter: ListFilter = { q: query.q ?? '', country: query.country ?? '', owner: query.owner ?? '', theme: query.theme ?? '', status: query.status ?? '' };
      const now = new Date();
      const all = (await listPublicCalls(db)).sort((a, b) => Date.parse(b.content.rounds.at(-1)?.closesAt ?? '0') - Date.parse(a.content.rounds.at(-1)?.closesAt ?? '0'));
      return reply.html(<CallListPage ctx={reply.pageContext()} calls={filterCalls(all, filter, now)} all={all} filter={filter} now={now} path={path} />);
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

  app.get('/utlysninger/:id', { config: { access: access.public }, schema: { params: idParams } }, async (request, reply) => {
    const call = await visibleCall(request);
    return reply.html(
      <CallPage ctx={reply.pageContext()} call={call} changes={await listChanges(db, call.id)} now={new Date()} canManage={canManage(request.principal, call.programme.ownerOrganisationId)} />,
    );
  });

  app.get('/utlysninger/:id/sjekk', { config: { access: access.public }, schema: { params: idParams, querystring: checkQuery } }, async (request, reply) => {
    const call = await visibleCall(request);
    const query = request.query as { member?: string | string[]; q?: string };
    const codes = query.member === undefined ? [] : [query.member].flat();
    const text = (query.q ?? '').trim();
    const matches = text ? await searchMunicipalities(db, text, call.programme.country, 20) : [];
    const exact = matches.find((m) => m.code === text || m.names.some((n) => n.name.toLocaleLowerCase('nb') === text.toLocaleLowerCase('nb')));
    if (exact) codes.push(exact.code);
    else if (matches.length === 1) codes.push(matches[0]!.code);
    const chosen = exact || matches.length === 1 ? [] : matches.filter((m) => !codes.includes(m.code));
    const rules = call.status === 'draft' ? call.content.rules : call.snapshot.rules;
    const network = await checkNetwork(db, call.programme.country, rules, codes);
    return reply.html(
      <CallPage
        ctx={reply.pageContext()}
        call={call}
        changes={await listChanges(db, call.id)}
        now={new Date()}
        canManage={canManage(request.principal, call.programme.ownerOrganisationId)}
        check={{ network, query: chosen.length > 0 || matches.length === 0 ? text : '', matches: chosen }}
      />,
    );
  });

  // Owner pages --------------------------------------------------------------------------------

  app.get('/eier', { config: { access: OWNER } }, async (request, reply) => {
    const principal = request.principal!;
    const organisations = principal.roles.has('admin') ? 'all' : owningOrganisations(principal).map((o) => o.id);
    const programmes = await listProgrammes(db, organisations);
    const calls = await listCallsOfProgrammes(db, programmes.map((p) => p.id));
    return reply.html(<OwnerHomePage ctx={reply.pageContext()} programmes={programmes} calls={calls} now={new Date()} />);
  });

  app.get('/eier/programmer/ny', { config: { access: OWNER } }, async (request, reply) => {
    return reply.html(<ProgrammeFormPage ctx={reply.pageContext()} values={{ country: 'NO', languages: request.locale }} problems={[]} owners={owningOrganisations(request.principal)} />);
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

  async function managedCall(request: FastifyRequest): Promise<StoredCall> {
    const { id } = request.params as { id: string };
    const call = await findCall(db, id);
    if (!call) throw notFound();
    if (!canManage(request.principal, call.programme.ownerOrganisationId)) throw new HttpProblem(403);
    return call;
  }

  app.get('/eier/programmer/:id/utlysninger/ny', { config: { access: OWNER }, schema: { params: idParams } }, async (request, reply) => {
    const programme = await managedProgramme(request, (request.params as { id: string }).id);
    const language = programme.languages[0] ?? 'nb';
    const values = EMPTY_CALL_VALUES(language, programme.country === 'DK' ? 'Europe/Copenhagen' : 'Europe/Oslo', programme.country === 'DK' ? 'DKK' : 'NOK');
    return reply.html(
      <CallFormPage ctx={reply.pageContext()} programme={programme} call={undefined} values={values} problems={[]} templates={await listTemplates(db, programme.ownerOrganisationId)} now={new Date()} />,
    );
  });

  async function parse(values: CallFormValues, mode: 'draft' | 'publish', ownerOrganisationId: string) {
    const templateId = typeof values.templateId === 'string' && /^[0-9a-f-]{36}$/i.test(values.templateId) ? values.templateId : undefined;
    const template = templateId ? await findTemplate(db, templateId) : undefined;
    const result = parseCallForm(values, template?.form, mode);
    if (templateId && (!template || template.ownerOrganisationId !== ownerOrganisationId)) result.problems.push({ field: 'templateId', code: 'required' });
    return result;
  }

  async function renderForm(request: FastifyRequest, reply: FastifyReply, programme: Programme, call: StoredCall | undefined, values: CallFormValues, problems: FormProblem[], status = 200, extra: { notice?: string; conflict?: Parameters<typeof CallFormPage>[0]['conflict'] } = {}) {
    reply.code(status);
    return reply.html(
      <CallFormPage ctx={reply.pageContext()} programme={programme} call={call} values={values} problems={problems} templates={await listTemplates(db, programme.ownerOrganisationId)} now={new Date()} {...extra} />,
    );
  }

  app.post('/eier/programmer/:id/utlysninger', { config: { access: OWNER }, schema: { params: idParams, body: formBody } }, async (request, reply) => {
    const programme = await managedProgramme(request, (request.params as { id: string }).id);
    const values = (request.body ?? {}) as CallFormValues;
    const { content, problems } = await parse(values, 'draft', programme.ownerOrganisationId);
    if (problems.length > 0) return renderForm(request, reply, programme, undefined, values, problems, 400);
    const id = await createCall(db, programme.id, content, actorOf(request));
    return reply.redirect(`/eier/utlysninger/${id}?lang=${request.locale}&saved=1`, 303);
  });

  app.get('/eier/utlysninger/:id', { config: { access: OWNER }, schema: { params: idParams } }, async (request, reply) => {
    const call = await managedCall(request);
    const query = request.query as { saved?: string };
    const notice = query.saved ? request.t('programmes.callForm.saved', { version: call.version }) : undefined;
    return renderForm(request, reply, call.programme, call, valuesFromContent(call.content), [], 200, notice ? { notice } : {});
  });

  /** A stale version: 409, the form with what the person typed, and what changed meanwhile. */
  async function conflictPage(request: FastifyRequest, reply: FastifyReply, error: VersionConflict, values: CallFormValues) {
    const current = error.current;
    const info = await latestVersionInfo(db, current.id);
    const fields = error.base ? changedFields(error.base, current.content) : [];
    const ctx = reply.pageContext();
    const conflict = {
      name: info?.actorName ?? request.t('programmes.conflict.someone'),
      version: current.version,
      time: info ? formatInstant(request.locale, info.savedAt, current.content.timeZone) : '',
      base: error.baseVersion,
      fields: fieldNames(ctx, fields),
      status: tx(ctx, `programmes.status.${current.status}`),
    };
    return renderForm(request, reply, current.programme, current, { ...values }, [], 409, { conflict });
  }

  function versionOf(values: CallFormValues): number {
    const raw = values.version;
    if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw)) throw new HttpProblem(400, 'version missing');
    return Number(raw);
  }

  app.post('/eier/utlysninger/:id', { config: { access: OWNER }, schema: { params: idParams, body: formBody } }, async (request, reply) => {
    const call = await managedCall(request);
    const values = (request.body ?? {}) as CallFormValues;
    const version = versionOf(values);
    if (call.status === 'closed') throw new HttpProblem(409, 'closed');
    const { content, problems } = await parse(call.status === 'published' ? { ...values, ...rulesOf(call), templateId: call.content.templateId ?? '' } : values, call.status === 'published' ? 'publish' : 'draft', call.programme.ownerOrganisationId);
    if (problems.length > 0) return renderForm(request, reply, call.programme, call, values, problems, 400);
    try {
      if (call.status === 'draft') await saveDraft(db, call.id, version, content, actorOf(request));
      else await amend(db, call.id, version, content, typeof values.reason === 'string' ? values.reason : '', actorOf(request));
    } catch (error) {
      if (error instanceof VersionConflict) return conflictPage(request, reply, error, values);
      if (error instanceof ContentRejected) return renderForm(request, reply, call.programme, call, values, error.problems, 400);
      throw error;
    }
    return reply.redirect(`/eier/utlysninger/${call.id}?lang=${request.locale}&saved=1`, 303);
  });

  /** The rule fields of a published call, which an amendment keeps (its form disables them). */
  function rulesOf(call: StoredCall): CallFormValues {
    const values = valuesFromContent(call.content);
    return Object.fromEntries(Object.entries(values).filter(([key]) => key.startsWith('rule-') || ['networkMax', 'allowAlone', 'populationMin', 'decisionBodies'].includes(key)));
  }

  for (const [path, action] of [
    ['publiser', 'publish'],
    ['steng', 'close'],
  ] as const) {
    app.post(`/eier/utlysninger/:id/${path}`, { config: { access: OWNER }, schema: { params: idParams, body: formBody } }, async (request, reply) => {
      const call = await managedCall(request);
      const values = (request.body ?? {}) as CallFormValues;
      const version = versionOf(values);
      try {
        if (action === 'publish') await publish(db, call.id, version, actorOf(request));
        else await close(db, call.id, version, typeof values.closeReason === 'string' && values.closeReason.trim() ? values.closeReason.trim().slice(0, 2000) : null, actorOf(request));
      } catch (error) {
        if (error instanceof VersionConflict) return conflictPage(request, reply, error, valuesFromContent(error.current.content));
        if (error instanceof ContentRejected) return renderForm(request, reply, call.programme, call, valuesFromContent(call.content), error.problems, 400);
        if (error instanceof IllegalTransition) {
          return renderForm(request, reply, call.programme, call, valuesFromContent(call.content), [{ field: 'title', code: 'illegal', params: { status: tx(reply.pageContext(), `programmes.status.${call.status}`) } }], 409);
        }
        throw error;
      }
      return reply.redirect(action === 'publish' ? `/utlysninger/${call.id}?lang=${request.locale}` : `/eier/utlysninger/${call.id}?lang=${request.locale}`, 303);
    });
  }
}
