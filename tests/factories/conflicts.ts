// Small programmes for conflict tests, written as summit files: Marrakesh, 5–7 December 2018.
import { detectConflicts, prepare } from '../../shared/domain/conflicts/engine.ts';
import type { ConflictInput } from '../../shared/domain/conflicts/types.ts';
import { readSummitFile } from '../../shared/domain/summit-file.ts';
import { dayBounds, zoneOffsets } from '../../shared/domain/time.ts';
import type { SessionItem, SummitFileInput } from '../../shared/schemas/summit-file.ts';

type SessionInput = Partial<SessionItem> & { key: string; start?: string; end?: string };

export function conflictFile(
  sessions: SessionInput[],
  overrides: Partial<SummitFileInput> = {},
): SummitFileInput {
  return {
    format: 'summit/1',
    summit: {
      slug: 'rules',
      name: 'Rules',
      timeZone: 'Africa/Casablanca',
      startDate: '2018-12-05',
      endDate: '2018-12-07',
      travelMinutes: 10,
    },
    rooms: [
      {
        key: 'orangeraie',
        name: 'Orangeraie Room',
        capacity: 220,
        building: 'Conference Centre',
        equipment: ['projector', 'screen'],
        microphones: 6,
        changeoverMinutes: 15,
      },
      {
        key: 'menara',
        name: 'Menara Room',
        capacity: 160,
        building: 'Conference Centre',
        equipment: ['interpretation'],
        microphones: 12,
        changeoverMinutes: 0,
      },
      {
        key: 'atlas',
        name: 'Atlas Room',
        capacity: 80,
        building: 'Hotel',
        equipment: [],
        microphones: 4,
        changeoverMinutes: 0,
      },
    ],
    segments: [
      {
        key: 'breakfast',
        kind: 'side_events',
        title: 'Side events (breakfast)',
        start: '2018-12-07T08:00',
        end: '2018-12-07T09:50',
      },
    ],
    delegations: [
      { key: 'MDA', name: 'Republic of Moldova', kind: 'member_state', size: 2 },
      { key: 'GMB', name: 'The Gambia', kind: 'member_state', size: 1 },
      { key: 'ICMPD', name: 'ICMPD', kind: 'international_organisation', size: 3 },
    ],
    people: [
      { key: 'p-morari', name: 'Daniela Morari', delegation: 'MDA' },
      { key: 'p-chirita', name: 'Oleg Chirita', delegation: 'ICMPD' },
    ],
    sessions: sessions.map((s) => ({ kind: 'meeting', title: s.key, ...s })) as SessionItem[],
    ...overrides,
  };
}

export function conflictInput(file: SummitFileInput): ConflictInput {
  const r = readSummitFile(file);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const { summit } = r.value;
  const offsets = zoneOffsets(
    summit.timeZone,
    dayBounds(summit.startDate, summit.timeZone)[0] - 30 * 86_400_000,
    dayBounds(summit.endDate, summit.timeZone)[1] + 30 * 86_400_000,
  );
  return { ...r.value, offsets };
}

export const conflictsOf = (sessions: SessionInput[], overrides: Partial<SummitFileInput> = {}) =>
  detectConflicts(conflictInput(conflictFile(sessions, overrides)));

export const preparedOf = (file: SummitFileInput) => prepare(conflictInput(file));
