// The published programme, held in memory while it is current, and the calendars written from it
// (docs/exports.md, "Freshness and the cache"). Each fetch reads the summit's programme version
// (the sum of its programme_versions, raised when a transaction that changed the summit's programme
// commits: migration 0009) in one query; the programme is loaded and hashed again only when the version or
// the summit row differs from the one held. This process's memory is never trusted alone: another
// process (or anything else writing the database) raises the version, and every fetch checks it.
//
// Calendars are assembled, not written whole: ical-generator writes each session's VEVENT once, with
// a stand-in DTSTAMP, and keeps it while the session exports the same (a moved session is written
// again, the other 1,999 are not); a calendar is its head (VCALENDAR and VTIMEZONE, written by
// ical-generator with one event and kept by name, zone and the instants it covers), its events and
// its tail, and each copy puts its own DTSTAMP in. The text is the one `calendarIcs` writes
// (tests/unit/server/exports/ics-assembly.test.ts).
import { createHash } from 'node:crypto';
import { eq, type SQLWrapper, sql } from 'drizzle-orm';
import type { SummitRecord } from '../../core/summit-context.ts';
import type { Db, Executor } from '../../db/client.ts';
import { programmeVersions } from '../../db/schema.ts';
import { addExportEvent, calendarOf } from './calendar-ics.ts';
import { type ProgrammeSnapshot, programmeSnapshot } from './snapshot.ts';
import type { ExportSession } from './published-programme.ts';

/** The summit's programme version (the sum of its slots): 0 until a change to its programme commits. */
export async function programmeVersion(db: Executor, summitId: number): Promise<number> {
  const [row] = await db
    .select({ version: sql<string | null>`sum(${programmeVersions.version})` })
    .from(programmeVersions)
    .where(eq(programmeVersions.summitId, summitId));
  return Number(row?.version ?? 0);
}

/** The programme's version as a column of a query on another table, for a summit id column. */
export const versionOf = (summitId: SQLWrapper) =>
  sql<string>`(select coalesce(sum(${programmeVersions.version}), 0) from ${programmeVersions}
    where ${programmeVersions.summitId} = ${summitId})`;

// The DTSTAMP written in the kept text, replaced by each copy's own. A whole content line: a value
// cannot hold a line break (escaped), and a folded line's continuation starts with a space.
const STAND_IN = 0;
const STAND_IN_LINE = '\r\nDTSTAMP:19700101T000000Z\r\n';
const stampLine = (now: number) =>
  `\r\nDTSTAMP:${new Date(now).toISOString().replace(/[-:]|\.\d{3}/g, '')}\r\n`;

/** A calendar kept without its DTSTAMPs: the text around them, and its ETag. */
export type KeptCalendar = { parts: string[]; etag: string };
export const stamped = (c: KeptCalendar, now: number) => c.parts.join(stampLine(now));

type CalendarSummit = Parameters<typeof calendarOf>[0];

// Heads by calendar name, zone and covered instants: a VTIMEZONE costs as much as many events.
const heads = new Map<string, { head: string; tail: string }>();
const HEADS_MAX = 256;

function headOf(summit: CalendarSummit, sessions: ExportSession[]) {
  const key = JSON.stringify([summit.name, summit.timeZone, coverOf(sessions)]);
  const kept = heads.get(key);
  if (kept) return kept;
  const cal = calendarOf(summit, sessions, STAND_IN);
  addExportEvent(cal, summit, sessions[0]!, STAND_IN);
  const text = cal.toString();
  const begin = text.indexOf('BEGIN:VEVENT\r\n');
  const end = text.lastIndexOf('END:VEVENT\r\n') + 'END:VEVENT\r\n'.length;
  const made = { head: text.slice(0, begin), tail: text.slice(end) };
  if (heads.size >= HEADS_MAX) heads.delete(heads.keys().next().value!);
  heads.set(key, made);
  return made;
}
const coverOf = (sessions: ExportSession[]) => [
  Math.min(...sessions.map((s) => s.start)),
  Math.max(...sessions.map((s) => s.end)),
];

/** Each session's VEVENT text (stand-in DTSTAMP), by everything it is written from. */
type Events = Map<string, string>;
const eventKey = (summit: CalendarSummit, s: ExportSession) =>
  JSON.stringify([summit.slug, summit.timeZone, summit.venue, s]);

