// Moves that take a session out of its hard conflicts without putting it into others: another room
// and/or time within its segment (the summit's days for a session without one), cheapest first.
// When there is none, the search says why, from what it met (placement's own words).
import { conflictsInvolving } from '../conflicts/engine.ts';
import type { Prepared } from '../conflicts/prepare.ts';
import type { Conflict } from '../conflicts/types.ts';
import type { Session } from '../programme.ts';
import { at, spotsFor, type Spot } from './candidates.ts';
import { softCost, WEIGHTS } from './cost.ts';
import { blocked, noteBlocked, type PlacementWhy, sayer } from './placement-reasons.ts';

export type Move = Spot & {
  cost: number;
  minutesFromOriginal: number;
  otherRoom: boolean;
  softConflicts: Conflict[];
};

export type MoveSearch = {
  moves: Move[];
  /** Why no move was found, in a sentence (null when there are moves, or none was looked for). */
  why: string | null;
  /** The same, for a program. */
  whyNot: MoveWhy | null;
};

/** Why no move is proposed for a session, for a program: the client says it in the reader's language. */
export type MoveWhy =
  | { code: 'pinned' }
  | { code: 'unplaced' }
  | { code: 'noHardConflict' }
  | { code: 'noMove'; reason: PlacementWhy };

export const PINNED_NO_MOVE = 'It is pinned: no move is proposed for a pinned session.';
export const UNPLACED_NO_MOVE = 'It has no time yet: placement proposes one.';
export const NO_HARD_CONFLICT = 'It is in no hard conflict: there is nothing for a move to clear.';
/** The English sentence of a `MoveWhy`, after the placement reason's own (`sayer(p).say`). */
export const noMoveSentence = (reason: string) => `No room and time clears it: ${reason}.`;

/** The cheapest moves (at most `limit`), and when there is none, why. */
export function searchMoves(
  p: Prepared,
  session: Session,
  opts: { stepMinutes?: number; limit?: number } = {},
): MoveSearch {
  if (session.pinned) return { moves: [], why: PINNED_NO_MOVE, whyNot: { code: 'pinned' } };
  if (session.start === null) return { moves: [], why: UNPLACED_NO_MOVE, whyNot: { code: 'unplaced' } };
  const moves: Move[] = [];
  const seen = blocked();
  const starts = new Set<number>();
  const spots = spotsFor(p, session, opts.stepMinutes ?? 5);
  for (const spot of spots) {
    if (spot.room === session.room && spot.start === session.start) continue;
    starts.add(spot.start);
    const conflicts = conflictsInvolving(p, at(session, spot));
    const hard = conflicts.filter((c) => c.severity === 'hard');
    if (hard.length) {
      noteBlocked(seen, spot, hard);
      continue;
    }
    const minutesFromOriginal = Math.abs(spot.start - session.start) / 60_000;
    const otherRoom = spot.room !== session.room;
    const cost =
      softCost(conflicts) + minutesFromOriginal * WEIGHTS.movedMinute + (otherRoom ? WEIGHTS.otherRoom : 0);
    moves.push({ ...spot, cost, minutesFromOriginal, otherRoom, softConflicts: conflicts });
  }
  if (moves.length === 0) {
    // Said as for a session free to take any room and time of its window: a move may change both.
    const free: Session = { ...session, room: null, start: null, end: null };
    const say = sayer(p);
    const reason = starts.size === 0 ? say.noSpot(free) : say.blocked(free, seen, starts);
    return { moves, why: noMoveSentence(say.say(reason)), whyNot: { code: 'noMove', reason } };
  }
  moves.sort((a, b) => a.cost - b.cost || a.start - b.start || a.room.localeCompare(b.room));
  return { moves: moves.slice(0, opts.limit ?? 5), why: null, whyNot: null };
}

export function proposeMoves(
  p: Prepared,
  session: Session,
  opts: { stepMinutes?: number; limit?: number } = {},
): Move[] {
  return searchMoves(p, session, opts).moves;
}
