// Placement with an exact stage, for the worker pool (never the request thread: HiGHS, compiled to
// WebAssembly, blocks its thread while it solves). The heuristic of shared/domain/resolution lists
// the spots and finds a good arrangement fast; then the placement MIP (placement-model.ts) is
// solved by HiGHS, started from the heuristic's arrangement, within what is left of the time limit.
// The better of the two is returned, and the solver's answer only after the conflict engine has
// checked it: it is never trusted to keep a hard rule.
import type { Highs } from 'highs';
import { conflictsInvolving } from '../../shared/domain/conflicts/engine.ts';
import type { Prepared } from '../../shared/domain/conflicts/prepare.ts';
import type { Session } from '../../shared/domain/programme.ts';
import { at, type SpotLimit } from '../../shared/domain/resolution/candidates.ts';
import {
  boundOf,
  listSpots,
  type PlacementResult,
  resultOf,
} from '../../shared/domain/resolution/placement.ts';
import {
  arrangementOf,
  columnsOf,
  countBound,
  countOf,
  countProven,
  type PlacementModel,
  placementModel,
  type RestrictedModel,
  partsOf,
  restrict,
  withAtLeast,
  withoutPairs,
} from '../../shared/domain/resolution/placement-model.ts';
import { Neighbourhoods } from '../../shared/domain/resolution/placement-neighbourhoods.ts';
import { Search } from '../../shared/domain/resolution/placement-search.ts';
import { PlacementState } from '../../shared/domain/resolution/placement-state.ts';
import { annealer, tradesOf } from '../../shared/domain/resolution/placement-anneal.ts';
import { countByParts } from './count-by-parts.ts';
import { highsModel, resetSolver, type Solved, solve, solver } from './highs-solve.ts';
import { type Helper, type NeighbourhoodHelper, neighbourhoodHelper } from './neighbourhood-helper.ts';

export { highsModel, resetSolver, solver };

export type ExactOptions = {
  stepMinutes: number;
  timeLimitMs: number;
  seed?: number;
  /** Sessions that may go only in some rooms and windows, by key. */
  limits?: Readonly<Record<string, SpotLimit>>;
};

/** What the solver did, for the bench and the tests. */
export type SolverReport = {
  /** HiGHS's status ('Optimal', 'Time limit reached', …) on the most sessions, or why it did not run. */
  count: string;
  /** Its status on the least cost with as many. */
  cost: string;
  /** The most sessions any arrangement of the listed spots can place, from the solver's dual bounds. */
  bound: number | null;
  /** Whether the solver's arrangement was kept (more sessions, or as many for less). */
  used: boolean;
  heuristic: { placed: number; cost: number };
  /** Why the solver stopped before its time, if it did (the best arrangement before stands). */
  failed?: string;
  /** The neighbourhood search after step 2, if the whole model was not proven in its share. */
  neighbourhoods?: NeighbourhoodReport;
};

/**
 * Shares of the time: listing may take half; the heuristic a tenth of what is left after it; the
 * count, 80 % of what is left then (it stops sooner when it proves the most, which is the goal that
 * comes first: on a machine half as fast, L's count took 5–8 s to prove); the cost on the whole
 * model 15 % of what is left then (small models are proven in it), on the helper while this
 * thread searches neighbourhoods (or here, first, without one); then annealing 15 % of what is
 * left, and neighbourhoods the rest. (The count's arrangement was polished by the heuristic's local
 * search for 10 % of the time left until 1 December: annealing and the neighbourhoods did more with
 * it, L busy-moderators 41 2.3–5.5 % above its least instead of 1.9–8.2 %, twelve runs each.)
 */
const LISTING_SHARE = 0.5;
const HEURISTIC_SHARE = 0.1;
const COUNT_SHARE = 0.8;
const WHOLE_SHARE = 0.15;
/** Of the time left when the neighbourhood search begins, annealing's share, first (searchNeighbourhoods). */
const ANNEAL_SHARE = 0.15;
/**
 * The helper's seed in the race on the most sessions (HiGHS's random_seed; this thread keeps the
 * default), and how long this thread waits for the helper's answer once the race is over (the helper
 * looks at the stop between its steps).
 */
