// Mapping between the domain model (keys, epoch milliseconds) and database rows (ids, Dates), and
// the tables of the five lists.
import { languagesOf } from '../../../shared/domain/languages.ts';
import type {
  Delegation,
  Participant,
  Person,
  Programme,
  Room,
  Segment,
  Session,
} from '../../../shared/domain/programme.ts';
import type {
  DelegationKind,
  Equipment,
  Language,
  Role,
  SegmentKind,
  SessionKind,
  SessionStatus,
} from '../../../shared/schemas/enums.ts';
import { delegations, people, rooms, segments, sessions } from '../../db/schema.ts';

export type ListName = 'rooms' | 'segments' | 'delegations' | 'people' | 'sessions';
export type Lists = Omit<Programme, 'summit'>;
export const tables = { rooms, segments, delegations, people, sessions } as const;

export type KeyIds = {
  rooms: Map<string, number>;
  segments: Map<string, number>;
  delegations: Map<string, number>;
  people: Map<string, number>;
};

export const emptyKeyIds = (): KeyIds => ({
  rooms: new Map(),
  segments: new Map(),
  delegations: new Map(),
  people: new Map(),
});

const idOf = (map: Map<string, number>, key: string | null): number | null => {
  if (key === null) return null;
  const id = map.get(key);
  if (id === undefined) throw new Error(`internal: key "${key}" was not resolved before writing`);
  return id;
};
const date = (ms: number | null) => (ms === null ? null : new Date(ms));
const ms = (d: Date | null) => (d === null ? null : d.getTime());

export const roomRow = (summitId: number, r: Room): typeof rooms.$inferInsert => ({
  summitId,
  key: r.key,
  name: r.name,
  capacity: r.capacity,
  building: r.building,
  equipment: r.equipment,
  microphones: r.microphones,
  changeoverMinutes: r.changeoverMinutes,
});

export const segmentRow = (summitId: number, s: Segment): typeof segments.$inferInsert => ({
  summitId,
  key: s.key,
  kind: s.kind,
  title: s.title,
  startAt: new Date(s.start),
  endAt: new Date(s.end),
});

export const delegationRow = (summitId: number, d: Delegation): typeof delegations.$inferInsert => ({
  summitId,
  key: d.key,
  name: d.name,
  kind: d.kind,
  size: d.size,
});

export const personRow = (summitId: number, p: Person, ids: KeyIds): typeof people.$inferInsert => ({
  summitId,
  key: p.key,
  name: p.name,
  email: p.email,
  title: p.title,
  language: p.language,
  delegationId: idOf(ids.delegations, p.delegation),
});

export const sessionRow = (summitId: number, s: Session, ids: KeyIds): typeof sessions.$inferInsert => ({
  summitId,
  key: s.key,
  kind: s.kind,
  title: s.title,
  segmentId: idOf(ids.segments, s.segment),
  roomId: idOf(ids.rooms, s.room),
  startAt: date(s.start),
  endAt: date(s.end),
  durationMinutes: s.durationMinutes,
  preferredStarts: s.preferredStarts.map((t) => new Date(t).toISOString()),
  expectedAttendance: s.expectedAttendance,
  equipment: s.equipment,
  microphones: s.microphones,
  pinned: s.pinned,
  status: s.status,
  languages: s.languages ?? [],
  interpretation: s.interpretation ?? [],
});

export const participantRow = (summitId: number, sessionId: number, p: Participant, ids: KeyIds) => ({
  summitId,
  sessionId,
  role: p.role,
  personId: idOf(ids.people, p.person),
  delegationId: idOf(ids.delegations, p.delegation),
  confirmed: p.confirmed !== false,
});

// ---- rows back to the domain ----

export const roomOf = (r: typeof rooms.$inferSelect): Room => ({
  key: r.key,
  name: r.name,
  capacity: r.capacity,
  building: r.building,
  equipment: r.equipment as Equipment[],
  microphones: r.microphones,
  changeoverMinutes: r.changeoverMinutes,
});

export const segmentOf = (s: typeof segments.$inferSelect): Segment => ({
  key: s.key,
  kind: s.kind as SegmentKind,
  title: s.title,
  start: s.startAt.getTime(),
  end: s.endAt.getTime(),
});

export const delegationOf = (d: typeof delegations.$inferSelect): Delegation => ({
  key: d.key,
  name: d.name,
  kind: d.kind as DelegationKind,
  size: d.size,
});

export const personOf = (p: typeof people.$inferSelect, delegationKey: string | null): Person => ({
  key: p.key,
  name: p.name,
  email: p.email,
  delegation: delegationKey,
  title: p.title,
  language: p.language as Language | null,
});

export const sessionOf = (
  s: typeof sessions.$inferSelect,
  keys: { room: string | null; segment: string | null },
  participants: Participant[],
): Session => ({
  key: s.key,
  kind: s.kind as SessionKind,
  title: s.title,
  segment: keys.segment,
  room: keys.room,
  start: ms(s.startAt),
  end: ms(s.endAt),
  durationMinutes: s.durationMinutes,
  preferredStarts: s.preferredStarts.map((t) => Date.parse(t)),
  expectedAttendance: s.expectedAttendance,
  equipment: s.equipment as Equipment[],
  microphones: s.microphones,
  pinned: s.pinned,
  status: s.status as SessionStatus,
  participants,
  ...languagesOf(s),
});

export const participantOf = (p: {
  role: string;
  personKey: string | null;
  delegationKey: string | null;
  confirmed: boolean;
}): Participant => ({
  person: p.personKey,
  delegation: p.delegationKey,
  role: p.role as Role,
  ...(!p.confirmed && { confirmed: false }),
});
