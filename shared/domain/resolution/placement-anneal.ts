// Simulated annealing on the placement model (placement-model.ts): the exact stage's fast way down
// in cost once the most sessions is known. HiGHS proves; annealing moves sessions one or two at a
// time, thousands of times a millisecond, reading the model's rows as they stand: a move is made
// only if every room, person and delegation row still holds, and what it costs is the change in
// the spots' own costs and in the pair variables (changeovers, walks, side events over official
// sessions) whose rows it touches. A move never takes a session out, so the count never drops; a
// session not placed is placed as soon as a move finds it a spot. Worse moves are taken with a
// chance that shrinks as the time runs out, so that the search leaves a local minimum early on and
// settles at the end; the best arrangement seen is the answer.
import type { PlacementModel } from './placement-model.ts';
import { seeded } from './placement-search.ts';
import { type Item, spotKey } from './placement-state.ts';

export type AnnealOptions = {
  /** When to stop (on `now`'s clock). */
  until: number;
  now: () => number;
  seed: number;
  /**
   * The spot of item j's place in item i's list, if it has one (-1 if not): lets two sessions trade
   * places in one move.
   */
  sameSpot?: (i: number, j: number, s: number) => number;
  /** For each item, the items it may trade places with (those whose spots it shares); all if not given. */
  partners?: readonly (readonly number[])[];
  /** For each item and spot, the item's other spots at the same start (other rooms, same time). */
  sameStart?: readonly (readonly (readonly number[])[])[];
};

export type Annealed = { at: number[]; objective: number; moves: number };

/**
 * The worsening taken with even odds, at the start and at the end, as a share of the typical
 * worsening of a move drawn at random (the temperature falls geometrically in between). Tried on
 * the bench's large busy-moderators summits, 4 s from the count's arrangement: 0.2–0.6 at the start
 * did best (4.8–8.6 % above the least cost), 1.5 or more and 0.08 or less worse (7.4–16.6 %).
 */
const FIRST_TEMPERATURE = 0.3;
const LAST_TEMPERATURE = 0.002;
/** Moves between two looks at the clock. */
const CHECK_EVERY = 2_000;
/** Of the moves, the share that trades two sessions' places (when sameSpot is given). */
const SWAP_SHARE = 0.3;
/** Of the other moves, the share that keeps the session's time and changes its room (when sameStart is given). */
const ROOM_SHARE = 0.5;

/**
 * The cheapest arrangement annealing finds from `start` (the spot of each item, or -1) before
 * `until`, as the model's objective counts it (each session placed −weight, plus the costs). The
 * model's columns must be each item's spots in order, item after item, as placementModel builds
 * them; returns the start unchanged if they are not.
 */
export function anneal(model: PlacementModel, start: readonly number[], opts: AnnealOptions): Annealed {
  const search = annealer(model, start, opts);
  if (!search) return { at: [...start], objective: Number.NaN, moves: 0 };
  search.run(opts.until);
  return search.best();
}

/** An annealing search that can be run a slice at a time (its temperature falls from now to `until`). */
export type Annealer = {
  /** Goes on until `until` (or the search's own end, if sooner). */
  run(until: number): void;
  /** The best arrangement so far. */
  best(): Annealed;
};

