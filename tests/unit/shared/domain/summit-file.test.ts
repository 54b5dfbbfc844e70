import { describe, expect, it } from 'vitest';
import { readSummitFile, writeSummitFile } from '../../../../shared/domain/summit-file.ts';
import { demoSummitFile, smallSummitFile } from '../../../factories/summit-file.ts';

const errorsOf = (input: unknown) => {
  const r = readSummitFile(input);
  return r.ok ? [] : r.errors;
};
const session = (extra: Record<string, unknown>) => ({ ...smallSummitFile().sessions![0]!, ...extra });

describe('readSummitFile', () => {
  it('reads the seed side event: wall clocks in Africa/Casablanca become instants', () => {
    const r = readSummitFile(smallSummitFile());
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const s = r.value.sessions[0]!;
    expect([new Date(s.start!).toISOString(), new Date(s.end!).toISOString(), s.durationMinutes]).toEqual([
      '2018-12-07T07:30:00.000Z',
      '2018-12-07T08:45:00.000Z',
      75,
    ]);
    expect(s.participants).toEqual([
      { delegation: 'MDA', person: null, role: 'organiser' },
      { delegation: 'ICMPD', person: null, role: 'organiser' },
      { delegation: null, person: 'p-morari', role: 'moderator' },
      { delegation: null, person: 'p-genetzke', role: 'panellist' },
    ]);
    expect(r.value.summit.travelMinutes).toBe(10);
  });

  it('names an unknown room by its JSON path', () => {
    expect(errorsOf(smallSummitFile({ sessions: [session({ room: 'orangery' })] }))).toEqual([
      {
        path: 'sessions[0].room',
        message: 'unknown room "orangery"',
        code: 'unknownKey',
        params: { key: 'orangery', kind: 'room' },
      },
    ]);
  });

  it('reports every problem of a file at once', () => {
    const file = smallSummitFile({
      summit: { ...smallSummitFile().summit, timeZone: 'Africa/Marrakesh-Menara' },
      rooms: [...smallSummitFile().rooms!, { key: 'orangeraie', name: 'Orangeraie again', capacity: -1 }],
      sessions: [session({ end: '2018-12-07T08:00', segment: 'lunch' })],
    });
    expect(errorsOf(file)).toEqual([
      {
        path: 'summit.timeZone',
        message: 'unknown time zone (expected an IANA name such as Africa/Casablanca)',
        code: 'timeZone',
      },
      {
        path: 'rooms[1].key',
        message: 'duplicate key "orangeraie" (also rooms[0])',
        code: 'duplicateKey',
        params: { key: 'orangeraie' },
      },
      {
        path: 'rooms[1].capacity',
        message: 'Too small: expected number to be >=0',
        code: 'atLeast',
        params: { minimum: 0 },
      },
      {
        path: 'sessions[0].segment',
        message: 'unknown segment "lunch"',
        code: 'unknownKey',
        params: { key: 'lunch', kind: 'segment' },
      },
      { path: 'sessions[0].end', message: 'must be after start', code: 'endAfterStart' },
    ]);
  });

  it('checks references, keys and times', () => {
    const file = smallSummitFile({
      rooms: [...smallSummitFile().rooms!, { key: 'orangeraie', name: 'Orangeraie again', capacity: 10 }],
      sessions: [
        session({
          end: '2018-12-07T08:00',
          segment: 'lunch',
          participants: [{ person: 'p-nobody', role: 'speaker' }],
        }),
      ],
    });
    expect(errorsOf(file)).toEqual([
      {
        path: 'rooms[1].key',
        message: 'duplicate key "orangeraie" (also rooms[0])',
        code: 'duplicateKey',
        params: { key: 'orangeraie' },
      },
      {
        path: 'sessions[0].segment',
        message: 'unknown segment "lunch"',
        code: 'unknownKey',
        params: { key: 'lunch', kind: 'segment' },
      },
      { path: 'sessions[0].end', message: 'must be after start', code: 'endAfterStart' },
      {
        path: 'sessions[0].participants[0].person',
        message: 'unknown person "p-nobody"',
        code: 'unknownKey',
        params: { key: 'p-nobody', kind: 'person' },
      },
    ]);
  });

  it('refuses a duration that does not match start and end', () => {
    expect(errorsOf(smallSummitFile({ sessions: [session({ durationMinutes: 60 })] }))).toEqual([
      {
        path: 'sessions[0].durationMinutes',
        message: 'is 60 but start to end is 75 minutes',
        code: 'durationDiffers',
        params: { duration: 60, minutes: 75 },
      },
    ]);
  });

  it('needs a duration for an unplaced session, and start with end', () => {
    const { start: _s, end: _e, room: _r, ...unplaced } = session({});
    expect(errorsOf(smallSummitFile({ sessions: [unplaced] }))).toEqual([
      {
        path: 'sessions[0].durationMinutes',
        message: 'is required for a session without start and end',
        code: 'durationNeeded',
      },
    ]);
    expect(errorsOf(smallSummitFile({ sessions: [{ ...unplaced, start: '2018-12-07T08:30' }] }))).toEqual([
      {
        path: 'sessions[0].end',
        message: 'start and end are given together or not at all',
        code: 'startAndEnd',
      },
    ]);
  });

  it('refuses wrong types, unknown fields and a participant naming both a person and a delegation', () => {
    const file = smallSummitFile({
      sessions: [
        session({
          expectedAttendance: '120',
          colour: 'red',
          participants: [{ person: 'p-morari', delegation: 'MDA', role: 'moderator' }],
        }),
      ],
    });
    expect(errorsOf(file)).toEqual([
      {
        path: 'sessions[0].expectedAttendance',
        message: 'Invalid input: expected number, received string',
        code: 'invalidType',
        params: { expected: 'number' },
      },
      {
        path: 'sessions[0].participants[0]',
        message: 'a participant names either a delegation or a person',
        code: 'participantWho',
      },
      {
        path: 'sessions[0]',
        message: 'unknown field "colour"',
        code: 'unknownField',
        params: { count: 1, keys: 'colour' },
      },
    ]);
  });

  it('refuses a file of another format, and lists that are not lists', () => {
    expect(errorsOf({ ...smallSummitFile(), format: 'summit/2', rooms: {} })).toEqual([
      {
        path: 'format',
        message: 'Invalid input: expected "summit/1"',
        code: 'invalidValue',
        params: { count: 1, options: 'summit/1' },
      },
      {
        path: 'rooms',
        message: 'Invalid input: expected array, received object',
        code: 'invalidType',
        params: { expected: 'array' },
      },
    ]);
  });
});

describe('writeSummitFile', () => {
  it('writes times as summit wall clocks with their offset', () => {
    const r = readSummitFile(smallSummitFile());
    if (!r.ok) throw new Error('invalid');
    const out = writeSummitFile(r.value);
    expect([out.sessions[0]!.start, out.sessions[0]!.end, out.segments[0]!.start]).toEqual([
      '2018-12-07T08:30+01:00',
      '2018-12-07T09:45+01:00',
      '2018-12-07T08:00+01:00',
    ]);
  });

  it('round-trips the demo summit: read, write, read gives the same programme', () => {
    const first = readSummitFile(demoSummitFile());
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    const second = readSummitFile(writeSummitFile(first.value));
    if (!second.ok) throw new Error(JSON.stringify(second.errors));
    expect(second.value).toEqual(first.value);
  });
});