const RACE_SEED = 7;
const RACE_WAIT_MS = 300;
/** Below this, starting the solver is not worth it. */
const MIN_SOLVE_MS = 50;
/**
 * Above this many spots (columns), the model alone would take much of the time and memory: the
 * heuristic's answer stands. The bench's largest instances (300 sessions, 20 rooms, 30 starts) have
 * some 12,000.
 */
const MAX_COLUMNS = 400_000;
const EPS = 1e-9;

export type ExactResult = PlacementResult & { solver: SolverReport };

/**
 * What placement tells its caller while it runs (through the pool's progress port): the heuristic's
 * whole answer once it has one, then the best count and bound the solver knows as either improves. A
 * caller whose task is stopped by the pool's hard deadline answers with the last of these.
 */
export type PlacementProgress =
  | { stage: 'heuristic'; result: PlacementResult }
  | { stage: 'solver'; placed: number; bound: number };
export type Report = (progress: PlacementProgress) => void;

export async function placeExactly(
  p: Prepared,
  sessions: readonly Session[],
  opts: ExactOptions,
  report?: Report,
): Promise<ExactResult> {
  const started = performance.now();
  // Without the solver (it failed to load), the heuristic's answer stands.
  const highs = await solver().catch(() => null);
  return placeWith(
    highs,
    p,
    sessions,
    { ...opts, timeLimitMs: opts.timeLimitMs - (performance.now() - started) },
    report,
    neighbourhoodHelper(),
  );
}

