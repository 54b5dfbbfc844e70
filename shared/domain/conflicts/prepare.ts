// The programme arranged for checking one session against the rest: each session with what it
// commits (people, delegations), and the sessions grouped by room, person and delegation, each
// group sorted by start. (A whole report files its sessions more cheaply: see filing.ts.)
import type { Delegation, Person, Room, Segment, Session } from '../programme.ts';
import { PRESENCE_ROLES } from '../vocabulary.ts';
import { instantOfWall } from '../wall-clock.ts';
import type { ConflictInput } from './types.ts';

/** A session with a time, with its room and segment: what the rules read. */
export type Timed = {
  session: Session;
  start: number;
  end: number;
  room: Room | null;
  segment: Segment | null;
};

/** A timed session with what it commits, for checking it against the rest. */
export type Checked = Timed & {
  /** People named with a presence role. */
  people: string[];
  /** Delegations committed: named with a presence role, or through one of their people. */
  committed: string[];
  /** Delegations taking part in any role, themselves or through their people (often `committed` itself). */
  takesPart: string[];
};

/** A programme's items by key and its summit's bounds: what the rules and their sentences read. */
export type Lookups = {
  input: ConflictInput;
  rooms: Map<string, Room>;
  segments: Map<string, Segment>;
  people: Map<string, Person>;
  delegations: Map<string, Delegation>;
  summitStart: number;
  summitEnd: number;
};

/** The programme filed for checking one session against the rest (moves, placement). */
export type Prepared = Lookups & {
  /** Sessions with a time, in start order. */
  timed: Checked[];
  byRoom: Map<string, Checked[]>;
  byPerson: Map<string, Checked[]>;
  byDelegation: Map<string, Checked[]>;
  /** Side events and official sessions by the delegations taking part: all the side-event rule compares. */
  byParticipant: Map<string, Checked[]>;
};

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Official sessions, which side events should not overlap for the delegations in both. */
export const OFFICIAL_KINDS: ReadonlySet<string> = new Set(['plenary', 'roundtable', 'special_session']);
/** Whether the side-event rule can concern a session at all. */
export const sideOrOfficial = (s: Session) => s.kind === 'side_event' || OFFICIAL_KINDS.has(s.kind);

const NONE: string[] = [];

export const byStart = (a: Timed, b: Timed) =>
  a.start - b.start || a.end - b.end || (a.session.key < b.session.key ? -1 : 1);

const nextDay = (date: string) =>
  new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10) + 1))
    .toISOString()
    .slice(0, 10);

/** One session's commitments, given the summit's people. */
export function check(
  session: Session,
  ctx: { rooms: Map<string, Room>; segments: Map<string, Segment>; people: Map<string, Person> },
): Checked {
  // A session names a handful of participants: arrays beat sets here. Large programmes are bound
  // by allocation, so empty lists are shared and takesPart is committed itself when they agree.
  let people = NONE;
  let committed = NONE;
  let takesPart = NONE;
  for (const p of session.participants) {
    if (p.confirmed === false) continue; // a request not confirmed yet commits nobody
    const presence = PRESENCE_ROLES.has(p.role);
    const delegation = p.person !== null ? (ctx.people.get(p.person)?.delegation ?? null) : p.delegation;
    // NONE is shared and never written to: a session's first entry gets a list of its own.
    if (p.person !== null && presence && !people.includes(p.person)) {
      if (people === NONE) people = [];
      people.push(p.person);
    }
    if (delegation !== null) {
      if (!takesPart.includes(delegation)) {
        if (takesPart === NONE) takesPart = [];
        takesPart.push(delegation);
      }
      if (presence && !committed.includes(delegation)) {
        if (committed === NONE) committed = [];
        committed.push(delegation);
      }
    }
  }
  if (takesPart.length === committed.length) takesPart = committed; // committed ⊆ takesPart: the same
  return {
    session,
    start: session.start ?? 0,
    end: session.end ?? 0,
    room: session.room !== null ? (ctx.rooms.get(session.room) ?? null) : null,
    segment: session.segment !== null ? (ctx.segments.get(session.segment) ?? null) : null,
    people,
    committed,
    takesPart,
  };
}

export function lookups(input: ConflictInput): Lookups {
  return {
    input,
    rooms: new Map(input.rooms.map((r) => [r.key, r])),
    segments: new Map(input.segments.map((s) => [s.key, s])),
    people: new Map(input.people.map((p) => [p.key, p])),
    delegations: new Map(input.delegations.map((d) => [d.key, d])),
    summitStart: instantOfWall(input.summit.startDate, 0, input.offsets),
    summitEnd: instantOfWall(nextDay(input.summit.endDate), 0, input.offsets),
  };
}

export function prepare(input: ConflictInput): Prepared {
  const l = lookups(input);
  const timed: Checked[] = [];
  for (const s of input.sessions) if (s.start !== null && s.end !== null) timed.push(check(s, l));
  timed.sort(byStart);
  const prepared: Prepared = {
    ...l,
    timed,
    byRoom: new Map(),
    byPerson: new Map(),
    byDelegation: new Map(),
    byParticipant: new Map(),
  };
  for (const c of timed) index(prepared, c);
  return prepared;
}

/** Files a checked session under its room, people and delegations (lists stay in start order when added in order). */
export function index(p: Prepared, c: Checked): void {
  if (c.room) push(p.byRoom, c.room.key, c);
  for (const person of c.people) push(p.byPerson, person, c);
  for (const d of c.committed) push(p.byDelegation, d, c);
  if (sideOrOfficial(c.session)) for (const d of c.takesPart) push(p.byParticipant, d, c);
}

/** Takes a checked session out of its groups (placement tries it elsewhere). */
export function unindex(p: Prepared, c: Checked): void {
  const drop = (map: Map<string, Checked[]>, key: string) => {
    const list = map.get(key);
    const i = list ? list.indexOf(c) : -1;
    if (i < 0) return;
    list!.splice(i, 1);
    if (list!.length === 0) map.delete(key);
  };
  if (c.room) drop(p.byRoom, c.room.key);
  for (const person of c.people) drop(p.byPerson, person);
  for (const d of c.committed) drop(p.byDelegation, d);
  if (sideOrOfficial(c.session)) for (const d of c.takesPart) drop(p.byParticipant, d);
}
