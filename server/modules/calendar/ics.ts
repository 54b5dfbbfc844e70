// The iCalendar building blocks every calendar Convene sends is made of: the exports, and next the
// invitations (METHOD:REQUEST / CANCEL) and the feeds. Times are given as Temporal values in the
// summit's zone, never as Date: given a Date and a zone, ical-generator formats in the process's
// own zone (tests run in Asia/Kathmandu so that such a slip shows).
import icalGenerator, {
  type ICalCalendar,
  ICalCalendarMethod,
  type ICalEvent,
  ICalEventStatus,
} from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { vtimezone } from './vtimezone.ts';

export { ICalCalendarMethod, ICalEventStatus };

const DAY = 86_400_000;

/**
 * iCalendar TEXT (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, every line break one
 * `\n`, so that a value cannot end its line and start a property of its own. ical-generator does
 * this for event values but writes the calendar's NAME as given.
 */
export function icsText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

const utf8Length = (code: number) => (code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4);

/**
 * One content line folded as RFC 5545 §3.1 asks (at most 75 octets a line, continuations led by a
 * space, never inside a character), as ical-generator folds: for a line written outside it.
 */
export function foldLine(line: string): string {
  let out = '';
  let octets = 0;
  for (const char of line) {
    const n = utf8Length(char.codePointAt(0)!);
    octets += n;
    if (octets > 74) {
      out += '\r\n ';
      octets = n;
    }
    out += char;
  }
  return out;
}

export type CalendarOptions = {
  /** The calendar's name, as a calendar app lists it. */
  name: string;
  /** The summit's IANA zone: every event is written in it, with its VTIMEZONE. */
  timeZone: string;
  /** The instants the VTIMEZONE must cover (the first start and last end; a week is added either side). */
  covers: [number, number];
  method?: ICalCalendarMethod;
};

// A release writes thousands of messages for the same few days: their VTIMEZONE is made once.
const zoneBlocks = new Map<string, string>();
function zoneBlock(zone: string, from: number, to: number): string {
  const id = `${zone}|${from}|${to}`;
  let block = zoneBlocks.get(id);
  if (block === undefined) {
    if (zoneBlocks.size >= 1000) zoneBlocks.clear();
    block = vtimezone(zone, from, to);
    zoneBlocks.set(id, block);
  }
  return block;
}

/** A calendar in the summit's zone, whose VTIMEZONE comes from the server's zone data. */
export function icsCalendar(o: CalendarOptions): ICalCalendar {
  const [from, to] = [o.covers[0] - 7 * DAY, o.covers[1] + 7 * DAY];
  return icalGenerator({
    prodId: { company: 'Convene', product: 'Convene', language: 'EN' },
    name: icsText(o.name),
    method: o.method ?? ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: (zone) => (zone === o.timeZone ? zoneBlock(zone, from, to) : null) },
  });
}

export type SessionEvent = {
  uid: string;
  /** Raised on every change a calendar cares about (time, room, title); 0 for the first. */
  sequence: number;
  /** When this copy of the event was made (DTSTAMP). */
  stamp: number;
  start: number;
  end: number;
  summary: string;
  location: string | null;
  description: string;
  url: string | null;
  status?: ICalEventStatus;
};

const zoned = (ms: number, timeZone: string) =>
  Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);

/** Adds one session as a VEVENT, its times with the calendar's zone as TZID. */
export function addSessionEvent(cal: ICalCalendar, timeZone: string, e: SessionEvent): ICalEvent {
  return cal.createEvent({
    id: e.uid,
    sequence: e.sequence,
    stamp: Temporal.Instant.fromEpochMilliseconds(e.stamp),
    start: zoned(e.start, timeZone),
    end: zoned(e.end, timeZone),
    timezone: timeZone,
    summary: e.summary,
    location: e.location,
    description: e.description,
    url: e.url,
    status: e.status ?? ICalEventStatus.CONFIRMED,
  });
}

/** A session's UID, the same in every export, feed and invitation: "opening@gfmd-2018.convene". */
export const sessionUid = (summitSlug: string, sessionKey: string) => `${sessionKey}@${summitSlug}.convene`;
