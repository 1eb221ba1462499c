import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';
import type { Access, LoginKind, Principal } from '../auth/model.js';
import type { PendingLogin } from '../auth/relying-party.js';
import type { Locale, Translate } from '../i18n/index.js';
import type { PageContext } from '../ui/context.js';
import type { Slots } from '../slots.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: DatabaseHandle;
    /** Places on one capability's pages that others fill (platform/slots.ts). */
    slots: Slots;
    /** Every route with its access rule, for the access walk in the tests. */
    declaredRoutes(): { method: string; url: string; access: Access | undefined }[];
  }
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
    principal: Principal | null;
    /** Set once the body is parsed: a failure before it is the body's fault (see errors.ts). */
    bodyParsed: boolean;
  }
  interface FastifyReply {
    /** Sends a rendered page (or any HTML) with the right content type. */
    html(content: JSX.Element): Promise<void>;
    pageContext(): PageContext;
    /** Sends a stored file as a download under its own name (platform/http/input.ts). */
    download(file: { name: string; contentType: string; content: Buffer }): FastifyReply;
  }
  interface FastifyContextConfig {
    /** Who may use the route. Required on every route; see platform/auth/model.ts. */
    access?: Access;
  }
  interface Session {
    userId?: string;
    loginKind?: LoginKind;
    /** A citizen's year of birth from the sign-in (the signers' list of an initiative shows it). */
    birthYear?: number;
    idToken?: string;
    pendingLogin?: PendingLogin;
  }
}