/** Writes the VEVENTs not kept yet, in one calendar of ical-generator's, and keeps them. */
function writeEvents(summit: CalendarSummit, sessions: ExportSession[], events: Events): string[] {
  const keys = sessions.map((s) => eventKey(summit, s));
  const missing = sessions.filter((_, i) => !events.has(keys[i]!));
  if (missing.length) {
    const cal = calendarOf(summit, missing, STAND_IN);
    for (const s of missing) addExportEvent(cal, summit, s, STAND_IN);
    const text = cal.toString();
    let at = text.indexOf('BEGIN:VEVENT\r\n');
    for (const s of missing) {
      const end = text.indexOf('END:VEVENT\r\n', at) + 'END:VEVENT\r\n'.length;
      events.set(eventKey(summit, s), text.slice(at, end));
      at = end;
    }
  }
  return keys.map((k) => events.get(k)!);
}

/** The calendar of these sessions, as `calendarIcs` writes it, kept without its DTSTAMPs. */
export function assembleCalendar(
  summit: CalendarSummit,
  sessions: ExportSession[],
  events: Events = new Map(),
): KeptCalendar {
  // No event: no VTIMEZONE either, and nothing to keep; ical-generator writes it whole.
  const text = sessions.length
    ? (() => {
        const { head, tail } = headOf(summit, sessions);
        return head + writeEvents(summit, sessions, events).join('') + tail;
      })()
    : calendarOf(summit, [], STAND_IN).toString();
  const etag = createHash('sha256').update(text).digest('base64url').slice(0, 22);
  return { parts: text.split(STAND_IN_LINE), etag };
}

/** The programme held for one summit at one version. */
export type HeldProgramme = {
  snapshot: ProgrammeSnapshot;
  /** A calendar of a selection (a feed, the whole programme), written once while the programme holds. */
  calendar(key: string, make: (events: Events) => KeptCalendar): KeptCalendar;
  /** The calendar kept under this key, if any. */
  kept(key: string): KeptCalendar | undefined;
};

type Held = { version: number; summit: string; programme: Promise<HeldProgramme> };

const SUMMITS_MAX = 8;
const CALENDARS_MAX = 256;

/**
 * The programme cache of one server (an app): each summit's programme at its last version, and the
 * calendars written from it. Bounded: the last SUMMITS_MAX summits read, CALENDARS_MAX calendars each.
 */
export function programmeCache(db: Db, publicUrl: string) {
  const held = new Map<number, Held>();
  return {
    /**
     * The summit's published programme, loaded again only when it changed. `version`: the
     * programme's version if the caller read it already (with the summit, in the same query:
     * `versionOf`), so that it is not read twice.
     */
    async current(summit: SummitRecord, version?: number): Promise<HeldProgramme> {
      version ??= await programmeVersion(db, summit.id);
      const record = JSON.stringify(summit);
      const mine = held.get(summit.id);
      if (mine && mine.version === version && mine.summit === record) {
        held.delete(summit.id); // the most recently read last
        held.set(summit.id, mine);
        return mine.programme;
      }
      // Loaded after the version was read: it shows at least that version (a later change raises
      // the version again, and the next fetch loads again). Held at once, so that the fetches
      // that find the same new version meanwhile share the one load.
      const programme = load(summit, mine?.programme);
      const entry = { version, summit: record, programme };
      held.delete(summit.id);
      held.set(summit.id, entry);
      if (held.size > SUMMITS_MAX) held.delete(held.keys().next().value!);
      programme.catch(() => {
        if (held.get(summit.id) === entry) held.delete(summit.id);
      });
      return programme;
    },
  };

  async function load(
    summit: SummitRecord,
    previous: Promise<HeldProgramme> | undefined,
  ): Promise<HeldProgramme> {
    const snapshot = await programmeSnapshot(db, summit, publicUrl);
    // The events of the programme held before, those still written the same are reused.
    const events: Events = new Map();
    const before = eventsOf.get((await previous?.catch(() => null)) ?? {});
    const calendars = new Map<string, KeptCalendar>();
    const programme: HeldProgramme = {
      snapshot,
      kept: (key) => calendars.get(key),
      calendar(key, make) {
        const kept = calendars.get(key);
        if (kept) return kept;
        const made = make(events);
        if (calendars.size >= CALENDARS_MAX) calendars.delete(calendars.keys().next().value!);
        calendars.set(key, made);
        return made;
      },
    };
    if (before) {
      const wanted = new Set(snapshot.programme.sessions.map((s) => eventKey(summit, s)));
      for (const [k, text] of before) if (wanted.has(k)) events.set(k, text);
    }
    eventsOf.set(programme, events);
    return programme;
  }
}

const eventsOf = new WeakMap<object, Events>();

export type ProgrammeCache = ReturnType<typeof programmeCache>;
