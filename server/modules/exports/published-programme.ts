// The published programme as every export writes it: only published sessions that have a time,
// in start order, each with its room, segment and the names of those it names (confirmed ones:
// an unconfirmed request commits nobody). Drafts never reach an export, whoever asks.
import type { Room, Segment } from '../../../shared/domain/programme.ts';
import type { Role, SessionKind } from '../../../shared/domain/vocabulary.ts';
import { datesBetween, localDate } from '../../../shared/domain/time.ts';
import type { SummitRecord } from '../../core/summit-context.ts';
import type { Db } from '../../db/client.ts';
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

export async function publishedProgramme(
  db: Db,
  summit: SummitRecord,
  publicUrl: string,
): Promise<ProgrammeExport> {
  const [sessions, rooms, segments, delegations, people, ids] = await Promise.all([
    programme.loadSessions(db, summit.id, { publishedOnly: true }),
    programme.loadRooms(db, summit.id),
    programme.loadSegments(db, summit.id),
    programme.loadDelegations(db, summit.id),
    programme.loadPeople(db, summit.id, { publicOnly: true }),
    programme.publishedSessionIds(db, summit.id),
  ]);
  const room = new Map(rooms.map((r) => [r.key, r]));
  const segment = new Map(segments.map((s) => [s.key, s]));
  const person = new Map(people.map((p) => [p.key, p.name]));
  const delegation = new Map(delegations.map((d) => [d.key, d.name]));
  const base = `${publicUrl}/summits/${encodeURIComponent(summit.slug)}/sessions/`;
  const out: ExportSession[] = sessions
    .filter((s) => s.start !== null && s.end !== null)
    .map((s) => ({
      id: ids.get(s.key)!,
      key: s.key,
      kind: s.kind,
      title: s.title,
      start: s.start!,
      end: s.end!,
      room: (s.room && room.get(s.room)) || null,
      segment: (s.segment && segment.get(s.segment)) || null,
      named: s.participants.flatMap((p): Named[] => {
        if (p.confirmed === false) return [];
        const key = p.person ?? p.delegation!;
        const name = p.person ? person.get(p.person) : delegation.get(p.delegation!);
        return name ? [{ key, name, role: p.role, person: p.person !== null }] : [];
      }),
      url: base + encodeURIComponent(s.key),
    }))
    .sort(
      (a, b) =>
        a.start - b.start ||
        (a.room?.name ?? '').localeCompare(b.room?.name ?? '') ||
        a.key.localeCompare(b.key),
    );
  const dates = out.map((s) => localDate(s.start, summit.timeZone)).sort();
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
