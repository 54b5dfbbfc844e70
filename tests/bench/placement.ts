// Placement against the proven maximum, on instances generated apart from the code
// (placement-instances.ts: five shapes, seeds never used while writing placement). For each
// instance, a reference: every spot listed with no deadline, then HiGHS with a long limit on
//   1. the most sessions (one point a session, the model's rows, no costs): the maximum, proven
//      when HiGHS says Optimal, else its best and its bound;
//   2. the least cost with that many (the weighted model of placement-model.ts, started from 1).
// The reference uses the same rows as placement's exact stage; the unit tests check those rows
// against an exhaustive search and the conflict engine, and here every arrangement, the
// reference's and placement's, is checked with detectConflicts on the whole programme.
// Placement itself runs as POST /place runs it: on the worker pool (warm), within the size's limit.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Highs } from 'highs';
import { detectConflicts, prepare } from '../../shared/domain/conflicts/engine.ts';
import type { ConflictInput } from '../../shared/domain/conflicts/types.ts';
import { at, splitForPlacement } from '../../shared/domain/resolution/candidates.ts';
import { listSpots } from '../../shared/domain/resolution/placement.ts';
import {
  arrangementOf,
  columnsOf,
  type PlacementModel,
  placementModel,
} from '../../shared/domain/resolution/placement-model.ts';
import { PlacementState } from '../../shared/domain/resolution/placement-state.ts';
import { highsModel, resetSolver, solver } from '../../server/workers/exact-placement.ts';
import { closePool, runTask } from '../../server/workers/pool.ts';
import { placementInstance, SHAPES, SIZES, type Shape, type Size, startsOf } from './placement-instances.ts';

/** The reference's limit per solve, in seconds (BENCH_REFERENCE_S overrides). */
const REFERENCE_S: Record<Size, number> = { S: 60, M: 180, L: 600 };

type Reference = { max: number; proven: boolean; bound: number; cost: number | null; seconds: number };

function solveReference(
  highs: Highs,
  model: PlacementModel,
  colCost: Float64Array,
  seconds: number,
  start?: Float64Array,
) {
  const m = highsModel(highs, model, colCost);
  try {
    m.options.set({ output_flag: false, time_limit: seconds, mip_rel_gap: 0, mip_abs_gap: 1e-6 });
    if (start) m.setSolution({ colValue: start });
    m.run();
    return {
      optimal: m.getModelStatus() === highs.constants.modelStatus.optimal,
      values: m.getSolution().colValue,
      dual: Number(m.info.get('mip_dual_bound')),
    };
  } finally {
    m.dispose();
  }
}

/** Hard conflicts that involve the placed sessions, once placed as `placed` says. */
function hardConflicts(
  input: ConflictInput,
  placed: { key: string; room: string; start: number; end: number }[],
) {
  const where = new Map(placed.map((x) => [x.key, x]));
  const sessions = input.sessions.map((s) => {
    const x = where.get(s.key);
    return x ? at(s, x) : s;
  });
  return detectConflicts({ ...input, sessions }).filter(
    (c) => c.severity === 'hard' && c.sessions.some((k) => where.has(k)),
  );
}

// References take minutes (L: up to two solves of 10 minutes each) and depend only on the instance
// and the limit: they are kept in a file between runs (BENCH_REFERENCE_CACHE names it, default
// bench-cache/placement-references.json, ignored by git; delete it after changing the model).
const CACHE = process.env.BENCH_REFERENCE_CACHE ?? 'bench-cache/placement-references.json';

function cached(): Record<string, Reference> {
  try {
    return JSON.parse(readFileSync(CACHE, 'utf8')) as Record<string, Reference>;
  } catch {
    return {};
  }
}

async function referenceOf(input: ConflictInput, seconds: number): Promise<Reference> {
  const key = `${createHash('sha256').update(JSON.stringify(input)).digest('hex')}:${seconds}`;
  const known = cached()[key];
  if (known) return known;
  const fresh = await reference(input, seconds);
  mkdirSync(dirname(CACHE), { recursive: true });
  writeFileSync(CACHE, JSON.stringify({ ...cached(), [key]: fresh }, null, 1));
  return fresh;
}

