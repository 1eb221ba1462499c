import { isIP } from 'node:net';
/** Server configuration, read once from the environment and validated as a whole. */
export type Environment = 'development' | 'test' | 'production';

export interface OidcClientConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export interface Config {
  env: Environment;
  host: string;
  port: number;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string;
  sessionMaxAgeHours: number;
  rateLimitPerMinute: number;
  /**
   * Which proxies in front may tell the client's address (X-Forwarded-For): none (false), the
   * nearest N hops, or proxies by address/CIDR. Never every hop: then a client could pick its own
   * address and escape the rate limits.
   */
  trustProxy: false | number | string;
  uploadMaxBytes: number;
  demoData: boolean;
  logLevel: string;
  /** When true the embedded OpenID provider with seeded personas is mounted at /oidc. */
  localIdentityProvider: boolean;
  /** SMTP server for outgoing mail (smtp:// or smtps://); unset outside production = captured locally. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** When true, mail goes to an in-process SMTP server that keeps it for the outbox page. */
  localMail: boolean;
  /** ID-porten: citizens. */
  citizenLogin: OidcClientConfig | undefined;
  /** Ansattporten: employees of ministries, state offices and municipalities. */
  employeeLogin: OidcClientConfig | undefined;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

type Env = Record<string, string | undefined>;

const DEV_SESSION_SECRET = 'development-only-session-secret-change-me-0123456789';

/** Every variable the server reads, with what it means; the README lists the same. */
export const ENVIRONMENT_VARIABLES = {
  NODE_ENV: 'development | test | production (default development)',
  HOST: 'interface to listen on (default 127.0.0.1)',
  PORT: 'port to listen on (default 3000)',
  PUBLIC_URL: 'external base URL, used for OpenID redirects (default http://localhost:PORT)',
  DATABASE_URL: 'postgres://… to use a PostgreSQL server; unset = embedded PGlite',
  DATA_DIR: 'folder for the embedded database (default .data)',
  SESSION_SECRET: 'at least 32 characters; required in production',
  SESSION_MAX_AGE_HOURS: 'session lifetime in hours (default 8)',
  RATE_LIMIT_PER_MINUTE: 'requests per minute per client address (default 600)',
  TRUST_PROXY:
    'proxies trusted to give the client address in X-Forwarded-For: false (default), a hop count 1–10, or addresses/CIDRs separated by commas',
  UPLOAD_MAX_BYTES: 'largest accepted upload in bytes (default 20971520)',
  DEMO_DATA: 'true | false: load demo organisations and personas at start (default true outside production)',
  LOG_LEVEL: 'fatal | error | warn | info | debug | trace | silent (default info)',
  LOCAL_IDP: 'true | false: run the embedded OpenID provider (default true outside production; refused in production)',
  SMTP_URL: 'smtp://user:password@host:587 or smtps://…: where mail is sent; required in production',
  MAIL_FROM: 'sender of outgoing mail (default Stifinner <noreply@stifinner.localhost>)',
  LOCAL_MAIL:
    'true | false: capture mail in an in-process SMTP server with an outbox page (default true outside production without SMTP_URL; refused in production)',
  OIDC_CITIZEN_ISSUER: 'ID-porten issuer URL (citizens)',
  OIDC_CITIZEN_CLIENT_ID: 'client id at ID-porten',
  OIDC_CITIZEN_CLIENT_SECRET: 'client secret at ID-porten',
  OIDC_EMPLOYEE_ISSUER: 'Ansattporten issuer URL (employees)',
  OIDC_EMPLOYEE_CLIENT_ID: 'client id at Ansattporten',
  OIDC_EMPLOYEE_CLIENT_SECRET: 'client secret at Ansattporten',
} as const;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

class Reader {
  readonly errors: string[] = [];
  constructor(private readonly env: Env) {}

  raw(name: keyof typeof ENVIRONMENT_VARIABLES): string | undefined {
    const value = this.env[name]?.trim();
    return value === '' ? undefined : value;
  }

  string(name: keyof typeof ENVIRONMENT_VARIABLES, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  integer(name: keyof typeof ENVIRONMENT_VARIABLES, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      this.errors.push(`${name}: must be a whole number from ${min} to ${max} (got "${value}")`);
      return fallback;
    }
    return parsed;
  }

  boolean(name: keyof typeof ENVIRONMENT_VARIABLES, fallback: boolean): boolean {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    this.errors.push(`${name}: must be true or false (got "${value}")`);
    return fallback;
  }

