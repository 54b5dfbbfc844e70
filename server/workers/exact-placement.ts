// Placement with an exact stage, for the worker pool (never the request thread: HiGHS, compiled to
// WebAssembly, blocks its thread while it solves). The heuristic of shared/domain/resolution lists
// the spots and finds a good arrangement fast; then the placement MIP (placement-model.ts) is
// solved by HiGHS, started from the heuristic's arrangement, within what is left of the time limit.
// The better of the two is returned, and the solver's answer only after the conflict engine has
// checked it: it is never trusted to keep a hard rule.
import loadHighs, { type Highs } from 'highs';
import { conflictsInvolving } from '../../shared/domain/conflicts/engine.ts';
import type { Prepared } from '../../shared/domain/conflicts/prepare.ts';
import type { Session } from '../../shared/domain/programme.ts';
import { at } from '../../shared/domain/resolution/candidates.ts';
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
  type PlacementModel,
  placementModel,
} from '../../shared/domain/resolution/placement-model.ts';
import { Search } from '../../shared/domain/resolution/placement-search.ts';
import { PlacementState } from '../../shared/domain/resolution/placement-state.ts';

let runtime: Promise<Highs> | null = null;
/** The solver, loaded once per thread (compiling the WebAssembly takes some 100 ms). */
export const solver = (): Promise<Highs> => {
  runtime ??= loadHighs();
  return runtime;
};

export type ExactOptions = {
  stepMinutes: number;
  timeLimitMs: number;
  seed?: number;
};

/** What the solver did, for the bench and the tests. */
export type SolverReport = {
  /** HiGHS's model status ('Optimal', 'Time limit reached', …), or why it did not run. */
  status: string;
  /** The most sessions any arrangement of the listed spots can place, from the solver's dual bound. */
  bound: number | null;
  /** Whether the solver's arrangement was kept (more sessions, or as many for less). */
  used: boolean;
  heuristic: { placed: number; cost: number };
};

/** Shares of the time: listing may take half; the heuristic a quarter of what is left after it. */
const LISTING_SHARE = 0.5;
const HEURISTIC_SHARE = 0.25;
/** Below this, starting the solver is not worth it. */
const MIN_SOLVE_MS = 50;
/**
 * Above this many spots (columns), the model alone would take much of the time and memory: the
 * heuristic's answer stands. The bench's largest instances (300 sessions, 20 rooms, 30 starts) have
 * some 90,000.
 */
const MAX_COLUMNS = 400_000;
const EPS = 1e-9;

export type ExactResult = PlacementResult & { solver: SolverReport };

/**
 * What placement tells its caller while it runs (through the pool's progress port): the heuristic's
 * whole answer once it has one, then the best count and bound the solver knows as they improve. A
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
  const highs = await solver();
  return placeWith(
    highs,
    p,
    sessions,
    { ...opts, timeLimitMs: opts.timeLimitMs - (performance.now() - started) },
    report,
  );
}

export function placeWith(
  highs: Highs,
  p: Prepared,
  sessions: readonly Session[],
  opts: ExactOptions,
  report?: Report,
): ExactResult {
  const now = () => performance.now();
  const started = now();
  const limit = Math.max(0, opts.timeLimitMs);
  // Leave room for checking the answer and the final accounting.
  const deadline = started + limit - Math.min(150, limit * 0.05);
  const listing = listSpots(p, sessions, {
    stepMinutes: opts.stepMinutes,
    now,
    listedBy: started + (deadline - started) * LISTING_SHARE,
  });
  const state = new PlacementState(p, listing.items);
  new Search(state, now() + (deadline - now()) * HEURISTIC_SHARE, now, opts.seed ?? 1).run();
  const heuristic = { at: state.snapshot(), placed: state.placedCount(), cost: state.total() };
  const solver: SolverReport = {
    status: 'not run',
    bound: null,
    used: false,
    heuristic: { placed: heuristic.placed, cost: heuristic.cost },
  };
  const cheap = boundOf(listing);
  report?.({ stage: 'heuristic', result: resultOf(state, listing, cheap) });
  const columns = listing.items.reduce((n, item) => n + item.spots.length, 0);
  if (columns > MAX_COLUMNS) solver.status = `not run: ${columns} spots, more than ${MAX_COLUMNS}`;
  else if (listing.items.length > 0 && deadline - now() >= MIN_SOLVE_MS) {
    const model = placementModel(state);
    let told = cheap;
    const progress = (placed: number, dual: number | undefined) => {
      const bound =
        dual !== undefined && Number.isFinite(dual) ? boundOf(listing, countBound(model, dual)) : told;
      if (bound < told) {
        told = bound;
        report?.({ stage: 'solver', placed, bound });
      }
    };
    const solved = solve(highs, model, columnsOf(model, heuristic.at), deadline, report && progress);
    solver.status = solved.status;
    solver.bound = solved.bound;
    const found = solved.values ? arrangementOf(model, solved.values, listing.items.length) : null;
    if (found && keepsEveryHardRule(state, found)) {
      const placed = state.placedCount();
      const cost = state.total();
      solver.used = placed > heuristic.placed || (placed === heuristic.placed && cost < heuristic.cost - EPS);
    }
    if (!solver.used) state.restore(heuristic.at);
  }
  return { ...resultOf(state, listing, boundOf(listing, solver.bound)), solver };
}

/**
 * Puts an arrangement in the state and checks every session it places against the rest with the
 * conflict engine. Leaves the arrangement in place (the caller restores another if it fails).
 */
