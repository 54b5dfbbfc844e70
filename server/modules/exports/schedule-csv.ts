// schedule.csv: one row per published session, for spreadsheets. csv-stringify quotes what needs
// quoting and, with escape_formulas, puts a ' before a cell starting with =, +, -, @, tab or CR so
// that a spreadsheet shows it as text instead of running it as a formula (OWASP "CSV injection").
// The BOM makes Excel read the file as UTF-8.
import { stringify } from 'csv-stringify/sync';
import { isoSeconds } from './frab.ts';
import type { ProgrammeExport } from './published-programme.ts';
import { KIND_LABELS } from './labels.ts';

export const CSV_COLUMNS = ['Day', 'Start', 'End', 'Room', 'Title', 'Kind', 'Segment', 'Participants'];

export function scheduleCsv(p: ProgrammeExport): string {
  const zone = p.summit.timeZone;
  const rows = p.sessions.map((s) => {
    const [start, end] = [isoSeconds(s.start, zone), isoSeconds(s.end, zone)];
    return [
      start.slice(0, 10),
      start.slice(11, 16),
      end.slice(0, 10) === start.slice(0, 10)
        ? end.slice(11, 16)
        : `${end.slice(0, 10)} ${end.slice(11, 16)}`,
      s.room?.name ?? '',
      s.title,
      KIND_LABELS[s.kind],
      s.segment?.title ?? '',
      s.named.map((n) => n.name).join('; '),
    ];
  });
  return stringify([CSV_COLUMNS, ...rows], { bom: true, escape_formulas: true, record_delimiter: 'windows' });
}
