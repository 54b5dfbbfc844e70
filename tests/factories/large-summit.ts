// A generated summit of any size, deterministic for a seed: rooms, delegations of realistic sizes,
// people, and sessions packed into hourly slots of every room, every day.
import type { SummitFileInput } from '../../shared/schemas/summit-file.ts';
import { EQUIPMENT, ROLES, SESSION_KINDS } from '../../shared/schemas/enums.ts';

export type LargeSummitSize = {
  sessions: number;
  people: number;
  delegations: number;
  rooms: number;
  sessionsPerDay: number;
};

/** mulberry32: a small seeded PRNG. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function largeSummitFile(size: LargeSummitSize, seed = 1, slug = 'generated'): SummitFileInput {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const days = Math.ceil(size.sessions / size.sessionsPerDay);
  const date = (day: number) => new Date(Date.UTC(2026, 11, 1 + day)).toISOString().slice(0, 10);
  const rooms = Array.from({ length: size.rooms }, (_, i) => ({
    key: `room-${i}`,
    name: `Room ${i}`,
    capacity: 20 + Math.floor(rnd() * 400),
    building: `Building ${i % 4}`,
    equipment: EQUIPMENT.filter(() => rnd() < 0.5),
    microphones: Math.floor(rnd() * 10),
    changeoverMinutes: 10,
  }));
  // Most delegations are small: one or two people, a few are large.
  const delegations = Array.from({ length: size.delegations }, (_, i) => ({
    key: `D${i}`,
    name: `Delegation ${i}`,
    kind: 'member_state' as const,
    size: rnd() < 0.6 ? 1 + Math.floor(rnd() * 2) : 3 + Math.floor(rnd() * 12),
  }));
  const people = Array.from({ length: size.people }, (_, i) => ({
    key: `p-${i}`,
    name: `Person ${i}`,
    email: `person.${i}@example.org`,
    delegation: `D${i % size.delegations}`,
  }));
  const slotsPerRoom = Math.ceil(size.sessionsPerDay / size.rooms);
  const sessions = Array.from({ length: size.sessions }, (_, i) => {
    const day = Math.floor(i / size.sessionsPerDay);
    const inDay = i % size.sessionsPerDay;
    const room = inDay % size.rooms;
    const slot = Math.floor(inDay / size.rooms) % slotsPerRoom;
    const startHour = 8 + slot;
    const participants = Array.from({ length: 2 + Math.floor(rnd() * 4) }, (_, j) =>
      j === 0
        ? { delegation: pick(delegations).key, role: 'organiser' as const }
        : { person: `p-${Math.floor(rnd() * size.people)}`, role: pick(ROLES) },
    );
    const unique = [
      ...new Map(
        participants.map((p) => [`${'person' in p ? p.person : p.delegation}|${p.role}`, p]),
      ).values(),
    ];
    return {
      key: `s-${i}`,
      kind: pick(SESSION_KINDS),
      title: `Session ${i}`,
      room: `room-${room}`,
      start: `${date(day)}T${pad(startHour)}:00`,
      end: `${date(day)}T${pad(startHour)}:50`,
      expectedAttendance: Math.floor(rnd() * 300),
      equipment: [],
      status: 'published' as const,
      participants: unique,
    };
  });
  return {
    format: 'summit/1',
    summit: {
      slug,
      name: `Generated summit ${seed}`,
      timeZone: 'Africa/Casablanca',
      startDate: date(0),
      endDate: date(days - 1),
    },
    rooms,
    segments: [],
    delegations,
    people,
    sessions,
  };
}