function keepsEveryHardRule(state: PlacementState, found: number[]): boolean {
  state.restore(found);
  return state.items.every(
    (item, i) =>
      item.at < 0 ||
      !conflictsInvolving(state.p, at(item.session, item.spots[found[i]!]!)).some(
        (c) => c.severity === 'hard',
      ),
  );
}

const STATUS_NAMES: Record<number, string> = {
  7: 'Optimal',
  8: 'Infeasible',
  13: 'Time limit reached',
  17: 'Interrupted',
};

/** Solves the model from a start until the deadline; its best arrangement and count bound. */
function solve(
  highs: Highs,
  model: PlacementModel,
  start: Float64Array,
  deadline: number,
  progress?: (placed: number, dual: number | undefined) => void,
): { status: string; values: Float64Array | null; bound: number | null } {
  const m = highs.createModel({
    numCols: model.numCols,
    numRows: model.numRows,
    colCost: model.colCost,
    colLower: model.colLower,
    colUpper: model.colUpper,
    rowLower: model.rowLower,
    rowUpper: model.rowUpper,
    matrix: {
      format: 'csr',
      numRows: model.numRows,
      numCols: model.numCols,
      starts: model.starts,
      indices: model.indices,
      values: model.values,
    },
    integrality: model.integrality,
  });
  try {
    m.options.set({
      output_flag: false,
      time_limit: Math.max(0.01, (deadline - performance.now()) / 1000),
      // Exact: stop only when the cost too is proven least (costs are points, often fractions).
      mip_rel_gap: 0,
      mip_abs_gap: 1e-6,
    });
    m.setSolution({ colValue: start });
    // HiGHS keeps to time_limit; the interrupt is a second guard on the same deadline.
    m.run({
      [highs.constants.callbackType.mipInterrupt]: (event) => {
        if (performance.now() >= deadline) event.interrupt();
        // The incumbent's objective says how many it places: −W per session, less than W of cost.
        const primal = event.data.mip_primal_bound;
        const placed =
          primal !== undefined && Number.isFinite(primal) ? Math.ceil(-primal / model.weight) : 0;
        progress?.(placed, event.data.mip_dual_bound);
      },
    });
    const code = m.getModelStatus();
    const feasible = Number(m.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    const dual = Number(m.info.get('mip_dual_bound'));
    return {
      status: STATUS_NAMES[code] ?? `status ${code}`,
      values: feasible ? m.getSolution().colValue : null,
      bound: Number.isFinite(dual) ? countBound(model, dual) : null,
    };
  } finally {
    m.dispose();
  }
}
