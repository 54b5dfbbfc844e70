// Naming a conflict to accept it: publishing, and changing a published session, go ahead over a
// hard conflict only when the request names it (its code, sessions, and room, person or delegation).
import type { Conflict } from './conflicts/types.ts';

export type ConflictRef = {
  code: string;
  sessions: readonly string[];
  room?: string;
  person?: string;
  delegation?: string;
  reason?: string;
};

const sessionsOf = (x: { sessions: readonly string[] }) => [...x.sessions].sort().join('\u0000');

/** Whether a reference names this conflict (the order of its sessions aside). */
export const namesConflict = (ref: ConflictRef, c: Conflict): boolean =>
  ref.code === c.code &&
  sessionsOf(ref) === sessionsOf(c) &&
  (ref.room ?? null) === (c.room ?? null) &&
  (ref.person ?? null) === (c.person ?? null) &&
  (ref.delegation ?? null) === (c.delegation ?? null);

/** The conflicts of `after` that are not in `before`, by what names them (not their sentences). */
export const conflictsAdded = (before: readonly Conflict[], after: readonly Conflict[]): Conflict[] =>
  after.filter((c) => !before.some((b) => namesConflict(b, c)));
