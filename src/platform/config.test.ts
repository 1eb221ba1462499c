import { describe, expect, it } from 'vitest';
import { readConfig } from './config.js';

const productionBase = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'a-real-secret-that-is-long-enough-0123456789',
  LOCAL_IDP: 'false',
  OIDC_CITIZEN_ISSUER: 'https://idporten.no',
  OIDC_CITIZEN_CLIENT_ID: 'citizen-client',
  OIDC_CITIZEN_CLIENT_SECRET: 'citizen-secret',
  OIDC_EMPLOYEE_ISSUER: 'https://ansattporten.no',
  OIDC_EMPLOYEE_CLIENT_ID: 'employee-client',
  OIDC_EMPLOYEE_CLIENT_SECRET: 'employee-secret',
  SMTP_URL: 'smtp://relay.example.no:587',
};

function errorsOf(env: Record<string, string>) {
  const result = readConfig(env);
  return result.ok ? [] : result.errors;
}

describe('readConfig', () => {
  it('starts in development on PGlite with the local identity provider and demo data', () => {
    const result = readConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      env: 'development',
      port: 3000,
      publicUrl: 'http://localhost:3000',
      databaseUrl: undefined,
      localIdentityProvider: true,
      demoData: true,
    });
  });

  it('names every bad value with what it must be', () => {
    const errors = errorsOf({ PORT: 'eighty', DATABASE_URL: 'mysql://x', DEMO_DATA: 'maybe', LOG_LEVEL: 'loud' });
    expect(errors).toEqual([
      'PORT: must be a whole number from 0 to 65535 (got "eighty")',
      'DATABASE_URL: must be a postgres: or postgresql: URL (got "mysql://x")',
      'DEMO_DATA: must be true or false (got "maybe")',
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    ]);
  });

  it('requires an issuer, client id and secret together', () => {
    expect(errorsOf({ OIDC_CITIZEN_ISSUER: 'https://idporten.no' })).toEqual([
      'OIDC_CITIZEN_ISSUER, OIDC_CITIZEN_CLIENT_ID and OIDC_CITIZEN_CLIENT_SECRET must be set together',
    ]);
  });

  it('accepts a complete production configuration', () => {
    const result = readConfig(productionBase);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.config.demoData).toBe(false);
  });

  it('refuses the local identity provider in production', () => {
    expect(errorsOf({ ...productionBase, LOCAL_IDP: 'true' })).toContain('LOCAL_IDP: the local identity provider is refused in production');
  });

  it('refuses production without real issuers or a session secret', () => {
    const errors = errorsOf({ NODE_ENV: 'production', LOCAL_IDP: 'false' });
    expect(errors).toContain('SESSION_SECRET: required in production');
    expect(errors).toContain('OIDC_CITIZEN_ISSUER: required in production (a real OpenID issuer)');
    expect(errors).toContain('OIDC_EMPLOYEE_ISSUER: required in production (a real OpenID issuer)');
    expect(errors).toContain('SMTP_URL: required in production');
  });

  it('captures mail locally in development, and refuses that in production', () => {
    const development = readConfig({});
    expect(development.ok && development.config.localMail).toBe(true);
    const relayed = readConfig({ SMTP_URL: 'smtp://relay.example.no:587' });
    expect(relayed.ok && relayed.config.localMail).toBe(false);
    expect(errorsOf({ ...productionBase, LOCAL_MAIL: 'true' })).toEqual(['LOCAL_MAIL: capturing mail locally is refused in production']);
    expect(errorsOf({ SMTP_URL: 'http://relay' })).toEqual(['SMTP_URL: must be a smtp: or smtps: URL (got "http://relay")']);
  });

  it('refuses a loopback or plain-http issuer in production', () => {
    const errors = errorsOf({ ...productionBase, OIDC_EMPLOYEE_ISSUER: 'http://localhost:3000/oidc' });
    expect(errors).toEqual(['OIDC_EMPLOYEE_ISSUER: must be a public https issuer in production (got "http://localhost:3000/oidc")']);
  });

  it('refuses a short session secret', () => {
    expect(errorsOf({ SESSION_SECRET: 'short' })).toEqual(['SESSION_SECRET: must be at least 32 characters']);
  });
});
