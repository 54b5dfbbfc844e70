// The frab/pretalx schedule (the format conference apps such as Giggity and EventFahrplan read),
// as one model that schedule-xml.ts and schedule-json.ts write. Its schemas constrain identifiers:
// the acronym is [a-z0-9_] (at least 4), an event's slug is "<acronym>-<rest>" with both parts at
// least 4 long, times carry their offset and seconds; a summit slug such as "gfmd-2018" is mapped.
import { Temporal } from 'temporal-polyfill';
import { dayBounds, offsetMinutesAt } from '../../../shared/domain/time.ts';
import { URL_NAMESPACE, uuidV5 } from '../../core/uuid.ts';
import type { ExportSession, ProgrammeExport } from './published-programme.ts';
import { kindLabel, namedByRole } from './labels.ts';

const NAMESPACE = uuidV5(URL_NAMESPACE, 'urn:convene:schedule');
/** A stable UUID for a thing of a summit: `what` is e.g. "sessions/opening". */
export const guidOf = (summitSlug: string, what: string) => uuidV5(NAMESPACE, `${summitSlug}/${what}`);

const pad4 = (s: string) => s.padEnd(4, '_');
/** The summit's slug as a frab acronym: "gfmd-2018" → "gfmd_2018", "ab" → "ab__". */
export const acronymOf = (slug: string) => pad4(slug.toLowerCase().replace(/[^a-z0-9_]/g, '_'));

/** "gfmd_2018-42-opening": unique by the id, readable by the key, ending in a letter or digit. */
export function eventSlug(acronym: string, s: ExportSession): string {
  const key = s.key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const rest = `${s.id}-${key || 'session'}`;
  return `${acronym}-${rest.length >= 4 ? rest : `${s.id}-session-${key}`}`;
}

const two = (n: number) => String(n).padStart(2, '0');

/** "2018-12-05T09:00:00+01:00": an instant as the zone's wall clock, with seconds and offset. */
export function isoSeconds(ms: number, timeZone: string): string {
  // The zone's cached offset table: a Temporal conversion per time would cost 2,000 sessions 100 ms.
  const offset = offsetMinutesAt(ms, timeZone);
  if (!Number.isInteger(offset)) {
    return Temporal.Instant.fromEpochMilliseconds(ms)
      .toZonedDateTimeISO(timeZone)
      .toString({ smallestUnit: 'second', timeZoneName: 'never' });
  }
  const wall = new Date(Math.floor(ms / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  return `${wall}${offset < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}
const wallClock = (ms: number, timeZone: string) => isoSeconds(ms, timeZone).slice(11, 16);
const duration = (minutes: number) => `${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;

export const NO_ROOM = 'No room';

export type FrabEvent = {
  guid: string;
  id: number;
  date: string;
  start: string;
  end: string;
  duration: string;
  room: string;
  slug: string;
  url: string;
  title: string;
  type: string;
  track: string | null;
  /** The language it is held in (the first, where it names several); null: not said. */
  language: string | null;
  abstract: string;
  persons: { name: string; guid: string }[];
};
export type FrabRoom = { name: string; guid: string; capacity: number | null };
export type FrabDay = {
  index: number;
  date: string;
  start: string;
  end: string;
  rooms: { room: FrabRoom; events: FrabEvent[] }[];
};
export type FrabSchedule = {
  version: string;
  baseUrl: string;
  conference: {
    acronym: string;
    title: string;
    start: string;
    end: string;
    url: string;
    timeZone: string;
    tracks: string[];
    rooms: FrabRoom[];
  };
  days: FrabDay[];
};

export function frabSchedule(p: ProgrammeExport, version: string): FrabSchedule {
  const { summit } = p;
  const zone = summit.timeZone;
  const acronym = acronymOf(summit.slug);
  const byKey = new Map(
    p.rooms.map((r): [string, FrabRoom] => [
      r.key,
      { name: r.name, guid: guidOf(summit.slug, `rooms/${r.key}`), capacity: r.capacity },
    ]),
  );
  const rooms = [...byKey.values()];
  const noRoom: FrabRoom = { name: NO_ROOM, guid: guidOf(summit.slug, 'rooms/'), capacity: null };
  if (p.sessions.some((s) => !s.room)) rooms.push(noRoom);
  const roomOf = (s: ExportSession) => (s.room ? byKey.get(s.room.key)! : noRoom);
  const event = (s: ExportSession): FrabEvent => ({
    guid: guidOf(summit.slug, `sessions/${s.key}`),
    id: s.id,
    date: isoSeconds(s.start, zone),
    start: wallClock(s.start, zone),
    end: isoSeconds(s.end, zone),
    duration: duration(Math.round((s.end - s.start) / 60_000)),
    room: roomOf(s).name,
    slug: eventSlug(acronym, s),
    url: s.url,
    title: s.title,
    type: kindLabel(s.kind, summit.language),
    track: s.segment?.title ?? null,
    language: s.languages[0] ?? null,
    abstract: namedByRole(s, summit.language),
    persons: s.named
      .filter((n) => n.person)
      .map((n) => ({ name: n.name, guid: guidOf(summit.slug, `people/${n.key}`) })),
  });
  // Each session's day once, not once per day.
  const dayOf = new Map(p.sessions.map((s) => [s, isoSeconds(s.start, zone).slice(0, 10)]));
  const days = p.days.map((date, i): FrabDay => {
    const [from, to] = dayBounds(date, zone);
    const sessions = p.sessions.filter((s) => dayOf.get(s) === date);
    return {
      index: i + 1,
      date,
      start: isoSeconds(from, zone),
      end: isoSeconds(to, zone),
      rooms: rooms.flatMap((room) => {
        const events = sessions.filter((s) => roomOf(s) === room).map(event);
        return events.length ? [{ room, events }] : [];
      }),
    };
  });
  return {
    version,
    baseUrl: `${p.publicUrl}/`,
    conference: {
      acronym,
      title: summit.name,
      start: p.days[0]!,
      end: p.days.at(-1)!,
      url: `${p.publicUrl}/summits/${encodeURIComponent(summit.slug)}`,
      timeZone: zone,
      tracks: [...new Set(p.segments.map((s) => s.title))],
      rooms,
    },
    days,
  };
}
