// Who of a delegation covers what: each of its people's sessions, the sessions it is named in as a
// whole ("any delegate"), and for each over-commitment which of its people are free to cover a
// session and how many sessions are left over whatever they do. Pure: the agenda page reads it.
import type { DelegationItem, PersonItem, SessionItem } from '../schemas/summit-file.ts';
import { PRESENCE_ROLES, type Role } from './vocabulary.ts';

/** A session as one person (or the delegation as a whole) is named in it. */
export type Duty = { session: SessionItem; roles: Role[] };
/** `person` null: the sessions naming the delegation and none of its people (any delegate goes). */
export type Round = { person: PersonItem | null; duties: Duty[] };

/** An over-commitment as the conflict engine reports it (DELEGATION_OVERCOMMITTED). */
export type Overcommitment = { sessions: string[]; start: string; end: string; message: string };

/** A session of an over-commitment: its people committed there by name (none: any delegate). */
export type Post = { session: SessionItem; people: { person: PersonItem; roles: Role[] }[] };
export type Cover = {
  overcommitment: Overcommitment;
  posts: Post[];
  /** Its people committed to none of these sessions: free to cover one named as a whole. */
  free: PersonItem[];
  /** Delegates counted in its size but not registered by name. */
  unnamed: number;
  /** Sessions left without a delegate however its delegates share them out. */
  tooMany: number;
};

type Agenda = { delegation: DelegationItem; people: PersonItem[]; sessions: SessionItem[] };

const rolesOf = (s: SessionItem, named: (p: SessionItem['participants'][number]) => boolean) => [
  ...new Set(s.participants.filter(named).map((p) => p.role)),
];
const startOf = (s: SessionItem) => (s.start ? Date.parse(s.start) : Number.POSITIVE_INFINITY);
const byTime = (a: Duty, b: Duty) =>
  startOf(a.session) - startOf(b.session) || a.session.key.localeCompare(b.session.key);

/**
 * Which delegate is where: each of its people with the sessions naming them, in order of time,
 * then the sessions naming the delegation and none of its people (omitted when there are none).
 */
export function whoIsWhere(agenda: Agenda): Round[] {
  const mine = new Set(agenda.people.map((p) => p.key));
  const rounds: Round[] = agenda.people.map((person) => ({
    person,
    duties: agenda.sessions
      .map((session) => ({ session, roles: rolesOf(session, (p) => p.person === person.key) }))
      .filter((d) => d.roles.length > 0)
      .sort(byTime),
  }));
  const anyDelegate = agenda.sessions
    .filter((s) => !s.participants.some((p) => p.person !== undefined && mine.has(p.person)))
    .map((session) => ({
      session,
      roles: rolesOf(session, (p) => p.delegation === agenda.delegation.key),
    }))
    .filter((d) => d.roles.length > 0)
    .sort(byTime);
  return anyDelegate.length ? [...rounds, { person: null, duties: anyDelegate }] : rounds;
}

/** A participant that commits its holder (the conflict engine's rule: a presence role, confirmed). */
const commits = (p: SessionItem['participants'][number]) =>
  PRESENCE_ROLES.has(p.role) && p.confirmed !== false;

/** For an over-commitment: who is committed where, who is free, and how many sessions are too many. */
export function coverFor(agenda: Agenda, overcommitment: Overcommitment): Cover {
  const byKey = new Map(agenda.sessions.map((s) => [s.key, s]));
  const posts: Post[] = overcommitment.sessions.flatMap((key) => {
    const session = byKey.get(key);
    if (!session) return [];
    const people = agenda.people
      .map((person) => ({ person, roles: rolesOf(session, (p) => p.person === person.key && commits(p)) }))
      .filter((x) => x.roles.length > 0);
    return [{ session, people }];
  });
  const busy = new Set(posts.flatMap((p) => p.people.map((x) => x.person.key)));
  const size = agenda.delegation.size;
  return {
    overcommitment,
    posts,
    free: agenda.people.filter((p) => !busy.has(p.key)),
    unnamed: Math.max(0, size - agenda.people.length),
    tooMany: Math.max(0, mostAtOnce(posts.map((p) => p.session)) - size),
  };
}

/** The most of these sessions running at one instant (an ending counts before a start at that instant). */
function mostAtOnce(sessions: SessionItem[]): number {
  const edges = sessions
    .filter((s) => s.start && s.end)
    .flatMap((s) => [
      [Date.parse(s.start!), 1],
      [Date.parse(s.end!), -1],
    ])
    .sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
  let now = 0;
  let most = 0;
  for (const [, step] of edges) {
    now += step!;
    most = Math.max(most, now);
  }
  return most;
}
