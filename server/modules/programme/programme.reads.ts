// The read half of the programme's repository: loading lists and items by key. Every function
// takes explicit ids; whether the caller may see this was decided before it got here.
import { and, asc, eq, exists, gt, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { Participant, Session } from '../../../shared/domain/programme.ts';
import type { Executor } from '../../db/client.ts';
import { delegations, participants, people, rooms, segments, sessions } from '../../db/schema.ts';
import {
  delegationOf,
  participantOf,
  personOf,
  roomOf,
  segmentOf,
  sessionOf,
  type KeyIds,
  type ListName,
  type Lists,
  tables,
} from './programme.rows.ts';

/** The ids of the given keys that exist in a summit; keys that do not exist are absent. */
export async function resolveKeys(
  db: Executor,
  summitId: number,
  refs: { [L in keyof KeyIds]: string[] },
): Promise<KeyIds> {
  const lookup = async (table: (typeof tables)[keyof KeyIds], keys: string[]) => {
    if (keys.length === 0) return new Map<string, number>();
    const rows = await db
      .select({ id: table.id, key: table.key })
      .from(table)
      .where(and(eq(table.summitId, summitId), inArray(table.key, [...new Set(keys)])));
    return new Map(rows.map((r) => [r.key, r.id]));
  };
  return {
    rooms: await lookup(rooms, refs.rooms),
    segments: await lookup(segments, refs.segments),
    delegations: await lookup(delegations, refs.delegations),
    people: await lookup(people, refs.people),
  };
}

export async function findId(
  db: Executor,
  summitId: number,
  list: ListName,
  key: string,
): Promise<number | null> {
  const table = tables[list];
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.summitId, summitId), eq(table.key, key)));
  return row?.id ?? null;
}

export async function findSessionId(
  db: Executor,
  summitId: number,
  key: string,
  publishedOnly: boolean,
): Promise<number | null> {
  const [row] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(
      and(
        eq(sessions.summitId, summitId),
        eq(sessions.key, key),
        publishedOnly ? eq(sessions.status, 'published') : undefined,
      ),
    );
  return row?.id ?? null;
}

/** The database ids of a summit's published sessions, by key (an export's numeric event ids). */
export async function publishedSessionIds(db: Executor, summitId: number): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: sessions.id, key: sessions.key })
    .from(sessions)
    .where(and(eq(sessions.summitId, summitId), eq(sessions.status, 'published')));
  return new Map(rows.map((r) => [r.key, r.id]));
}

const keyFilter = (table: (typeof tables)[ListName], summitId: number, keys?: readonly string[]) =>
  and(eq(table.summitId, summitId), keys ? inArray(table.key, [...keys]) : undefined);

export async function loadRooms(db: Executor, summitId: number, keys?: readonly string[]) {
  return (
    await db
      .select()
      .from(rooms)
      .where(keyFilter(rooms, summitId, keys))
      .orderBy(asc(rooms.id))
  ).map(roomOf);
}

export async function loadSegments(db: Executor, summitId: number, keys?: readonly string[]) {
  return (
    await db
      .select()
      .from(segments)
      .where(keyFilter(segments, summitId, keys))
      .orderBy(asc(segments.id))
  ).map(segmentOf);
}

export async function loadDelegations(db: Executor, summitId: number, keys?: readonly string[]) {
  return (
    await db
      .select()
      .from(delegations)
      .where(keyFilter(delegations, summitId, keys))
      .orderBy(asc(delegations.id))
  ).map(delegationOf);
}

/** With `publicOnly`, only people named in a published session. */
export async function loadPeople(
  db: Executor,
  summitId: number,
  opts: { keys?: readonly string[]; publicOnly?: boolean } = {},
) {
  const named = db
    .select({ one: sql`1` })
    .from(participants)
    .innerJoin(sessions, eq(sessions.id, participants.sessionId))
    .where(and(eq(participants.personId, people.id), eq(sessions.status, 'published')));
  const rows = await db
    .select({ person: people, delegationKey: delegations.key })
    .from(people)
    .leftJoin(delegations, eq(delegations.id, people.delegationId))
    .where(and(keyFilter(people, summitId, opts.keys), opts.publicOnly ? exists(named) : undefined))
    .orderBy(asc(people.id));
  return rows.map((r) => personOf(r.person, r.delegationKey));
}

export type SessionFilter = {
  keys?: readonly string[];
  publishedOnly?: boolean;
  from?: number;
  to?: number;
  /** Sessions naming this delegation, or one of its people. */
  delegationId?: number;
  /** Sessions that overlap [from, to) (half-open; a session ending at `from` does not). */
  overlapping?: { from: number; to: number };
  /** Sessions naming any of these delegations or one of their people, or held in any of these rooms. */
  involving?: { delegationIds: readonly number[]; roomIds: readonly number[] };
};

