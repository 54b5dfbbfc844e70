// A release: what each published, placed session is as a calendar sees it (time, title, where,
// and who is committed to it), and the comparison of one release with the last (pretalx's
// schedule/domain/changes.py does the same). Pure: the service loads and stores, this decides.
import type { Person, Programme, Session } from '../../../shared/domain/programme.ts';
import { PRESENCE_ROLES, type Role } from '../../../shared/domain/vocabulary.ts';

/** A person committed to a session, with the roles they hold there (their own, or their delegation's). */
export type Attendee = { key: string; name: string; email: string; roles: Role[] };

export type ReleasedSession = {
  key: string;
  title: string;
  start: number;
  end: number;
  room: string | null;
  building: string | null;
  venue: string;
  attendees: Attendee[];
};

/** The summit's people by key and by delegation, made once for a whole release. */
export type PeopleIndex = { byKey: Map<string, Person>; byDelegation: Map<string, Person[]> };

export function indexPeople(people: readonly Person[]): PeopleIndex {
  const byDelegation = new Map<string, Person[]>();
  for (const p of people) {
    if (p.delegation === null) continue;
    const members = byDelegation.get(p.delegation) ?? [];
    members.push(p);
    byDelegation.set(p.delegation, members);
  }
  return { byKey: new Map(people.map((p) => [p.key, p])), byDelegation };
}

/**
 * The people committed to a session, as the conflict engine counts them: a person named with a
 * presence role, and every person of a delegation named with one (confirmed participants only).
 * Only people with an address can be invited.
 */
export function attendeesOf(session: Session, people: PeopleIndex): Attendee[] {
  const byKey = new Map<string, Attendee>();
  const add = (p: Person, role: Role) => {
    if (!p.email) return;
    const a = byKey.get(p.key) ?? { key: p.key, name: p.name, email: p.email, roles: [] };
    if (!a.roles.includes(role)) a.roles.push(role);
    byKey.set(p.key, a);
  };
  const committing = session.participants.filter((p) => p.confirmed !== false && PRESENCE_ROLES.has(p.role));
  // A person's own role first ("moderator and organiser"), then those their delegation holds.
  for (const p of committing) {
    const found = p.person !== null ? people.byKey.get(p.person) : undefined;
    if (found) add(found, p.role);
  }
  for (const p of committing) {
    if (p.delegation === null) continue;
    for (const member of people.byDelegation.get(p.delegation) ?? []) add(member, p.role);
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** The programme's published, placed sessions as this release records them, in key order. */
export function releaseOf(
  lists: Pick<Programme, 'rooms' | 'people' | 'sessions'>,
  venue: string,
): ReleasedSession[] {
  const rooms = new Map(lists.rooms.map((r) => [r.key, r]));
  const people = indexPeople(lists.people);
  return lists.sessions
    .filter((s) => s.status === 'published' && s.start !== null && s.end !== null)
    .map((s) => {
      const room = s.room === null ? null : (rooms.get(s.room) ?? null);
      return {
        key: s.key,
        title: s.title,
        start: s.start!,
        end: s.end!,
        room: room?.name ?? null,
        building: room?.building ?? null,
        venue,
        attendees: attendeesOf(s, people),
      };
    })
    .sort((a, b) => (a.key < b.key ? -1 : 1));
}

export type ChangeKind = 'new' | 'changed' | 'cancelled' | 'attendees';

/** What one session's calendar entries need in this release. */
export type SessionChange = {
  kind: ChangeKind;
  /** The session as it is now; for a cancelled one, as it was last released. */
  session: ReleasedSession;
  /** Whether SEQUENCE rises (when the session already has a calendar identity). */
  raise: boolean;
  /** Who gets a REQUEST: everyone for a new or changed session, else those added or whose role changed. */
  requests: Attendee[];
  /** Who gets a CANCEL: everyone for a cancelled session, else those no longer committed to it. */
  cancels: Attendee[];
};

/** Whether a calendar shows the difference: the time, the title or the place. */
export const calendarCares = (a: ReleasedSession, b: ReleasedSession): boolean =>
  a.title !== b.title ||
  a.start !== b.start ||
  a.end !== b.end ||
  a.room !== b.room ||
  a.building !== b.building ||
  a.venue !== b.venue;

// An address is part of who is invited: a new address is invited, the old one gets a CANCEL.
const identity = (a: Attendee) => `${a.key}\n${a.email.toLowerCase()}`;

/** Compares a release with the last one: only sessions whose calendar entries must change appear. */
export function compareReleases(
  last: readonly ReleasedSession[],
  next: readonly ReleasedSession[],
): SessionChange[] {
  const before = new Map(last.map((s) => [s.key, s]));
  const changes: SessionChange[] = [];
  for (const session of next) {
    const was = before.get(session.key);
    before.delete(session.key);
    if (!was) {
      changes.push({ kind: 'new', session, raise: true, requests: session.attendees, cancels: [] });
      continue;
    }
    const had = new Map(was.attendees.map((a) => [identity(a), a]));
    const has = new Set(session.attendees.map(identity));
    const cancels = was.attendees.filter((a) => !has.has(identity(a)));
    if (calendarCares(was, session)) {
      changes.push({ kind: 'changed', session, raise: true, requests: session.attendees, cancels });
      continue;
    }
    const requests = session.attendees.filter((a) => had.get(identity(a))?.roles.join() !== a.roles.join());
    if (requests.length || cancels.length) {
      // A CANCEL must outrank the REQUEST its recipient holds; a new attendee needs no new SEQUENCE.
      changes.push({ kind: 'attendees', session, raise: cancels.length > 0, requests, cancels });
    }
  }
  for (const was of before.values()) {
    changes.push({ kind: 'cancelled', session: was, raise: true, requests: [], cancels: was.attendees });
  }
  return changes;
}
