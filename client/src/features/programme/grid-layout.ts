// Lays out one day as rooms (columns) by time, independent of any calendar library: every room of
// the summit is a column (a session can be dragged into an empty one), each session gets a column
// and its minutes into the day in the display zone, and the segments of the day (side events
// breakfast, Marketplace…) are bands; the visible range is the whole hours around them all.
import type { DisplayZone } from '../../lib/zone.ts';
import { minutesIntoDay } from '../../lib/zone.ts';

export type GridSession = { key: string; room?: string; start: number; end: number };
export type GridSegment = { key: string; title: string; start: number; end: number };
export type GridColumn = { key: string | null; name: string };
export type GridEvent = { key: string; column: number; startMinutes: number; endMinutes: number };
export type GridBand = { key: string; title: string; startMinutes: number; endMinutes: number };
export type GridLayout = {
  columns: GridColumn[];
  firstMinute: number;
  lastMinute: number;
  events: GridEvent[];
  bands: GridBand[];
};

export function layoutDay(
  day: string,
  sessions: readonly GridSession[],
  rooms: readonly { key: string; name: string }[],
  zone: DisplayZone,
  noRoomName: string,
  options: { segments?: readonly GridSegment[]; room?: string } = {},
): GridLayout {
  const known = new Set(rooms.map((r) => r.key));
  const roomOf = (s: GridSession) => (s.room !== undefined && known.has(s.room) ? s.room : null);
  const shown = options.room && known.has(options.room) ? options.room : null;
  const visible = shown ? sessions.filter((s) => roomOf(s) === shown) : sessions;
  // Every room in the summit's order (or the one filtered on); sessions without a room last.
  const columns: GridColumn[] = rooms
    .filter((r) => !shown || r.key === shown)
    .map((r) => ({ key: r.key, name: r.name }));
  if (visible.some((s) => roomOf(s) === null)) columns.push({ key: null, name: noRoomName });
  const index = new Map(columns.map((c, i) => [c.key, i]));
  const events = visible.map((s) => ({
    key: s.key,
    column: index.get(roomOf(s))!,
    startMinutes: minutesIntoDay(zone, s.start, day),
    endMinutes: minutesIntoDay(zone, s.end, day),
  }));
  // A segment's band within the day, clipped to it; segments of the same window share one band.
  const bands: GridBand[] = [];
  for (const g of options.segments ?? []) {
    const startMinutes = Math.max(0, minutesIntoDay(zone, g.start, day));
    const endMinutes = Math.min(24 * 60, minutesIntoDay(zone, g.end, day));
    if (endMinutes <= startMinutes) continue;
    const same = bands.find((b) => b.startMinutes === startMinutes && b.endMinutes === endMinutes);
    if (same) same.title = `${same.title} · ${g.title}`;
    else bands.push({ key: g.key, title: g.title, startMinutes, endMinutes });
  }
  const spans = [...events, ...bands];
  if (spans.length === 0) return { columns, firstMinute: 8 * 60, lastMinute: 18 * 60, events, bands };
  const firstMinute = Math.floor(Math.min(...spans.map((e) => e.startMinutes)) / 60) * 60;
  const lastMinute = Math.min(
    firstMinute + 24 * 60,
    Math.ceil(Math.max(...spans.map((e) => e.endMinutes)) / 60) * 60,
  );
  return { columns, firstMinute, lastMinute, events, bands };
}
