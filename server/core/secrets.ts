// Tokens and their hashes: sign-in links, sessions, API tokens and CSRF tokens. Only hashes are
// stored; comparisons take constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const newToken = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');

/** Compares two secrets in constant time, whatever their lengths. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(
    createHash('sha256').update(given).digest(),
    createHash('sha256').update(expected).digest(),
  );
}
