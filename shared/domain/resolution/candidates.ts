// Where and when a session could go: every room, every start on a grid inside its window.
import type { Prepared } from '../conflicts/prepare.ts';
import type { Session } from '../programme.ts';

export type Spot = { room: string; start: number; end: number };

/** The window a session must stay in: its segment, else the summit's days. */
export function windowOf(p: Prepared, session: Session): { from: number; to: number } {
  const segment = session.segment !== null ? p.segments.get(session.segment) : undefined;
  return segment ? { from: segment.start, to: segment.end } : { from: p.summitStart, to: p.summitEnd };
}

/**
 * The windows a session may be placed in: its segment's; for a side event without one, the
 * summit's side-event windows (a side event is never placed over the plenary or in the night);
 * otherwise the summit's days.
 */
export function windowsOf(p: Prepared, session: Session): { from: number; to: number }[] {
  if (session.segment === null && session.kind === 'side_event') {
    const windows = [...p.segments.values()].filter((s) => s.kind === 'side_events');
    if (windows.length) return windows.map((w) => ({ from: w.start, to: w.end }));
  }
  return [windowOf(p, session)];
}

/**
 * Where a session may go when its caller says so: only these rooms, only in these windows (a
 * Marketplace consultation: its tables, in the Marketplace's windows). It narrows, never widens.
 */
export type SpotLimit = { rooms: readonly string[]; windows: readonly { from: number; to: number }[] };

/** Spots on a `stepMinutes` grid from each window's start, in every room, plus the session's preferred starts. */
export function spotsFor(p: Prepared, session: Session, stepMinutes: number, limit?: SpotLimit): Spot[] {
  const length = session.durationMinutes * 60_000;
  const starts = new Set<number>();
  for (const { from, to } of limit?.windows ?? windowsOf(p, session)) {
    for (let t = from; t + length <= to; t += stepMinutes * 60_000) starts.add(t);
    for (const t of session.preferredStarts) if (t >= from && t + length <= to) starts.add(t);
  }
  const rooms = limit ? limit.rooms.filter((r) => p.rooms.has(r)) : [...p.rooms.keys()];
  const spots: Spot[] = [];
  for (const start of [...starts].sort((a, b) => a - b)) {
    for (const room of rooms) spots.push({ room, start, end: start + length });
  }
  return spots;
}

/** Whether a session has a time: one without a room keeps it, and placement only looks for a room. */
export const isTimed = (s: Session) => s.start !== null && s.end !== null;

/**
 * Where placement may put a session: a session with a time but no room (a coordination meeting)
 * keeps its time, so every room at that time; one with a room but no time keeps its room, so every
 * start of spotsFor in that room; any other, every room and start of spotsFor.
 */
export function placementSpots(
  p: Prepared,
  session: Session,
  stepMinutes: number,
  limit?: SpotLimit,
): Spot[] {
  if (isTimed(session))
    return (limit ? limit.rooms.filter((r) => p.rooms.has(r)) : [...p.rooms.keys()]).map((room) => ({
      room,
      start: session.start!,
      end: session.end!,
    }));
  const spots = spotsFor(p, session, stepMinutes, limit);
  return session.room !== null && p.rooms.has(session.room)
    ? spots.filter((s) => s.room === session.room)
    : spots;
}

/**
 * What placement works on: the sessions it places (no time, or a time and no room) and the fixed
 * programme around them (every session with a time, roomless ones included: their people and
 * delegations are committed at that time whether or not a room is found).
 */
export function splitForPlacement(sessions: readonly Session[]): { fixed: Session[]; toPlace: Session[] } {
  return {
    fixed: sessions.filter(isTimed),
    toPlace: sessions.filter((s) => !isTimed(s) || s.room === null),
  };
}

export const at = (session: Session, spot: Spot): Session => ({
  ...session,
  room: spot.room,
  start: spot.start,
  end: spot.end,
});
