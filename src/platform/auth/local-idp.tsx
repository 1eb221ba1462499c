import { generateKeyPairSync, createHash } from 'node:crypto';
import Provider, { type ClientMetadata, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { DEFAULT_LOCALE, isLocale, translator, type Locale } from '../i18n/index.js';
import { Layout } from '../ui/layout.js';
import { PageHeading } from '../ui/components.js';
import type { PageContext } from '../ui/context.js';
import type { LoginKind } from './model.js';
import { findPersona, PERSONAS } from './personas.js';

/**
 * The embedded OpenID provider of development and tests: a real oidc-provider with the demo
 * personas as its accounts, so sign-in always runs the real redirect, code exchange and token
 * validation. It is mounted at /oidc on the product's own server and refused in production.
 */
export const LOCAL_IDP_PATH = '/oidc';
export const INTERACTION_PATH = '/idp/interaction';

export function localIssuer(publicUrl: string): string {
  return `${publicUrl}${LOCAL_IDP_PATH}`;
}

export function localClientId(kind: LoginKind): string {
  return `stifinner-${kind}`;
}

export function localClientSecret(sessionSecret: string, kind: LoginKind): string {
  return createHash('sha256').update(`${sessionSecret}:${kind}`).digest('base64url');
}

export function callbackUrl(publicUrl: string, kind: LoginKind): string {
  return `${publicUrl}/auth/callback/${kind}`;
}

export function loginKindOfClient(clientId: string | undefined): LoginKind | undefined {
  if (clientId === localClientId('citizen')) return 'citizen';
  if (clientId === localClientId('employee')) return 'employee';
  return undefined;
}

export function createLocalIdentityProvider(publicUrl: string, sessionSecret: string): Provider {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256', kid: 'local-1' };
  const clients = (['citizen', 'employee'] as const).map(
    (kind): ClientMetadata => ({
      client_id: localClientId(kind),
      client_secret: localClientSecret(sessionSecret, kind),
      client_name: 'Stifinner',
      redirect_uris: [callbackUrl(publicUrl, kind)],
      post_logout_redirect_uris: [`${publicUrl}/logged-out`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    }),
  );
  const configuration: Configuration = {
    clients,
    jwks: { keys: [signingKey as never] },
    cookies: { keys: [sessionSecret] },
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['name', 'home_municipality', 'birthdate'], email: ['email'] },
    findAccount: async (_ctx, subject) => {
      const persona = findPersona(subject);
      if (!persona) return undefined;
      return {
        accountId: persona.subject,
        claims: async () => ({
          sub: persona.subject,
          name: persona.name,
          email: persona.email,
          home_municipality: persona.homeMunicipalityCode ?? undefined,
          birthdate: persona.birthDate,
        }),
      };
    },
    interactions: { url: (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}` },
    // First-party clients: consent is implied, so the grant is created without asking.
    loadExistingGrant: async (ctx) => {
      const session = ctx.oidc.session;
      const client = ctx.oidc.client;
      if (!session?.accountId || !client) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = standalonePage(
        localeOf(ctx),
        (t) => t('signIn.failed'),
        <p class="ds-paragraph" safe>
          {out.error}
        </p>,
      );
    },
    ttl: { Session: 8 * 3600, Interaction: 3600, Grant: 8 * 3600, IdToken: 3600, AccessToken: 3600, AuthorizationCode: 60 },
  };
  return new Provider(localIssuer(publicUrl), configuration);
}

function localeOf(ctx: KoaContextWithOIDC): Locale {
  const fromCookie = ctx.cookies.get('lang');
  return isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
}

/** `safeLogoutForm` is the provider's own markup (its hidden xsrf field), not user input. */
async function logoutSource(ctx: KoaContextWithOIDC, safeLogoutForm: string) {
  const body = (
    <>
      {safeLogoutForm}
      <div class="inline-form">
        <button class="ds-button" data-variant="primary" type="submit" form="op.logoutForm" value="yes" name="logout" safe>
          {translator(localeOf(ctx))('idp.signOut.yes')}
        </button>
        <button class="ds-button" data-variant="secondary" type="submit" form="op.logoutForm" safe>
          {translator(localeOf(ctx))('idp.signOut.no')}
        </button>
      </div>
    </>
  );
  ctx.type = 'html';
  ctx.body = standalonePage(
    localeOf(ctx),
    (t) => t('idp.signOut.title'),
    body,
    (t) => t('idp.signOut.lead'),
  );
}

async function postLogoutSuccessSource(ctx: KoaContextWithOIDC) {
  ctx.type = 'html';
  ctx.body = standalonePage(localeOf(ctx), (t) => t('idp.signedOut'), '');
}

type Text = (t: PageContext['t']) => string;

/** A page of the identity provider itself, outside any Stifinner session. */
function standalonePage(locale: Locale, title: Text, body: JSX.Element, lead?: Text): JSX.Element {
  const t = translator(locale);
  const ctx: PageContext = {
    locale,
    t,
    principal: null,
    url: '/',
    scriptNonce: '',
    csrfToken: () => {
      throw new Error('identity provider pages carry no Stifinner form');
    },
  };
  return (
    <Layout ctx={ctx} title={title(t)}>
      <PageHeading title={title(t)} lead={lead?.(t)} />
      {body}
    </Layout>
  );
}

export function personasFor(kind: LoginKind | undefined) {
  return PERSONAS.filter((persona) => kind === undefined || persona.loginKind === kind);
}
