// The coarse gate each route declares: who may call it at all. Decisions about a particular summit
// or item live in each module's policy.
import { type Actor, isAdmin } from '../core/actor.ts';

export type Decision = 'allow' | 'unauthenticated' | 'forbidden';
export type Access = { name: string; decide(actor: Actor): Decision };

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
