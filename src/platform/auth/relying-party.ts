import * as oidc from 'openid-client';
import type { Config } from '../config.js';
import type { LoginKind } from './model.js';
import { callbackUrl, localClientId, localClientSecret, localIssuer } from './local-idp.js';

/**
 * Stifinner as an OpenID Connect client: ID-porten for citizens, Ansattporten for employees,
 * or the embedded provider for both in development and tests. The same code path runs in all.
 */
export interface LoginProvider {
  kind: LoginKind;
  /** Stable name stored with each user, so users survive a change of issuer URL. */
  identityProviderKey: string;
  redirectUri: string;
  configuration(): Promise<oidc.Configuration>;
}

export type LoginProviders = Record<LoginKind, LoginProvider>;

export function createLoginProviders(config: Config): LoginProviders {
  return { citizen: loginProvider(config, 'citizen'), employee: loginProvider(config, 'employee') };
}

function loginProvider(config: Config, kind: LoginKind): LoginProvider {
  const external = kind === 'citizen' ? config.citizenLogin : config.employeeLogin;
  const settings = external ?? {
    issuer: localIssuer(config.publicUrl),
    clientId: localClientId(kind),
    clientSecret: localClientSecret(config.sessionSecret, kind),
  };
  const key = external ? (kind === 'citizen' ? 'idporten' : 'ansattporten') : 'local';
  let discovered: Promise<oidc.Configuration> | undefined;
  return {
    kind,
    identityProviderKey: key,
    redirectUri: callbackUrl(config.publicUrl, kind),
    configuration() {
      discovered ??= oidc
        .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
          execute: settings.issuer.startsWith('http://') ? [oidc.allowInsecureRequests] : [],
        })
        .catch((error: unknown) => {
          discovered = undefined;
          throw error;
        });
      return discovered;
    },
  };
}

export interface PendingLogin {
  kind: LoginKind;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

export async function beginLogin(provider: LoginProvider, returnTo: string) {
  const configuration = await provider.configuration();
  const pending: PendingLogin = {
    kind: provider.kind,
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
    returnTo,
  };
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: provider.redirectUri,
    scope: 'openid profile email',
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
    prompt: 'login',
  });
  return { url: url.href, pending };
}

export interface VerifiedLogin {
  subject: string;
  name: string;
  email: string | null;
  homeMunicipalityCode: string | null;
  /** The year of birth from the standard `birthdate` claim (YYYY-MM-DD), when the provider gives one. */
  birthYear: number | null;
  idToken: string | undefined;
}

/** Exchanges the code and validates the ID token (signature, issuer, audience, nonce, expiry). */
export async function completeLogin(provider: LoginProvider, pending: PendingLogin, currentUrl: URL): Promise<VerifiedLogin> {
  const configuration = await provider.configuration();
  const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
    pkceCodeVerifier: pending.codeVerifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error('the identity provider returned no ID token');
  const claims = configuration.serverMetadata().userinfo_endpoint
    ? { ...(await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)), ...idClaims }
    : idClaims;
  return {
    subject: claims.sub,
    name: stringClaim(claims.name) ?? claims.sub,
    email: stringClaim(claims.email) ?? null,
    homeMunicipalityCode: stringClaim(claims.home_municipality) ?? null,
    birthYear: birthYearOf(stringClaim(claims.birthdate)),
    idToken: tokens.id_token,
  };
}

export async function endSessionUrl(provider: LoginProvider, idToken: string | undefined, postLogoutRedirect: string) {
  const configuration = await provider.configuration();
  if (!configuration.serverMetadata().end_session_endpoint) return undefined;
  const parameters: Record<string, string> = { post_logout_redirect_uri: postLogoutRedirect };
  if (idToken) parameters.id_token_hint = idToken;
  return oidc.buildEndSessionUrl(configuration, parameters).href;
}

function birthYearOf(birthdate: string | undefined): number | null {
  const year = /^(\d{4})-\d{2}-\d{2}$/.exec(birthdate ?? '')?.[1];
  return year && Number(year) >= 1850 && Number(year) <= 2100 ? Number(year) : null;
}

function stringClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
