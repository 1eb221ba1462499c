/**
 * Secret tokens for links sent by mail (an invitation): 256 random bits, URL-safe; only the
 * SHA-256 of a token is stored, so a copy of the database opens no link.
 */
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PATTERN = '^[A-Za-z0-9_-]{43}$';

export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
