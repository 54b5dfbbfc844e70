// The conflict engine: pure, no I/O, run by the server (GET /conflicts, publishing, placement) and
// by the browser (live checks while dragging). Intervals are half-open: 10:00–11:00 and 11:00–12:00
// do not overlap. Pairwise rules sweep each room's, person's and delegation's sessions in start
// order, so a report compares only sessions close in time (overlapping, or within a changeover or
// walk of each other) rather than all pairs. A full report files the
// sessions by group in compressed rows (filing.ts); checking one session uses the prepared lists.
import type { Session } from '../programme.ts';
import { sentences } from './messages.ts';
import { compare, positionOf } from './order.ts';
import { eachGroup, file, sessionsOf, type Rows } from './filing.ts';
import {
  byStart,
  check,
  lookups,
  OFFICIAL_KINDS as OFFICIAL,
  prepare,
  sideOrOfficial,
  type Lookups,
  type Prepared,
  type Timed,
} from './prepare.ts';
import { SEVERITY, type Conflict, type ConflictCode, type ConflictInput } from './types.ts';

/**
 * A conflict as the rules find it: its sentence is written only when asked for (`say`), so that a
 * report can count and page through millions of conflicts while writing only the page's sentences.
 */
export type Found = Omit<Conflict, 'severity' | 'start' | 'end' | 'message'> & {
  from: number;
  to: number;
  say: () => string;
};

const active: Timed[] = []; // the sweep's open sessions, reused: sweeps do not nest

/** Calls `pair` for every two sessions of a group (filed in start order) closer than `limit` ms (overlaps included). */
function sweep(
  timed: readonly Timed[],
  rows: Rows,
  group: number,
  limit: number,
  pair: (a: Timed, b: Timed) => void,
): void {
  active.length = 0;
  for (let i = rows.start[group]!, to = rows.start[group + 1]!; i < to; i++) {
    const s = timed[rows.ranks[i]!]!;
    let kept = 0;
    for (const a of active) if (a.end + limit > s.start) active[kept++] = a;
    active.length = kept;
    for (const a of active) pair(a, s);
    active.push(s);
  }
  active.length = 0;
}

/** Calls `pair` for `c` and every other session of `list` closer than `limit` ms, earlier first. */
function pairsWith(
  list: readonly Timed[] | undefined,
  c: Timed,
  limit: number,
  pair: (a: Timed, b: Timed) => void,
): void {
  for (const o of list ?? []) {
    if (o.session.key === c.session.key) continue;
    const [a, b] = byStart(o, c) < 0 ? [o, c] : [c, o];
    if (a.end + limit > b.start) pair(a, b);
  }
}

/**
 * The maximal intervals in which more than `size` sessions of a start-ordered list run at once,
 * with the peak. Starts come in order already; ends are sorted as numbers, and at one instant ends
 * count before starts (intervals are half-open).
 */
function overloads(list: readonly Timed[], size: number): { from: number; to: number; most: number }[] {
  const out: { from: number; to: number; most: number }[] = [];
  if (list.length <= size) return out;
  const ends = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) ends[i] = list[i]!.end;
  ends.sort();
  let count = 0;
  let open: { from: number; to: number; most: number } | null = null;
  for (let i = 0, j = 0; i < list.length || j < ends.length; ) {
    const t = i < list.length && list[i]!.start < ends[j]! ? list[i]!.start : ends[j]!;
    while (j < ends.length && ends[j] === t) {
      count--;
      j++;
    }
    while (i < list.length && list[i]!.start === t) {
      count++;
      i++;
    }
    if (count > size) {
      if (!open) open = { from: t, to: t, most: count };
      open.most = Math.max(open.most, count);
    } else if (open) {
      open.to = t;
      out.push(open);
      open = null;
    }
  }
  return out;
}

