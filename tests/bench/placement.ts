// Placement quality against an exact MIP optimum (HiGHS, compiled to WebAssembly; a dev dependency
// used here only). Instances: E side events to place, 30 minutes each, in R rooms over T
// half-hour slots of one window, around fixed official sessions. Rooms have no changeover and one
// building, so every soft cost is a cost of one placement (preferred time, empty seats, a side
// event over an official session one of its delegations attends): the MIP below is then exact.
import loadHighs from 'highs';
import { conflictsInvolving, prepare, type Prepared } from '../../shared/domain/conflicts/engine.ts';
import type { Participant, Programme, Session } from '../../shared/domain/programme.ts';
import { at, spotsFor } from '../../shared/domain/resolution/candidates.ts';
import { softCost, unaryCost } from '../../shared/domain/resolution/cost.ts';
import { place } from '../../shared/domain/resolution/placement.ts';
import { EQUIPMENT, PRESENCE_ROLES } from '../../shared/domain/vocabulary.ts';
import { random } from '../factories/large-summit.ts';

const DAY = Date.parse('2026-12-01T23:00:00Z'); // midnight, 2 December 2026, in Marrakesh (+01)
const MIN = 60_000;
const SLOT = 30 * MIN;
const START = DAY + 8 * 60 * MIN;
const OFFSETS = [{ from: DAY - 86_400_000, offsetMinutes: 60 }];

export const SIZES = {
  S: { events: 60, rooms: 8, slots: 12, limitMs: 1_000, goal: 1.05 },
  M: { events: 150, rooms: 12, slots: 24, limitMs: 3_000, goal: 1.05 },
  L: { events: 300, rooms: 20, slots: 30, limitMs: 10_000, goal: 1.1 },
} as const;
type Size = keyof typeof SIZES;

export function placementInstance(size: Size, seed: number): { fixed: Prepared; events: Session[] } {
  const { events: E, rooms: R, slots: T } = SIZES[size];
  const rnd = random(seed * 7919 + E);
  const pick = <X>(xs: readonly X[]) => xs[Math.floor(rnd() * xs.length)]!;
  const delegations = Array.from({ length: Math.ceil(E / 3) }, (_, i) => ({
    key: `D${i}`,
    name: `Delegation ${i}`,
    kind: 'member_state' as const,
    size: 1 + Math.floor(rnd() * 3),
  }));
  const people = Array.from({ length: Math.ceil(E / 2) }, (_, i) => ({
    key: `p${i}`,
    name: `Person ${i}`,
    email: null,
    title: null,
    delegation: pick(delegations).key,
  }));
  const rooms = Array.from({ length: R }, (_, i) => ({
    key: `r${i}`,
    name: `Room ${i}`,
    capacity: 30 + Math.floor(rnd() * 270),
    building: 'Conference Centre',
    equipment: EQUIPMENT.filter(() => rnd() < 0.5),
    microphones: 2 + Math.floor(rnd() * 8),
    changeoverMinutes: 0,
  }));
  const base = (key: string, kind: Session['kind']): Session => ({
    key,
    kind,
    title: key,
    segment: 'window',
    room: null,
    start: null,
    end: null,
    durationMinutes: 30,
    preferredStarts: [],
    expectedAttendance: null,
    equipment: [],
    microphones: null,
    pinned: false,
    status: 'draft',
    participants: [],
  });
  // Official sessions hold a tenth of the room-slots, attended by a few delegations.
  const official: Session[] = [];
  for (let r = 0; r < R; r++) {
    for (let t = 0; t < T; t++) {
      if (rnd() >= 0.1) continue;
      const attending = [...new Set([pick(delegations).key, pick(delegations).key])];
      official.push({
        ...base(`o${r}-${t}`, rnd() < 0.5 ? 'plenary' : 'roundtable'),
        room: `r${r}`,
        start: START + t * SLOT,
        end: START + (t + 1) * SLOT,
        pinned: true,
        participants: attending.map((d, i) => ({
          person: null,
          delegation: d,
          role: i === 0 ? ('co_chair' as const) : ('observer' as const),
        })),
      });
    }
  }
  const events = Array.from({ length: E }, (_, i): Session => {
    const participants: Participant[] = [
      { person: null, delegation: pick(delegations).key, role: 'organiser' },
    ];
    if (rnd() < 0.6) participants.push({ person: pick(people).key, delegation: null, role: 'speaker' });
    if (rnd() < 0.4) participants.push({ person: null, delegation: pick(delegations).key, role: 'observer' });
    return {
      ...base(`e${i}`, 'side_event'),
      expectedAttendance: 10 + Math.floor(rnd() * 200),
      equipment: rnd() < 0.4 ? [pick(EQUIPMENT)] : [],
      microphones: rnd() < 0.5 ? 1 + Math.floor(rnd() * 5) : null,
      preferredStarts: rnd() < 0.7 ? [START + Math.floor(rnd() * T) * SLOT] : [],
      participants: [
        ...new Map(participants.map((p) => [`${p.person}|${p.delegation}|${p.role}`, p])).values(),
      ],
    };
  });
  const programme: Programme = {
    summit: {
      slug: 'placement',
      name: 'Placement',
      theme: '',
      venue: '',
      timeZone: 'Africa/Casablanca',
      startDate: '2026-12-02',
      endDate: '2026-12-02',
      proposalDeadline: null,
      travelMinutes: 10,
    },
    rooms,
    delegations,
    people,
    sessions: official,
    segments: [
      { key: 'window', kind: 'side_events', title: 'Side events', start: START, end: START + T * SLOT },
    ],
  };
  return { fixed: prepare({ ...programme, offsets: OFFSETS }), events };
}

