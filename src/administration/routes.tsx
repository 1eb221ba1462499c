import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listAuditEvents } from '../platform/audit/store.js';
import { access, ROLES, type OrganisationRole } from '../platform/auth/model.js';
import { listPendingMemberships } from '../platform/auth/store.js';
import { actorOf, formField, idParams } from '../platform/http/input.js';
import { forbidden, notFound } from '../platform/http/problems.js';
import { isRefused } from '../platform/outcome.js';
import type { FieldError } from '../platform/ui/components.js';
import { translate } from '../platform/ui/translate.js';
import { organisationProblems } from './model.js';
import { OrganisationPage, OrganisationsPage } from './pages/organisations.js';
import { findOrganisation, listOrganisations, listPeopleOf } from './store.js';
import { cancelPendingRole, grantRole, registerOrganisation, revokeRole, type AdministrationProblem } from './use-cases.js';

const ADMIN = access.roles('admin');
/** An organisation's page: the administrator for every one, a programme owner for their own. */
const ADMIN_OR_OWNER = access.roles('admin', 'programme_owner');
const byId = idParams('id');
const formBody = { type: 'object', additionalProperties: { type: 'string', maxLength: 1000 } };
const HISTORY_ACTIONS = new Set(['create', 'grant-role', 'revoke-role', 'grant-role-pending', 'cancel-pending-role']);

/** A refusal as the page shows it: its status and its message at its field. */
function explain(request: FastifyRequest, problem: AdministrationProblem): { status: number; error: FieldError } {
  const message = translate(
    request.locale,
    `administration.problem.${problem.kind}`,
    'email' in problem ? { email: problem.email } : 'name' in problem ? { name: problem.name } : {},
  );
  const status =
    problem.kind === 'organisationNotFound' ? 404 : problem.kind === 'badEmail' || problem.kind === 'roleNotForKind' ? 400 : 409;
  return { status, error: { field: problem.kind === 'organisationExists' ? 'name' : 'email', message } };
}

