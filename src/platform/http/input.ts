/**
 * Request parsing in one place: ids in route schemas, form bodies (urlencoded and multipart alike),
 * the version a form was filled in from, who acts, calendar dates (the path to return to after sign-in is
 * auth's `safeReturnPath`). Text that cannot be stored (NUL, lone surrogates) is refused for every route by the
 * server's own hook (see `refuseUnstorableText`).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../db/kit.js';
import { HttpProblem } from './problems.js';

/** A UUID as PostgreSQL accepts it: a route schema with this pattern never lets a malformed id reach a store. */
export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** The params schema of a route whose path parameters are all UUIDs, e.g. `idParams('id', 'fileId')`. */
export function idParams<const N extends string>(...names: N[]) {
  return {
    type: 'object',
    properties: Object.fromEntries(names.map((name) => [name, { type: 'string', pattern: UUID_PATTERN }])) as Record<
      N,
      { type: 'string'; pattern: string }
    >,
    required: names,
  } as const;
}

/** Who makes the change a request asks for. */
export function actorOf(request: FastifyRequest): Actor {
  const principal = request.principal;
  return { user: principal ? { userId: principal.userId, name: principal.name } : null, requestId: request.id };
}

// Form bodies: urlencoded and multipart alike ------------------------------------------------------

/** A multipart part as @fastify/multipart attaches it to the body. */
export interface MultipartPart {
  value?: unknown;
  filename?: string;
  mimetype?: string;
  toBuffer?: () => Promise<Buffer>;
}

export interface UploadedFile {
  name: string;
  contentType: string;
  content: Buffer;
}

const textOf = (raw: unknown): string | undefined => {
  if (typeof raw === 'string') return raw;
  if (raw && typeof raw === 'object' && typeof (raw as MultipartPart).value === 'string') return (raw as MultipartPart).value as string;
  return undefined;
};

/** One text field of a form (the first, when sent several times). */
export function formField(body: unknown, name: string): string | undefined {
  const raw = (body as Record<string, unknown> | undefined)?.[name];
  return textOf(Array.isArray(raw) ? raw[0] : raw);
}

/** Every value of a repeated text field. */
export function formFieldAll(body: unknown, name: string): string[] {
  const raw = (body as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(raw) ? raw : [raw]).map(textOf).filter((value): value is string => value !== undefined);
}

/** The text fields of a form as a plain object (multipart fields unwrapped). */
export function formFields(body: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name of Object.keys((body as Record<string, unknown> | undefined) ?? {})) {
    const values = formFieldAll(body, name);
    if (values.length === 1) out[name] = values[0]!;
    else if (values.length > 1) out[name] = values;
  }
  return out;
}

const FILE_NAME_MAX = 200;

/** The uploaded file of a multipart field, or undefined when none (or an empty one) was chosen. */
export async function formFile(body: unknown, name: string): Promise<UploadedFile | undefined> {
  const raw = (body as Record<string, unknown> | undefined)?.[name];
  const part = (Array.isArray(raw) ? raw[0] : raw) as MultipartPart | undefined;
  if (!part || typeof part.toBuffer !== 'function' || !part.filename) return undefined;
  const content = await part.toBuffer();
  if (content.length === 0) return undefined;
  return { name: part.filename.slice(0, FILE_NAME_MAX), contentType: part.mimetype ?? 'application/octet-stream', content };
}

/** The version of the record the form was filled in from; a form without one is malformed. */
export function formVersion(body: unknown): number {
  const raw = formField(body, 'version');
  if (raw === undefined || !/^\d{1,9}$/.test(raw)) throw new HttpProblem(400, 'version missing');
  return Number(raw);
}

// Values -----------------------------------------------------------------------------------------

/** `YYYY-MM-DD` that names a day of the calendar (not 2026-02-30), or undefined. */
export function calendarDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && year >= 1900 && year <= 2200 ? match[0] : undefined;
}

const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a text can be stored and shown: no NUL, no lone surrogate halves. */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

// Answers ----------------------------------------------------------------------------------------

/** Sends a stored file as a download under its own name, never rendered by the browser (`reply.download`). */
export function sendDownload(this: FastifyReply, file: UploadedFile): FastifyReply {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return this.type(file.contentType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** An e-mail address as typed in a form: something@somewhere.tld, at most 200 characters. */
export const isEmailAddress = (text: string) => EMAIL.test(text) && text.length <= 200;
