import { describe, expect, it } from 'vitest';
import { conflictsInvolving, detectConflicts } from '../../../../shared/domain/conflicts/engine.ts';
import { conflictFile, conflictInput, conflictsOf, preparedOf } from '../../../factories/conflicts.ts';

const at = (time: string, minutes: number) => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const end = h * 60 + m + minutes;
  return {
    start: `2018-12-07T${time}`,
    end: `2018-12-07T${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`,
  };
};
const summary = (cs: ReturnType<typeof conflictsOf>) =>
  cs.map((c) => `${c.code} ${c.sessions.join('+')} ${c.start.slice(11, 16)}-${c.end.slice(11, 16)}`);

describe('room rules', () => {
  it.each([
    [
      'back-to-back sessions in a room without changeover do not conflict',
      'menara',
      ['08:00', 60],
      ['09:00', 30],
      [],
    ],
    [
      'back-to-back sessions in a room with 15 minutes of changeover are too close',
      'orangeraie',
      ['08:00', 60],
      ['09:00', 30],
      ['CHANGEOVER_TOO_SHORT a+b 08:00-08:00'],
    ],
    ['a gap of exactly the changeover is enough', 'orangeraie', ['08:00', 60], ['09:15', 30], []],
    [
      'a gap one minute short of the changeover is not',
      'orangeraie',
      ['08:00', 60],
      ['09:14', 30],
      ['CHANGEOVER_TOO_SHORT a+b 08:00-08:14'],
    ],
    [
      'sessions overlapping by one minute double-book the room',
      'menara',
      ['08:00', 61],
      ['09:00', 30],
      ['ROOM_DOUBLE_BOOKED a+b 08:00-08:01'],
    ],
    [
      'a session inside another double-books the room',
      'menara',
      ['08:00', 120],
      ['08:30', 30],
      ['ROOM_DOUBLE_BOOKED a+b 07:30-08:00'],
    ],
  ] as const)('%s', (_, room, [aStart, aLen], [bStart, bLen], expected) => {
    const found = conflictsOf([
      { key: 'a', room, ...at(aStart, aLen) },
      { key: 'b', room, ...at(bStart, bLen) },
    ]);
    expect(summary(found)).toEqual(expected);
  });

  it('reports a three-way overlap once per pair', () => {
    const found = conflictsOf(
      ['a', 'b', 'c'].map((key, i) => ({ key, room: 'menara', ...at(`08:${i}0`, 60) })),
    );
    expect(summary(found)).toEqual([
      'ROOM_DOUBLE_BOOKED a+b 07:10-08:00',
      'ROOM_DOUBLE_BOOKED a+c 07:20-08:00',
      'ROOM_DOUBLE_BOOKED b+c 07:20-08:10',
    ]);
  });

  it('checks changeover between any two sessions, not only neighbours', () => {
    const found = conflictsOf([
      { key: 'long', room: 'orangeraie', ...at('08:00', 90) },
      { key: 'short', room: 'orangeraie', ...at('08:00', 10) },
      { key: 'next', room: 'orangeraie', ...at('09:35', 10) },
    ]);
    // A pair is named earlier start first, then earlier end.
    expect(summary(found)).toEqual([
      'ROOM_DOUBLE_BOOKED short+long 07:00-07:10',
      'CHANGEOVER_TOO_SHORT long+next 08:30-08:35',
    ]);
  });

  it('checks capacity, equipment and microphones of placed sessions only', () => {
    const found = conflictsOf([
      { key: 'big', room: 'atlas', expectedAttendance: 81, ...at('08:00', 30) },
      { key: 'fits', room: 'atlas', expectedAttendance: 80, ...at('10:00', 30) },
      {
        key: 'loud',
        room: 'orangeraie',
        equipment: ['projector', 'interpretation'],
        microphones: 7,
        ...at('11:00', 30),
      },
      { key: 'roomless', expectedAttendance: 999, equipment: ['recording'], ...at('12:00', 30) },
    ]);
    expect(found.map((c) => c.message)).toEqual([
      '"big" expects 81 people but Atlas Room seats 80 (Fri 7 Dec 08:00–08:30).',
      '"loud" needs interpretation booths and 7 microphones but Orangeraie Room has no interpretation booths and 6 microphones (Fri 7 Dec 11:00–11:30).',
    ]);
  });
});