export function placeWith(
  highs: Highs | null,
  p: Prepared,
  sessions: readonly Session[],
  opts: ExactOptions,
  report?: Report,
  /** A second thread for the neighbourhood search (neighbourhood-helper.ts), if there is one. */
  helper: Helper | null = null,
): ExactResult {
  const now = () => performance.now();
  const started = now();
  const limit = Math.max(0, opts.timeLimitMs);
  // Leave room for HiGHS's last steps past its limit (tens of ms), checking the answer and the
  // final accounting.
  const deadline = started + limit - Math.min(200, limit * 0.08);
  const listing = listSpots(p, sessions, {
    stepMinutes: opts.stepMinutes,
    now,
    listedBy: started + (deadline - started) * LISTING_SHARE,
    limits: opts.limits,
  });
  const state = new PlacementState(p, listing.items);
  new Search(state, now() + (deadline - now()) * HEURISTIC_SHARE, now, opts.seed ?? 1).run();
  const heuristic = { at: state.snapshot(), placed: state.placedCount(), cost: state.total() };
  const solver: SolverReport = {
    count: 'not run',
    cost: 'not run',
    bound: null,
    used: false,
    heuristic: { placed: heuristic.placed, cost: heuristic.cost },
  };
  const cheap = boundOf(listing);
  // The heuristic's answer goes back at once (the pool's deadline may stop what follows): its reasons
  // are given only the time left to the limit.
  const saying = { now, until: started + limit };
  report?.({ stage: 'heuristic', result: resultOf(state, listing, cheap, saying) });
  const columns = listing.items.reduce((n, item) => n + item.spots.length, 0);
  if (!highs) solver.count = 'not run: the solver did not load';
  else if (columns > MAX_COLUMNS) solver.count = `not run: ${columns} spots, more than ${MAX_COLUMNS}`;
  else if (listing.items.length > 0 && deadline - now() >= MIN_SOLVE_MS) {
    let best = heuristic;
    let told = cheap;
    // The most sessions the solver has found room for (its arrangement is checked once it stops).
    let found = heuristic.placed;
    const tell = () => report?.({ stage: 'solver', placed: Math.max(best.placed, found), bound: told });
    const bounded = (bound: number | null) => {
      if (bound === null) return;
      solver.bound = Math.min(solver.bound ?? Infinity, bound);
      const whole = boundOf(listing, solver.bound);
      if (whole < told) {
        told = whole;
        tell();
      }
    };
    /** Keeps an arrangement the solver found if it breaks no hard rule and beats the best so far. */
    const consider = (found: number[] | null): void => {
      if (found && keepsEveryHardRule(state, found)) {
        const placed = state.placedCount();
        const cost = state.total();
        if (placed > best.placed || (placed === best.placed && cost < best.cost - EPS)) {
          best = { at: state.snapshot(), placed, cost };
          solver.used = true;
        }
      }
      state.restore(best.at);
    };
    try {
      const model = placementModel(state);
      // 1. The most sessions, then each one's own cost: without the pair rows it proves fastest.
      const first = withoutPairs(model);
      const placedBy = (primal: number) => countOf(first, primal);
      const reached = (primal: number | null) => {
        if (primal === null || placedBy(primal) <= found) return;
        found = placedBy(primal);
        tell();
      };
      /** Step 1 on the whole model: this thread and the helper race on it with two seeds. */
      const countWhole = (countBy: number, options: Record<string, number>) => {
        const start = columnsOf(first, best.at);
        // The helper races this thread on the same model with another seed (neighbourhood-helper.ts),
        // once it has loaded its solver (a thread's first placement goes on without it).
        const race = helper?.ready
          ? helper.race({
              model: first,
              start,
              until: Date.now() + (countBy - now()),
              longestMs: Number.POSITIVE_INFINITY,
              shortestMs: MIN_SOLVE_MS,
              options: { ...options, random_seed: RACE_SEED },
            })
          : null;
        /** The helper's bounds so far (objective values, as this thread's solver reports its own), if any. */
        const theirs = () => {
          const p = race === null ? undefined : helper!.progress(race);
          return p && Number.isFinite(p.dual) ? { dual: p.dual, primal: p.primal } : null;
        };
        const mine = solve(highs, first, start, countBy, {
          progress: (dual, primal) => {
            const other = theirs();
            reached(primal);
            reached(other?.primal ?? null);
            bounded(countBound(first, Math.max(dual, other?.dual ?? dual)));
          },
          // Once the most sessions is proven (by either thread), the rest of the time is the cost's.
          enough: (primal, dual) => {
            const other = theirs();
            const best = Math.min(primal ?? Infinity, other?.primal ?? Infinity);
            return countProven(first, best, Math.max(dual, other?.dual ?? dual));
          },
          options,
        });
        const other =
          race === null ? null : helper!.finish(race, Math.min(RACE_WAIT_MS, deadline - now()))?.solved;
        const most =
          other?.primal != null && (mine.primal === null || other.primal < mine.primal) ? other : mine;
        for (const dual of [mine.dual, other?.dual]) if (dual != null) bounded(countBound(first, dual));
        const proven = most.primal !== null && solver.bound !== null && solver.bound <= placedBy(most.primal);
        solver.count = proven ? 'Optimal' : mine.status;
        // Its arrangement ignores the costs between sessions (step 2, annealing first, lowers them):
        // kept as any other, if it places more than the heuristic's or as many for less.
        consider(most.values && arrangementOf(first, most.values, listing.items.length));
      };
      const countBy = now() + (deadline - now()) * COUNT_SHARE;
      // A small cut pool: HiGHS then proves the most sessions two to six times sooner on the bench's
      // instances (the root's rounds of cuts were most of its time). Not for step 2, which it slows.
      const options = { mip_pool_soft_limit: 100 };
      // With independent parts, each part's count on its own (count-by-parts.ts); else the whole.
      const byParts = countByParts({
        highs,
        model: first,
        start: best.at,
        until: countBy,
        now,
        helper: helper?.ready ? helper : null,
        options,
        raceSeed: RACE_SEED,
        waitMs: RACE_WAIT_MS,
        shortestMs: MIN_SOLVE_MS,
        progress: (placed, bound) => {
          if (placed > found) {
            found = placed;
            tell();
          }
          bounded(bound);
        },
      });
      if (byParts) {
        solver.count = byParts.found >= byParts.bound ? 'Optimal' : `not proven in ${byParts.parts} parts`;
        consider(byParts.at);
      } else countWhole(countBy, options);
      // 2. The least cost with at least as many (more, if the solver finds more: the weight says so):
      // the whole model for a share of the time, and re-placing a few dozen sessions at a time around
      // the others (neighbourhoods) until the deadline or the whole's proof. With a helper, the whole
      // model is solved there while this thread starts the neighbourhoods: on the bench's large
      // summits the whole model improved nothing in its share, and this thread lost that time.
      if (deadline - now() >= MIN_SOLVE_MS) {
        const whole = withAtLeast(model, best.placed);
        const wholeUntil = now() + (deadline - now()) * WHOLE_SHARE;
        // With a helper, it solves the whole model while this thread starts on the neighbourhoods,
        // which take both threads once it answers; without one, the whole model first, here.
        const onHelper = helper?.ready
          ? helper.send({
              model: whole,
              start: columnsOf(model, best.at),
              until: Date.now() + (wholeUntil - now()),
              longestMs: Number.POSITIVE_INFINITY,
              shortestMs: MIN_SOLVE_MS,
            })
          : null;
        let cheapest: Solved | null = null;
        if (onHelper === null) {
          cheapest = solve(highs, whole, columnsOf(model, best.at), wholeUntil, {
            progress: (dual) => bounded(countBound(model, dual)),
          });
          solver.cost = cheapest.status;
          bounded(cheapest.dual === null ? null : countBound(model, cheapest.dual));
          consider(cheapest.values && arrangementOf(model, cheapest.values, listing.items.length));
        }
        if (cheapest?.status !== 'Optimal') {
          const lns = searchNeighbourhoods({
            highs,
            state,
            model,
            start: best.at,
            deadline,
            now,
            seed: opts.seed ?? 1,
            helper,
            wholeOnHelper: onHelper,
            annealShare: ANNEAL_SHARE,
          });
          solver.neighbourhoods = lns.report;
          if (lns.whole) {
            solver.cost = lns.whole.status;
            bounded(lns.whole.dual === null ? null : countBound(model, lns.whole.dual));
          } else if (onHelper !== null) solver.cost = 'no answer from the second thread';
          consider(lns.at);
          // Proven: no arrangement costs less, and so none places more (one more session outweighs any cost).
          if (lns.report.proven) {
            solver.cost = 'Optimal';
            bounded(best.placed);
          }
        }
      }
    } catch (e) {
      // HiGHS aborted (a WebAssembly trap: out of memory, or an internal error). Its instance is
      // unusable now: the next placement loads a fresh one, and this one keeps the best so far.
      if (!(e instanceof WebAssembly.RuntimeError)) throw e;
      resetSolver();
      solver.failed = `the solver stopped: ${e.message}`;
      state.restore(best.at);
    }
  }
  // The final reasons end halfway between the deadline and the limit: the other half is for
  // copying the answer back (an L summit leaving 200 sessions out ran 0.2 s past its limit when they
  // had until the limit itself).
  const last = {
    now,
    until: Math.min(saying.until, Math.max(now(), deadline) + (started + limit - deadline) / 2),
  };
  return { ...resultOf(state, listing, boundOf(listing, solver.bound), last), solver };
}

