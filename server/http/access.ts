// Who is asking, and the coarse gate each route declares. Decisions about a particular summit or
// item live in each feature's policy module; this only knows who the caller is.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export type Actor =
  | { kind: 'anonymous' }
  /** The bootstrap admin: ADMIN_TOKEN, a session opened with it, or a token it made. */
  | { kind: 'admin'; label: string }
  | { kind: 'user'; userId: number; email: string; admin: boolean; label: string };

export type Decision = 'allow' | 'unauthenticated' | 'forbidden';
export type Access = { name: string; decide(actor: Actor): Decision };

export const isAdmin = (actor: Actor): boolean =>
  actor.kind === 'admin' || (actor.kind === 'user' && actor.admin);
export const actorLabel = (actor: Actor): string => (actor.kind === 'anonymous' ? 'anonymous' : actor.label);

export const anyone: Access = { name: 'public', decide: () => 'allow' };
export const signedIn: Access = {
  name: 'a signed-in user or a token',
  decide: (actor) => (actor.kind === 'anonymous' ? 'unauthenticated' : 'allow'),
};
export const adminOnly: Access = {
  name: 'an administrator',
  decide: (actor) =>
    actor.kind === 'anonymous' ? 'unauthenticated' : isAdmin(actor) ? 'allow' : 'forbidden',
};

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const newToken = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');

export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(
    createHash('sha256').update(given).digest(),
    createHash('sha256').update(expected).digest(),
  );
}
