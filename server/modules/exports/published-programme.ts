// The published programme as every export writes it: only published sessions that have a time,
// in start order, each with its room, segment and the names of those it names (confirmed ones:
// an unconfirmed request commits nobody). Drafts never reach an export, whoever asks.
import type { Room, Segment } from '../../../shared/domain/programme.ts';
import type { Role, SessionKind } from '../../../shared/domain/vocabulary.ts';
import { datesBetween, localDate } from '../../../shared/domain/time.ts';
import type { SummitRecord } from '../../core/summit-context.ts';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  calendarSequences,
  delegations,
  participants,
  people,
  rooms,
  segments,
  sessions,
  summits,
} from '../../db/schema.ts';
import * as programme from '../programme/programme.service.ts';

export type Named = { key: string; name: string; role: Role; person: boolean };
export type ExportSession = {
  /** The database id: a positive integer, stable while the session exists (frab's event id). */
  id: number;
  key: string;
  kind: SessionKind;
  title: string;
  start: number;
  end: number;
  room: Room | null;
  segment: Segment | null;
  named: Named[];
  /** The session's page in the app. */
  url: string;
  /** Its calendar SEQUENCE, as its invitations last carried it (0 before any). */
  sequence: number;
  /** ISO 639-1 codes of the languages it is held in, first the main one. */
  languages: string[];
};
export type ProgrammeExport = {
  summit: SummitRecord;
  publicUrl: string;
  /** The summit's days, widened to any session outside them. */
  days: string[];
  rooms: Room[];
  segments: Segment[];
  sessions: ExportSession[];
};

type SessionRow = [
  number,
  string,
  SessionKind,
  string,
  number,
  number,
  string | null,
  string | null,
  number,
  string[],
];
type NamedRow = [number, string | null, string | null, string | null, string | null, Role];

/**
 * The published sessions that have a time, and the summit's confirmed participations with the names
 * of those named (those of drafts are not used): each list as one JSON text (a row each costs more
 * than the whole list's parsing). The participations are not joined with their sessions: without
 * fresh statistics the planner may loop over one for each of the other.
 */
async function publishedRows(db: Db, summitId: number) {
  const ms = (column: string) => sql.raw(`floor(extract(epoch from ${column}) * 1000)::bigint`);
  const [row] = await db
    .select({
      sessions: sql<string | null>`(select json_agg(json_build_array(s.id, s.key, s.kind, s.title,
        ${ms('s.start_at')}, ${ms('s.end_at')}, r.key, g.key, coalesce(q.sequence, 0), s.languages) order by s.id)::text
        from ${sessions} s left join ${rooms} r on r.id = s.room_id left join ${segments} g on g.id = s.segment_id
        left join ${calendarSequences} q on q.summit_id = s.summit_id and q.session_key = s.key
        where s.summit_id = ${summitId} and s.status = 'published' and s.start_at is not null and s.end_at is not null)`,
      named: sql<
        string | null
      >`(select json_agg(json_build_array(p.session_id, pe.key, pe.name, d.key, d.name,
        p.role) order by p.id)::text
        from ${participants} p
        left join ${people} pe on pe.id = p.person_id left join ${delegations} d on d.id = p.delegation_id
        where p.summit_id = ${summitId} and p.confirmed)`,
    })
    .from(summits)
    .where(eq(summits.id, summitId));
  return {
    sessions: JSON.parse(row?.sessions ?? '[]') as SessionRow[],
    named: JSON.parse(row?.named ?? '[]') as NamedRow[],
  };
}

// What String.prototype.localeCompare does with no locale and no options, without its cost a call.
const byName = new Intl.Collator().compare;

export async function publishedProgramme(
  db: Db,
  summit: SummitRecord,
  publicUrl: string,
): Promise<ProgrammeExport> {
  const [rows, rooms, segments] = await Promise.all([
    publishedRows(db, summit.id),
    programme.loadRooms(db, summit.id),
    programme.loadSegments(db, summit.id),
  ]);
  const room = new Map(rooms.map((r) => [r.key, r]));
  const segment = new Map(segments.map((s) => [s.key, s]));
  const named = new Map<number, Named[]>();
  for (const [sessionId, personKey, personName, delegationKey, delegationName, role] of rows.named) {
    const key = personKey ?? delegationKey;
    const name = personKey ? personName : delegationName;
    if (key === null || name === null) continue;
    const list = named.get(sessionId) ?? [];
    list.push({ key, name, role, person: personKey !== null });
    named.set(sessionId, list);
  }
  const base = `${publicUrl}/summits/${encodeURIComponent(summit.slug)}/sessions/`;
  const out: ExportSession[] = rows.sessions
    .map(([id, key, kind, title, start, end, roomKey, segmentKey, sequence, languages]) => ({
      id,
      key,
      sequence,
      languages,
      kind,
      title,
      start,
      end,
      room: (roomKey && room.get(roomKey)) || null,
      segment: (segmentKey && segment.get(segmentKey)) || null,
      named: named.get(id) ?? [],
      url: base + encodeURIComponent(key),
    }))
    .sort(
      (a, b) => a.start - b.start || byName(a.room?.name ?? '', b.room?.name ?? '') || byName(a.key, b.key),
    );
  // Sessions share their starts: each start's date is worked out once.
  const dateOf = new Map<number, string>();
  for (const { start } of out) if (!dateOf.has(start)) dateOf.set(start, localDate(start, summit.timeZone));
  const dates = [...new Set(dateOf.values())].sort();
  const first = [summit.startDate, dates[0] ?? summit.startDate].sort()[0]!;
  const last = [summit.endDate, dates.at(-1) ?? summit.endDate].sort().at(-1)!;
  const usedRooms = new Set(out.flatMap((s) => (s.room ? [s.room.key] : [])));
  const usedSegments = new Set(out.flatMap((s) => (s.segment ? [s.segment.key] : [])));
  return {
    summit,
    publicUrl,
    days: datesBetween(first, last),
    rooms: rooms.filter((r) => usedRooms.has(r.key)),
    segments: segments.filter((g) => usedSegments.has(g.key)),
    sessions: out,
  };
}
