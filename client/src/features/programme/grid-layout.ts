// Lays out one day as rooms (columns) by time, independent of any calendar library: each session
// gets a column and its minutes into the day in the display zone; the visible range is the whole
// hours around them.
import type { DisplayZone } from '../../lib/zone.ts';
import { minutesIntoDay } from '../../lib/zone.ts';

export type GridSession = { key: string; room?: string; start: number; end: number };
export type GridColumn = { key: string | null; name: string };
export type GridEvent = { key: string; column: number; startMinutes: number; endMinutes: number };
export type GridLayout = {
  columns: GridColumn[];
  firstMinute: number;
  lastMinute: number;
  events: GridEvent[];
};

export function layoutDay(
  day: string,
  sessions: readonly GridSession[],
  rooms: readonly { key: string; name: string }[],
  zone: DisplayZone,
  noRoomName: string,
): GridLayout {
  const known = new Set(rooms.map((r) => r.key));
  const roomOf = (s: GridSession) => (s.room !== undefined && known.has(s.room) ? s.room : null);
  const used = new Set(sessions.map(roomOf));
  // Rooms with a session that day, in the summit's room order; sessions without a room last.
  const columns: GridColumn[] = rooms
    .filter((r) => used.has(r.key))
    .map((r) => ({ key: r.key, name: r.name }));
  if (used.has(null)) columns.push({ key: null, name: noRoomName });
  const index = new Map(columns.map((c, i) => [c.key, i]));
  const events = sessions.map((s) => ({
    key: s.key,
    column: index.get(roomOf(s))!,
    startMinutes: minutesIntoDay(zone, s.start, day),
    endMinutes: minutesIntoDay(zone, s.end, day),
  }));
  if (events.length === 0) return { columns, firstMinute: 8 * 60, lastMinute: 18 * 60, events };
  const firstMinute = Math.floor(Math.min(...events.map((e) => e.startMinutes)) / 60) * 60;
  const lastMinute = Math.min(
    firstMinute + 24 * 60,
    Math.ceil(Math.max(...events.map((e) => e.endMinutes)) / 60) * 60,
  );
  return { columns, firstMinute, lastMinute, events };
}