function rules(p: Lookups, emit: (f: Found) => void) {
  const say = sentences(p);
  const travel = p.input.summit.travelMinutes * 60_000;
  const overlap = (a: Timed, b: Timed) => [Math.max(a.start, b.start), Math.min(a.end, b.end)] as const;
  const keys = (...cs: Timed[]) => cs.map((c) => c.session.key);
  return {
    roomPair: (room: string, changeover: number) => (a: Timed, b: Timed) => {
      if (a.end > b.start) {
        const [from, to] = overlap(a, b);
        emit({
          code: 'ROOM_DOUBLE_BOOKED',
          sessions: keys(a, b),
          room,
          from,
          to,
          say: () => say.roomDoubleBooked(room, a, b, from, to),
        });
      } else if (b.start - a.end < changeover) {
        emit({
          code: 'CHANGEOVER_TOO_SHORT',
          sessions: keys(a, b),
          room,
          from: a.end,
          to: b.start,
          say: () => say.changeover(room, a, b, changeover),
        });
      }
    },
    personPair: (person: string) => (a: Timed, b: Timed) => {
      if (a.end > b.start) {
        const [from, to] = overlap(a, b);
        emit({
          code: 'PERSON_DOUBLE_BOOKED',
          sessions: keys(a, b),
          person,
          from,
          to,
          say: () => say.personDoubleBooked(person, a, b, from, to),
        });
      } else if (
        b.start - a.end < travel &&
        a.room?.building &&
        b.room?.building &&
        a.room.building !== b.room.building
      ) {
        emit({
          code: 'TRAVEL_TOO_SHORT',
          sessions: keys(a, b),
          person,
          from: a.end,
          to: b.start,
          say: () => say.travel(person, a, b, travel),
        });
      }
    },
    sidePair: (delegation: string) => (a: Timed, b: Timed) => {
      const side = a.session.kind === 'side_event' ? a : b.session.kind === 'side_event' ? b : null;
      const official = side === a ? b : a;
      if (!side || !OFFICIAL.has(official.session.kind) || a.end <= b.start) return;
      const [from, to] = overlap(a, b);
      emit({
        code: 'SIDE_EVENT_OVER_OFFICIAL',
        sessions: keys(a, b),
        delegation,
        from,
        to,
        say: () => say.sideEventOverOfficial(delegation, side, official, from, to),
      });
    },
    overcommitted: (delegation: string, list: readonly Timed[], only?: Timed) => {
      const size = p.delegations.get(delegation)?.size ?? 0;
      for (const o of overloads(list, size)) {
        if (only && !(only.start < o.to && only.end > o.from)) continue;
        const involved = list.filter((c) => c.start < o.to && c.end > o.from);
        emit({
          code: 'DELEGATION_OVERCOMMITTED',
          sessions: keys(...involved),
          delegation,
          from: o.from,
          to: o.to,
          say: () => say.overcommitted(delegation, size, o.most, involved, o.from, o.to),
        });
      }
    },
    single: (c: Timed) => {
      const s = c.session;
      const room = c.room;
      if (room && s.expectedAttendance !== null && s.expectedAttendance > room.capacity) {
        emit({
          code: 'CAPACITY_EXCEEDED',
          sessions: keys(c),
          room: room.key,
          from: c.start,
          to: c.end,
          say: () => say.capacity(c),
        });
      }
      if (room) {
        const missing = s.equipment.filter((e) => !room.equipment.includes(e));
        const microphones = s.microphones !== null && s.microphones > room.microphones ? s.microphones : null;
        if (missing.length || microphones !== null) {
          emit({
            code: 'EQUIPMENT_MISSING',
            sessions: keys(c),
            room: room.key,
            from: c.start,
            to: c.end,
            say: () => say.equipment(c, missing, microphones),
          });
        }
      }
      const outsideSegment = c.segment !== null && (c.start < c.segment.start || c.end > c.segment.end);
      const outsideDays = c.start < p.summitStart || c.end > p.summitEnd;
      if (outsideSegment || outsideDays) {
        emit({
          code: 'OUTSIDE_WINDOW',
          sessions: keys(c),
          from: c.start,
          to: c.end,
          say: () => say.outsideWindow(c, outsideSegment, outsideDays),
        });
      }
    },
  };
}

function instants() {
  const iso = new Map<number, string>();
  return (ms: number) => {
    let text = iso.get(ms);
    if (text === undefined) {
      text = new Date(ms).toISOString();
      iso.set(ms, text);
    }
    return text;
  };
}

