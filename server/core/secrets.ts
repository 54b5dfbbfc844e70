// Tokens and their hashes: sign-in links, sessions, API tokens and CSRF tokens. Only hashes are
// stored; comparisons take constant time.
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const newToken = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');

const fingerprints = new Map<string, string>();

/**
 * A fingerprint of the administrator's secret (ADMIN_TOKEN), kept with each session and token it
 * grants so that they end when it changes. scrypt rather than a plain hash, because a person may
 * choose a guessable secret and the database must not give it away; computed once per secret.
 */
export function adminFingerprint(secret: string): string {
  let fingerprint = fingerprints.get(secret);
  if (fingerprint === undefined) {
    fingerprint = scryptSync(secret, 'convene admin fingerprint', 32).toString('hex');
    fingerprints.set(secret, fingerprint);
  }
  return fingerprint;
}

/** Compares two secrets in constant time, whatever their lengths. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(
    createHash('sha256').update(given).digest(),
    createHash('sha256').update(expected).digest(),
  );
}
