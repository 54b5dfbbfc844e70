// schedule.csv in a spreadsheet: no cell can start a formula, and what it says reads back exactly.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ProgrammeExport } from '../../../../server/modules/exports/published-programme.ts';
import { scheduleCsv } from '../../../../server/modules/exports/schedule-csv.ts';

const start = Date.UTC(2018, 11, 7, 7, 30);
function programme(titles: string[]): ProgrammeExport {
  return {
    summit: {
      id: 1,
      slug: 'gfmd-2018',
      name: 'GFMD 2018',
      theme: '',
      venue: 'Palmeira',
      timeZone: 'Africa/Casablanca',
      startDate: '2018-12-07',
      endDate: '2018-12-07',
      proposalDeadline: null,
      travelMinutes: 0,
      language: 'en',
    },
    publicUrl: 'http://convene.test',
    days: ['2018-12-07'],
    rooms: [],
    segments: [],
    sessions: titles.map((title, i) => ({
      id: i + 1,
      key: `s${i}`,
      languages: [],
      sequence: 0,
      kind: 'meeting',
      title,
      start,
      // The last one runs past midnight: its end says which day.
      end: i === titles.length - 1 ? Date.UTC(2018, 11, 7, 23, 30) : start + 3_600_000,
      room: null,
      segment: null,
      named: [{ key: 'p', name: '@mention, "quoted"', role: 'speaker', person: true }],
      url: `http://convene.test/summits/gfmd-2018/sessions/s${i}`,
    })),
  };
}

describe('scheduleCsv', () => {
  it('puts a quote before every cell that starts with =, +, -, @ and keeps the rest as it is', () => {
    const titles = ['=1+1', '+1', '-1', '@SUM(A1)', 'Plain, with a comma', 'Ends after midnight'];
    const text = scheduleCsv(programme(titles));
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.Title)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      'Plain, with a comma',
      'Ends after midnight',
    ]);
    expect(rows.map((r) => r.Participants)).toEqual(Array(6).fill(`'@mention, "quoted"`));
    expect(rows.map((r) => [r.Day, r.Start, r.End])).toEqual([
      ...Array(5).fill(['2018-12-07', '08:30', '09:30']),
      ['2018-12-07', '08:30', '2018-12-08 00:30'],
    ]);
  });
});
