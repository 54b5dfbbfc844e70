// Placement instances for the bench, generated apart from the code they measure: five shapes, any
// seed, three sizes (issue 9). Each is a whole summit (ConflictInput) in Marrakesh, 2 December 2026
// on: side-event windows each morning and lunchtime, a fixed programme inside them (roundtables,
// side events already placed, marketplace tables, some pinned), and sessions to place: side events
// without a room or time, a few pinned ones (never placed), and coordination meetings that have a
// time but no room. Shapes stress one thing each:
// - small-delegations: most delegations send one or two people, and organise a lot;
// - busy-moderators: a few people moderate many events and sit in the fixed programme too;
// - tight-windows: events nearly as long as their window, so each has one or two starts;
// - big-rooms: a few large rooms that the large events all need;
// - mixed: a bit of each.
import type { ConflictInput } from '../../shared/domain/conflicts/types.ts';
import type {
  Delegation,
  Participant,
  Person,
  Room,
  Segment,
  Session,
} from '../../shared/domain/programme.ts';
import { EQUIPMENT, type Role } from '../../shared/domain/vocabulary.ts';
import { random } from '../factories/large-summit.ts';

export const SHAPES = [
  'small-delegations',
  'busy-moderators',
  'tight-windows',
  'big-rooms',
  'mixed',
] as const;
export type Shape = (typeof SHAPES)[number];

/** Sessions to place × rooms × starts (on the 30-minute grid, over every window), and the time limit. */
export const SIZES = {
  S: { toPlace: 60, rooms: 8, days: 2, startsPerWindow: 3, limitMs: 1_000 },
  M: { toPlace: 150, rooms: 12, days: 3, startsPerWindow: 4, limitMs: 3_000 },
  L: { toPlace: 300, rooms: 20, days: 3, startsPerWindow: 5, limitMs: 10_000 },
} as const;
export type Size = keyof typeof SIZES;
export const startsOf = (size: Size) => SIZES[size].days * 2 * SIZES[size].startsPerWindow;

const MIN = 60_000;
const DAY0 = Date.parse('2026-12-01T23:00:00Z'); // midnight, 2 December 2026, in Marrakesh (+01)
const OFFSETS = [{ from: DAY0 - 30 * 86_400_000, offsetMinutes: 60 }];
const STEP = 30 * MIN;
const WINDOW_STARTS = [8 * 60, 13 * 60]; // breakfast and lunch, minutes after midnight