  oneOf<T extends string>(name: keyof typeof ENVIRONMENT_VARIABLES, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.errors.push(`${name}: must be one of ${allowed.join(', ')} (got "${value}")`);
    return fallback;
  }

  url(name: keyof typeof ENVIRONMENT_VARIABLES, protocols: string[]): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    try {
      const url = new URL(value);
      if (protocols.includes(url.protocol)) return value.replace(/\/$/, '');
    } catch {
      // reported below
    }
    this.errors.push(`${name}: must be a ${protocols.join(' or ')} URL (got "${value}")`);
    return undefined;
  }

  trustProxy(): false | number | string {
    const value = this.raw('TRUST_PROXY');
    if (value === undefined || value === 'false' || value === '0') return false;
    if (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 10) return Number(value);
    const entries = value.split(',').map((entry) => entry.trim());
    if (entries.every(isAddressOrRange)) return entries.join(',');
    this.errors.push(`TRUST_PROXY: must be false, a hop count from 1 to 10, or proxy addresses/CIDRs separated by commas (got "${value}")`);
    return false;
  }

  oidcClient(kind: 'CITIZEN' | 'EMPLOYEE'): OidcClientConfig | undefined {
    const issuer = this.url(`OIDC_${kind}_ISSUER`, ['https:', 'http:']);
    const clientId = this.raw(`OIDC_${kind}_CLIENT_ID`);
    const clientSecret = this.raw(`OIDC_${kind}_CLIENT_SECRET`);
    if (issuer === undefined && clientId === undefined && clientSecret === undefined) return undefined;
    if (issuer === undefined || clientId === undefined || clientSecret === undefined) {
      this.errors.push(`OIDC_${kind}_ISSUER, OIDC_${kind}_CLIENT_ID and OIDC_${kind}_CLIENT_SECRET must be set together`);
      return undefined;
    }
    return { issuer, clientId, clientSecret };
  }
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

export function readConfig(env: Env): ConfigResult {
  const read = new Reader(env);
  const nodeEnv = read.oneOf<Environment>('NODE_ENV', ['development', 'test', 'production'], 'development');
  const production = nodeEnv === 'production';
  const port = read.integer('PORT', 3000, 0, 65535);
  const config: Config = {
    env: nodeEnv,
    host: read.string('HOST', '127.0.0.1'),
    port,
    publicUrl: read.url('PUBLIC_URL', ['https:', 'http:']) ?? `http://localhost:${port}`,
    databaseUrl: read.url('DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir: read.string('DATA_DIR', '.data'),
    sessionSecret: read.raw('SESSION_SECRET') ?? DEV_SESSION_SECRET,
    sessionMaxAgeHours: read.integer('SESSION_MAX_AGE_HOURS', 8, 1, 24 * 30),
    rateLimitPerMinute: read.integer('RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    trustProxy: read.trustProxy(),
    uploadMaxBytes: read.integer('UPLOAD_MAX_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    demoData: read.boolean('DEMO_DATA', !production),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    localIdentityProvider: read.boolean('LOCAL_IDP', !production),
    smtpUrl: read.url('SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: read.string('MAIL_FROM', 'Stifinner <noreply@stifinner.localhost>'),
    localMail: read.boolean('LOCAL_MAIL', !production && !env.SMTP_URL),
    citizenLogin: read.oidcClient('CITIZEN'),
    employeeLogin: read.oidcClient('EMPLOYEE'),
  };
  const errors = [...read.errors, ...productionErrors(config, env)];
  if (config.sessionSecret.length < 32) errors.push('SESSION_SECRET: must be at least 32 characters');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config };
}

function productionErrors(config: Config, env: Env): string[] {
  if (config.env !== 'production') return [];
  const errors: string[] = [];
  if (config.localIdentityProvider) errors.push('LOCAL_IDP: the local identity provider is refused in production');
  if (config.localMail) errors.push('LOCAL_MAIL: capturing mail locally is refused in production');
  if (!config.smtpUrl) errors.push('SMTP_URL: required in production');
  if (!env.SESSION_SECRET) errors.push('SESSION_SECRET: required in production');
  for (const [kind, login] of [
    ['CITIZEN', config.citizenLogin],
    ['EMPLOYEE', config.employeeLogin],
  ] as const) {
    if (login === undefined) errors.push(`OIDC_${kind}_ISSUER: required in production (a real OpenID issuer)`);
    else if (!login.issuer.startsWith('https://') || isLocalAddress(login.issuer))
      errors.push(`OIDC_${kind}_ISSUER: must be a public https issuer in production (got "${login.issuer}")`);
  }
  return errors;
}

function isLocalAddress(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '::1' || host === '[::1]';
}
