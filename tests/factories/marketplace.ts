// A summit with a Marketplace, far enough ahead that no slot has begun: two tables in one window
// (Thu 10 Dec 2099 09:30–12:00, Casablanca, UTC+1), and Moldova (one person) in a roundtable 10:00–11:30.
import type { SummitFileInput } from '../../shared/schemas/summit-file.ts';
import { smallSummitFile } from './summit-file.ts';

export const MARKET_SLUG = 'gfmd-2099-market';

export function marketplaceSummitFile(overrides: Partial<SummitFileInput> = {}): SummitFileInput {
  const base = smallSummitFile();
  return {
    ...base,
    summit: { ...base.summit, slug: MARKET_SLUG, startDate: '2099-12-09', endDate: '2099-12-11' },
    rooms: [
      { key: 'orangeraie', name: 'Orangeraie Room', capacity: 220 },
      { key: 'table-1', name: 'Table 1', capacity: 12 },
      { key: 'table-2', name: 'Table 2', capacity: 12 },
    ],
    segments: [
      {
        key: 'rt',
        kind: 'roundtables',
        title: 'Roundtables',
        start: '2099-12-10T10:00',
        end: '2099-12-10T11:30',
      },
      {
        key: 'mp',
        kind: 'marketplace',
        title: 'Marketplace',
        start: '2099-12-10T09:30',
        end: '2099-12-10T12:00',
      },
    ],
    delegations: [
      { key: 'MDA', name: 'Moldova', kind: 'member_state', size: 1 },
      { key: 'GMB', name: 'The Gambia', kind: 'member_state', size: 2 },
      { key: 'ICMPD', name: 'ICMPD', kind: 'international_organisation', size: 3 },
      { key: 'IOM', name: 'IOM', kind: 'international_organisation', size: 6 },
    ],
    people: [
      { key: 'p-morari', name: 'Daniela Morari', email: 'morari@example.org', delegation: 'MDA' },
      { key: 'p-jallow', name: 'Awa Jallow', email: 'jallow@example.org', delegation: 'GMB' },
      { key: 'p-chirita', name: 'Oleg Chirita', email: 'chirita@example.org', delegation: 'ICMPD' },
      { key: 'p-iom', name: 'Amy Pope', email: 'pope@example.org', delegation: 'IOM' },
    ],
    sessions: [
      {
        key: 'rt-1-2',
        kind: 'roundtable',
        title: 'RT 1.2',
        segment: 'rt',
        room: 'orangeraie',
        start: '2099-12-10T10:00',
        end: '2099-12-10T11:30',
        participants: [{ person: 'p-morari', role: 'rapporteur' }],
      },
    ],
    marketplace: {
      slotMinutes: 30,
      tables: ['table-1', 'table-2'],
      segments: ['mp'],
      needs: [
        {
          key: 'mda-diaspora',
          owner: 'MDA',
          title: 'Diaspora engagement strategy',
          description: 'Help to draft a strategy for engaging the diaspora.',
          objectives: [19],
          assistance: ['technical'],
        },
        {
          key: 'gmb-reintegration',
          owner: 'GMB',
          title: 'Reintegration of returnees',
          objectives: [21],
          assistance: ['financial', 'operational'],
        },
      ],
    },
    ...overrides,
  };
}

/** A slot id: the table and its start (wall clock in Casablanca, UTC+1) as a UTC instant. */
export const slot = (table: string, localTime: string) => {
  const [h, m] = localTime.split(':').map(Number);
  return `${table}@${new Date(Date.UTC(2099, 11, 10, h! - 1, m!)).toISOString()}`;
};
