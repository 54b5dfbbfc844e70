// schedule.csv: one row per published session, for spreadsheets. csv-stringify quotes what needs
// quoting and, with escape_formulas, puts a ' before a cell starting with =, +, -, @, tab or CR so
// that a spreadsheet shows it as text instead of running it as a formula (OWASP "CSV injection").
// The BOM makes Excel read the file as UTF-8.
// Its headings and its Kind column are written in the language asked for (docs/exports.md).
import { stringify } from 'csv-stringify/sync';
import type { Language } from '../../../shared/domain/vocabulary.ts';
import { type MailKey, translator } from '../mail/mail.service.ts';
import { isoSeconds } from './frab.ts';
import type { ProgrammeExport } from './published-programme.ts';

const COLUMNS = ['day', 'start', 'end', 'room', 'title', 'kind', 'segment', 'participants'] as const;

/** The headings, in a language: English "Day, Start, End, Room, Title, Kind, Segment, Participants". */
export const csvColumns = (language: Language): string[] => {
  const t = translator(language);
  return COLUMNS.map((c) => t(`csv.${c}` as MailKey));
};

export function scheduleCsv(p: ProgrammeExport, language: Language = 'en'): string {
  const t = translator(language);
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
      t(`kind.${s.kind}` as MailKey),
      s.segment?.title ?? '',
      s.named.map((n) => n.name).join('; '),
    ];
  });
  return stringify([csvColumns(language), ...rows], {
    bom: true,
    escape_formulas: true,
    record_delimiter: 'windows',
  });
}