/** The exact optimum: most sessions placed, then least cost. */
export async function optimum(
  fixed: Prepared,
  events: Session[],
): Promise<{
  placed: number;
  cost: number;
  seconds: number;
  status: string;
  chosen: { event: string; room: string; slot: number; cost: number }[];
}> {
  const vars: { event: number; room: string; slot: number; cost: number }[] = [];
  events.forEach((e, event) => {
    for (const spot of spotsFor(fixed, e, 30)) {
      const conflicts = conflictsInvolving(fixed, at(e, spot));
      if (conflicts.some((c) => c.severity === 'hard')) continue;
      vars.push({
        event,
        room: spot.room,
        slot: (spot.start - START) / SLOT,
        cost: softCost(conflicts) + unaryCost(e, fixed.rooms.get(spot.room)!, spot.start),
      });
    }
  });
  const rows = new Map<string, { vars: number[]; limit: number }>();
  const row = (name: string, limit: number, v: number) => {
    const r = rows.get(name) ?? { vars: [], limit };
    r.vars.push(v);
    rows.set(name, r);
  };
  const loadAt = (delegation: string, slot: number) =>
    (fixed.byDelegation.get(delegation) ?? []).filter(
      (c) => c.start < START + (slot + 1) * SLOT && c.end > START + slot * SLOT,
    ).length;
  vars.forEach((v, i) => {
    const e = events[v.event]!;
    row(`e${v.event}`, 1, i);
    row(`r_${v.room}_${v.slot}`, 1, i);
    for (const p of e.participants) {
      if (!PRESENCE_ROLES.has(p.role)) continue;
      if (p.person) row(`p_${p.person}_${v.slot}`, 1, i);
      const d = p.delegation ?? fixed.people.get(p.person!)?.delegation;
      if (d) row(`d_${d}_${v.slot}`, fixed.delegations.get(d)!.size - loadAt(d, v.slot), i);
    }
  });
  // The same delegation twice in one session (organiser and through a speaker) commits it once.
  for (const r of rows.values()) r.vars = [...new Set(r.vars)];
  const BIG = 10_000; // placing one more session always beats any cost
  const lp = [
    'Minimize',
    ` obj: ${vars
      .map((v, i) => `${(v.cost - BIG).toFixed(6)} x${i}`)
      .join(' + ')
      .replace(/\+ -/g, '- ')}`,
    'Subject To',
    ...[...rows]
      .filter(([, r]) => r.vars.length > 1 || r.limit < 1)
      .map(([name, r]) => ` ${name}: ${r.vars.map((i) => `x${i}`).join(' + ')} <= ${r.limit}`),
    'Binary',
    ` ${vars.map((_, i) => `x${i}`).join(' ')}`,
    'End',
  ].join('\n');
  const highs = await loadHighs();
  const t0 = performance.now();
  const solution = highs.solve(lp, { output_flag: false, time_limit: 300, mip_rel_gap: 0 });
  const seconds = (performance.now() - t0) / 1000;
  const chosen = vars
    .filter((_, i) => (solution.Columns[`x${i}`] as { Primal: number }).Primal > 0.5)
    .map((v) => ({ event: events[v.event]!.key, room: v.room, slot: v.slot, cost: v.cost }));
  return {
    placed: chosen.length,
    cost: chosen.reduce((sum, v) => sum + v.cost, 0),
    seconds,
    status: solution.Status,
    chosen,
  };
}

export type PlacementRow = {
  size: string;
  seed: number;
  placed: string;
  costRatio: string;
  time: string;
  goal: string;
  mip: string;
};

export async function benchPlacement(
  sizes: Size[] = ['S', 'M', 'L'],
  seeds = [1, 2, 3, 4, 5],
): Promise<PlacementRow[]> {
  const rows: PlacementRow[] = [];
  for (const size of sizes) {
    for (const seed of seeds) {
      const { fixed, events } = placementInstance(size, seed);
      const exact = await optimum(fixed, events);
      const t0 = performance.now();
      // A budget of 90% of the goal's time: what runs after the last step must fit in the rest.
      const result = place(fixed, events, { stepMinutes: 30, timeLimitMs: SIZES[size].limitMs * 0.9 });
      const ms = performance.now() - t0;
      const ratio = exact.cost > 0 ? result.cost / exact.cost : result.cost === 0 ? 1 : Infinity;
      rows.push({
        size: `${size} (${SIZES[size].events}×${SIZES[size].rooms}×${SIZES[size].slots})`,
        seed,
        placed: `${result.placed.length} / ${exact.placed}`,
        costRatio: ratio.toFixed(3),
        time: `${(ms / 1000).toFixed(2)} s`,
        goal: `${result.placed.length === exact.placed && ratio <= SIZES[size].goal && ms <= SIZES[size].limitMs ? 'met' : 'MISSED'} (≤ ${SIZES[size].goal}×, ${SIZES[size].limitMs / 1000} s)`,
        mip: `${exact.status}, ${exact.seconds.toFixed(1)} s`,
      });
    }
  }
  return rows;
}
