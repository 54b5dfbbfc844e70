// Placement as the mixed-integer programme it is, for an exact solver (server/workers/
// exact-placement.ts runs HiGHS on it). Pure data: no solver here.
//
// A binary x per session and spot (room × start), over the spots listing found free of hard
// conflicts with the fixed programme. Rows, all "≤":
// - a session takes at most one spot;
// - a room holds at most one session at any instant;
// - a person is committed to at most one session at any instant;
// - a delegation is committed to at most its size, less its fixed commitments, at any instant.
// "Any instant" is checked at every start (of a spot, or of a fixed session of that delegation):
// loads only rise at a start, so that is where each peak is. Sessions that keep their time (no
// room) are in the fixed programme already: their spots enter the room rows only.
//
// The objective is exact. Each spot costs what it costs against the fixed programme (listing's
// base cost); the soft rules between two sessions being placed get a continuous y ≥ 0 each,
// forced to 1 by a row "a + b − y ≤ 1" when both happen, with the rule's points as its cost:
// - a changeover too short in room r between a session ending at e and one starting at s
//   (0 ≤ s − e < changeover): a and b sum the spots of r ending at e, and starting at s;
// - a walk too short for person p (0 ≤ s − e < travel minutes, rooms in two buildings): one y per
//   (p, e, s) and one row per building B of the ending side, b summing the other buildings;
// - a side event over an official session a delegation takes part in: one y per pair of sessions,
//   one row per start of the side event, b summing the official session's spots that overlap it.
// Each of these sums is 0 or 1 (two sessions ending at one instant in one room, or for one person,
// would overlap), so y is exactly the number of such conflicts. Sessions that keep their time count
// no side event over an official session (it does not depend on their room: spotCost).
//
// Most sessions placed first, then least cost, in one objective: each x also costs −W, where W is
// one more than the largest cost any arrangement can have (every session at its dearest spot, every
// y at 1). One session more then always outweighs any cost, and the solver's dual bound bounds the
// number of sessions (countBound).
import { OFFICIAL_KINDS } from '../conflicts/prepare.ts';
import { isTimed, type Spot } from './candidates.ts';
import { WEIGHTS } from './cost.ts';
import type { Item, PlacementState } from './placement-state.ts';

export type PlacementModel = {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** 1 (integer, here binary) for the x, 0 (continuous) for the y. */
  integrality: Int32Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** The matrix by rows (CSR). */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** Columns below this are the x; column c is item colItem[c] at its spot colSpot[c]. */
  spotCols: number;
  colItem: Int32Array;
  colSpot: Int32Array;
  /** What one session placed is worth, more than any arrangement's cost (maxCost). */
  weight: number;
  maxCost: number;
};

type Col = { col: number; start: number; end: number };
const columns = (list: readonly Col[]) => list.map((c) => c.col);

class Builder {
  readonly starts = [0];
  readonly indices: number[] = [];
  readonly values: number[] = [];
  readonly upper: number[] = [];
  readonly yCost: number[] = [];
  constructor(readonly spotCols: number) {}

  row(cols: readonly number[], upper: number, y = -1): void {
    for (const c of cols) {
      this.indices.push(c);
      this.values.push(1);
    }
    if (y >= 0) {
      this.indices.push(y);
      this.values.push(-1);
    }
    this.upper.push(upper);
    this.starts.push(this.indices.length);
  }

  /** A new y column costing `cost`. */
  y(cost: number): number {
    this.yCost.push(cost);
    return this.spotCols + this.yCost.length - 1;
  }

