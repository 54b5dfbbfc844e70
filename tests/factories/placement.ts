// Placement scenarios on the small Marrakesh programme of conflicts.ts (5–7 December 2018, +01).
import type { ConflictInput } from '../../shared/domain/conflicts/types.ts';
import type { SummitFileInput } from '../../shared/schemas/summit-file.ts';
import { conflictFile, conflictInput } from './conflicts.ts';

/**
 * Friday 7 December: a late-morning side-event window (10:00–12:15), and the Republic of Moldova's
 * delegation coordination at 10:45–11:30 with no room yet, moderated by Daniela Morari, who also
 * speaks at the diaspora side event to be placed (45 minutes, 70 people, would rather start at
 * 11:00). `attendance` is the coordination's.
 */
export function coordinationScenario(attendance = 20): ConflictInput {
  return conflictInput(
    conflictFile(
      [
        {
          key: 'mda-coordination',
          kind: 'meeting',
          title: 'Republic of Moldova: delegation coordination',
          start: '2018-12-07T10:45',
          end: '2018-12-07T11:30',
          expectedAttendance: attendance,
          participants: [{ person: 'p-morari', role: 'moderator' }],
        },
        {
          key: 'se-diaspora',
          kind: 'side_event',
          title: 'Engaging the diaspora in local development',
          segment: 'late-morning',
          durationMinutes: 45,
          expectedAttendance: 70,
          preferredStarts: ['2018-12-07T11:00'],
          participants: [{ person: 'p-morari', role: 'speaker' }],
        },
      ],
      {
        segments: [
          {
            key: 'late-morning',
            kind: 'side_events',
            title: 'Side events (late morning)',
            start: '2018-12-07T10:00',
            end: '2018-12-07T12:15',
          },
        ],
      },
    ),
  );
}

/**
 * The best placement of coordinationScenario(): the Atlas Room (80 seats) wastes fewest seats for
 * both; 11:30 is 30 minutes from the side event's preferred 11:00 and the first start after the
 * meeting, in the same building, so Daniela Morari needs no walk.
 */
export const COORDINATION_PLACED = {
  placed: [
    {
      key: 'mda-coordination',
      room: 'atlas',
      start: Date.parse('2018-12-07T09:45Z'),
      end: Date.parse('2018-12-07T10:30Z'),
      cost: 7.5, // 60 of the Atlas Room's 80 seats empty
    },
    {
      key: 'se-diaspora',
      room: 'atlas',
      start: Date.parse('2018-12-07T10:30Z'),
      end: Date.parse('2018-12-07T11:15Z'),
      cost: 31.25,
    },
  ],
  unplaced: [],
  cost: 38.75,
  bound: 2,
  optimal: true,
};

/**
 * A summit file (slug placement-words) for placement's answers in words, on Friday 7 December 2018
 * in Marrakesh: Daniela Morari speaks at a briefing all breakfast, so the youth side event she
 * moderates fits nowhere; two side events for 200 only fit the Orangeraie Room, one at a time;
 * nothing seats 500; the ICMPD coordination at 10:45 has no room yet.
 */
export function placementWordsFile(): SummitFileInput {
  const breakfast = { kind: 'side_event' as const, segment: 'breakfast', durationMinutes: 60 };
  return conflictFile(
    [
      {
        key: 'mda-briefing',
        title: 'Republic of Moldova: briefing',
        room: 'menara',
        start: '2018-12-07T08:00',
        end: '2018-12-07T09:50',
        participants: [{ person: 'p-morari', role: 'speaker' }],
      },
      {
        key: 'se-youth',
        title: 'Youth and migration',
        ...breakfast,
        participants: [{ person: 'p-morari', role: 'moderator' }],
      },
      {
        key: 'se-bonds',
        title: 'Diaspora bonds for development finance',
        ...breakfast,
        expectedAttendance: 200,
        preferredStarts: ['2018-12-07T08:00'],
      },
      {
        key: 'se-labour',
        title: 'Labour mobility partnerships in the Mediterranean',
        ...breakfast,
        expectedAttendance: 200,
        preferredStarts: ['2018-12-07T09:00'],
      },
      { key: 'se-big', title: 'Global Compact town hall', ...breakfast, expectedAttendance: 500 },
      {
        key: 'icmpd-coordination',
        title: 'ICMPD coordination',
        start: '2018-12-07T10:45',
        end: '2018-12-07T11:30',
        expectedAttendance: 20,
        participants: [{ person: 'p-chirita', role: 'moderator' }],
      },
    ],
    { summit: { ...conflictFile([]).summit, slug: 'placement-words', name: 'Placement in words' } },
  );
}
