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
//   one row per start of the side event, b summing the official session's spots that overlap it
// (placement-pairs.ts). Each of these sums is 0 or 1 (two sessions ending at one instant in one room, or for one person,
// would overlap), so y is exactly the number of such conflicts. Sessions that keep their time count
// no side event over an official session (it does not depend on their room: spotCost).
//
// Most sessions placed first, then least cost, in one objective: each x also costs −W, where W is
// one more than the largest cost any arrangement can have (every session at its dearest spot, every
// y at 1). One session more then always outweighs any cost, and the solver's dual bound bounds the
// number of sessions (countBound). The exact stage solves it in two steps (decision 0013): first
// withoutPairs, then the whole model withAtLeast as many sessions as the first found.
import { isTimed } from './candidates.ts';
import { changeovers, sideEventsOverOfficial, walks } from './placement-pairs.ts';
import { Builder, type Col, columns, push } from './placement-rows.ts';
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

/**
 * How many sessions an arrangement of objective value `primal` places: its objective is C − W·n
 * with 0 ≤ C < W (the weight is more than all the costs together), so n is −primal / W rounded up.
 */
export function countOf(model: PlacementModel, primal: number): number {
  return Math.max(0, Math.ceil(-primal / model.weight - 1e-9));
}

/** Whether no arrangement can place more sessions than the one of objective `primal`, given the dual bound. */
export function countProven(model: PlacementModel, primal: number | null, dual: number): boolean {
  return primal !== null && Number.isFinite(primal) && countBound(model, dual) <= countOf(model, primal);
}

/**
 * How many times all the costs together one session is worth in the model without pair rows. The
 * count bound read from a dual bound (countBound) gives away up to maxCost / weight of a session: at
 * one time the costs (the least weight that keeps the count first), proving that no arrangement
 * places one more needed the dual bound to pass nearly a whole session more than with the count
 * alone, and took most of the time; at ten times it gives away a tenth. Measured on the bench's
 * summits (HiGHS from the heuristic's arrangement, two runs each): M busy-moderators 32 proved its
 * 110 sessions in 0.59 s instead of 1.55 s; L busy-moderators 32 and small-delegations 31 found and
 * proved theirs in 2.9–3.2 s instead of 3.4–3.8; the arrangements' own costs within 0.6 %. At a
 * hundred times, L took longer again (the costs, then tiny beside the weight, guide the search less).
 */
const COUNT_WEIGHT_TIMES = 10;

/**
 * The sum over items of their dearest spot's cost (`costs[c]` for column c < columns, of item
 * colItem[c]): the most an arrangement of them can cost when each spot costs only itself.
 */
export function dearestSum(colItem: Int32Array, costs: ArrayLike<number>, columns: number): number {
  const dearest = new Map<number, number>();
  for (let c = 0; c < columns; c++)
    dearest.set(colItem[c]!, Math.max(dearest.get(colItem[c]!) ?? 0, costs[c]!));
  let sum = 0;
  for (const cost of dearest.values()) sum += cost;
  return sum;
}

/** The items of each part (partsOf), in order; items without a spot (-1) in none. */
export function membersOf(parts: Int32Array): number[][] {
  const members: number[][] = [];
  parts.forEach((part, i) => {
    if (part < 0) return;
    while (members.length <= part) members.push([]);
    members[part]!.push(i);
  });
  return members;
}

/**
 * The model without its pair rows: the number of sessions first, then each spot's own cost against
 * the fixed programme, with a weight of ten times those costs together (COUNT_WEIGHT_TIMES). A pair
 * row never binds a session (its y may always be 1), so the sessions it allows are the same; it
 * leaves out only the costs between sessions being placed. The solver proves the most sessions much
 * sooner on it than on the whole model, and countBound reads its dual bound with its own weight.
 */
export function withoutPairs(model: PlacementModel): PlacementModel {
  const starts = [0];
  const indices: number[] = [];
  const upper: number[] = [];
  for (let r = 0; r < model.numRows; r++) {
    const from = model.starts[r]!;
    const to = model.starts[r + 1]!;
    if (model.values[to - 1]! < 0) continue; // a pair row
    for (let k = from; k < to; k++) indices.push(model.indices[k]!);
    upper.push(model.rowUpper[r]!);
    starts.push(indices.length);
  }
  const n = model.spotCols;
  const base = Float64Array.from({ length: n }, (_, c) => model.colCost[c]! + model.weight);
  const maxCost = dearestSum(model.colItem, base, n);
  const weight = COUNT_WEIGHT_TIMES * (Math.ceil(maxCost) + 1);
  return {
    ...model,
    numCols: n,
    numRows: upper.length,
    colCost: base.map((b) => b - weight),
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(1),
    integrality: new Int32Array(n).fill(1),
    rowLower: new Float64Array(upper.length).fill(-Infinity),
    rowUpper: Float64Array.from(upper),
    starts: Int32Array.from(starts),
    indices: Int32Array.from(indices),
    values: new Float64Array(indices.length).fill(1),
    weight,
    maxCost,
  };
}

/** The model with one more row: at least `n` sessions placed. */
export function withAtLeast(model: PlacementModel, n: number): PlacementModel {
  const indices = new Int32Array(model.indices.length + model.spotCols);
  indices.set(model.indices);
  for (let c = 0; c < model.spotCols; c++) indices[model.indices.length + c] = c;
  const values = new Float64Array(indices.length).fill(1);
  values.set(model.values);
  const starts = new Int32Array(model.numRows + 2);
  starts.set(model.starts);
  starts[model.numRows + 1] = indices.length;
  const rowLower = new Float64Array(model.numRows + 1);
  rowLower.set(model.rowLower);
  rowLower[model.numRows] = n;
  const rowUpper = new Float64Array(model.numRows + 1);
  rowUpper.set(model.rowUpper);
  rowUpper[model.numRows] = Infinity;
  return { ...model, numRows: model.numRows + 1, starts, indices, values, rowLower, rowUpper };
}

