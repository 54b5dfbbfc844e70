// The soft cost that moves and placement minimise, in points. A hard conflict is never traded
// for points: candidates with one are not candidates.
//   CHANGEOVER_TOO_SHORT       20 each   a room left too little time to change over
//   TRAVEL_TOO_SHORT           20 each   a person left too little time to walk between buildings
//   SIDE_EVENT_OVER_OFFICIAL   50 each   a delegation pulled between a side event and an official session
//   preferred time              1 a minute from the nearest preferred start (placement; none given: 0)
//   wasted seats               10 × the share of the room's seats left empty (placement only)
//   moved (resolution only)     1 a minute from the original start, 15 for another room
import type { Conflict } from '../conflicts/types.ts';
import type { Room, Session } from '../programme.ts';

export const WEIGHTS = {
  CHANGEOVER_TOO_SHORT: 20,
  TRAVEL_TOO_SHORT: 20,
  SIDE_EVENT_OVER_OFFICIAL: 50,
  preferredMinute: 1,
  wastedSeats: 10,
  movedMinute: 1,
  otherRoom: 15,
} as const;

export function softCost(conflicts: readonly Conflict[]): number {
  let cost = 0;
  for (const c of conflicts)
    if (c.severity === 'soft')
      cost += WEIGHTS[c.code as 'CHANGEOVER_TOO_SHORT' | 'TRAVEL_TOO_SHORT' | 'SIDE_EVENT_OVER_OFFICIAL'];
  return cost;
}

/** What a placement costs by itself, whatever else is placed: distance from preferred starts, empty seats. */
export function unaryCost(session: Session, room: Room, start: number): number {
  const preferred = session.preferredStarts.length
    ? (Math.min(...session.preferredStarts.map((t) => Math.abs(t - start))) / 60_000) *
      WEIGHTS.preferredMinute
    : 0;
  const wasted =
    room.capacity > 0 && session.expectedAttendance !== null
      ? (Math.max(0, room.capacity - session.expectedAttendance) / room.capacity) * WEIGHTS.wastedSeats
      : 0;
  return preferred + wasted;
}
