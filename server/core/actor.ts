// Who is asking. Decisions about a particular summit or item live in each module's policy; this
// only knows who the caller is.
export type Actor =
  | { kind: 'anonymous' }
  /** The bootstrap admin: ADMIN_TOKEN, a session opened with it, or a token it made. */
  | { kind: 'admin'; label: string }
  | { kind: 'user'; userId: number; email: string; admin: boolean; label: string };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const isAdmin = (actor: Actor): boolean =>
  actor.kind === 'admin' || (actor.kind === 'user' && actor.admin);
export const actorLabel = (actor: Actor): string => (actor.kind === 'anonymous' ? 'anonymous' : actor.label);
/** The actor for work the system does on its own (the demo loader, the import command). */
export const systemActor = (label: string): Actor => ({ kind: 'admin', label });
