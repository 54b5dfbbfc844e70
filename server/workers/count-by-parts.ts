// Step 1 of exact placement (the most sessions), part by part. The model's independent parts
// (partsOf: sessions no row links, such as side-event windows hours apart) can each be placed at
// their most alone: the most in all is the sum of the parts' most, and so is any bound on it. A
// part's model is a fraction of the whole's, and HiGHS proves a part's count in far less than its
// share of the whole's time (on the bench's L busy-moderators 41, the six windows' counts took 4.6 s
// on one thread where the whole took 3.5–4.3 s on two). With a helper, the two threads take the
// parts largest first; once none is left, this thread races the helper on the part it is solving
// (another seed), as the whole model's race does.
import type { Highs } from 'highs';
import {
  countBound,
  countOf,
  countProven,
  dearestSum,
  membersOf,
  type PlacementModel,
  partsOf,
  type RestrictedModel,
  restrict,
} from '../../shared/domain/resolution/placement-model.ts';
import { type Solved, solve } from './highs-solve.ts';
import type { Helper } from './neighbourhood-helper.ts';

export type CountByParts = {
  highs: Highs;
  /** The model of the count (withoutPairs): sessions placed, then each one's own cost. */
  model: PlacementModel;
  /** The arrangement to start from (the heuristic's): the spot of each item, or -1. */
  start: readonly number[];
  until: number;
  now: () => number;
  helper: Helper | null;
  /** HiGHS's options for every part; the race on a part adds its own seed. */
  options: Record<string, number>;
  raceSeed: number;
  /** How long to wait for the helper's answer once it is told to stop. */
  waitMs: number;
  shortestMs: number;
  /** Told the count of the best arrangement so far and the bound, as either moves. */
  progress?: (found: number, bound: number) => void;
};

export type PartsCounted = {
  /** The best arrangement found: each part's solver answer where it has one, the start elsewhere. */
  at: number[];
  /** Sessions it places. */
  found: number;
  /** The most sessions any arrangement can place: the sum of the parts' bounds. */
  bound: number;
  parts: number;
};

type Part = {
  sub: RestrictedModel;
  from: Float64Array;
  items: number[];
  best: Solved | null;
  /** The best dual bound any solve of it reached (objective value). */
  dual: number;
};

/** A part's model: the count model restricted to its items, with its own largest cost (countBound). */
function partModel(model: PlacementModel, items: readonly number[], start: readonly number[]): Part {
  const free = new Array<boolean>(start.length).fill(false);
  for (const i of items) free[i] = true;
  const sub = restrict(model, free, start);
  // An arrangement of the part costs at most the sum of its items' dearest spots (withoutPairs).
  const own = Float64Array.from({ length: sub.spotCols }, (_, k) => sub.colCost[k]! + model.weight);
  const part = { ...sub, maxCost: dearestSum(sub.colItem, own, sub.spotCols) };
  const from = Float64Array.from(sub.original, (c) =>
    start[model.colItem[c]!] === model.colSpot[c] ? 1 : 0,
  );
  return { sub: part, from, items: [...items], best: null, dual: Number.NEGATIVE_INFINITY };
}

const better = (a: Solved | null, b: Solved): Solved =>
  a?.primal != null && (b.primal === null || a.primal <= b.primal) ? a : b;

/**
 * Solves the count part by part, when the model has two parts or more (null otherwise: the whole
 * model's race is the way). Stops at `until` (each part's best so far stands, with its bound).
 */
