import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import { HttpProblem, notFound } from '../http/problems.js';
import { deleteSessionsOfUser, recordSignIn } from './store.js';
import { recordAudit } from '../audit/store.js';
import { access, safeReturnPath, type LoginKind } from './model.js';
import { INTERACTION_PATH, loginKindOfClient, personasFor } from './local-idp.js';
import { findPersona } from './personas.js';
import { beginLogin, completeLogin, endSessionUrl, type LoginProviders } from './relying-party.js';
import { PersonaChoicePage, SignInPage, SignedOutPage } from './pages/sign-in.js';

const LOGIN_KINDS: readonly LoginKind[] = ['citizen', 'employee'];
const kindParameter = { type: 'object', properties: { kind: { type: 'string', enum: LOGIN_KINDS } }, required: ['kind'] };
const returnToQuery = { type: 'object', properties: { returnTo: { type: 'string', maxLength: 2000 }, failed: { type: 'string' } } };

export interface AuthRoutesOptions {
  providers: LoginProviders;
  /** The embedded OpenID provider, when it runs. */
  localProvider: Provider | undefined;
}

/** Sign-in through OpenID Connect, sign-out everywhere, and who-am-I for the API. */
export async function authRoutes(app: FastifyInstance, { providers, localProvider }: AuthRoutesOptions) {
  app.get('/login', { config: { access: access.public }, schema: { querystring: returnToQuery } }, async (request, reply) => {
    const query = request.query as { returnTo?: string; failed?: string };
    return reply.html(
      <SignInPage ctx={reply.pageContext()} returnTo={safeReturnPath(query.returnTo)} failed={query.failed !== undefined} />,
    );
  });

  app.get(
    '/login/:kind',
    {
      config: { access: access.public, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { params: kindParameter, querystring: returnToQuery },
    },
    async (request, reply) => {
      const { kind } = request.params as { kind: LoginKind };
      const { returnTo } = request.query as { returnTo?: string };
      const { url, pending } = await beginLogin(providers[kind], safeReturnPath(returnTo));
      request.session.pendingLogin = pending;
      return reply.redirect(url, 303);
    },
  );

  app.get(
    '/auth/callback/:kind',
    { config: { access: access.public, rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { params: kindParameter } },
    async (request, reply) => handleCallback(app, providers, request, reply),
  );

  app.post('/logout', { config: { access: access.public } }, async (request, reply) => {
    const principal = request.principal;
    const { loginKind, idToken } = request.session;
    if (!principal || !loginKind) return reply.redirect('/', 303);
    await app.database.db.transaction().execute(async (trx) => {
      await deleteSessionsOfUser(trx, principal.userId);
      await recordAudit(trx, {
        actor: { userId: principal.userId, name: principal.name },
        recordType: 'user',
        recordId: principal.userId,
        action: 'sign-out-everywhere',
        fromState: 'signed-in',
        toState: 'signed-out',
        requestId: request.id,
      });
    });
    await request.session.destroy();
    const postLogout = `${app.config.publicUrl}/logged-out`;
    const idpLogout = await endSessionUrl(providers[loginKind], idToken, postLogout).catch(() => undefined);
    return reply.redirect(idpLogout ?? '/logged-out', 303);
  });

  app.get('/logged-out', { config: { access: access.public } }, async (_request, reply) =>
    reply.html(<SignedOutPage ctx={reply.pageContext()} />),
  );

  app.get(
    '/api/v1/me',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['identity'],
        summary: 'The signed-in person, their roles and organisations',
        response: {
          200: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              loginKind: { type: 'string' },
              roles: { type: 'array', items: { type: 'string' } },
              organisations: {
                type: 'array',
                items: { type: 'object', properties: { name: { type: 'string' }, role: { type: 'string' } } },
              },
            },
          },
        },
      },
    },
    async (request) => {
      const principal = request.principal!;
      return {
        name: principal.name,
        loginKind: principal.loginKind,
        roles: [...principal.roles],
        organisations: principal.memberships.map((m) => ({ name: m.organisationName, role: m.role })),
      };
    },
  );

  if (localProvider) registerLocalInteractions(app, localProvider);
}

async function handleCallback(app: FastifyInstance, providers: LoginProviders, request: FastifyRequest, reply: FastifyReply) {
  const { kind } = request.params as { kind: LoginKind };
  const pending = request.session.pendingLogin;
  if (!pending || pending.kind !== kind) throw new HttpProblem(400, 'no sign-in in progress');
  const currentUrl = new URL(request.url, app.config.publicUrl);
  let verified: Awaited<ReturnType<typeof completeLogin>>;
  try {
    verified = await completeLogin(providers[kind], pending, currentUrl);
  } catch (error) {
    request.log.warn({ err: error }, 'sign-in callback refused');
    return reply.redirect(`/login?failed=1&returnTo=${encodeURIComponent(pending.returnTo)}`, 303);
  }
  const userId = await app.database.db.transaction().execute((trx) =>
    recordSignIn(
      trx,
      {
        identityProvider: providers[kind].identityProviderKey,
        subject: verified.subject,
        name: verified.name,
        email: verified.email,
        homeMunicipalityCode: verified.homeMunicipalityCode,
      },
      request.id,
      { takeUpPending: kind === 'employee' },
    ),
  );
  // A new session id on sign-in, so a session fixed before sign-in is worth nothing after it.
  await request.session.regenerate();
  request.session.userId = userId;
  request.session.loginKind = kind;
  if (verified.birthYear !== null) request.session.birthYear = verified.birthYear;
  request.session.idToken = verified.idToken;
  return reply.redirect(pending.returnTo, 303);
}

function registerLocalInteractions(app: FastifyInstance, provider: Provider) {
  const uidParameter = { type: 'object', properties: { uid: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,100}$' } }, required: ['uid'] };
  const options = { config: { access: access.public }, schema: { params: uidParameter } };

  const showChoice = async (request: FastifyRequest, reply: FastifyReply, missingChoice: boolean) => {
    const details = await provider.interactionDetails(request.raw, reply.raw).catch(() => {
      throw notFound();
    });
    const kind = loginKindOfClient(details.params.client_id as string | undefined);
    return reply
      .code(missingChoice ? 400 : 200)
      .html(
        <PersonaChoicePage
          ctx={reply.pageContext()}
          action={`${INTERACTION_PATH}/${details.uid}`}
          personas={personasFor(kind)}
          missingChoice={missingChoice}
        />,
      );
  };

  app.get(`${INTERACTION_PATH}/:uid`, options, async (request, reply) => showChoice(request, reply, false));

  app.post(`${INTERACTION_PATH}/:uid`, options, async (request, reply) => {
    const persona = findPersona(String((request.body as Record<string, unknown> | undefined)?.persona ?? ''));
    if (!persona) return showChoice(request, reply, true);
    const redirectTo = await provider
      .interactionResult(request.raw, reply.raw, { login: { accountId: persona.subject } }, { mergeWithLastSubmission: false })
      .catch(() => {
        throw notFound();
      });
    return reply.redirect(redirectTo, 303);
  });
}