export function placementInstance(size: Size, shape: Shape, seed: number): ConflictInput {
  const z = SIZES[size];
  const rnd = random(seed * 104_729 + shape.length * 7_919 + z.toPlace);
  const pick = <X>(xs: readonly X[]) => xs[Math.floor(rnd() * xs.length)]!;
  const chance = (p: number) => rnd() < p;
  const between = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
  const is = (s: Shape) => shape === s || (shape === 'mixed' && chance(0.5));

  // Windows: two a day, each startsPerWindow half-hours of starts (plus an hour for the last).
  const segments: Segment[] = [];
  for (let d = 0; d < z.days; d++) {
    for (const [w, at] of WINDOW_STARTS.entries()) {
      const start = DAY0 + d * 86_400_000 + at * MIN;
      segments.push({
        key: `w${d}-${w}`,
        kind: 'side_events',
        title: `${w === 0 ? 'Breakfast' : 'Lunch'} side events, day ${d + 1}`,
        start,
        end: start + z.startsPerWindow * STEP + 30 * MIN,
      });
    }
  }

  const bigRooms = shape === 'big-rooms' ? 2 : shape === 'mixed' ? 1 : 0;
  const rooms: Room[] = Array.from({ length: z.rooms }, (_, i) => ({
    key: `r${i}`,
    name: `Room ${i}`,
    capacity: i < bigRooms ? between(350, 600) : shape === 'big-rooms' ? between(30, 90) : between(40, 280),
    building: i % 3 === 2 ? 'Hotel' : 'Conference Centre',
    equipment: EQUIPMENT.filter(() => chance(i < bigRooms ? 0.9 : 0.5)),
    microphones: between(2, 12),
    changeoverMinutes: pick([0, 0, 10, 15]),
  }));

  const smallDelegations = is('small-delegations');
  const delegations: Delegation[] = Array.from({ length: Math.ceil(z.toPlace / 2.5) }, (_, i) => ({
    key: `D${i}`,
    name: `Delegation ${i}`,
    kind: 'member_state',
    size: smallDelegations ? (chance(0.6) ? 1 : 2) : between(1, 6),
  }));
  const people: Person[] = Array.from({ length: Math.ceil(z.toPlace * 0.8) }, (_, i) => ({
    key: `p${i}`,
    name: `Person ${i}`,
    email: null,
    title: null,
    language: null,
    delegation: pick(delegations).key,
  }));
  // A few people in demand: they moderate many events and sit in the fixed programme.
  const busy = people.slice(0, is('busy-moderators') ? Math.max(3, Math.ceil(people.length / 25)) : 0);

  const session = (key: string, kind: Session['kind'], segment: Segment, minutes: number): Session => ({
    key,
    kind,
    title: key,
    segment: segment.key,
    room: null,
    start: null,
    end: null,
    durationMinutes: minutes,
    preferredStarts: [],
    expectedAttendance: null,
    equipment: [],
    microphones: null,
    pinned: false,
    status: 'draft',
    participants: [],
  });
  const someone = (role: Role): Participant => ({
    person: busy.length && chance(0.5) ? pick(busy).key : pick(people).key,
    delegation: null,
    role,
  });
  const delegation = (role: Role): Participant => ({ person: null, delegation: pick(delegations).key, role });
  const unique = (ps: Participant[]) => [
    ...new Map(ps.map((p) => [`${p.person}|${p.delegation}`, p])).values(),
  ];

  // The fixed programme: an eighth of the room-starts of each window, some pinned.
  const fixed: Session[] = [];
  for (const segment of segments) {
    for (const room of rooms) {
      for (let t = segment.start; t + 30 * MIN <= segment.end; t += STEP) {
        if (!chance(0.12)) continue;
        const kind = pick(['roundtable', 'side_event', 'marketplace_consultation'] as const);
        const minutes = pick([30, 60]);
        if (t + minutes * MIN > segment.end) continue;
        if (fixed.some((f) => f.room === room.key && f.start! < t + minutes * MIN && t < f.end!)) continue;
        const s = session(`f${fixed.length}`, kind, segment, minutes);
        const participants = unique([
          delegation(kind === 'roundtable' ? 'co_chair' : 'organiser'),
          ...(chance(0.5) ? [someone('speaker')] : []),
          ...(chance(0.5) ? [delegation('observer')] : []),
        ]);
        // Fixed sessions never over-commit anyone: they are the programme as agreed.
        const candidate = { ...s, room: room.key, start: t, end: t + minutes * MIN, participants };
        if (clashes(candidate, fixed, people, delegations)) continue;
        fixed.push({ ...candidate, pinned: chance(0.3) });
      }
    }
  }

  // Sessions to place: side events, a few pinned ones, a few coordination meetings keeping a time.
  const timedCount = Math.max(2, Math.round(z.toPlace * 0.04));
  const pinnedCount = Math.max(1, Math.round(z.toPlace * 0.02));
  const tight = is('tight-windows');
  const toPlace: Session[] = [];
  for (let i = 0; toPlace.length < z.toPlace - timedCount; i++) {
    const segment = pick(segments);
    const length = (segment.end - segment.start) / MIN;
    const minutes = tight ? pick([length - 30, length - 30, length - 60]) : pick([30, 30, 60, 60, 90]);
    const s = session(`e${i}`, 'side_event', segment, Math.min(minutes, length));
    const large = shape === 'big-rooms' ? chance(0.25) : chance(0.05);
    toPlace.push({
      ...s,
      expectedAttendance: large ? between(300, 500) : between(10, 200),
      equipment: chance(0.4) ? [pick(EQUIPMENT)] : [],
      microphones: chance(0.5) ? between(1, 6) : null,
      preferredStarts: chance(0.6)
        ? [segment.start + between(0, Math.max(0, (length - s.durationMinutes) / 30)) * STEP]
        : [],
      pinned: toPlace.length < pinnedCount,
      participants: unique([
        delegation('organiser'),
        ...(chance(is('busy-moderators') ? 0.8 : 0.4) ? [someone('moderator')] : []),
        ...(chance(0.5) ? [someone('speaker')] : []),
        ...(chance(0.4) ? [delegation('panellist')] : []),
        ...(chance(0.4) ? [delegation('observer')] : []),
      ]),
    });
  }
  for (let i = 0; i < timedCount; i++) {
    const segment = pick(segments);
    const start = segment.start + between(0, z.startsPerWindow - 1) * STEP;
    const s = session(`c${i}`, 'meeting', segment, 30);
    const meeting = {
      ...s,
      title: `Coordination ${i}`,
      start,
      end: start + 30 * MIN,
      expectedAttendance: between(8, 40),
      participants: unique([someone('moderator'), delegation('organiser')]),
    };
    if (!clashes(meeting, fixed, people, delegations)) toPlace.push(meeting);
    else toPlace.push({ ...meeting, participants: [delegation('organiser')] });
  }

  return {
    summit: {
      slug: `placement-${size}-${shape}-${seed}`,
      name: 'Placement bench',
      theme: '',
      venue: '',
      timeZone: 'Africa/Casablanca',
      startDate: '2026-12-02',
      endDate: new Date(DAY0 + (z.days - 1) * 86_400_000 + 86_400_000 / 2).toISOString().slice(0, 10),
      proposalDeadline: null,
      travelMinutes: 10,
      language: 'en',
    },
    rooms,
    segments,
    delegations,
    people,
    sessions: [...fixed, ...toPlace],
    offsets: OFFSETS,
  };
}

/** Whether a timed session would put a person in two places, or a delegation over its size. */
function clashes(s: Session, fixed: Session[], people: Person[], delegations: Delegation[]): boolean {
  const overlapping = fixed.filter((f) => f.start! < s.end! && s.start! < f.end!);
  const personOf = new Map(people.map((p) => [p.key, p.delegation]));
  const committed = (x: Session) =>
    new Set(x.participants.map((p) => (p.person ? personOf.get(p.person)! : p.delegation!)));
  for (const p of s.participants) {
    if (p.person && overlapping.some((f) => f.participants.some((q) => q.person === p.person))) return true;
  }
  for (const d of committed(s)) {
    const size = delegations.find((x) => x.key === d)?.size ?? 0;
    if (overlapping.filter((f) => committed(f).has(d)).length + 1 > size) return true;
  }
  return false;
}
