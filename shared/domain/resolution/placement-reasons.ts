// Why placement left a session out, in words a person reads: names of people, delegations, rooms
// and sessions, times in the summit's zone; never keys or codes.
import type { Prepared } from '../conflicts/prepare.ts';
import type { Conflict } from '../conflicts/types.ts';
import type { Room, Session } from '../programme.ts';
import { PRESENCE_ROLES } from '../vocabulary.ts';
import { formatInterval } from '../wall-clock.ts';
import { isTimed, type Spot, windowOf, windowsOf } from './candidates.ts';

export const PINNED = 'it is pinned, and placement never moves a pinned session';
export const OUT_OF_TIME = 'placement ran out of time before trying it: give it a longer time limit';
export const OUT_OF_TIME_REASON =
  'placement ran out of time before it could say why this session is left out: give it a longer time limit';
export const OUT_OF_TIME_SEARCH =
  'placement ran out of time before fitting it in, though a room and time were free: give it a longer time limit';

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

function needs(session: Session): string {
  const items = session.equipment.map((e) => EQUIPMENT_WORDS[e] ?? e);
  if (session.microphones !== null) items.push(plural(session.microphones, 'microphone'));
  return list(items);
}

export function sayer(p: Prepared) {
  const when = (session: Session) => formatInterval(session.start!, session.end!, p.input.offsets);
  /** "at every time it could take", or for a session that keeps its time, "at its time, Fri 7 Dec 10:45–11:30". */
  const times = (session: Session) =>
    isTimed(session) ? `at its time, ${when(session)}` : 'at every time it could take';
  const person = (session: Session, key: string) => {
    const role = session.participants.find((x) => x.person === key && PRESENCE_ROLES.has(x.role))?.role;
    const name = p.people.get(key)?.name ?? key;
    return role ? `its ${ROLE_WORDS[role] ?? role} ${name}` : name;
  };
  const delegation = (key: string) => {
    const d = p.delegations.get(key);
    const name = d?.name ?? key;
    const size = d?.size ?? 0;
    if (size === 0) return `${name} has no delegates to send`;
    return size === 1
      ? `the one delegate of ${name} is committed elsewhere`
      : `${size === 2 ? 'both' : `all ${size}`} delegates of ${name} are committed elsewhere`;
  };

  return {
    /** A session none of whose spots exist: longer than its window. */
    noSpot(session: Session): string {
      if (p.rooms.size === 0) return 'the summit has no rooms';
      const { from, to } = windowOf(p, session);
      const segment = session.segment !== null ? p.segments.get(session.segment) : undefined;
      const windows = windowsOf(p, session);
      const window = segment
        ? `its segment "${segment.title}" (${formatInterval(from, to, p.input.offsets)})`
        : windows.length > 1 || windows[0]!.from !== p.summitStart
          ? 'every side-event window of the summit'
          : "the summit's days";
      return `it lasts ${plural(session.durationMinutes, 'minute')}, longer than ${window}`;
    },

    /** A session every spot of which breaks a hard rule against the fixed programme. */
    blocked(session: Session, b: Blocked, starts: ReadonlySet<number>): string {
      // A session with a room and no time keeps its room: only that room is looked at.
      const own = !isTimed(session) && session.room !== null ? p.rooms.get(session.room) : undefined;
      const rooms = own ? [own] : [...p.rooms.values()];
      const unfit = rooms.map((r) => lacks(session, r));
      if (own && unfit[0]!.seats)
        return `it keeps its room, ${own.name}, which seats ${own.capacity}, fewer than the ${session.expectedAttendance} expected`;
      if (own && unfit[0]!.equipment) return `it keeps its room, ${own.name}, which lacks ${needs(session)}`;
      if (unfit.every((u) => u.seats)) return `no room seats ${session.expectedAttendance}`;
      if (unfit.every((u) => u.equipment)) return `no room has ${needs(session)}`;
      if (unfit.every((u) => u.seats || u.equipment))
        return `no room both seats ${session.expectedAttendance} and has ${needs(session)}`;
      const always = <K>(map: Map<K, Set<number>>) =>
        [...map].filter(([, at]) => [...starts].every((t) => at.has(t))).map(([k]) => k);
      const people = always(b.people);
      if (people.length) {
        const names = people.map((k) => person(session, k));
        return `${list(names)} ${names.length === 1 ? 'is' : 'are'} busy ${times(session)}`;
      }
      const delegations = always(b.delegations);
      if (delegations.length) return `${list(delegations.map(delegation))} ${times(session)}`;
      const busyAt = (t: number) => [...b.people.values(), ...b.delegations.values()].some((at) => at.has(t));
      const free = [...starts].filter((t) => !busyAt(t));
      if (free.length === 0) {
        const names = [
          ...[...b.people.keys()].map((k) => p.people.get(k)?.name ?? k),
          ...[...b.delegations.keys()].map((k) => p.delegations.get(k)?.name ?? k),
        ];
        return `one of its people or delegations is busy at every time it could take (${some(names, 4)})`;
      }
      const fitting = rooms.filter((_, i) => !unfit[i]!.seats && !unfit[i]!.equipment).map((r) => r.key);
      if (free.every((t) => fitting.every((r) => b.booked.get(t)?.has(r)))) {
        const whenFree = free.length < starts.size ? ' whenever its people are free' : '';
        if (own) return `its room, ${own.name}, is booked at every time it could take${whenFree}`;
        return isTimed(session)
          ? `every room that fits it is booked at its time, ${when(session)}`
          : `every room that fits it is booked at every time it could take${whenFree}`;
      }
      if (isTimed(session) && b.first)
        return `it cannot keep its time without a hard conflict: ${b.first.message}`;
      const example = b.first ? `, such as: ${b.first.message}` : '';
      return `every room and time it could take breaks a hard rule${example}`;
    },

    /** A session with free spots against the fixed programme, all taken by sessions placed. */
    taken(session: Session, by: readonly Session[]): string {
      const titles = some(by.map((s) => `"${s.title}"`));
      if (isTimed(session))
        return `every room that fits it is taken at its time, ${when(session)}${titles ? `, by ${titles}` : ''}`;
      return `every room and time it could take is taken by sessions placed here${titles ? `: ${titles}` : ''}`;
    },
  };
}