const listOf = (ids: readonly number[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

function involvingFilter({ delegationIds, roomIds }: NonNullable<SessionFilter['involving']>) {
  const named = delegationIds.length
    ? sql`exists (select 1 from ${participants} p left join ${people} pe on pe.id = p.person_id
      where p.session_id = ${sessions.id} and (p.delegation_id in (${listOf(delegationIds)}) or pe.delegation_id in (${listOf(delegationIds)})))`
    : undefined;
  const held = roomIds.length ? sql`${sessions.roomId} in (${listOf(roomIds)})` : undefined;
  return named || held ? or(named, held) : sql`false`;
}

/** Sessions with their participants; `from`/`to` select sessions starting in [from, to). */
export async function loadSessions(
  db: Executor,
  summitId: number,
  f: SessionFilter = {},
): Promise<Session[]> {
  const chosen = and(
    keyFilter(sessions, summitId, f.keys),
    f.publishedOnly ? eq(sessions.status, 'published') : undefined,
    f.from !== undefined ? gte(sessions.startAt, new Date(f.from)) : undefined,
    f.to !== undefined ? lt(sessions.startAt, new Date(f.to)) : undefined,
    f.delegationId !== undefined
      ? sql`exists (select 1 from ${participants} p left join ${people} pe on pe.id = p.person_id
      where p.session_id = ${sessions.id} and (p.delegation_id = ${f.delegationId} or pe.delegation_id = ${f.delegationId}))`
      : undefined,
    f.overlapping
      ? and(
          lt(sessions.startAt, new Date(f.overlapping.to)),
          gt(sessions.endAt, new Date(f.overlapping.from)),
        )
      : undefined,
    f.involving ? involvingFilter(f.involving) : undefined,
  );
  const whole =
    !f.keys &&
    f.from === undefined &&
    f.to === undefined &&
    f.delegationId === undefined &&
    !f.overlapping &&
    !f.involving;
  // Sessions and their participants in two queries sent at once (the second selects the same
  // sessions by the same filter), so a day of 500 sessions costs one round trip, not two.
  const [rows, parts] = await Promise.all([
    db
      .select({ session: sessions, roomKey: rooms.key, segmentKey: segments.key })
      .from(sessions)
      .leftJoin(rooms, eq(rooms.id, sessions.roomId))
      .leftJoin(segments, eq(segments.id, sessions.segmentId))
      .where(chosen)
      .orderBy(asc(sessions.id)),
    db
      .select({
        sessionId: participants.sessionId,
        role: participants.role,
        confirmed: participants.confirmed,
        personKey: people.key,
        delegationKey: delegations.key,
      })
      .from(participants)
      .leftJoin(people, eq(people.id, participants.personId))
      .leftJoin(delegations, eq(delegations.id, participants.delegationId))
      .where(
        whole
          ? eq(participants.summitId, summitId)
          : inArray(participants.sessionId, db.select({ id: sessions.id }).from(sessions).where(chosen)),
      )
      .orderBy(asc(participants.id)),
  ]);
  const bySession = new Map<number, Participant[]>();
  for (const p of parts) {
    const list = bySession.get(p.sessionId);
    if (list) list.push(participantOf(p));
    else bySession.set(p.sessionId, [participantOf(p)]);
  }
  return rows.map((r) =>
    sessionOf(r.session, { room: r.roomKey, segment: r.segmentKey }, bySession.get(r.session.id) ?? []),
  );
}

export async function loadLists(db: Executor, summitId: number): Promise<Lists> {
  return {
    rooms: await loadRooms(db, summitId),
    segments: await loadSegments(db, summitId),
    delegations: await loadDelegations(db, summitId),
    people: await loadPeople(db, summitId),
    sessions: await loadSessions(db, summitId),
  };
}

export async function findDelegation(db: Executor, summitId: number, key: string) {
  const [row] = await db
    .select({ id: delegations.id, name: delegations.name, size: delegations.size })
    .from(delegations)
    .where(and(eq(delegations.summitId, summitId), eq(delegations.key, key)));
  return row ?? null;
}

/** The key of a person of a summit with this e-mail address in any letter case, other than `exceptKey`. */
export async function personWithEmail(
  db: Executor,
  summitId: number,
  email: string,
  exceptKey: string | null,
): Promise<string | null> {
  const [row] = await db
    .select({ key: people.key })
    .from(people)
    .where(
      and(
        eq(people.summitId, summitId),
        sql`lower(${people.email}) = ${email.toLowerCase()}`,
        exceptKey === null ? undefined : sql`${people.key} <> ${exceptKey}`,
      ),
    )
    .limit(1);
  return row?.key ?? null;
}

/** Keys of the sessions and people that refer to an item, to explain why it cannot be deleted. */
export async function referencesTo(
  db: Executor,
  summitId: number,
  list: ListName,
  key: string,
): Promise<string[]> {
  const id = await findId(db, summitId, list, key);
  if (id === null) return [];
  const sessionKeys = (where: ReturnType<typeof eq>) =>
    db
      .selectDistinct({ key: sessions.key })
      .from(sessions)
      .where(and(eq(sessions.summitId, summitId), where));
  const viaParticipants = (column: typeof participants.personId | typeof participants.delegationId) =>
    db
      .selectDistinct({ key: sessions.key })
      .from(participants)
      .innerJoin(sessions, eq(sessions.id, participants.sessionId))
      .where(eq(column, id));
  let rows: { key: string }[] = [];
  if (list === 'rooms') rows = await sessionKeys(eq(sessions.roomId, id));
  if (list === 'segments') rows = await sessionKeys(eq(sessions.segmentId, id));
  if (list === 'people') rows = await viaParticipants(participants.personId);
  if (list === 'delegations') {
    rows = [
      ...(await viaParticipants(participants.delegationId)),
      ...(await db.select({ key: people.key }).from(people).where(eq(people.delegationId, id))),
    ];
  }
  return rows.map((r) => r.key).sort();
}

export type ParticipantRow = Participant & { id: number };

export async function loadParticipantRows(db: Executor, sessionId: number): Promise<ParticipantRow[]> {
  const rows = await db
    .select({
      id: participants.id,
      role: participants.role,
      confirmed: participants.confirmed,
      personKey: people.key,
      delegationKey: delegations.key,
    })
    .from(participants)
    .leftJoin(people, eq(people.id, participants.personId))
    .leftJoin(delegations, eq(delegations.id, participants.delegationId))
    .where(eq(participants.sessionId, sessionId))
    .orderBy(asc(participants.id));
  return rows.map((r) => ({ id: r.id, ...participantOf(r) }));
}
