// The conflict engine on large generated programmes: full report, one moved session re-checked,
// and a naive all-pairs check of the same rules for comparison.
import { conflictsInvolving, detectConflicts, prepare } from '../../shared/domain/conflicts/engine.ts';
import type { Programme, Session } from '../../shared/domain/programme.ts';
import { PRESENCE_ROLES, ROLES, SESSION_KINDS } from '../../shared/domain/vocabulary.ts';
import { random } from '../factories/large-summit.ts';

const DAY0 = Date.parse('2026-11-30T23:00:00Z'); // midnight, 1 December 2026, in Marrakesh (+01)
const MIN = 60_000;
const OFFSETS = [{ from: DAY0 - 86_400_000, offsetMinutes: 60 }];

/**
 * n sessions with 4 participations each, laid out as a summit is: each room runs sessions one
 * after another from 08:00 with short breaks, while people and delegations are spread at random,
 * so that some clash. A small share of sessions is dropped anywhere, to double-book rooms too.
 */
export function generatedProgramme(sessions: number, seed = 3): Programme {
  const rnd = random(seed);
  const perRoomDay = 8;
  const days = Math.max(3, Math.round(sessions / 5000) * 5);
  const rooms = Math.ceil(sessions / (perRoomDay * days));
  const people = Math.round(sessions * 0.4);
  const delegations = Math.max(30, Math.round(sessions * 0.06));
  const list: Session[] = [];
  const clock = new Map<string, number>();
  for (let i = 0; i < sessions; i++) {
    const room = Math.floor(i / perRoomDay) % rooms;
    const day = Math.floor(i / (perRoomDay * rooms)) % days;
    const slot = `${room}|${day}`;
    const length = (6 + Math.floor(rnd() * 12)) * 5 * MIN;
    let start = clock.get(slot) ?? DAY0 + day * 1440 * MIN + 8 * 60 * MIN;
    if (rnd() < 0.02) start -= 30 * MIN; // an overlap now and then
    clock.set(slot, start + length + (2 + Math.floor(rnd() * 4)) * 5 * MIN);
    // An organising delegation, two of its people, and one guest from anywhere.
    const organiser = Math.floor(rnd() * delegations);
    const ownPerson = () =>
      `p${organiser + delegations * Math.floor(rnd() * Math.floor(people / delegations))}`;
    const participants = [
      { person: null, delegation: `D${organiser}`, role: 'organiser' as const },
      { person: ownPerson(), delegation: null, role: ROLES[Math.floor(rnd() * ROLES.length)]! },
      { person: ownPerson(), delegation: null, role: ROLES[Math.floor(rnd() * ROLES.length)]! },
      {
        person: `p${Math.floor(rnd() * people)}`,
        delegation: null,
        role: ROLES[Math.floor(rnd() * ROLES.length)]!,
      },
    ];
    // Official sessions are few; most are side events, consultations and meetings.
    const kind =
      rnd() < 0.1 ? SESSION_KINDS[Math.floor(rnd() * 2)]! : SESSION_KINDS[2 + Math.floor(rnd() * 4)]!;
    const capacity = 50 + (room % 5) * 60;
    list.push({
      key: `s${i}`,
      kind,
      title: `Session ${i}`,
      room: `r${room}`,
      segment: null,
      start,
      end: start + length,
      durationMinutes: length / MIN,
      // Rooms are mostly chosen to fit: one session in fifty expects too many.
      preferredStarts: [],
      expectedAttendance: rnd() < 0.02 ? capacity + 10 : Math.floor(rnd() * capacity),
      equipment: [],
      microphones: null,
      pinned: false,
      status: 'draft',
      participants: [
        ...new Map(participants.map((p) => [`${p.person}|${p.delegation}|${p.role}`, p])).values(),
      ],
    });
  }
  return {
    summit: {
      slug: 'bench',
      name: 'Bench',
      theme: '',
      venue: '',
      timeZone: 'Africa/Casablanca',
      startDate: '2026-12-01',
      endDate: new Date(Date.UTC(2026, 11, days)).toISOString().slice(0, 10),
      proposalDeadline: null,
      travelMinutes: 10,
      language: 'en',
    },
    rooms: Array.from({ length: rooms }, (_, i) => ({
      key: `r${i}`,
      name: `Room ${i}`,
      capacity: 50 + (i % 5) * 60,
      building: `B${i % 3}`,
      equipment: [],
      microphones: 4,
      changeoverMinutes: 10,
    })),
    segments: [],
    // Sizes in proportion to how busy a delegation is, from two to twelve.
    delegations: Array.from({ length: delegations }, (_, i) => ({
      key: `D${i}`,
      name: `Delegation ${i}`,
      kind: 'member_state' as const,
      size: 2 + (i % 11),
    })),
    people: Array.from({ length: people }, (_, i) => ({
      key: `p${i}`,
      name: `Person ${i}`,
      email: null,
      title: null,
      language: null,
      delegation: `D${i % delegations}`,
    })),
    sessions: list,
  };
}