/** The system administrator manages organisations and who holds which role in them. */
export async function administrationRoutes(app: FastifyInstance) {
  const db = app.database.db;

  /** The organisation, for the administrator or a programme owner of it; 404 unknown, 403 anyone else. */
  async function managed(request: FastifyRequest) {
    const organisation = await findOrganisation(db, (request.params as { id: string }).id);
    if (!organisation) throw notFound();
    const principal = request.principal!;
    const ownsIt = principal.memberships.some((m) => m.role === 'programme_owner' && m.organisationId === organisation.id);
    if (!principal.roles.has('admin') && !ownsIt) throw forbidden();
    return organisation;
  }

  async function renderList(
    reply: FastifyReply,
    status: number,
    extra: { values?: Record<string, string>; errors?: FieldError[]; notice?: string } = {},
  ) {
    reply.code(status);
    return reply.html(
      <OrganisationsPage
        ctx={reply.pageContext()}
        organisations={await listOrganisations(db)}
        values={extra.values ?? {}}
        errors={extra.errors ?? []}
        notice={extra.notice}
      />,
    );
  }

  async function renderOrganisation(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: { values?: Record<string, string>; errors?: FieldError[]; notice?: string } = {},
  ) {
    const organisation = await managed(request);
    const events = await listAuditEvents(db, { recordType: 'organisation', recordId: organisation.id, limit: 100 });
    reply.code(status);
    return reply.html(
      <OrganisationPage
        ctx={reply.pageContext()}
        organisation={organisation}
        people={await listPeopleOf(db, organisation.id)}
        pending={await listPendingMemberships(db, organisation.id)}
        history={events.filter((e) => HISTORY_ACTIONS.has(e.action))}
        values={extra.values ?? {}}
        errors={extra.errors ?? []}
        notice={extra.notice}
      />,
    );
  }

  app.get('/admin/organisasjoner', { config: { access: ADMIN } }, async (request, reply) =>
    renderList(reply, 200, { notice: (request.query as { created?: string }).created ? request.t('administration.new.done') : undefined }),
  );

  app.post('/admin/organisasjoner', { config: { access: ADMIN }, schema: { body: formBody } }, async (request, reply) => {
    const values = Object.fromEntries(
      ['kind', 'name', 'country', 'municipalityCode', 'countyCode', 'mailAddress'].map((field) => [
        field,
        formField(request.body, field) ?? '',
      ]),
    ) as Record<'kind' | 'name' | 'country' | 'municipalityCode' | 'countyCode' | 'mailAddress', string>;
    const checked = organisationProblems(values);
    if (Array.isArray(checked))
      return renderList(reply, 400, {
        values,
        errors: checked.map((p) => ({ field: p.field, message: request.t(`administration.problem.${p.code}`) })),
      });
    const created = await registerOrganisation(db, checked, actorOf(request));
    if (isRefused(created)) {
      const { status, error } = explain(request, created.problem);
      return renderList(reply, status, { values, errors: [error] });
    }
    return reply.redirect(`/admin/organisasjoner/${created}?lang=${request.locale}`, 303);
  });

  /** A programme owner's own organisation (the first, where they own programmes in several). */
  app.get('/min-organisasjon', { config: { access: access.roles('programme_owner') } }, async (request, reply) => {
    const own = request.principal!.memberships.find((m) => m.role === 'programme_owner');
    if (!own) throw notFound();
    return reply.redirect(`/admin/organisasjoner/${own.organisationId}?lang=${request.locale}`, 303);
  });

  app.get('/admin/organisasjoner/:id', { config: { access: ADMIN_OR_OWNER }, schema: { params: byId } }, async (request, reply) => {
    const query = request.query as { granted?: string; pending?: string; revoked?: string };
    const notice = query.granted
      ? request.t('administration.org.granted', { name: query.granted.slice(0, 200) })
      : query.pending
        ? request.t('administration.org.pendingGranted', { email: query.pending.slice(0, 200) })
        : query.revoked
          ? request.t('administration.org.revoked')
          : undefined;
    return renderOrganisation(request, reply, 200, { notice });
  });

  app.post(
    '/admin/organisasjoner/:id/roller',
    { config: { access: ADMIN_OR_OWNER }, schema: { params: byId, body: formBody } },
    async (request, reply) => {
      const { id } = await managed(request);
      const email = (formField(request.body, 'email') ?? '').trim();
      const role = formField(request.body, 'role') ?? '';
      const values = { email, role };
      if (email === '')
        return renderOrganisation(request, reply, 400, {
          values,
          errors: [{ field: 'email', message: request.t('administration.problem.required') }],
        });
      if (!isOrganisationRole(role))
        return renderOrganisation(request, reply, 400, {
          values,
          errors: [{ field: 'role', message: request.t('administration.problem.roleNotForKind') }],
        });
      const granted = await grantRole(db, id, email, role, actorOf(request));
      if (isRefused(granted)) {
        const { status, error } = explain(request, granted.problem);
        if (status === 404) throw notFound();
        return renderOrganisation(request, reply, status, { values, errors: [error] });
      }
      const said =
        'name' in granted ? `granted=${encodeURIComponent(granted.name)}` : `pending=${encodeURIComponent(granted.pendingEmail)}`;
      return reply.redirect(`/admin/organisasjoner/${id}?lang=${request.locale}&${said}`, 303);
    },
  );

  app.post(
    '/admin/organisasjoner/:id/roller/fjern',
    { config: { access: ADMIN_OR_OWNER }, schema: { params: byId, body: formBody } },
    async (request, reply) => {
      const { id } = await managed(request);
      const role = formField(request.body, 'role') ?? '';
      const user = formField(request.body, 'user') ?? '';
      if (!isOrganisationRole(role))
        return renderOrganisation(request, reply, 400, {
          errors: [{ field: 'people', message: request.t('administration.problem.notHeld') }],
        });
      const revoked = await revokeRole(db, id, user, role, actorOf(request));
      if (isRefused(revoked))
        return renderOrganisation(request, reply, 409, {
          errors: [{ field: 'people', message: request.t('administration.problem.notHeld') }],
        });
      return reply.redirect(`/admin/organisasjoner/${id}?lang=${request.locale}&revoked=1`, 303);
    },
  );

  app.post(
    '/admin/organisasjoner/:id/roller/ventende/fjern',
    { config: { access: ADMIN_OR_OWNER }, schema: { params: byId, body: formBody } },
    async (request, reply) => {
      const { id } = await managed(request);
      const role = formField(request.body, 'role') ?? '';
      const email = formField(request.body, 'email') ?? '';
      const cancelled = isOrganisationRole(role) && !isRefused(await cancelPendingRole(db, id, email, role, actorOf(request)));
      if (!cancelled)
        return renderOrganisation(request, reply, 409, {
          errors: [{ field: 'pending', message: request.t('administration.problem.notHeld') }],
        });
      return reply.redirect(`/admin/organisasjoner/${id}?lang=${request.locale}&revoked=1`, 303);
    },
  );
}

const isOrganisationRole = (value: string): value is OrganisationRole =>
  value !== 'citizen' && (ROLES as readonly string[]).includes(value);