/**
 * Puts an arrangement in the state and checks every session it places against the rest with the
 * conflict engine. Leaves the arrangement in place (the caller restores another if it fails).
 */
function keepsEveryHardRule(state: PlacementState, found: number[], only?: ArrayLike<boolean>): boolean {
  state.restore(found);
  return state.items.every(
    (item, i) =>
      item.at < 0 ||
      (only !== undefined && !only[i]) ||
      !conflictsInvolving(state.p, at(item.session, item.spots[found[i]!]!)).some(
        (c) => c.severity === 'hard',
      ),
  );
}

/** The neighbourhood search's first size (sessions re-placed at once), smallest, and longest solve. */
const FIRST_SIZE = 40;
const SMALLEST_SIZE = 8;
const LONGEST_SUB_MS = 1_000;
/**
 * A part's first turn, whole (placement-neighbourhoods.ts), takes at least this long, and more when
 * its share of the time left is more (longestFor in searchNeighbourhoods): on the bench's L summits
 * HiGHS found a part's much cheaper arrangement about 0.9 s into such a solve, just past a second's
 * budget (its own limit is 85 % of it) as often as not, and L busy-moderators 41's parts of about
 * 50 sessions take 2–4 s each to prove: cut off at 1.5 s and freed again later, such a solve began
 * again from nothing. With its share, L busy-moderators 41 ended 0.1–1.6 % above its least (six
 * runs) where 1.5 s each left it 1.2–6.7 % above.
 */
const WHOLE_FIRST_MS = 1_500;
/**
 * Below this, no neighbourhood is started: HiGHS looks at the interrupt only between its steps, and
 * its presolve of a neighbourhood of some 3,000 columns ran 130 ms past a budget of 116 ms.
 */