/** Every pair of sessions compared for the pairwise rules: what the engine's sweeps avoid. */
export function naivePairs(p: Programme): number {
  const delegationOf = new Map(p.people.map((x) => [x.key, x.delegation]));
  const info = p.sessions.map((s) => {
    const people = new Set(
      s.participants.filter((x) => x.person && PRESENCE_ROLES.has(x.role)).map((x) => x.person!),
    );
    const delegations = new Set(
      s.participants
        .filter((x) => PRESENCE_ROLES.has(x.role))
        .map((x) => x.delegation ?? delegationOf.get(x.person!) ?? ''),
    );
    return { s, people, delegations };
  });
  let found = 0;
  for (let i = 0; i < info.length; i++) {
    const a = info[i]!;
    for (let j = i + 1; j < info.length; j++) {
      const b = info[j]!;
      if (a.s.start! >= b.s.end! + 15 * MIN || b.s.start! >= a.s.end! + 15 * MIN) continue;
      if (a.s.room === b.s.room) found++;
      for (const x of a.people) if (b.people.has(x)) found++;
      for (const d of a.delegations) if (b.delegations.has(d)) found++;
    }
  }
  return found;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (f: () => unknown) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

export type ConflictRow = { measure: string; median: string; spread: string; runs: number; goal: string };

export function benchConflicts(): ConflictRow[] {
  const rows: ConflictRow[] = [];
  // The naive check is quadratic: three runs at 5,000 sessions, one at 50,000.
  for (const [n, goal, naiveRuns] of [
    [5_000, 25, 3],
    [50_000, 250, 1],
  ] as const) {
    const programme = generatedProgramme(n);
    const participations = programme.sessions.reduce((sum, s) => sum + s.participants.length, 0);
    const input = { ...programme, offsets: OFFSETS };
    // Warm-up: at least five reports and a second, so that the measured runs are optimised code.
    for (let i = 0, t0 = performance.now(); i < 5 || performance.now() - t0 < 1000; i++)
      detectConflicts(input);
    const runs = Array.from({ length: 11 }, () => time(() => detectConflicts(input)));
    const found = detectConflicts(input).length;
    const m = median(runs);
    rows.push({
      measure: `full report, ${n} sessions / ${participations} participations (${found} conflicts)`,
      median: `${m.toFixed(1)} ms`,
      spread: `min ${Math.min(...runs).toFixed(1)}, max ${Math.max(...runs).toFixed(1)}`,
      runs: runs.length,
      goal: `≤ ${goal} ms`,
    });
    const naive = Array.from({ length: naiveRuns }, () => time(() => naivePairs(programme)));
    rows.push({
      measure: `naive all-pairs check, ${n} sessions`,
      median: `${median(naive).toFixed(0)} ms`,
      spread: `ratio ${(median(naive) / m).toFixed(0)}× the engine`,
      runs: naive.length,
      goal: '',
    });
    const prepared = prepare(input);
    const rnd = random(11);
    const moves = Array.from({ length: 301 }, () => {
      const s = programme.sessions[Math.floor(rnd() * programme.sessions.length)]!;
      const shift = (Math.floor(rnd() * 24) - 12) * 5 * MIN;
      return time(() =>
        conflictsInvolving(prepared, {
          ...s,
          room: `r${Math.floor(rnd() * programme.rooms.length)}`,
          start: s.start! + shift,
          end: s.end! + shift,
        }),
      );
    });
    rows.push({
      measure: `one moved session re-checked, ${n} sessions`,
      median: `${(median(moves) * 1000).toFixed(0)} µs`,
      spread: `p95 ${([...moves].sort((a, b) => a - b)[Math.floor(moves.length * 0.95)]! * 1000).toFixed(0)} µs`,
      runs: moves.length,
      goal: '≤ 1 ms',
    });
  }
  return rows;
}