/** anneal, a slice at a time; null if the model's columns are not each item's spots in order. */
export function annealer(
  model: PlacementModel,
  start: readonly number[],
  opts: AnnealOptions,
): Annealer | null {
  const items = start.length;
  const n = model.spotCols;
  const first = new Int32Array(items + 1).fill(-1);
  for (let c = 0; c < n; c++) {
    const i = model.colItem[c]!;
    if (first[i] === -1) first[i] = c;
    if (model.colSpot[c] !== c - first[i]!) return null;
  }
  const count = new Int32Array(items);
  for (let c = 0; c < n; c++) count[model.colItem[c]!]!++;

  // The rows of each spot column (by columns), and of each pair variable; each row's pair variable.
  const rows = model.numRows;
  const yOf = new Int32Array(rows).fill(-1);
  const colStart = new Int32Array(model.numCols + 1);
  for (let r = 0; r < rows; r++)
    for (let k = model.starts[r]!; k < model.starts[r + 1]!; k++) {
      colStart[model.indices[k]! + 1]!++;
      if (model.values[k]! < 0) yOf[r] = model.indices[k]!;
    }
  for (let c = 0; c < model.numCols; c++) colStart[c + 1]! += colStart[c]!;
  const colRows = new Int32Array(colStart[model.numCols]!);
  const fill = colStart.slice(0, model.numCols);
  for (let r = 0; r < rows; r++)
    for (let k = model.starts[r]!; k < model.starts[r + 1]!; k++) colRows[fill[model.indices[k]!]!++] = r;

  const upper = model.rowUpper;
  const cost = model.colCost;
  const act = new Int32Array(rows);
  const y = new Float64Array(model.numCols);
  const at = Int32Array.from(start);
  const colOf = (i: number, s: number) => (s < 0 ? -1 : first[i]! + s);
  let objective = 0;
  for (let i = 0; i < items; i++) {
    const c = colOf(i, at[i]!);
    if (c < 0) continue;
    objective += cost[c]!;
    for (let k = colStart[c]!; k < colStart[c + 1]!; k++) act[colRows[k]!]!++;
  }
  // A pair variable is as small as its rows let it be.
  const yValue = (v: number) => {
    let value = 0;
    for (let k = colStart[v]!; k < colStart[v + 1]!; k++) {
      const r = colRows[k]!;
      value = Math.max(value, act[r]! - upper[r]!);
    }
    return value;
  };
  for (let v = n; v < model.numCols; v++) {
    y[v] = yValue(v);
    objective += cost[v]! * y[v]!;
  }

  // A move: columns out (-1: none) and in; applied to the rows, then kept or undone.
  const touched = new Int32Array(model.numCols);
  let stamp = 0;
  const ys: number[] = [];
  const shift = (c: number, by: number) => {
    if (c >= 0) for (let k = colStart[c]!; k < colStart[c + 1]!; k++) act[colRows[k]!]! += by;
  };
  const holds = (c: number) => {
    if (c < 0) return true;
    for (let k = colStart[c]!; k < colStart[c + 1]!; k++) {
      const r = colRows[k]!;
      if (yOf[r]! < 0 ? act[r]! > upper[r]! : act[r]! - upper[r]! > 1) return false;
    }
    return true;
  };
  const collect = (c: number) => {
    if (c < 0) return;
    for (let k = colStart[c]!; k < colStart[c + 1]!; k++) {
      const v = yOf[colRows[k]!]!;
      if (v >= 0 && touched[v] !== stamp) {
        touched[v] = stamp;
        ys.push(v);
      }
    }
  };
  /** The change in objective of taking out `outs` and putting in `ins`; null if a row breaks. Leaves the rows changed. */
  const tryMove = (outs: number[], ins: number[]): number | null => {
    let delta = 0;
    for (const c of outs)
      if (c >= 0) {
        shift(c, -1);
        delta -= cost[c]!;
      }
    for (const c of ins)
      if (c >= 0) {
        shift(c, 1);
        delta += cost[c]!;
      }
    for (const c of ins) if (!holds(c)) return null;
    stamp++;
    ys.length = 0;
    for (const c of outs) collect(c);
    for (const c of ins) collect(c);
    for (const v of ys) delta += cost[v]! * (yValue(v) - y[v]!);
    return delta;
  };
  const undo = (outs: number[], ins: number[]) => {
    for (const c of ins) shift(c, -1);
    for (const c of outs) shift(c, 1);
  };
  const keep = () => {
    for (const v of ys) y[v] = yValue(v);
  };

  const random = seeded(opts.seed);
  const pickSpot = (i: number) => Math.floor(random() * count[i]!);
  const placed: number[] = [];
  for (let i = 0; i < items; i++) if (at[i]! >= 0) placed.push(i);
  const movable: number[] = [];
  for (let i = 0; i < items; i++) if (count[i]! > 1 || at[i]! < 0) movable.push(i);
  let best = { at: Array.from(at), objective };
  let moves = 0;
  const result = () => ({ at: [...best.at], objective: best.objective, moves });
  if (movable.length === 0) return { run: () => {}, best: result };

  // The temperature, in the model's cost points: from the typical worsening of a move at random.
  const worse: number[] = [];
  for (let t = 0; t < 200; t++) {
    const i = movable[Math.floor(random() * movable.length)]!;
    const s = pickSpot(i);
    const outs = [colOf(i, at[i]!)];
    const ins = [colOf(i, s)];
    if (s === at[i]) continue;
    const d = tryMove(outs, ins);
    undo(outs, ins);
    if (d !== null && d > 0 && d < model.weight / 2) worse.push(d);
  }
  worse.sort((a, b) => a - b);
  const typical = worse.length ? worse[Math.floor(worse.length / 2)]! : 1;
  const t0 = (FIRST_TEMPERATURE * typical) / Math.LN2;
  const t1 = (LAST_TEMPERATURE * typical) / Math.LN2;
  const began = opts.now();
  const span = Math.max(1, opts.until - began);
  let temperature = t0;
  const outs = [-1, -1];
  const ins = [-1, -1];
  const run = (until: number) => {
    const end = Math.min(until, opts.until);
    for (let tried = 0; ; tried++) {
      if (tried % CHECK_EVERY === 0) {
        const now = opts.now();
        if (now >= end) break;
        temperature = t0 * (t1 / t0) ** ((now - began) / span);
      }
      moves++;
      const i = movable[Math.floor(random() * movable.length)]!;
      outs[0] = colOf(i, at[i]!);
      outs[1] = -1;
      ins[1] = -1;
      let j = -1;
      let sj = -1;
      let si: number;
      if (opts.sameSpot && at[i]! >= 0 && random() < SWAP_SHARE && placed.length > 1) {
        const among = opts.partners?.[i] ?? placed;
        j = among.length ? among[Math.floor(random() * among.length)]! : i;
        if (j === i || at[j]! < 0) continue;
        si = opts.sameSpot(i, j, at[j]!);
        sj = opts.sameSpot(j, i, at[i]!);
        if (si < 0 || sj < 0) continue;
        outs[1] = colOf(j, at[j]!);
        ins[1] = colOf(j, sj);
      } else {
        const here = at[i]! >= 0 ? opts.sameStart?.[i]?.[at[i]!] : undefined;
        si = here?.length && random() < ROOM_SHARE ? here[Math.floor(random() * here.length)]! : pickSpot(i);
        if (si === at[i]) continue;
      }
      ins[0] = colOf(i, si);
      const delta = tryMove(outs, ins);
      if (delta !== null && (delta <= 0 || random() < Math.exp(-delta / temperature))) {
        keep();
        if (at[i]! < 0) placed.push(i);
        at[i] = si;
        if (j >= 0) at[j] = sj;
        objective += delta;
        if (objective < best.objective - 1e-9) best = { at: Array.from(at), objective };
      } else undo(outs, ins);
    }
  };
  return { run, best: result };
}