/** Found conflicts, sorted, as the API reports them (their sentences written now). */
export function finish(found: Found[]): Conflict[] {
  // Each position worked out once, not at every comparison.
  const sorted = found.map((f) => ({ f, at: positionOf(f) })).sort((a, b) => compare(a.at, b.at));
  const instant = instants();
  // Literal objects in the contract's key order (spreading optional keys costs more at this scale).
  return sorted.map(({ f }): Conflict => {
    const [code, severity, sessions, start, end, message] = [
      f.code,
      SEVERITY[f.code as ConflictCode],
      f.sessions,
      instant(f.from),
      instant(f.to),
      f.say(),
    ];
    if (f.room !== undefined) return { code, severity, sessions, room: f.room, start, end, message };
    if (f.person !== undefined) return { code, severity, sessions, person: f.person, start, end, message };
    if (f.delegation !== undefined)
      return { code, severity, sessions, delegation: f.delegation, start, end, message };
    return { code, severity, sessions, start, end, message };
  });
}

/** Runs every rule over a whole programme, handing each conflict found to `emit`, in no order. */
export function findAll(input: ConflictInput, emit: (f: Found) => void): void {
  const p = lookups(input);
  const f = file(p);
  const r = rules(p, emit);
  const travel = p.input.summit.travelMinutes * 60_000;
  eachGroup(f.byRoom, (room, g) => {
    const changeover = p.rooms.get(room)!.changeoverMinutes * 60_000;
    sweep(f.timed, f.byRoom, g, changeover, r.roomPair(room, changeover));
  });
  eachGroup(f.byPerson, (person, g) => sweep(f.timed, f.byPerson, g, travel, r.personPair(person)));
  eachGroup(f.byDelegation, (delegation, g) =>
    r.overcommitted(delegation, sessionsOf(f.timed, f.byDelegation, g)),
  );
  eachGroup(f.byParticipant, (delegation, g) =>
    sweep(f.timed, f.byParticipant, g, 0, r.sidePair(delegation)),
  );
  for (const c of f.timed) r.single(c);
}

/** Every conflict of a programme, in the report's order. */
export function detectConflicts(input: ConflictInput): Conflict[] {
  const found: Found[] = [];
  findAll(input, (f) => found.push(f));
  return finish(found);
}

/**
 * The rules of a prepared programme, made once: placement checks thousands of spots against one
 * programme, and making the rules (closures, sentences) each time cost as much as checking. They
 * hand what they find to `found`, set by each call (checks do not nest).
 */
type Sink = { found: Found[]; rules: ReturnType<typeof rules> };
const sinks = new WeakMap<Prepared, Sink>();

/**
 * The conflicts a session would be in if it stood as `session` says (a move being dragged, a
 * placement being tried), against the rest of the prepared programme, without re-checking the rest.
 */
export function conflictsInvolving(p: Prepared, session: Session): Conflict[] {
  if (session.start === null || session.end === null) return [];
  const c = check(session, p);
  const found: Found[] = [];
  let sink = sinks.get(p);
  if (!sink) {
    const made: Sink = { found, rules: null as unknown as Sink['rules'] };
    made.rules = rules(p, (f) => made.found.push(f));
    sinks.set(p, made);
    sink = made;
  }
  sink.found = found;
  const r = sink.rules;
  if (c.room) {
    const changeover = c.room.changeoverMinutes * 60_000;
    pairsWith(p.byRoom.get(c.room.key), c, changeover, r.roomPair(c.room.key, changeover));
  }
  for (const person of c.people)
    pairsWith(p.byPerson.get(person), c, p.input.summit.travelMinutes * 60_000, r.personPair(person));
  for (const delegation of c.committed) {
    const list = [
      ...(p.byDelegation.get(delegation) ?? []).filter((o) => o.session.key !== c.session.key),
      c,
    ].sort(byStart);
    r.overcommitted(delegation, list, c);
  }
  if (sideOrOfficial(c.session))
    for (const delegation of c.takesPart)
      pairsWith(p.byParticipant.get(delegation), c, 0, r.sidePair(delegation));
  r.single(c);
  return finish(found);
}

export { prepare };
export type { Prepared };
