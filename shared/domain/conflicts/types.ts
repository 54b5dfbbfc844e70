// The conflict rules and the report format of the API (docs/conflicts.md; GET /conflicts in the
// README).
import type { Programme } from '../programme.ts';
import type { ZoneOffset } from '../time.ts';

export const CONFLICT_CODES = [
  'ROOM_DOUBLE_BOOKED',
  'PERSON_DOUBLE_BOOKED',
  'DELEGATION_OVERCOMMITTED',
  'CAPACITY_EXCEEDED',
  'EQUIPMENT_MISSING',
  'OUTSIDE_WINDOW',
  'CHANGEOVER_TOO_SHORT',
  'TRAVEL_TOO_SHORT',
  'SIDE_EVENT_OVER_OFFICIAL',
] as const;
export type ConflictCode = (typeof CONFLICT_CODES)[number];

export const SEVERITY: Record<ConflictCode, 'hard' | 'soft'> = {
  ROOM_DOUBLE_BOOKED: 'hard',
  PERSON_DOUBLE_BOOKED: 'hard',
  DELEGATION_OVERCOMMITTED: 'hard',
  CAPACITY_EXCEEDED: 'hard',
  EQUIPMENT_MISSING: 'hard',
  OUTSIDE_WINDOW: 'hard',
  CHANGEOVER_TOO_SHORT: 'soft',
  TRAVEL_TOO_SHORT: 'soft',
  SIDE_EVENT_OVER_OFFICIAL: 'soft',
};

/** One conflict as the API reports it: keys, UTC instants and a plain sentence. */
export type Conflict = {
  code: ConflictCode;
  severity: 'hard' | 'soft';
  sessions: string[];
  room?: string;
  person?: string;
  delegation?: string;
  start: string;
  end: string;
  message: string;
};

/** What the engine reads: a programme and the summit zone's offsets (from the server). */
export type ConflictInput = Pick<
  Programme,
  'summit' | 'rooms' | 'segments' | 'delegations' | 'people' | 'sessions'
> & {
  offsets: readonly ZoneOffset[];
};