describe('people and delegations', () => {
  it('finds a person expected in two rooms at once, only for presence roles', () => {
    const found = conflictsOf([
      {
        key: 'a',
        room: 'orangeraie',
        participants: [{ person: 'p-morari', role: 'moderator' }],
        ...at('08:30', 75),
      },
      {
        key: 'b',
        room: 'menara',
        participants: [{ person: 'p-morari', role: 'speaker' }],
        ...at('09:00', 30),
      },
      {
        key: 'c',
        room: 'atlas',
        participants: [{ person: 'p-morari', role: 'observer' }],
        ...at('09:00', 30),
      },
    ]);
    expect(
      found.filter((c) => c.code === 'PERSON_DOUBLE_BOOKED').map((c) => [c.sessions, c.person, c.message]),
    ).toEqual([
      [['a', 'b'], 'p-morari', 'Daniela Morari is expected at "a" and "b" at once on Fri 7 Dec 09:00–09:30.'],
    ]);
  });

  it.each([
    ['a delegation at exactly its size is fine', 2, []],
    [
      'one above its size is overcommitted, for the maximal interval, listing every session in it',
      3,
      ['DELEGATION_OVERCOMMITTED s0+s1+s2 07:20-08:00'],
    ],
  ] as const)('%s', (_, count, expected) => {
    const found = conflictsOf(
      Array.from({ length: count }, (__, i) => ({
        key: `s${i}`,
        participants: [{ delegation: 'MDA', role: 'organiser' as const }],
        start: `2018-12-07T08:${i}0`,
        end: `2018-12-07T09:0${i}`,
      })),
    );
    expect(summary(found.filter((c) => c.code === 'DELEGATION_OVERCOMMITTED'))).toEqual(expected);
  });

  it('counts a delegation committed through its people once per session, and merges touching overloads', () => {
    // The Gambia has one delegate: a 08:00-09:00 and b 08:30-09:30 overlap, then c starts as a ends.
    const found = conflictsOf([
      { key: 'a', participants: [{ delegation: 'GMB', role: 'owner' }], ...at('08:00', 60) },
      {
        key: 'b',
        participants: [
          { delegation: 'GMB', role: 'co_chair' },
          { delegation: 'GMB', role: 'rapporteur' },
        ],
        ...at('08:30', 60),
      },
      { key: 'c', participants: [{ delegation: 'GMB', role: 'speaker' }], ...at('09:00', 60) },
    ]);
    expect(found.map((c) => [c.code, c.sessions, c.start, c.end, c.message])).toEqual([
      [
        'DELEGATION_OVERCOMMITTED',
        ['a', 'b', 'c'],
        '2018-12-07T07:30:00.000Z',
        '2018-12-07T08:30:00.000Z',
        'The Gambia has 1 delegate but is committed to 2 sessions on Fri 7 Dec 08:30–09:30: "a", "b" and "c".',
      ],
    ]);
  });

  it('needs time to walk between buildings', () => {
    const found = conflictsOf([
      {
        key: 'a',
        room: 'orangeraie',
        participants: [{ person: 'p-chirita', role: 'speaker' }],
        ...at('08:00', 60),
      },
      {
        key: 'b',
        room: 'atlas',
        participants: [{ person: 'p-chirita', role: 'speaker' }],
        ...at('09:05', 30),
      },
      {
        key: 'c',
        room: 'menara',
        participants: [{ person: 'p-chirita', role: 'speaker' }],
        ...at('09:35', 30),
      },
      {
        key: 'd',
        room: 'atlas',
        participants: [{ person: 'p-chirita', role: 'speaker' }],
        ...at('10:15', 30),
      },
    ]);
    expect(found.map((c) => [c.code, c.sessions, c.message])).toEqual([
      [
        'TRAVEL_TOO_SHORT',
        ['a', 'b'],
        'Oleg Chirita has 5 minutes on Fri 7 Dec 09:00–09:05 to go from "a" (Conference Centre) to "b" (Hotel); the walk takes 10.',
      ],
      [
        'TRAVEL_TOO_SHORT',
        ['b', 'c'],
        'Oleg Chirita has 0 minutes on Fri 7 Dec 09:35–09:35 to go from "b" (Hotel) to "c" (Conference Centre); the walk takes 10.',
      ],
    ]);
  });

  it('flags a side event over an official session when one delegation takes part in both, in any role', () => {
    const found = conflictsOf([
      {
        key: 'se',
        kind: 'side_event',
        room: 'atlas',
        participants: [{ person: 'p-morari', role: 'visitor' }],
        ...at('10:00', 60),
      },
      {
        key: 'rt',
        kind: 'roundtable',
        room: 'menara',
        participants: [{ delegation: 'MDA', role: 'observer' }],
        ...at('10:30', 60),
      },
      {
        key: 'mt',
        kind: 'meeting',
        room: 'orangeraie',
        participants: [{ delegation: 'MDA', role: 'observer' }],
        ...at('10:30', 60),
      },
    ]);
    expect(found.map((c) => [c.code, c.severity, c.sessions, c.delegation, c.message])).toEqual([
      [
        'SIDE_EVENT_OVER_OFFICIAL',
        'soft',
        ['se', 'rt'],
        'MDA',
        'Side event "se" overlaps roundtable "rt" on Fri 7 Dec 10:30–11:00, and Republic of Moldova takes part in both.',
      ],
    ]);
  });
});

