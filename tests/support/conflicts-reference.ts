// A brute-force reading of the conflict rules, written independently of the engine: every pair of
// sessions is compared, and delegation loads are counted on every elementary interval between
// consecutive start/end instants. Slow and obviously right; property tests compare the two.
import type { Programme } from '../../shared/domain/programme.ts';
import { PRESENCE_ROLES } from '../../shared/domain/vocabulary.ts';

export type RefConflict = {
  code: string;
  sessions: string[];
  room?: string;
  person?: string;
  delegation?: string;
  start: number;
  end: number;
};

const OFFICIAL = ['plenary', 'roundtable', 'special_session'];

export function referenceConflicts(p: Programme, summitStart: number, summitEnd: number): RefConflict[] {
  const out: RefConflict[] = [];
  const timed = p.sessions.filter((s) => s.start !== null && s.end !== null);
  const room = (key: string | null) => p.rooms.find((r) => r.key === key) ?? null;
  const delegationOf = (person: string) => p.people.find((x) => x.key === person)?.delegation ?? null;
  const presentPeople = (s: (typeof timed)[number]) =>
    new Set(s.participants.filter((x) => x.person && PRESENCE_ROLES.has(x.role)).map((x) => x.person!));
  const delegations = (s: (typeof timed)[number], presenceOnly: boolean) =>
    new Set(
      s.participants
        .filter((x) => !presenceOnly || PRESENCE_ROLES.has(x.role))
        .map((x) => (x.person ? delegationOf(x.person) : x.delegation))
        .filter((d): d is string => d !== null),
    );
  const ordered = (a: (typeof timed)[number], b: (typeof timed)[number]) =>
    a.start! < b.start! || (a.start === b.start && (a.end! < b.end! || (a.end === b.end && a.key < b.key)))
      ? [a, b]
      : [b, a];

  for (let i = 0; i < timed.length; i++) {
    for (let j = i + 1; j < timed.length; j++) {
      const [a, b] = ordered(timed[i]!, timed[j]!) as [(typeof timed)[number], (typeof timed)[number]];
      const overlaps = a.start! < b.end! && b.start! < a.end!;
      const from = Math.max(a.start!, b.start!);
      const to = Math.min(a.end!, b.end!);
      const gap = b.start! - a.end!;
      const sessions = [a.key, b.key];
      const ra = room(a.room);
      const rb = room(b.room);
      if (ra && a.room === b.room) {
        if (overlaps) out.push({ code: 'ROOM_DOUBLE_BOOKED', sessions, room: ra.key, start: from, end: to });
        else if (gap >= 0 && gap < ra.changeoverMinutes * 60_000)
          out.push({ code: 'CHANGEOVER_TOO_SHORT', sessions, room: ra.key, start: a.end!, end: b.start! });
      }
      const pa = presentPeople(a);
      for (const person of presentPeople(b)) {
        if (!pa.has(person)) continue;
        if (overlaps) out.push({ code: 'PERSON_DOUBLE_BOOKED', sessions, person, start: from, end: to });
        else if (
          gap >= 0 &&
          gap < p.summit.travelMinutes * 60_000 &&
          ra?.building &&
          rb?.building &&
          ra.building !== rb.building
        ) {
          out.push({ code: 'TRAVEL_TOO_SHORT', sessions, person, start: a.end!, end: b.start! });
        }
      }
      const side = [a, b].filter((s) => s.kind === 'side_event');
      const official = [a, b].filter((s) => OFFICIAL.includes(s.kind));
      if (overlaps && side.length === 1 && official.length === 1) {
        const da = delegations(a, false);
        for (const d of delegations(b, false))
          if (da.has(d))
            out.push({ code: 'SIDE_EVENT_OVER_OFFICIAL', sessions, delegation: d, start: from, end: to });
      }
    }
  }

  for (const d of p.delegations) {
    const mine = timed.filter((s) => delegations(s, true).has(d.key));
    const points = [...new Set(mine.flatMap((s) => [s.start!, s.end!]))].sort((x, y) => x - y);
    let open: { start: number; end: number } | null = null;
    const intervals: { start: number; end: number }[] = [];
    for (let k = 0; k + 1 < points.length; k++) {
      const [x, y] = [points[k]!, points[k + 1]!];
      const load = mine.filter((s) => s.start! <= x && s.end! >= y).length;
      if (load > d.size) {
        if (open && open.end === x) open.end = y;
        else {
          open = { start: x, end: y };
          intervals.push(open);
        }
      } else open = null;
    }
    for (const iv of intervals) {
      const sessions = mine.filter((s) => s.start! < iv.end && s.end! > iv.start).map((s) => s.key);
      out.push({
        code: 'DELEGATION_OVERCOMMITTED',
        sessions,
        delegation: d.key,
        start: iv.start,
        end: iv.end,
      });
    }
  }

  for (const s of timed) {
    const r = room(s.room);
    if (r && s.expectedAttendance !== null && s.expectedAttendance > r.capacity)
      out.push({ code: 'CAPACITY_EXCEEDED', sessions: [s.key], room: r.key, start: s.start!, end: s.end! });
    if (
      r &&
      (s.equipment.some((e) => !r.equipment.includes(e)) ||
        (s.microphones !== null && s.microphones > r.microphones))
    ) {
      out.push({ code: 'EQUIPMENT_MISSING', sessions: [s.key], room: r.key, start: s.start!, end: s.end! });
    }
    const seg = p.segments.find((x) => x.key === s.segment);
    if ((seg && (s.start! < seg.start || s.end! > seg.end)) || s.start! < summitStart || s.end! > summitEnd) {
      out.push({ code: 'OUTSIDE_WINDOW', sessions: [s.key], start: s.start!, end: s.end! });
    }
  }
  return out;
}