/**
 * The trades annealing may make between a state's items: two sessions can trade places when each
 * has the other's (room, start) among its spots; an item's partners are the items it shares at least
 * one spot with (those in the same windows), so that a trade is drawn among sessions that may make it.
 */
export function tradesOf(items: readonly Item[]): Pick<AnnealOptions, 'sameSpot' | 'partners' | 'sameStart'> {
  const byKey = new Map<string, number[]>();
  items.forEach((item, i) => {
    for (const spot of item.spots) {
      const key = spotKey(spot);
      const list = byKey.get(key);
      if (list) list.push(i);
      else byKey.set(key, [i]);
    }
  });
  const partners = items.map((item, i) => {
    const found = new Set<number>();
    for (const spot of item.spots) for (const j of byKey.get(spotKey(spot))!) if (j !== i) found.add(j);
    return [...found];
  });
  const sameStart = items.map((item) => {
    const byStart = new Map<number, number[]>();
    item.spots.forEach((spot, s) => {
      const list = byStart.get(spot.start);
      if (list) list.push(s);
      else byStart.set(spot.start, [s]);
    });
    return item.spots.map((spot) => byStart.get(spot.start)!);
  });
  return {
    sameSpot: (i, j, s) => items[i]!.spotIndex.get(spotKey(items[j]!.spots[s]!)) ?? -1,
    partners,
    sameStart,
  };
}