/**
 * A solve that survives HiGHS aborting (a long solve can outgrow its 2 GiB of WebAssembly memory:
 * L, mixed, seed 32, at 600 s): with a fresh instance and a quarter of the time, then null.
 */
async function solveOrRetry(
  model: PlacementModel,
  colCost: Float64Array,
  seconds: number,
  start?: Float64Array,
): Promise<ReturnType<typeof solveReference> | null> {
  for (const limit of [seconds, Math.round(seconds / 4)]) {
    try {
      return solveReference(await solver(), model, colCost, limit, start);
    } catch (e) {
      if (!(e instanceof WebAssembly.RuntimeError)) throw e;
      resetSolver();
      process.stderr.write(`(the reference solver aborted at ${limit} s) `);
    }
  }
  return null;
}

export async function reference(input: ConflictInput, seconds: number): Promise<Reference> {
  const t0 = performance.now();
  const { fixed, toPlace } = splitForPlacement(input.sessions);
  const p = prepare({ ...input, sessions: fixed });
  const listing = listSpots(p, toPlace, { stepMinutes: 30, now: () => 0, listedBy: Infinity });
  const state = new PlacementState(p, listing.items);
  const model = placementModel(state);
  // 1. The most sessions.
  const count = new Float64Array(model.numCols);
  count.fill(-1, 0, model.spotCols);
  const most = await solveOrRetry(model, count, seconds);
  if (!most) throw new Error(`the reference solver aborted twice: ${input.summit.slug}`);
  const best = arrangementOf(model, most.values, listing.items.length);
  const max = best.filter((s) => s >= 0).length;
  const bound = Number.isFinite(most.dual) ? Math.floor(-most.dual + 1e-6) : listing.items.length;
  // 2. The least cost with that many (the weighted model puts the count first); if the solver
  // aborts twice, the cost is unknown and the instance has no cost gap.
  const cheapest = await solveOrRetry(model, model.colCost, seconds, columnsOf(model, best));
  state.restore(cheapest ? arrangementOf(model, cheapest.values, listing.items.length) : best);
  const placed = state.items.flatMap((item) =>
    item.at < 0 ? [] : [{ key: item.session.key, ...item.spots[item.at]! }],
  );
  if (hardConflicts(input, placed).length)
    throw new Error(`the reference breaks a hard rule: ${input.summit.slug}`);
  return {
    max: Math.max(max, placed.length),
    proven: most.optimal,
    bound,
    cost: placed.length === max && cheapest?.optimal ? state.total() : null,
    seconds: (performance.now() - t0) / 1000,
  };
}

export type PlacementRow = {
  size: string;
  shape: Shape;
  seed: number;
  placed: string;
  reference: string;
  gap: number;
  bound: string;
  costGap: string;
  time: string;
  hard: number;
};

type Measured = {
  row: PlacementRow;
  atMax: boolean;
  gap: number;
  ms: number;
  costGap: number | null;
  boundValid: boolean;
  optimalRight: boolean;
};

async function measure(size: Size, shape: Shape, seed: number, referenceS: number): Promise<Measured> {
  const input = placementInstance(size, shape, seed);
  const ref = await referenceOf(input, referenceS);
  const limit = SIZES[size].limitMs;
  const t0 = performance.now();
  const result = await runTask('placement', { input, opts: { stepMinutes: 30, timeLimitMs: limit } });
  const ms = performance.now() - t0;
  const hard = hardConflicts(input, result.placed).length;
  const placed = result.placed.length;
  const costGap =
    placed === ref.max && ref.cost !== null ? (result.cost - ref.cost) / Math.max(1e-9, ref.cost) : null;
  return {
    row: {
      size: `${size} (${SIZES[size].toPlace}×${SIZES[size].rooms}×${startsOf(size)}, ${limit / 1000} s)`,
      shape,
      seed,
      placed: `${placed}${result.optimal ? ' (optimal)' : ''}`,
      reference: `${ref.max}${ref.proven ? '' : ` (≤ ${ref.bound}, not proven)`}, ${ref.seconds.toFixed(0)} s`,
      gap: ref.max - placed,
      bound: String(result.bound),
      costGap: costGap === null ? '—' : `${(costGap * 100).toFixed(1)} %`,
      time: `${(ms / 1000).toFixed(2)} s`,
      hard,
    },
    atMax: placed >= ref.max,
    gap: ref.max - placed,
    ms,
    costGap,
    boundValid: result.bound >= (ref.proven ? ref.max : placed) && result.bound >= placed,
    optimalRight: optimalRight(result, placed, ref, costGap, `${size} ${shape} ${seed}`),
  };
}