describe('windows', () => {
  it.each([
    ['a session touching both edges of its segment is inside it', '08:00', 110, []],
    [
      'a session ending a minute after its segment is outside it',
      '08:00',
      111,
      [
        '"s" (Fri 7 Dec 08:00–09:51) is outside its segment "Side events (breakfast)" (Fri 7 Dec 08:00–09:50).',
      ],
    ],
  ] as const)('%s', (_, start, minutes, expected) => {
    expect(
      conflictsOf([{ key: 's', segment: 'breakfast', ...at(start, minutes) }]).map((c) => c.message),
    ).toEqual(expected);
  });

  it("keeps sessions inside the summit's days, in its zone", () => {
    const found = conflictsOf([
      { key: 'last', start: '2018-12-07T23:00', end: '2018-12-08T00:00' },
      { key: 'late', start: '2018-12-07T23:30', end: '2018-12-08T00:30' },
      { key: 'early', start: '2018-12-04T23:59', end: '2018-12-05T00:30' },
    ]);
    expect(found.map((c) => [c.code, c.sessions[0], c.message])).toEqual([
      [
        'OUTSIDE_WINDOW',
        'early',
        '"early" (Tue 4 Dec 23:59–Wed 5 Dec 00:30) is outside the summit\'s days (Wed 5 Dec to Fri 7 Dec).',
      ],
      [
        'OUTSIDE_WINDOW',
        'late',
        '"late" (Fri 7 Dec 23:30–Sat 8 Dec 00:30) is outside the summit\'s days (Wed 5 Dec to Fri 7 Dec).',
      ],
    ]);
  });
});

describe('the report', () => {
  it('is the same whatever offset the times were written with', () => {
    const wall = conflictsOf([
      { key: 'a', room: 'menara', ...at('08:00', 60) },
      { key: 'b', room: 'menara', ...at('08:30', 60) },
    ]);
    const offsets = conflictsOf([
      { key: 'a', room: 'menara', start: '2018-12-07T12:45+05:45', end: '2018-12-07T08:00Z' },
      { key: 'b', room: 'menara', start: '2018-12-07T02:30-05:00', end: '2018-12-07T08:30Z' },
    ]);
    expect(offsets).toEqual(wall);
    expect(wall[0]).toEqual({
      code: 'ROOM_DOUBLE_BOOKED',
      severity: 'hard',
      sessions: ['a', 'b'],
      room: 'menara',
      start: '2018-12-07T07:30:00.000Z',
      end: '2018-12-07T08:00:00.000Z',
      message: 'Menara Room is booked twice on Fri 7 Dec 08:30–09:00: "a" and "b".',
    });
  });

  it('ignores unplaced sessions for room rules and untimed ones altogether', () => {
    const found = conflictsOf([
      { key: 'timed', participants: [{ person: 'p-morari', role: 'speaker' }], ...at('08:00', 60) },
      {
        key: 'untimed',
        room: 'atlas',
        durationMinutes: 60,
        participants: [{ person: 'p-morari', role: 'speaker' }],
      },
      { key: 'also', participants: [{ person: 'p-morari', role: 'speaker' }], ...at('08:30', 60) },
    ]);
    expect(summary(found)).toEqual(['PERSON_DOUBLE_BOOKED timed+also 07:30-08:00']);
  });
});

describe('checking one moved session', () => {
  it('gives the conflicts the move would create, against the rest unchanged', () => {
    const file = conflictFile([
      { key: 'a', room: 'menara', participants: [{ delegation: 'GMB', role: 'owner' }], ...at('08:00', 60) },
      { key: 'b', room: 'atlas', participants: [{ delegation: 'GMB', role: 'owner' }], ...at('10:00', 60) },
    ]);
    const prepared = preparedOf(file);
    const b = conflictInput(file).sessions[1]!;
    const moved = {
      ...b,
      room: 'menara',
      start: Date.parse('2018-12-07T07:30:00Z'),
      end: Date.parse('2018-12-07T08:30:00Z'),
    };
    expect(summary(conflictsInvolving(prepared, moved))).toEqual([
      'ROOM_DOUBLE_BOOKED a+b 07:30-08:00',
      'DELEGATION_OVERCOMMITTED a+b 07:30-08:00',
    ]);
    expect(conflictsInvolving(prepared, b)).toEqual([]);
    expect(detectConflicts(prepared.input)).toEqual([]);
  });
});