/** A model restricted to some sessions, the others held where they are (restrict). */
export type RestrictedModel = PlacementModel & {
  /** The column of the whole model each column of this one is. */
  original: Int32Array;
};

/**
 * The model with every session but the `free` ones held at its spot in `at` (or unplaced): their
 * columns become constants, taken out of the rows' bounds; rows left with no column are dropped, and
 * so are pair variables no remaining row mentions (their cost no longer depends on the free
 * sessions). With `atLeast`, one more row: at least that many sessions placed in all. Solving it
 * re-places the free sessions as well as can be around the others: the large neighbourhoods the
 * exact stage searches once the whole model is too big to prove in time.
 */
export function restrict(
  model: PlacementModel,
  free: ArrayLike<boolean>,
  at: readonly number[],
  atLeast = 0,
): RestrictedModel {
  const fixedValue = (c: number) => (at[model.colItem[c]!] === model.colSpot[c] ? 1 : 0);
  const kept = new Int32Array(model.numCols).fill(-1);
  const original: number[] = [];
  for (let c = 0; c < model.spotCols; c++) {
    if (free[model.colItem[c]!]) {
      kept[c] = original.length;
      original.push(c);
    }
  }
  const spotCols = original.length;
  // A pair variable stays if a row mentions it together with a free spot.
  for (let r = 0; r < model.numRows; r++) {
    const from = model.starts[r]!;
    const to = model.starts[r + 1]!;
    let touches = false;
    for (let k = from; k < to && !touches; k++) {
      const c = model.indices[k]!;
      touches = c < model.spotCols && kept[c]! >= 0;
    }
    if (!touches) continue;
    for (let k = from; k < to; k++) {
      const c = model.indices[k]!;
      if (c >= model.spotCols && kept[c]! < 0) {
        kept[c] = original.length;
        original.push(c);
      }
    }
  }
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  for (let r = 0; r < model.numRows; r++) {
    let constant = 0;
    const before = indices.length;
    for (let k = model.starts[r]!; k < model.starts[r + 1]!; k++) {
      const c = model.indices[k]!;
      if (kept[c]! >= 0) {
        indices.push(kept[c]!);
        values.push(model.values[k]!);
      } else if (c < model.spotCols) constant += model.values[k]! * fixedValue(c);
    }
    if (indices.length === before) continue;
    lower.push(model.rowLower[r]! - constant);
    upper.push(model.rowUpper[r]! - constant);
    starts.push(indices.length);
  }
  // At least `atLeast` sessions in all: the free ones make up what the held ones do not place.
  const held = at.filter((s, i) => s >= 0 && !free[i]).length;
  if (atLeast > held && spotCols > 0) {
    for (let k = 0; k < spotCols; k++) {
      indices.push(k);
      values.push(1);
    }
    lower.push(atLeast - held);
    upper.push(Infinity);
    starts.push(indices.length);
  }
  const numCols = original.length;
  const pick = <A extends Float64Array | Int32Array>(from: A, into: A) => {
    for (let k = 0; k < numCols; k++) into[k] = from[original[k]!]!;
    return into;
  };
  return {
    ...model,
    numCols,
    numRows: upper.length,
    colCost: pick(model.colCost, new Float64Array(numCols)),
    colLower: pick(model.colLower, new Float64Array(numCols)),
    colUpper: pick(model.colUpper, new Float64Array(numCols)),
    integrality: pick(model.integrality, new Int32Array(numCols)),
    rowLower: Float64Array.from(lower),
    rowUpper: Float64Array.from(upper),
    starts: Int32Array.from(starts),
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
    spotCols,
    colItem: Int32Array.from(original.slice(0, spotCols), (c) => model.colItem[c]!),
    colSpot: Int32Array.from(original.slice(0, spotCols), (c) => model.colSpot[c]!),
    original: Int32Array.from(original),
  };
}

/**
 * The model's independent parts: two sessions are in one part when a row (a room, a person, a
 * delegation at some instant, or a pair of them) holds spots of both, directly or through others.
 * Parts share no row, so each one's least cost does not depend on how the others are arranged: on a
 * programme whose side events fall in windows hours apart, each window is a part. The part of each
 * item (0, 1, …), or -1 for an item without a spot.
 */
export function partsOf(model: PlacementModel, items: number): Int32Array {
  const parent = Int32Array.from({ length: model.numCols }, (_, c) => c);
  const find = (c: number): number => {
    while (parent[c] !== c) {
      parent[c] = parent[parent[c]!]!;
      c = parent[c]!;
    }
    return c;
  };
  const join = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[rb] = ra;
  };
  for (let r = 0; r < model.numRows; r++)
    for (let k = model.starts[r]! + 1; k < model.starts[r + 1]!; k++)
      join(model.indices[model.starts[r]!]!, model.indices[k]!);
  const firstCol = new Int32Array(items).fill(-1);
  for (let c = 0; c < model.spotCols; c++) {
    const i = model.colItem[c]!;
    if (firstCol[i] === -1) firstCol[i] = c;
    else join(firstCol[i]!, c);
  }
  const numbered = new Map<number, number>();
  return Int32Array.from(firstCol, (c) => {
    if (c < 0) return -1;
    const root = find(c);
    if (!numbered.has(root)) numbered.set(root, numbered.size);
    return numbered.get(root)!;
  });
}
