// The write half of the programme's repository (programme.reads.ts is the read half, re-exported
// here so that the service sees one repository). Every function takes explicit ids; whether the
// caller may do this was decided before it got here.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Participant, Session } from '../../../shared/domain/programme.ts';
import type { Executor } from '../../db/client.ts';
import { delegations, participants, people, rooms, segments, sessions } from '../../db/schema.ts';
import {
  delegationRow,
  participantRow,
  personRow,
  roomRow,
  segmentRow,
  sessionRow,
  type KeyIds,
  type ListName,
  type Lists,
  tables,
} from './programme.rows.ts';
import { findId } from './programme.reads.ts';

export * from './programme.reads.ts';
export type { ListName, Lists };

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
      confirmed: participants.confirmed,
    })
    .from(participants)
    .where(eq(participants.sessionId, sessionId));
  const wanted = list.map((p) => participantRow(summitId, sessionId, p, ids));
  const wantedById = new Map(wanted.map((w) => [identity(w), w]));
  const have = new Set(existing.map(identity));
  const gone = existing.filter((e) => !wantedById.has(identity(e))).map((e) => e.id);
  if (gone.length) await tx.delete(participants).where(inArray(participants.id, gone));
  // A participant who stays keeps its row; only its confirmation may change.
  for (const e of existing) {
    const w = wantedById.get(identity(e));
    if (w && w.confirmed !== e.confirmed)
      await tx.update(participants).set({ confirmed: w.confirmed }).where(eq(participants.id, e.id));
  }
  const added = wanted.filter((w) => !have.has(identity(w)));
  if (added.length) await tx.insert(participants).values(added);
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
