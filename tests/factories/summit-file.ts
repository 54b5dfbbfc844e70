// Summit files for tests, built from the seed side event (GFMD 2018, seed 003).
import { readFileSync } from 'node:fs';
import type { SummitFileInput } from '../../shared/schemas/summit-file.ts';

export function demoSummitFile(): SummitFileInput {
  return JSON.parse(
    readFileSync(new URL('../../server/demo/gfmd-2018.summit.json', import.meta.url), 'utf8'),
  );
}

/** A small Marrakesh summit: one room, one breakfast window, Moldova and ICMPD, the seed's side event. */
export function smallSummitFile(overrides: Partial<SummitFileInput> = {}): SummitFileInput {
  return {
    format: 'summit/1',
    summit: {
      slug: 'gfmd-2018-small',
      name: 'GFMD 2018 Summit',
      theme: 'Honouring International Commitments',
      venue: 'Palmeira Resorts, Marrakesh',
      timeZone: 'Africa/Casablanca',
      startDate: '2018-12-05',
      endDate: '2018-12-07',
    },
    rooms: [
      {
        key: 'orangeraie',
        name: 'Orangeraie Room',
        capacity: 220,
        building: 'Conference Centre',
        equipment: ['projector', 'screen', 'hdmi', 'usb'],
        microphones: 6,
        changeoverMinutes: 15,
      },
    ],
    segments: [
      {
        key: 'se-fri-breakfast',
        kind: 'side_events',
        title: 'Side events (breakfast)',
        start: '2018-12-07T08:00',
        end: '2018-12-07T09:50',
      },
    ],
    delegations: [
      { key: 'MDA', name: 'Republic of Moldova', kind: 'member_state', size: 2 },
      {
        key: 'ICMPD',
        name: 'International Centre for Migration Policy Development',
        kind: 'international_organisation',
        size: 3,
      },
    ],
    people: [
      {
        key: 'p-morari',
        name: 'Daniela Morari',
        email: 'd.morari@example.org',
        delegation: 'MDA',
        title: 'State Secretary',
      },
      { key: 'p-genetzke', name: 'Ralph Genetzke', delegation: 'ICMPD' },
    ],
    sessions: [
      {
        key: 'se-capacity-building',
        kind: 'side_event',
        title: 'What role for capacity building in turning the Global Compact on Migration into action?',
        segment: 'se-fri-breakfast',
        room: 'orangeraie',
        start: '2018-12-07T08:30',
        end: '2018-12-07T09:45',
        expectedAttendance: 120,
        equipment: ['projector', 'screen'],
        microphones: 6,
        status: 'published',
        participants: [
          { delegation: 'MDA', role: 'organiser' },
          { delegation: 'ICMPD', role: 'organiser' },
          { person: 'p-morari', role: 'moderator' },
          { person: 'p-genetzke', role: 'panellist' },
        ],
      },
    ],
    ...overrides,
  };
}
