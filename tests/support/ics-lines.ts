// A second, deliberately small iCalendar reader (RFC 5545 §3.1): unfolds lines, splits each into
// name, parameters and value, and reads a DTSTART/DTEND with TZID from the zone's own rules
// (Temporal), not from the message's VTIMEZONE. It shares no code with ical.js or ical-generator.
import { Temporal } from 'temporal-polyfill';

export type IcsLine = { name: string; params: Record<string, string>; value: string };

export function icsLines(text: string): IcsLine[] {
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split('\r\n')
    .filter(Boolean)
    .map((line) => {
      // The first ":" outside a quoted parameter value ends the name and parameters.
      let quoted = false;
      let cut = -1;
      for (let i = 0; i < line.length && cut < 0; i++) {
        if (line[i] === '"') quoted = !quoted;
        else if (line[i] === ':' && !quoted) cut = i;
      }
      const [name, ...params] = line.slice(0, cut).split(';');
      return {
        name: name!,
        params: Object.fromEntries(
          params.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]),
        ),
        value: line.slice(cut + 1),
      };
    });
}

/** TEXT values unescaped (§3.3.11). */
export const icsUnescape = (value: string) =>
  value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/** An instant from a DATE-TIME line: UTC ("Z"), or a local time in its TZID's zone. */
export function icsInstant(line: IcsLine): number {
  const v = line.value;
  const iso = `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}T${v.slice(9, 11)}:${v.slice(11, 13)}:${v.slice(13, 15)}`;
  if (v.endsWith('Z')) return Date.parse(`${iso}Z`);
  return Temporal.PlainDateTime.from(iso).toZonedDateTime(line.params.TZID!).epochMilliseconds;
}

/** The lines of the first VEVENT, by name (the last of each name). */
export function eventProps(lines: IcsLine[]): Record<string, IcsLine> {
  const start = lines.findIndex((l) => l.name === 'BEGIN' && l.value === 'VEVENT');
  const end = lines.findIndex((l) => l.name === 'END' && l.value === 'VEVENT');
  return Object.fromEntries(lines.slice(start + 1, end).map((l) => [l.name, l]));
}
