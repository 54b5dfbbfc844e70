// Why placement left a session out: for a program (`PlacementWhy`: a code with keys and figures,
// which the client says in the reader's language) and in English (`sayer(p).say`), in words a
// person reads: names of people, delegations, rooms and sessions, times in the summit's zone.
import type { Prepared } from '../conflicts/prepare.ts';
import type { Conflict } from '../conflicts/types.ts';
import type { Room, Session } from '../programme.ts';
import { PRESENCE_ROLES, type Role } from '../vocabulary.ts';
import { formatInterval } from '../wall-clock.ts';
import { isTimed, type Spot, windowOf, windowsOf } from './candidates.ts';

export const PINNED = 'it is pinned, and placement never moves a pinned session';
export const OUT_OF_TIME = 'placement ran out of time before trying it: give it a longer time limit';
export const OUT_OF_TIME_REASON =
  'placement ran out of time before it could say why this session is left out: give it a longer time limit';
export const OUT_OF_TIME_SEARCH =
  'placement ran out of time before fitting it in, though a room and time were free: give it a longer time limit';

/** A time, as ISO instants. */
export type WhyInterval = { start: string; end: string };
/** What a session needs of a room: equipment (keys) and microphones. */
export type WhyNeeds = { equipment: string[]; microphones: number | null };

/**
 * Why placement left a session out (or found no move for it), for a program: keys of rooms,
 * segments, people and delegations, titles of sessions, and figures. `at`, where there is one, is the time
 * the session keeps; without it, the reason holds at every time it could take.
 */
export type PlacementWhy =
  | { code: 'pinned' }
  | { code: 'outOfTime' }
  | { code: 'outOfTimeReason' }
  | { code: 'outOfTimeSearch' }
  | { code: 'noRooms' }
  | {
      code: 'tooLong';
      minutes: number;
      /** What it is longer than: its segment (with its window), the side-event windows, the days. */
      window: 'segment' | 'sideEventWindows' | 'summitDays';
      segment?: string;
      from?: string;
      to?: string;
    }
  | { code: 'ownRoomSeats'; room: string; capacity: number; expected: number }
  | { code: 'ownRoomLacks'; room: string; needs: WhyNeeds }
  | { code: 'noRoomSeats'; expected: number }
  | { code: 'noRoomHas'; needs: WhyNeeds }
  | { code: 'noRoomSeatsAndHas'; expected: number; needs: WhyNeeds }
  | { code: 'peopleBusy'; people: { person: string; role?: Role }[]; at?: WhyInterval }
  | { code: 'delegationsBusy'; delegations: { delegation: string; size: number }[]; at?: WhyInterval }
  | { code: 'everyoneBusy'; people: string[]; delegations: string[] }
  | { code: 'ownRoomBooked'; room: string; whenFree: boolean }
  | { code: 'roomsBooked'; at?: WhyInterval; whenFree: boolean }
  | { code: 'keepsNoTime'; conflict: Conflict }
  | { code: 'hardRule'; conflict?: Conflict }
  | { code: 'taken'; titles: string[]; at?: WhyInterval };

