// HiGHS for placement (exact-placement.ts) and its second thread (neighbourhood-thread.ts): the
// solver loaded once per thread, the placement model as a HiGHS model, and one solve of it from a
// start until a deadline. HiGHS, compiled to WebAssembly, blocks the thread it runs on.
import loadHighs, { type Highs } from 'highs';
import type { PlacementModel } from '../../shared/domain/resolution/placement-model.ts';

let runtime: Promise<Highs> | null = null;
/** The solver, loaded once per thread (compiling the WebAssembly takes some 100 ms). */
export const solver = (): Promise<Highs> => {
  runtime ??= loadHighs();
  return runtime;
};

/** Forgets the loaded solver (after it aborted: its instance is unusable); the next use loads afresh. */
export const resetSolver = (): void => {
  runtime = null;
};

/** What one solve gave: its status, best arrangement (column values), dual and primal bounds. */
export type Solved = {
  status: string;
  values: Float64Array | null;
  dual: number | null;
  primal: number | null;
};

const STATUS_NAMES: Record<number, string> = {
  7: 'Optimal',
  8: 'Infeasible',
  13: 'Time limit reached',
  17: 'Interrupted',
};

/** The placement model as a HiGHS model (the bench gives it other costs: `colCost`). */
export function highsModel(highs: Highs, model: PlacementModel, colCost = model.colCost) {
  return highs.createModel({
    numCols: model.numCols,
    numRows: model.numRows,
    colCost,
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
}

/** What a solve may be given besides its model, start and deadline. */
export type SolveMore = {
  /** Called at every check of the solver with its dual and primal bounds (objective values). */
  progress?: (dual: number, primal: number | null) => void;
  /** Whether to stop now (asked at every check, before the bounds are known). */
  stop?: () => boolean;
  /** Whether the bounds say enough: the solve stops there. */
  enough?: (primal: number | null, dual: number) => boolean;
  /** HiGHS's options. */
  options?: Record<string, number>;
};

/** Solves a model from a start until the deadline: its best arrangement and its dual bound. */
export function solve(
  highs: Highs,
  model: PlacementModel,
  start: Float64Array,
  deadline: number,
  { progress, stop, enough, options = {} }: SolveMore = {},
): Solved {
  const m = highsModel(highs, model);
  try {
    m.options.set({
      output_flag: false,
      // HiGHS looks at its clock between steps, and a round of cuts on a large model can run half a
      // second past it: it is given 85 % of the time, the interrupt stops it at the deadline.
      time_limit: Math.max(0.01, (0.85 * (deadline - performance.now())) / 1000),
      // Exact: stop only when the cost too is proven least (costs are points, often fractions).
      mip_rel_gap: 0,
      mip_abs_gap: 1e-6,
      ...options,
    });
    m.setSolution({ colValue: start });
    m.run({
      [highs.constants.callbackType.mipInterrupt]: (event) => {
        if (performance.now() >= deadline || stop?.()) {
          event.interrupt();
          return;
        }
        const dual = event.data.mip_dual_bound;
        const found = event.data.mip_primal_bound;
        if (dual === undefined || !Number.isFinite(dual)) return;
        const primal = found !== undefined && Number.isFinite(found) ? found : null;
        progress?.(dual, primal);
        if (enough?.(primal, dual)) event.interrupt();
      },
    });
    const code = m.getModelStatus();
    const feasible = Number(m.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    const dual = Number(m.info.get('mip_dual_bound'));
    const primal = feasible ? m.getObjectiveValue() : Number.NaN;
    return {
      status: STATUS_NAMES[code] ?? `status ${code}`,
      values: feasible ? m.getSolution().colValue : null,
      dual: Number.isFinite(dual) ? dual : null,
      primal: Number.isFinite(primal) ? primal : null,
    };
  } finally {
    // After an abort the instance is gone with it: nothing is left to free.
    try {
      m.dispose();
    } catch {}
  }
}