export function countByParts(o: CountByParts): PartsCounted | null {
  const { highs, model, start, now, helper } = o;
  const members = membersOf(partsOf(model, start.length));
  if (members.length < 2) return null;
  const parts = members.map((items) => partModel(model, items, start));
  const placedIn = (part: Part): number =>
    part.best?.primal != null
      ? countOf(part.sub, part.best.primal)
      : part.items.filter((i) => start[i]! >= 0).length;
  const boundOf = (part: Part): number =>
    Math.min(part.items.length, Number.isFinite(part.dual) ? countBound(part.sub, part.dual) : Infinity);
  const proven = (part: Part) => placedIn(part) >= boundOf(part);
  const learn = (part: Part, solved: Solved) => {
    part.best = better(part.best, solved);
    if (solved.dual !== null) part.dual = Math.max(part.dual, solved.dual);
  };
  let told = { found: -1, bound: -1 };
  const tell = () => {
    const found = parts.reduce((n, part) => n + placedIn(part), 0);
    const bound = parts.reduce((n, part) => n + boundOf(part), 0);
    if (found !== told.found || bound !== told.bound) o.progress?.(found, bound);
    told = { found, bound };
  };
  // Largest first: the longest solves start soonest, and the small ones fill in around them.
  const queue = parts.map((_, p) => p).sort((a, b) => parts[b]!.sub.numCols - parts[a]!.sub.numCols);
  const onHelper = new Map<number, number>();
  const useHelper = helper?.ready === true;
  const collect = () => {
    if (!useHelper) return;
    for (const answer of helper!.answers()) {
      const p = onHelper.get(answer.id);
      if (p === undefined) continue;
      onHelper.delete(answer.id);
      learn(parts[p]!, answer.solved);
    }
    tell();
  };
  const feed = () => {
    while (
      useHelper &&
      helper!.usable &&
      helper!.waiting < 1 &&
      queue.length > 0 &&
      o.until - now() >= o.shortestMs
    ) {
      const p = queue.shift()!;
      const id = helper!.send({
        model: parts[p]!.sub,
        start: parts[p]!.from,
        until: Date.now() + (o.until - now()),
        longestMs: Number.POSITIVE_INFINITY,
        shortestMs: o.shortestMs,
        options: o.options,
        count: true,
      });
      onHelper.set(id, p);
    }
  };
  const size = (p: number) => parts[p]!.sub.numCols;
  const solvePart = (p: number, until: number, options: Record<string, number>, stop: () => boolean) => {
    const part = parts[p]!;
    learn(
      part,
      solve(highs, part.sub, part.from, until, {
        options,
        enough: (primal, dual) => stop() || countProven(part.sub, primal, dual),
        // The helper is fed between this solve's steps, so that it never waits for it.
        stop: () => {
          collect();
          feed();
          return stop();
        },
      }),
    );
    tell();
  };
  tell();
  feed();
  while (o.until - now() >= o.shortestMs) {
    collect();
    feed();
    const p = queue.shift();
    if (p === undefined) break;
    // Its share of the time left, as the parts not yet started share it (two threads, with a helper).
    const rest = queue.reduce((n, q) => n + size(q), 0) / (useHelper ? 2 : 1);
    const until = now() + (o.until - now()) * Math.min(1, size(p) / (size(p) + rest));
    solvePart(p, until, o.options, () => false);
  }
  // The helper's parts still under way: this thread races it on each (another seed) until either
  // proves it, then takes its answer (stopping it if it is still on it).
  for (;;) {
    collect();
    const [id, p] = [...onHelper.entries()][0] ?? [];
    if (id === undefined || p === undefined) break;
    const part = parts[p]!;
    if (!proven(part) && o.until - now() >= o.shortestMs)
      solvePart(
        p,
        o.until,
        { ...o.options, random_seed: o.raceSeed },
        () => !onHelper.has(id) || proven(part),
      );
    if (!onHelper.has(id)) continue;
    const answer = helper!.finish(id, o.waitMs);
    onHelper.delete(id);
    if (answer) learn(part, answer.solved);
  }
  tell();
  const at = [...start];
  for (const part of parts) {
    const values = part.best?.values;
    if (!values) continue;
    for (const i of part.items) at[i] = -1;
    for (let k = 0; k < part.sub.spotCols; k++)
      if (values[k]! > 0.5) at[part.sub.colItem[k]!] = part.sub.colSpot[k]!;
  }
  return { at, found: told.found, bound: told.bound, parts: parts.length };
}