/**
 * "Optimal" is right for the count when it is the maximum, and for the cost when it is the least
 * (to a millionth). Says which is not, on stderr.
 */
function optimalRight(
  result: { optimal: boolean; cost: number; solver: { cost: string } },
  placed: number,
  ref: Reference,
  costGap: number | null,
  name: string,
): boolean {
  const count = !result.optimal || placed >= ref.max;
  const cost =
    result.solver.cost !== 'Optimal' || (placed >= ref.max && (costGap === null || costGap <= 1e-6));
  if (!count || !cost)
    process.stderr.write(
      `${name}: reported optimal, but ${!count ? `placed ${placed} of ${ref.max}` : `cost ${result.cost} where the least is ${ref.cost} (${((costGap ?? 0) * 100).toFixed(4)} %)`}\n`,
    );
  return count && cost;
}

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

export async function benchPlacement(
  sizes: Size[] = (process.env.BENCH_PLACEMENT_SIZES?.split(',') as Size[]) ?? ['S', 'M', 'L'],
  seeds: number[] = process.env.BENCH_PLACEMENT_SEEDS?.split(',').map(Number) ?? [21, 22],
): Promise<{ instances: PlacementRow[]; summary: Record<string, string | number>[] }> {
  // A warm worker, as a server has after a few placements: the solver's WebAssembly and our code
  // are compiled in tiers, and a thread's first placements run slower (see the note in run.ts).
  // Their limit is 3 s, not S's 1 s: a cold thread's first placement may run past 1 s and its grace,
  // and the pool would then replace the thread with a cold one.
  for (const shape of SHAPES)
    await runTask('placement', {
      input: placementInstance('S', shape, 1),
      opts: { stepMinutes: 30, timeLimitMs: 3_000 },
    });
  const instances: PlacementRow[] = [];
  const summary: Record<string, string | number>[] = [];
  for (const size of sizes) {
    const referenceS = Number(process.env.BENCH_REFERENCE_S ?? REFERENCE_S[size]);
    const measured: Measured[] = [];
    for (const shape of SHAPES) {
      for (const seed of seeds) {
        process.stderr.write(`placement ${size} ${shape} ${seed}: `);
        const m = await measure(size, shape, seed, referenceS);
        process.stderr.write(`${m.row.placed} of ${m.row.reference}, ${m.row.time}\n`);
        measured.push(m);
        instances.push(m.row);
      }
    }
    const costs = measured.flatMap((m) => (m.costGap === null ? [] : [m.costGap]));
    const times = measured.map((m) => m.ms);
    summary.push({
      size: measured[0]!.row.size,
      instances: measured.length,
      'at the maximum': `${measured.filter((m) => m.atMax).length} / ${measured.length}`,
      'worst gap': Math.max(...measured.map((m) => m.gap)),
      'time median': `${(quantile(times, 0.5) / 1000).toFixed(2)} s`,
      'time worst': `${(Math.max(...times) / 1000).toFixed(2)} s`,
      'cost gap at equal count (median / worst)': costs.length
        ? `${(quantile(costs, 0.5) * 100).toFixed(1)} % / ${(Math.max(...costs) * 100).toFixed(1)} % (${costs.length})`
        : '—',
      'hard conflicts': measured.reduce((n, m) => n + m.row.hard, 0),
      'bound valid, optimal right': `${measured.every((m) => m.boundValid)}, ${measured.every((m) => m.optimalRight)}`,
    });
  }
  await closePool();
  return { instances, summary };
}
