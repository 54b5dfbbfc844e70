// Moves that take a session out of its hard conflicts without putting it into others: another room
// and/or time within its segment (the summit's days for a session without one), cheapest first.
import { conflictsInvolving } from '../conflicts/engine.ts';
import type { Prepared } from '../conflicts/prepare.ts';
import type { Conflict } from '../conflicts/types.ts';
import type { Session } from '../programme.ts';
import { at, spotsFor, type Spot } from './candidates.ts';
import { softCost, WEIGHTS } from './cost.ts';

export type Move = Spot & {
  cost: number;
  minutesFromOriginal: number;
  otherRoom: boolean;
  softConflicts: Conflict[];
};

export function proposeMoves(
  p: Prepared,
  session: Session,
  opts: { stepMinutes?: number; limit?: number } = {},
): Move[] {
  if (session.start === null || session.pinned) return [];
  const moves: Move[] = [];
  for (const spot of spotsFor(p, session, opts.stepMinutes ?? 5)) {
    if (spot.room === session.room && spot.start === session.start) continue;
    const conflicts = conflictsInvolving(p, at(session, spot));
    if (conflicts.some((c) => c.severity === 'hard')) continue;
    const minutesFromOriginal = Math.abs(spot.start - session.start) / 60_000;
    const otherRoom = spot.room !== session.room;
    const cost =
      softCost(conflicts) + minutesFromOriginal * WEIGHTS.movedMinute + (otherRoom ? WEIGHTS.otherRoom : 0);
    moves.push({ ...spot, cost, minutesFromOriginal, otherRoom, softConflicts: conflicts });
  }
  moves.sort((a, b) => a.cost - b.cost || a.start - b.start || a.room.localeCompare(b.room));
  return moves.slice(0, opts.limit ?? 5);
}