  /**
   * For each instant, the spots running then (start ≤ t < end) may hold at most `upper(t)`:
   * a row where that could be broken.
   */
  cover(spots: Col[], instants: Iterable<number>, upper: (t: number) => number): void {
    const sorted = [...spots].sort((a, b) => a.start - b.start);
    let next = 0;
    let active: Col[] = [];
    for (const t of [...new Set(instants)].sort((a, b) => a - b)) {
      while (next < sorted.length && sorted[next]!.start <= t) active.push(sorted[next++]!);
      active = active.filter((s) => s.end > t);
      const limit = upper(t);
      if (active.length > Math.max(0, limit)) this.row(columns(active), limit);
    }
  }
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** The model of a placement state's sessions and spots (what is placed in it now does not matter). */
export function placementModel(state: PlacementState): PlacementModel {
  const { items } = state;
  const saved = state.snapshot();
  // With nothing placed, the prepared programme is the fixed one: its loads are the fixed loads.
  for (let i = 0; i < items.length; i++) state.put(i, -1);
  try {
    return build(state.p, items);
  } finally {
    state.restore(saved);
  }
}

function build(p: PlacementState['p'], items: readonly Item[]): PlacementModel {
  const colItem: number[] = [];
  const colSpot: number[] = [];
  const cols: Col[][] = items.map((item, i) =>
    item.spots.map((spot, s) => {
      colItem.push(i);
      colSpot.push(s);
      return { col: colItem.length - 1, start: spot.start, end: spot.end };
    }),
  );
  const b = new Builder(colItem.length);
  const spotOf = (c: Col) => items[colItem[c.col]!]!.spots[colSpot[c.col]!]!;

  // One spot per session.
  for (const list of cols) if (list.length > 1) b.row(columns(list), 1);

  // Rooms, people and delegations at every instant.
  const byRoom = new Map<string, Col[]>();
  const byPerson = new Map<string, Col[]>();
  const byDelegation = new Map<string, Col[]>();
  items.forEach((item, i) => {
    for (const c of cols[i]!) {
      push(byRoom, spotOf(c).room, c);
      if (isTimed(item.session)) continue; // its people and delegations are in the fixed programme
      for (const person of item.people) push(byPerson, person, c);
      for (const d of item.committed) push(byDelegation, d, c);
    }
  });
  for (const list of byRoom.values())
    b.cover(
      list,
      list.map((c) => c.start),
      () => 1,
    );
  for (const list of byPerson.values())
    b.cover(
      list,
      list.map((c) => c.start),
      () => 1,
    );
  for (const [d, list] of byDelegation) {
    const fixed = p.byDelegation.get(d) ?? [];
    const size = p.delegations.get(d)?.size ?? 0;
    const load = (t: number) => fixed.filter((f) => f.start <= t && t < f.end).length;
    b.cover(list, [...list.map((c) => c.start), ...fixed.map((f) => f.start)], (t) => size - load(t));
  }

  changeovers(b, p, byRoom);
  walks(b, p, items, cols, spotOf);
  sideEventsOverOfficial(b, items, cols);

  // The weight that puts the number of sessions first.
  let maxCost = 0;
  for (const item of items) maxCost += item.base.reduce((m, c) => Math.max(m, c), 0);
  for (const c of b.yCost) maxCost += c;
  const weight = Math.ceil(maxCost) + 1;
  const numCols = b.spotCols + b.yCost.length;
  const colCost = new Float64Array(numCols);
  items.forEach((item, i) => {
    for (const c of cols[i]!) colCost[c.col] = item.base[colSpot[c.col]!]! - weight;
  });
  b.yCost.forEach((cost, k) => {
    colCost[b.spotCols + k] = cost;
  });
  const integrality = new Int32Array(numCols);
  integrality.fill(1, 0, b.spotCols);
  return {
    numCols,
    numRows: b.upper.length,
    colCost,
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    integrality,
    rowLower: new Float64Array(b.upper.length).fill(-Infinity),
    rowUpper: Float64Array.from(b.upper),
    starts: Int32Array.from(b.starts),
    indices: Int32Array.from(b.indices),
    values: Float64Array.from(b.values),
    spotCols: b.spotCols,
    colItem: Int32Array.from(colItem),
    colSpot: Int32Array.from(colSpot),
    weight,
    maxCost,
  };
}

/** Changeovers too short between two sessions being placed in one room. */
function changeovers(b: Builder, p: PlacementState['p'], byRoom: Map<string, Col[]>): void {
  for (const [room, list] of byRoom) {
    const gap = p.rooms.get(room)!.changeoverMinutes * 60_000;
    if (gap <= 0) continue;
    const ending = new Map<number, number[]>();
    const starting = new Map<number, number[]>();
    for (const c of list) {
      push(ending, c.end, c.col);
      push(starting, c.start, c.col);
    }
    for (const [e, a] of ending) {
      for (const [s, z] of starting) {
        if (s < e || s - e >= gap) continue;
        b.row([...a, ...z], 1, b.y(WEIGHTS.CHANGEOVER_TOO_SHORT));
      }
    }
  }
}

/** Walks too short for one person between two sessions being placed, in rooms of two buildings. */
function walks(
  b: Builder,
  p: PlacementState['p'],
  items: readonly Item[],
  cols: Col[][],
  spotOf: (c: Col) => Spot,
): void {
  const travel = p.input.summit.travelMinutes * 60_000;
  if (travel <= 0) return;
  const byPerson = new Map<string, { c: Col; building: string }[]>();
  items.forEach((item, i) => {
    for (const c of cols[i]!) {
      const building = p.rooms.get(spotOf(c).room)!.building;
      if (building) for (const person of item.people) push(byPerson, person, { c, building });
    }
  });
  for (const list of byPerson.values()) {
    const ending = new Map<number, Map<string, number[]>>();
    const starting = new Map<number, Map<string, number[]>>();
    for (const { c, building } of list) {
      if (!ending.has(c.end)) ending.set(c.end, new Map());
      if (!starting.has(c.start)) starting.set(c.start, new Map());
      push(ending.get(c.end)!, building, c.col);
      push(starting.get(c.start)!, building, c.col);
    }
    for (const [e, endingIn] of ending) {
      for (const [s, startingIn] of starting) {
        if (s < e || s - e >= travel) continue;
        const rows: number[][] = [];
        for (const [building, a] of endingIn) {
          const elsewhere = [...startingIn].filter(([other]) => other !== building).flatMap(([, z]) => z);
          if (elsewhere.length) rows.push([...a, ...elsewhere]);
        }
        if (rows.length === 0) continue;
        const y = b.y(WEIGHTS.TRAVEL_TOO_SHORT);
        for (const row of rows) b.row(row, 1, y);
      }
    }
  }
}

/** Side events over official sessions that a delegation takes part in, both being placed. */
function sideEventsOverOfficial(b: Builder, items: readonly Item[], cols: Col[][]): void {
  const official = items
    .map((_, i) => i)
    .filter((i) => OFFICIAL_KINDS.has(items[i]!.session.kind) && !isTimed(items[i]!.session));
  if (official.length === 0) return;
  items.forEach((side, a) => {
    if (side.session.kind !== 'side_event' || isTimed(side.session)) return;
    for (const o of official) {
      const shared = side.takesPart.filter((d) => items[o]!.takesPart.includes(d)).length;
      if (shared === 0) continue;
      const byStart = new Map<number, Col[]>();
      for (const c of cols[a]!) push(byStart, c.start, c);
      let y = -1;
      for (const [t, mine] of byStart) {
        const end = mine[0]!.end;
        const over = cols[o]!.filter((c) => c.start < end && c.end > t).map((c) => c.col);
        if (over.length === 0) continue;
        if (y < 0) y = b.y(WEIGHTS.SIDE_EVENT_OVER_OFFICIAL * shared);
        b.row([...mine.map((c) => c.col), ...over], 1, y);
      }
    }
  });
}

/** The column values of an arrangement (the spot of each item, or -1): a start for the solver. */
export function columnsOf(model: PlacementModel, at: readonly number[]): Float64Array {
  const x = new Float64Array(model.numCols);
  for (let c = 0; c < model.spotCols; c++) if (at[model.colItem[c]!] === model.colSpot[c]) x[c] = 1;
  // Each y as small as its rows allow: 1 where both of its sides happen.
  for (let r = 0; r < model.numRows; r++) {
    const last = model.starts[r + 1]! - 1;
    if (model.values[last]! >= 0) continue; // no y in this row
    let sum = 0;
    for (let k = model.starts[r]!; k < last; k++) sum += x[model.indices[k]!]!;
    const y = model.indices[last]!;
    x[y] = Math.max(x[y]!, Math.min(1, sum - 1));
  }
  return x;
}

/** The spot of each item in a solution's column values (-1: not placed). */
export function arrangementOf(model: PlacementModel, values: ArrayLike<number>, items: number): number[] {
  const at = new Array<number>(items).fill(-1);
  for (let c = 0; c < model.spotCols; c++) if (values[c]! > 0.5) at[model.colItem[c]!] = model.colSpot[c]!;
  return at;
}

/**
 * The most sessions any arrangement can place, from a lower bound on the objective (the solver's
 * dual bound): an arrangement placing n sessions at cost C has objective C − W·n ≥ bound, and
 * C ≤ maxCost, so n ≤ (maxCost − bound) / W. The small allowance absorbs rounding in the solver.
 */
export function countBound(model: PlacementModel, dualBound: number): number {
  return Math.floor((model.maxCost - dualBound) / model.weight + 1e-6);
}