const MIN_NEIGHBOURHOOD_MS = 200;

/** How the neighbourhood search went: solves, improvements, the largest size, the whole proven. */
export type NeighbourhoodReport = {
  tried: number;
  improved: number;
  size: number;
  proven: boolean;
  /** Annealing's moves tried, and whether its arrangement was kept, when it ran first. */
  annealed?: { moves: number; kept: boolean };
};

/** What the neighbourhood search is given. */
export type NeighbourhoodSearch = {
  highs: Highs;
  state: PlacementState;
  model: PlacementModel;
  /** The arrangement to start from (the spot of each item, or -1). */
  start: readonly number[];
  deadline: number;
  now: () => number;
  seed: number;
  /** A second thread, if there is one. */
  helper?: NeighbourhoodHelper | null;
  /** The id of the whole model's solve on the helper, if it is under way: no neighbourhood is sent it meanwhile. */
  wholeOnHelper?: number | null;
  /** The share of the time left that annealing (placement-anneal.ts) takes first, on this thread; 0: none. */
  annealShare?: number;
};

/** Annealing runs in slices this long, so that the helper's answers are taken and it is fed meanwhile. */
const ANNEAL_SLICE_MS = 50;

/**
 * Large neighbourhood search: until the deadline, re-places a neighbourhood of sessions
 * (Neighbourhoods) around the others by solving the model restricted to them, with at least as many
 * sessions placed; keeps the new arrangement when its sessions keep every hard rule and it costs
 * less. The size grows while the solver proves its neighbourhoods quickly and shrinks when it does
 * not. Each neighbourhood lies within one of the model's independent parts (partsOf); a part proven
 * whole is settled, and once every part is (with one part: a proven neighbourhood of every session),
 * the whole is proven. Annealing may go first (annealShare). With a helper (a second thread),
 * neighbourhoods are solved two at a time: the helper's, made from the best arrangement when they
 * were sent, are merged into the best arrangement as it is when they come back, and kept only if
 * the merge keeps every hard rule and costs less. Starts from, and leaves the state at, the best
 * arrangement found.
 */
