// The programme's exports: the published programme of a summit in each format, with a version tag
// that changes whenever what the export says changes (its ETag, and the frab schedule's version).
import type { Language } from '../../../shared/domain/vocabulary.ts';
import { calendarIcs } from './calendar-ics.ts';
import { frabSchedule } from './frab.ts';
import { scheduleCsv } from './schedule-csv.ts';
import { scheduleJson } from './schedule-json.ts';
import { scheduleXml } from './schedule-xml.ts';
import type { ProgrammeSnapshot } from './snapshot.ts';

export const EXPORT_FORMATS = {
  xml: { type: 'application/xml', file: 'schedule.xml' },
  json: { type: 'application/json', file: 'schedule.json' },
  ics: { type: 'text/calendar; charset=utf-8', file: 'calendar.ics' },
  csv: { type: 'text/csv; charset=utf-8', file: 'schedule.csv' },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

export { type ProgrammeSnapshot, programmeSnapshot } from './snapshot.ts';

// The last bodies written, by summit, format and tag: a programme that has not changed is not
// written again for each calendar app or conference app that polls it without If-None-Match
// (ical-generator folds lines at about 0.2 ms an event). A new tag makes the old body unreachable.
const rendered = new Map<string, string>();
const RENDERED_MAX = 32;

/**
 * The export's body; `now` stamps the calendar's events (DTSTAMP) when it is written anew; the CSV's
 * headings are in `language`.
 */
export function renderExport(
  s: ProgrammeSnapshot,
  format: ExportFormat,
  now: number,
  language: Language = 'en',
): string {
  const key = `${s.programme.summit.id}:${format}:${s.tag}:${format === 'csv' ? language : ''}`;
  const cached = rendered.get(key);
  if (cached !== undefined) return cached;
  const body = write(s, format, now, language);
  if (rendered.size >= RENDERED_MAX) rendered.delete(rendered.keys().next().value!);
  rendered.set(key, body);
  return body;
}

function write(s: ProgrammeSnapshot, format: ExportFormat, now: number, language: Language): string {
  switch (format) {
    case 'xml':
      return scheduleXml(frabSchedule(s.programme, s.tag));
    case 'json':
      return `${JSON.stringify(scheduleJson(frabSchedule(s.programme, s.tag)), null, 2)}\n`;
    case 'ics':
      return calendarIcs(s.programme, now);
    case 'csv':
      return scheduleCsv(s.programme, language);
  }
}

export { calendarIcs } from './calendar-ics.ts';
export type { ExportSession, ProgrammeExport } from './published-programme.ts';
export {
  assembleCalendar,
  type HeldProgramme,
  type KeptCalendar,
  type ProgrammeCache,
  programmeCache,
  programmeVersion,
  stamped,
  versionOf,
} from './programme-cache.ts';
