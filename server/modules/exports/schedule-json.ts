// schedule.json: the frab model as schedule JSON v1 (schema.json of voc/schedule).
import type { FrabEvent, FrabSchedule } from './frab.ts';

const SCHEMA = 'https://c3voc.de/schedule/schema.json';
// The schema's pattern for a zone name; a zone it refuses (e.g. "EST5EDT") is left out.
const ZONE_NAME = /^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/;

const eventJson = (e: FrabEvent) => ({
  guid: e.guid,
  id: e.id,
  date: e.date,
  start: e.start,
  end: e.end,
  duration: e.duration,
  room: e.room,
  slug: e.slug,
  url: e.url,
  title: e.title,
  subtitle: null,
  track: e.track,
  type: e.type,
  language: e.language,
  abstract: e.abstract,
  persons: e.persons,
  links: [],
});

/** Events by room name (two rooms of one name share a list: the format keys rooms by name). */
function byRoomName(
  rooms: FrabSchedule['days'][number]['rooms'],
): Record<string, ReturnType<typeof eventJson>[]> {
  const out: Record<string, ReturnType<typeof eventJson>[]> = {};
  for (const r of rooms) out[r.room.name] = [...(out[r.room.name] ?? []), ...r.events.map(eventJson)];
  return out;
}

export function scheduleJson(s: FrabSchedule) {
  const c = s.conference;
  return {
    $schema: SCHEMA,
    generator: { name: 'Convene' },
    schedule: {
      version: s.version,
      base_url: s.baseUrl,
      conference: {
        acronym: c.acronym,
        title: c.title,
        start: c.start,
        end: c.end,
        daysCount: s.days.length,
        timeslot_duration: '00:15',
        ...(ZONE_NAME.test(c.timeZone) && { time_zone_name: c.timeZone }),
        url: c.url,
        tracks: c.tracks.map((name) => ({ name })),
        rooms: c.rooms.map((r) => ({ name: r.name, guid: r.guid, capacity: r.capacity })),
        days: s.days.map((d) => ({
          index: d.index,
          date: d.date,
          day_start: d.start,
          day_end: d.end,
          rooms: byRoomName(d.rooms),
        })),
      },
    },
  };
}
