// The only place that queries the programme tables. Every function takes explicit ids; whether the
// caller may do this was decided before it got here.
import { and, asc, eq, exists, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Participant, Programme, Session } from '../../../shared/domain/programme.ts';
import type { Executor } from '../../db/client.ts';
import { delegations, participants, people, rooms, segments, sessions } from '../../db/schema.ts';
import {
  delegationOf,
  delegationRow,
  participantOf,
  participantRow,
  personOf,
  personRow,
  roomOf,
  roomRow,
  segmentOf,
  segmentRow,
  sessionOf,
  sessionRow,
  type KeyIds,
} from './programme.rows.ts';

export type ListName = 'rooms' | 'segments' | 'delegations' | 'people' | 'sessions';
export type Lists = Omit<Programme, 'summit'>;
export const tables = { rooms, segments, delegations, people, sessions } as const;

// PostgreSQL takes at most 65,535 parameters a statement.
const CHUNK = 1000;
function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function insertKeyed<R>(
  tx: Executor,
  table: (typeof tables)[ListName],
  rows: R[],
  into: Map<string, number> | null,
): Promise<Map<string, number>> {
  const ids = into ?? new Map<string, number>();
  for (const part of chunks(rows)) {
    const inserted: { id: number; key: string }[] = await tx
      .insert(table)
      // @ts-expect-error: each caller passes rows of its own table
      .values(part)
      .returning({ id: table.id, key: table.key });
    for (const r of inserted) ids.set(r.key, r.id);
  }
  return ids;
}

/** Inserts whole lists in dependency order, in batches; `ids` gains the new rows' ids. */
export async function insertLists(
  tx: Executor,
  summitId: number,
  lists: Partial<Lists>,
  ids: KeyIds,
): Promise<Map<string, number>> {
  await insertKeyed(
    tx,
    rooms,
    (lists.rooms ?? []).map((r) => roomRow(summitId, r)),
    ids.rooms,
  );
  await insertKeyed(
    tx,
    segments,
    (lists.segments ?? []).map((s) => segmentRow(summitId, s)),
    ids.segments,
  );
  await insertKeyed(
    tx,
    delegations,
    (lists.delegations ?? []).map((d) => delegationRow(summitId, d)),
    ids.delegations,
  );
  await insertKeyed(
    tx,
    people,
    (lists.people ?? []).map((p) => personRow(summitId, p, ids)),
    ids.people,
  );
  const sessionList = lists.sessions ?? [];
  const sessionIds = await insertKeyed(
    tx,
    sessions,
    sessionList.map((s) => sessionRow(summitId, s, ids)),
    null,
  );
  await insertParticipants(
    tx,
    summitId,
    sessionList.map((s) => [sessionIds.get(s.key)!, s.participants] as const),
    ids,
  );
  return sessionIds;
}

async function insertParticipants(
  tx: Executor,
  summitId: number,
  bySession: readonly (readonly [number, readonly Participant[]])[],
  ids: KeyIds,
): Promise<void> {
  const rows = bySession.flatMap(([sessionId, list]) =>
    list.map((p) => participantRow(summitId, sessionId, p, ids)),
  );
  for (const part of chunks(rows, 5000)) await tx.insert(participants).values(part);
}

/** Makes a session's participants `list`, keeping the rows (and ids) of those that stay. */
export async function replaceParticipants(
  tx: Executor,
  summitId: number,
  sessionId: number,
  list: readonly Participant[],
  ids: KeyIds,
): Promise<void> {
  const identity = (p: { personId: number | null; delegationId: number | null; role: string }) =>
    `${p.personId}|${p.delegationId}|${p.role}`;
  const existing = await tx
    .select({
      id: participants.id,
      personId: participants.personId,
      delegationId: participants.delegationId,
      role: participants.role,
    })
    .from(participants)
    .where(eq(participants.sessionId, sessionId));
  const wanted = list.map((p) => participantRow(summitId, sessionId, p, ids));
  const wantedIds = new Set(wanted.map(identity));
  const have = new Set(existing.map(identity));
  const gone = existing.filter((e) => !wantedIds.has(identity(e))).map((e) => e.id);
  if (gone.length) await tx.delete(participants).where(inArray(participants.id, gone));
  const added = wanted.filter((w) => !have.has(identity(w)));
  if (added.length) await tx.insert(participants).values(added);
}

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
};

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
  );
  const whole = !f.keys && f.from === undefined && f.to === undefined && f.delegationId === undefined;
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

type Item = Lists[ListName][number];
/** Updates one item found by its current key; false when there is none. */
export async function updateItem(
  tx: Executor,
  summitId: number,
  list: ListName,
  key: string,
  value: Item,
  ids: KeyIds,
): Promise<boolean> {
  const id = await findId(tx, summitId, list, key);
  if (id === null) return false;
  const row = rowFor(summitId, list, value, ids);
  const table = tables[list];
  await tx.update(table).set(row).where(eq(table.id, id));
  if (list === 'sessions') await replaceParticipants(tx, summitId, id, (value as Session).participants, ids);
  return true;
}

function rowFor(summitId: number, list: ListName, value: Item, ids: KeyIds) {
  switch (list) {
    case 'rooms':
      return roomRow(summitId, value as Lists['rooms'][number]);
    case 'segments':
      return segmentRow(summitId, value as Lists['segments'][number]);
    case 'delegations':
      return delegationRow(summitId, value as Lists['delegations'][number]);
    case 'people':
      return personRow(summitId, value as Lists['people'][number], ids);
    case 'sessions':
      return sessionRow(summitId, value as Session, ids);
  }
}

export async function deleteItem(
  tx: Executor,
  summitId: number,
  list: ListName,
  key: string,
): Promise<boolean> {
  const table = tables[list];
  const deleted = await tx
    .delete(table)
    .where(and(eq(table.summitId, summitId), eq(table.key, key)))
    .returning({ id: table.id });
  return deleted.length > 0;
}

/** Marks every session of a summit that has a time published (a timed session without a room too); returns how many there are. */
export async function publishPlaced(tx: Executor, summitId: number): Promise<number> {
  const rows = await tx
    .update(sessions)
    .set({ status: 'published' })
    .where(and(eq(sessions.summitId, summitId), isNotNull(sessions.startAt)))
    .returning({ id: sessions.id });
  return rows.length;
}

/** Removes a summit's programme (sessions first: they refer to everything else), keeping the summit. */
export async function deleteProgramme(tx: Executor, summitId: number): Promise<void> {
  for (const table of [sessions, people, delegations, segments, rooms]) {
    await tx.delete(table).where(eq(table.summitId, summitId));
  }
}

export async function findDelegation(db: Executor, summitId: number, key: string) {
  const [row] = await db
    .select({ id: delegations.id, name: delegations.name })
    .from(delegations)
    .where(and(eq(delegations.summitId, summitId), eq(delegations.key, key)));
  return row ?? null;
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