const ROLE_WORDS: Record<string, string> = { co_chair: 'co-chair', thematic_lead: 'thematic lead' };
const EQUIPMENT_WORDS: Record<string, string> = {
  hdmi: 'HDMI',
  usb: 'USB',
  video_conference: 'video conferencing',
};
const list = (items: string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** At most `most` names, then how many more. */
const some = (names: string[], most = 3) =>
  names.length <= most
    ? list(names)
    : `${names.slice(0, most).join(', ')} and ${plural(names.length - most, 'other')}`;

/** Why each spot of a session was refused: what the hard conflicts found there name, by start. */
export type Blocked = {
  people: Map<string, Set<number>>;
  delegations: Map<string, Set<number>>;
  /** Rooms found booked, by start. */
  booked: Map<number, Set<string>>;
  /** The first hard conflict met, for a session that keeps its time. */
  first: Conflict | null;
};

export const blocked = (): Blocked => ({
  people: new Map(),
  delegations: new Map(),
  booked: new Map(),
  first: null,
});

const add = <K, V>(map: Map<K, Set<V>>, key: K, value: V) => {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
};

/** Notes what the hard conflicts of a spot name. */
export function noteBlocked(b: Blocked, spot: Spot, hard: readonly Conflict[]): void {
  b.first ??= hard[0] ?? null;
  for (const c of hard) {
    if (c.code === 'PERSON_DOUBLE_BOOKED' && c.person) add(b.people, c.person, spot.start);
    else if (c.code === 'DELEGATION_OVERCOMMITTED' && c.delegation)
      add(b.delegations, c.delegation, spot.start);
    else if (c.code === 'ROOM_DOUBLE_BOOKED' && c.room) add(b.booked, spot.start, c.room);
  }
}

/** What a room lacks for a session: seats, equipment, microphones (what CAPACITY and EQUIPMENT check). */
function lacks(session: Session, room: Room): { seats: boolean; equipment: boolean } {
  const seats = session.expectedAttendance !== null && session.expectedAttendance > room.capacity;
  const equipment =
    session.equipment.some((e) => !room.equipment.includes(e)) ||
    (session.microphones !== null && session.microphones > room.microphones);
  return { seats, equipment };
}

const needsOf = (session: Session): WhyNeeds => ({
  equipment: [...session.equipment],
  microphones: session.microphones,
});

function needs(n: WhyNeeds): string {
  const items = n.equipment.map((e) => EQUIPMENT_WORDS[e] ?? e);
  if (n.microphones !== null) items.push(plural(n.microphones, 'microphone'));
  return list(items);
}

const iso = (ms: number) => new Date(ms).toISOString();

export function sayer(p: Prepared) {
  const when = (at: WhyInterval) => formatInterval(Date.parse(at.start), Date.parse(at.end), p.input.offsets);
  /** A session's own time, if it keeps one. */
  const own = (session: Session): WhyInterval | undefined =>
    isTimed(session) ? { start: iso(session.start!), end: iso(session.end!) } : undefined;
  /** "at every time it could take", or for a session that keeps its time, "at its time, Fri 7 Dec 10:45–11:30". */
  const times = (at: WhyInterval | undefined) =>
    at ? `at its time, ${when(at)}` : 'at every time it could take';
  const roomName = (key: string) => p.rooms.get(key)?.name ?? key;
  const person = ({ person: key, role }: { person: string; role?: Role }) => {
    const name = p.people.get(key)?.name ?? key;
    return role ? `its ${ROLE_WORDS[role] ?? role} ${name}` : name;
  };
  const delegation = ({ delegation: key, size }: { delegation: string; size: number }) => {
    const name = p.delegations.get(key)?.name ?? key;
    if (size === 0) return `${name} has no delegates to send`;
    return size === 1
      ? `the one delegate of ${name} is committed elsewhere`
      : `${size === 2 ? 'both' : `all ${size}`} delegates of ${name} are committed elsewhere`;
  };

  /** The English sentence of a reason (the API's `reason`). */
  function say(why: PlacementWhy): string {
    switch (why.code) {
      case 'pinned':
        return PINNED;
      case 'outOfTime':
        return OUT_OF_TIME;
      case 'outOfTimeReason':
        return OUT_OF_TIME_REASON;
      case 'outOfTimeSearch':
        return OUT_OF_TIME_SEARCH;
      case 'noRooms':
        return 'the summit has no rooms';
      case 'tooLong': {
        const segment = why.segment !== undefined ? p.segments.get(why.segment) : undefined;
        const window =
          why.window === 'segment'
            ? `its segment "${segment?.title ?? why.segment}" (${when({ start: why.from!, end: why.to! })})`
            : why.window === 'sideEventWindows'
              ? 'every side-event window of the summit'
              : "the summit's days";
        return `it lasts ${plural(why.minutes, 'minute')}, longer than ${window}`;
      }
      case 'ownRoomSeats':
        return `it keeps its room, ${roomName(why.room)}, which seats ${why.capacity}, fewer than the ${why.expected} expected`;
      case 'ownRoomLacks':
        return `it keeps its room, ${roomName(why.room)}, which lacks ${needs(why.needs)}`;
      case 'noRoomSeats':
        return `no room seats ${why.expected}`;
      case 'noRoomHas':
        return `no room has ${needs(why.needs)}`;
      case 'noRoomSeatsAndHas':
        return `no room both seats ${why.expected} and has ${needs(why.needs)}`;
      case 'peopleBusy': {
        const names = why.people.map(person);
        return `${list(names)} ${names.length === 1 ? 'is' : 'are'} busy ${times(why.at)}`;
      }
      case 'delegationsBusy':
        return `${list(why.delegations.map(delegation))} ${times(why.at)}`;
      case 'everyoneBusy': {
        const names = [
          ...why.people.map((k) => p.people.get(k)?.name ?? k),
          ...why.delegations.map((k) => p.delegations.get(k)?.name ?? k),
        ];
        return `one of its people or delegations is busy at every time it could take (${some(names, 4)})`;
      }
      case 'ownRoomBooked':
        return `its room, ${roomName(why.room)}, is booked at every time it could take${why.whenFree ? ' whenever its people are free' : ''}`;
      case 'roomsBooked':
        return why.at
          ? `every room that fits it is booked at its time, ${when(why.at)}`
          : `every room that fits it is booked at every time it could take${why.whenFree ? ' whenever its people are free' : ''}`;
      case 'keepsNoTime':
        return `it cannot keep its time without a hard conflict: ${why.conflict.message}`;
      case 'hardRule':
        return `every room and time it could take breaks a hard rule${why.conflict ? `, such as: ${why.conflict.message}` : ''}`;
      case 'taken': {
        const titles = some(why.titles.map((title) => `"${title}"`));
        if (why.at)
          return `every room that fits it is taken at its time, ${when(why.at)}${titles ? `, by ${titles}` : ''}`;
        return `every room and time it could take is taken by sessions placed here${titles ? `: ${titles}` : ''}`;
      }
    }
  }

  return {
    say,

    /** A session none of whose spots exist: longer than its window. */
    noSpot(session: Session): PlacementWhy {
      if (p.rooms.size === 0) return { code: 'noRooms' };
      const { from, to } = windowOf(p, session);
      const segment = session.segment !== null ? p.segments.get(session.segment) : undefined;
      const windows = windowsOf(p, session);
      const minutes = session.durationMinutes;
      if (segment)
        return {
          code: 'tooLong',
          minutes,
          window: 'segment',
          segment: segment.key,
          from: iso(from),
          to: iso(to),
        };
      return {
        code: 'tooLong',
        minutes,
        window: windows.length > 1 || windows[0]!.from !== p.summitStart ? 'sideEventWindows' : 'summitDays',
      };
    },

    /** A session every spot of which breaks a hard rule against the fixed programme. */
    blocked(session: Session, b: Blocked, starts: ReadonlySet<number>): PlacementWhy {
      // A session with a room and no time keeps its room: only that room is looked at.
      const kept = !isTimed(session) && session.room !== null ? p.rooms.get(session.room) : undefined;
      const rooms = kept ? [kept] : [...p.rooms.values()];
      const unfit = rooms.map((r) => lacks(session, r));
      const expected = session.expectedAttendance ?? 0;
      if (kept && unfit[0]!.seats)
        return { code: 'ownRoomSeats', room: kept.key, capacity: kept.capacity, expected };
      if (kept && unfit[0]!.equipment)
        return { code: 'ownRoomLacks', room: kept.key, needs: needsOf(session) };
      if (unfit.every((u) => u.seats)) return { code: 'noRoomSeats', expected };
      if (unfit.every((u) => u.equipment)) return { code: 'noRoomHas', needs: needsOf(session) };
      if (unfit.every((u) => u.seats || u.equipment))
        return { code: 'noRoomSeatsAndHas', expected, needs: needsOf(session) };
      const always = <K>(map: Map<K, Set<number>>) =>
        [...map].filter(([, at]) => [...starts].every((t) => at.has(t))).map(([k]) => k);
      const at = own(session);
      const people = always(b.people);
      if (people.length)
        return {
          code: 'peopleBusy',
          people: people.map((key) => {
            const role = session.participants.find(
              (x) => x.person === key && PRESENCE_ROLES.has(x.role),
            )?.role;
            return role ? { person: key, role } : { person: key };
          }),
          ...(at && { at }),
        };
      const delegations = always(b.delegations);
      if (delegations.length)
        return {
          code: 'delegationsBusy',
          delegations: delegations.map((key) => ({
            delegation: key,
            size: p.delegations.get(key)?.size ?? 0,
          })),
          ...(at && { at }),
        };
      const busyAt = (t: number) => [...b.people.values(), ...b.delegations.values()].some((at) => at.has(t));
      const free = [...starts].filter((t) => !busyAt(t));
      if (free.length === 0)
        return { code: 'everyoneBusy', people: [...b.people.keys()], delegations: [...b.delegations.keys()] };
      const fitting = rooms.filter((_, i) => !unfit[i]!.seats && !unfit[i]!.equipment).map((r) => r.key);
      if (free.every((t) => fitting.every((r) => b.booked.get(t)?.has(r)))) {
        const whenFree = free.length < starts.size;
        if (kept) return { code: 'ownRoomBooked', room: kept.key, whenFree };
        return at ? { code: 'roomsBooked', at, whenFree } : { code: 'roomsBooked', whenFree };
      }
      if (at && b.first) return { code: 'keepsNoTime', conflict: b.first };
      return b.first ? { code: 'hardRule', conflict: b.first } : { code: 'hardRule' };
    },

    /** A session with free spots against the fixed programme, all taken by sessions placed. */
    taken(session: Session, by: readonly Session[]): PlacementWhy {
      const at = own(session);
      return { code: 'taken', titles: by.map((s) => s.title), ...(at && { at }) };
    },
  };
}