export function searchNeighbourhoods({
  highs,
  state,
  model,
  start,
  deadline,
  now,
  seed,
  helper = null,
  wholeOnHelper = null,
  annealShare = 0,
}: NeighbourhoodSearch): { at: number[]; report: NeighbourhoodReport; whole?: Solved } {
  const n = state.items.length;
  const hoods = new Neighbourhoods(state, seed, partsOf(model, n));
  let at = [...start];
  state.restore(at);
  let placed = state.placedCount();
  let cost = state.total();
  // Each kind of neighbourhood has its own size: sessions close in time are harder to re-place
  // together than sessions drawn at random.
  const sizes = new Map<string, number>();
  const report: NeighbourhoodReport = { tried: 0, improved: 0, size: Math.min(n, FIRST_SIZE), proven: false };
  type Job = {
    kind: string;
    size: number;
    free: boolean[];
    /** The independent part of the model it frees sessions of, and whether it frees all of them. */
    part: number;
    whole: boolean;
    sub: RestrictedModel;
    from: Float64Array;
    before: number;
  };
  /** The next neighbourhood of the best arrangement, or null if nothing it frees has a spot (or every part is proven). */
  const nextJob = (): Job | null => {
    if (hoods.settledAll()) return null;
    const sizeOf = (kind: string) => sizes.get(kind) ?? Math.min(n, FIRST_SIZE);
    const columns = columnsOf(model, at);
    const { free, part, whole, kind } = hoods.next(sizeOf, (p) => objectiveOf(wholePart(p), columns));
    const size = sizeOf(kind);
    const sub = restrict(model, free, at, placed);
    if (sub.spotCols === 0) return null;
    const from = Float64Array.from(sub.original, (c) => columns[c]!);
    let before = 0;
    for (let k = 0; k < sub.numCols; k++) before += sub.colCost[k]! * from[k]!;
    return { kind, size, free, part, whole, sub, from, before };
  };
  /**
   * Makes `next` the best arrangement if the sessions it may have moved (`only`: all if not given)
   * keep every hard rule and it places more or costs less; leaves the state at the best either way.
   */
  const adopt = (next: number[], only?: ArrayLike<boolean>): boolean => {
    if (keepsEveryHardRule(state, next, only)) {
      const p = state.placedCount();
      const c = state.total();
      if (p > placed || (p === placed && c < cost - EPS)) {
        [at, placed, cost] = [next, p, c];
        report.improved++;
        return true;
      }
    }
    state.restore(at);
    return false;
  };
  /**
   * An arrangement of every session (annealing's, the whole model's) with each settled part as it is
   * now: a settled part is at its least cost, and an arrangement that is cheaper in all may still be
   * dearer there. Parts share no row, so the two combine into an arrangement that keeps every rule.
   */
  const outsideSettled = (next: number[]): number[] =>
    next.map((s, i) => (hoods.settledItem(i) ? at[i]! : s));
  /** What the sessions a restricted model frees cost in its objective, with every column as `columns` says. */
  const objectiveOf = (sub: RestrictedModel, columns: Float64Array): number => {
    let sum = 0;
    for (let k = 0; k < sub.numCols; k++) sum += sub.colCost[k]! * columns[sub.original[k]!]!;
    return sum;
  };
  /** What they cost now, with the others where they are. */
  const partObjective = (sub: RestrictedModel): number => objectiveOf(sub, columnsOf(model, at));
  /** Each part's model freed whole, made once (its objective's columns do not depend on the arrangement). */
  const wholeParts = new Map<number, RestrictedModel>();
  const wholePart = (part: number): RestrictedModel => {
    let sub = wholeParts.get(part);
    if (!sub) {
      const free = new Array<boolean>(n).fill(false);
      for (const i of hoods.membersOf(part)) free[i] = true;
      sub = restrict(model, free, at, placed);
      wholeParts.set(part, sub);
    }
    return sub;
  };
  /** Learns from a solved neighbourhood and keeps its arrangement if it is better; true once proven. */
  const take = (job: Job, found: Solved, took: number, budget: number): boolean => {
    report.tried++;
    const quick = found.status === 'Optimal' && took < budget / 2;
    // A part's first whole turn has no size to learn: it frees the part, whatever the kinds' sizes.
    if (job.kind !== 'whole') {
      sizes.set(
        job.kind,
        quick
          ? Math.min(n, Math.ceil(job.size * (took < budget / 4 ? 1.5 : 1.25)))
          : found.status === 'Optimal'
            ? job.size
            : Math.max(SMALLEST_SIZE, Math.floor(job.size * 0.8)),
      );
      report.size = Math.max(...sizes.values());
    }
    // A solve of the whole part bounds the part's least objective, proven or not: where the gap is.
    // A bound a session's weight or more below what the part holds still allows it one more session
    // than it has (the relaxation's, where the count is proven): it says nothing of the cost.
    if (job.whole && found.dual !== null && job.before - found.dual < model.weight / 2)
      hoods.bound(job.part, found.dual);
    const better = found.values !== null && found.primal !== null && found.primal < job.before - EPS;
    let kept = false;
    if (better) {
      const next = [...at];
      for (let i = 0; i < n; i++) if (job.free[i]) next[i] = -1;
      for (let k = 0; k < job.sub.spotCols; k++)
        if (found.values![k]! > 0.5) next[job.sub.colItem[k]!] = job.sub.colSpot[k]!;
      kept = adopt(next, job.free);
    }
    // A whole part at once, proven, and kept (or what the part holds now costs no more): nothing is
    // cheaper there, whatever the other parts hold (they share no row with it); once every part is,
    // nothing is cheaper anywhere. What it holds now is priced afresh, not taken from when the
    // neighbourhood was made: an arrangement of every session kept since (annealing's, the whole
    // model's) may have made this part dearer while making the whole cheaper.
    if (
      found.status === 'Optimal' &&
      job.whole &&
      found.primal !== null &&
      (kept || partObjective(job.sub) <= found.primal + 1e-6)
    ) {
      hoods.settle(job.part);
      if (hoods.settledAll()) {
        report.proven = true;
        return true;
      }
    }
    return false;
  };
  /** The whole model's answer from the helper: kept like a neighbourhood's; its proof proves the whole. */
  let whole: Solved | undefined;
  let waitingForWhole = wholeOnHelper !== null;
  const takeWhole = (found: Solved): boolean => {
    whole = found;
    waitingForWhole = false;
    const kept = found.values !== null && adopt(outsideSettled(arrangementOf(model, found.values, n)));
    // Proven optimal: nothing is cheaper than its arrangement, kept or matched already.
    // (An arrangement's objective is its cost less the weight of each session it places.)
    const matched = found.primal !== null && cost - model.weight * placed <= found.primal + 1e-6;
    if (found.status === 'Optimal' && (kept || matched)) {
      report.proven = true;
      return true;
    }
    return false;
  };
  /**
   * A neighbourhood's longest solve. A part's first whole turn gets its share of the time left on
   * both threads, by its sessions among those of the parts still to be freed whole first (itself
   * included), and at least WHOLE_FIRST_MS: time a part proves sooner goes to the parts after it.
   */
  const longestFor = (job: Job) => {
    if (job.kind !== 'whole') return LONGEST_SUB_MS;
    const size = hoods.membersOf(job.part).length;
    const threads = helper?.usable ? 2 : 1;
    const share = ((deadline - now()) * threads * size) / (size + hoods.wholeFirstLeft());
    return Math.max(WHOLE_FIRST_MS, share);
  };
  const sent = new Map<number, Job>();
  // The helper keeps two neighbourhoods queued, so that it never waits for this thread's solve.
  const feed = () => {
    while (
      helper?.usable &&
      !waitingForWhole &&
      helper.waiting < 2 &&
      deadline - now() >= MIN_NEIGHBOURHOOD_MS
    ) {
      const job = nextJob();
      if (!job) return;
      const id = helper.send({
        model: job.sub,
        start: job.from,
        until: Date.now() + (deadline - now()),
        longestMs: longestFor(job),
        shortestMs: MIN_NEIGHBOURHOOD_MS / 2,
      });
      sent.set(id, job);
    }
  };
  /** Takes the helper's answers; true once the whole is proven. */
  const collect = (): boolean => {
    for (const answer of helper?.answers() ?? []) {
      if (answer.id === wholeOnHelper) {
        if (takeWhole(answer.solved)) return true;
        continue;
      }
      const job = sent.get(answer.id)!;
      sent.delete(answer.id);
      if (answer.budget > 0 && take(job, answer.solved, answer.took, answer.budget)) return true;
    }
    // A helper that ended (crashed) will not answer: its neighbourhoods go on here.
    if (waitingForWhole && !helper?.usable) waitingForWhole = false;
    return false;
  };
  // Annealing first (placement-anneal.ts): thousands of moves a millisecond take the cost down fast
  // from the count's arrangement; the neighbourhoods then improve on what it found. Between its
  // slices the helper's answers are taken (the whole model's proof ends the search) and it is fed.
  let ended = false;
  if (annealShare > 0 && deadline - now() >= MIN_NEIGHBOURHOOD_MS) {
    const until = now() + (deadline - now()) * annealShare;
    const search = annealer(model, at, { until, now, seed, ...tradesOf(state.items) });
    while (search && !ended && now() < until) {
      search.run(Math.min(until, now() + ANNEAL_SLICE_MS));
      ended = collect();
      feed();
    }
    if (search && !ended) {
      const { at: annealed, moves } = search.best();
      report.annealed = { moves, kept: adopt(outsideSettled(annealed)) };
    }
  }
  while (!ended && deadline - now() >= MIN_NEIGHBOURHOOD_MS) {
    if (collect()) break;
    feed();
    if (hoods.settledAll()) break; // proven by the helper's answers
    const job = nextJob();
    if (!job) continue; // nothing freed has a spot
    const budget = Math.min(deadline - now(), longestFor(job));
    const began = now();
    // The whole model's answer, when it comes, is looked at at once: it may prove everything.
    const wholeCame = () => waitingForWhole && helper!.answered(wholeOnHelper!);
    const found = solve(highs, job.sub, job.from, began + budget, waitingForWhole ? { stop: wholeCame } : {});
    // A neighbourhood cut short for it is neither kept nor learnt from: its size was not at fault.
    if (found.status === 'Interrupted' && wholeCame()) continue;
    if (take(job, found, now() - began, budget)) break;
  }
  if (!report.proven && !ended) collect();
  helper?.forget();
  state.restore(at);
  return { at, report, whole };
}
