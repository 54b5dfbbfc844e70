// The token in an invitation's RSVP links: which session and person it answers for, signed with the
// session's own secret (calendar_sequences.rsvp_secret) together with the one answer it gives. It
// needs no sign-in, and can do nothing but record that answer; a forged or altered token finds
// nothing (404).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { RsvpAnswer } from '../../../shared/schemas/invites.ts';

export type RsvpClaim = { summitId: number; session: string; person: string };

export const newRsvpSecret = () => randomBytes(32).toString('base64url');

const signature = (secret: string, payload: string, answer: RsvpAnswer) =>
  createHmac('sha256', secret).update(`${payload}.${answer}`).digest();

/** The token of one answer: base64url of [summit id, session key, person key], a dot, its HMAC. */
export function rsvpToken(secret: string, claim: RsvpClaim, answer: RsvpAnswer): string {
  const payload = Buffer.from(JSON.stringify([claim.summitId, claim.session, claim.person])).toString(
    'base64url',
  );
  return `${payload}.${signature(secret, payload, answer).toString('base64url')}`;
}

/** What a token claims, unverified (its signature is checked with the session's secret, `verifyRsvp`). */
export function readRsvpToken(token: string): RsvpClaim | null {
  const [payload, sig, extra] = token.split('.');
  if (!payload || !sig || extra !== undefined) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3) return null;
    const [summitId, session, person] = value as unknown[];
    if (!Number.isSafeInteger(summitId) || typeof session !== 'string' || typeof person !== 'string')
      return null;
    return { summitId: summitId as number, session, person };
  } catch {
    return null;
  }
}

/** Whether the token was signed with this secret for this answer. */
export function verifyRsvp(secret: string, token: string, answer: RsvpAnswer): boolean {
  const [payload = '', sig = ''] = token.split('.');
  const expected = signature(secret, payload, answer);
  const given = Buffer.from(sig, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
