import type { Highs } from 'highs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  columnsOf,
  countBound,
  countOf,
  countProven,
  type PlacementModel,
  partsOf,
  placementModel,
  type RestrictedModel,
  restrict,
  withAtLeast,
  withoutPairs,
} from '../../../../shared/domain/resolution/placement-model.ts';
import { seeded } from '../../../../shared/domain/resolution/placement-search.ts';
import type { PlacementState } from '../../../../shared/domain/resolution/placement-state.ts';
import { solver } from '../../../../server/workers/exact-placement.ts';
import { type Solved, solve } from '../../../../server/workers/highs-solve.ts';
import {
  Helper,
  type HelperAnswer,
  type HelperJob,
  type NeighbourhoodHelper,
} from '../../../../server/workers/neighbourhood-helper.ts';
import { placementInstance } from '../../../bench/placement-instances.ts';
import { heuristicArrangement } from '../../../support/placement-heuristic.ts';
import { hardOf, searchFor, smallBusySummit, wholeOptimum } from '../../../support/neighbourhood-search.ts';

let highs: Highs;
let helper: Helper;
beforeAll(async () => {
  highs = await solver();
  helper = Helper.start();
});
afterAll(() => helper.close());

/** The model of the neighbourhood of `free` around the state's arrangement, and where it starts. */
function neighbourhood(state: PlacementState, model: PlacementModel, free: boolean[]) {
  const now = state.snapshot();
  const sub = restrict(model, free, now, state.placedCount());
  const whole = columnsOf(model, now);
  return { sub, start: Float64Array.from(sub.original, (c) => whole[c]!) };
}

/** Waits (turning the event loop) until the helper has answered `count` jobs, or two minutes pass. */
async function answersOf(h: NeighbourhoodHelper, count: number): Promise<HelperAnswer[]> {
  const got: HelperAnswer[] = [];
  const end = Date.now() + 120_000;
  while (got.length < count && Date.now() < end) {
    got.push(...h.answers());
    await new Promise((r) => setTimeout(r, 10));
  }
  return got;
}

describe("placement's second thread for the neighbourhood search", () => {
  it('solves a neighbourhood of the small busy-moderators summit to the same optimum as the placing thread', async () => {
    const { state, model } = smallBusySummit();
    const random = seeded(11);
    const jobs = [0, 1, 2].map(() =>
      neighbourhood(
        state,
        model,
        state.items.map(() => random() < 0.3),
      ),
    );
    const ids = jobs.map(({ sub, start }) =>
      helper.send({ model: sub, start, until: Date.now() + 60_000, longestMs: 30_000, shortestMs: 1 }),
    );
    const answers = await answersOf(helper, 3);
    const inline = jobs.map(({ sub, start }) => solve(highs, sub, start, performance.now() + 30_000));
    expect(answers.map((a) => a.id)).toEqual(ids);
    expect(answers.map((a) => a.solved.status)).toEqual(['Optimal', 'Optimal', 'Optimal']);
    expect(answers.map((a) => Math.round(a.solved.primal! * 1e6))).toEqual(
      inline.map((s) => Math.round(s.primal! * 1e6)),
    );
    expect(helper.waiting).toBe(0);
  });

  it('does not start a job whose time is already up, and drops the answers to jobs it was told to forget', async () => {
    const state = heuristicArrangement(placementInstance('S', 'tight-windows', 3));
    const { sub, start } = neighbourhood(
      state,
      placementModel(state),
      state.items.map(() => true),
    );
    const late = helper.send({ model: sub, start, until: Date.now() - 1, longestMs: 1_000, shortestMs: 100 });
    const [answer] = await answersOf(helper, 1);
    expect([answer!.id, answer!.solved.status, answer!.solved.values, answer!.budget]).toEqual([
      late,
      'not run',
      null,
      0,
    ]);
    helper.send({ model: sub, start, until: Date.now() - 1, longestMs: 1_000, shortestMs: 100 });
    helper.forget();
    await new Promise((r) => setTimeout(r, 200));
    expect([helper.waiting, helper.answers()]).toEqual([0, []]);
  });

  it('stops the jobs it is told to forget, so that the next job runs at once', async () => {
    // The whole model of a large summit (HiGHS needs minutes to prove it) is sent with a minute to
    // run, then forgotten: the next job, which must be done within five seconds, still runs. Were the
    // first not stopped, the second would start after its time and answer "not run".
    const large = heuristicArrangement(placementInstance('L', 'busy-moderators', 3));
    const model = placementModel(large);
    helper.send({
      model: withAtLeast(model, large.placedCount()),
      start: columnsOf(model, large.snapshot()),
      until: Date.now() + 60_000,
      longestMs: 60_000,
      shortestMs: 1,
    });
    await new Promise((r) => setTimeout(r, 500));
    helper.forget();
    const small = heuristicArrangement(placementInstance('S', 'busy-moderators', 3));
    const { sub, start } = neighbourhood(
      small,
      placementModel(small),
      small.items.map((_, i) => i % 4 === 0),
    );
    const next = helper.send({
      model: sub,
      start,
      until: Date.now() + 5_000,
      longestMs: 5_000,
      shortestMs: 1,
    });
    const answers = await answersOf(helper, 1);
    expect(answers.map((a) => [a.id, a.solved.status])).toEqual([[next, 'Optimal']]);
  });

  it('merges an answer into the best arrangement only if it keeps every hard rule and costs less', () => {
    // A helper that answers every neighbourhood with each freed session at its first spot and claims
    // a cost far below any (as a stale or wrong answer might): the search must check each one
    // against the arrangement as it is now, and keep none that breaks a hard rule or costs more.
    const state = heuristicArrangement(placementInstance('S', 'small-delegations', 3));
    const model = placementModel(state);
    const [placed, cost] = [state.placedCount(), state.total()];
    const sent: { id: number; job: Omit<HelperJob, 'id'> }[] = [];
    let answered = 0;
    const liar: NeighbourhoodHelper = {
      usable: true,
      get waiting() {
        return sent.length;
      },
      send(job) {
        sent.push({ id: sent.length + 1000, job });
        return sent.at(-1)!.id;
      },
      answered: () => false,
      answers() {
        answered += sent.length;
        return sent.splice(0).map(({ id, job }) => {
          const sub = job.model as RestrictedModel;
          const values = new Float64Array(sub.numCols);
          const first = new Set<number>();
          for (let k = 0; k < sub.spotCols; k++)
            if (!first.has(sub.colItem[k]!)) {
              first.add(sub.colItem[k]!);
              values[k] = 1;
            }
          return {
            id,
            solved: { status: 'Optimal', values, dual: -1e12, primal: -1e12 },
            took: 1,
            budget: 500,
          };
        });
      },
      forget() {
        sent.length = 0;
      },
    };
    const { at: found, report } = searchFor(1_500, {
      highs,
      state,
      model,
      start: state.snapshot(),
      helper: liar,
    });
    state.restore(found);
    expect(answered).toBeGreaterThan(0);
    expect(report.tried).toBeGreaterThan(answered);
    expect(hardOf(state)).toEqual([]);
    expect(state.placedCount()).toBeGreaterThanOrEqual(placed);
    if (state.placedCount() === placed) expect(state.total()).toBeLessThanOrEqual(cost);
  });

  it('takes no part as proven from an answer that is not', () => {
    // A helper that answers every neighbourhood at once, out of time and with nothing found, and is
    // never busy: in the 400 ms before the last 200 ms it is sent neighbourhoods of every window of
    // the small busy-moderators summit (each smaller than the first size: whole parts). No part may
    // count as proven from those answers; this thread solves one neighbourhood at most, in the last
    // 200 ms, so the whole may not count as proven either.
    const { state, model } = smallBusySummit();
    const parts = new Set<number>();
    const sent: { id: number; sub: RestrictedModel; from: Float64Array }[] = [];
    const idle: NeighbourhoodHelper = {
      usable: true,
      waiting: 0,
      send(job) {
        const sub = job.model as RestrictedModel;
        parts.add(partsOf(model, state.items.length)[sub.colItem[0]!]!);
        sent.push({ id: sent.length + 1, sub, from: job.start });
        return sent.length;
      },
      answered: () => false,
      // Out of time at the arrangement it was given: its objective is what the part costs now.
      answers: () =>
        sent.splice(0).map(({ id, sub, from }) => {
          let primal = 0;
          for (let k = 0; k < sub.numCols; k++) primal += sub.colCost[k]! * from[k]!;
          return {
            id,
            solved: { status: 'Time limit reached', values: from, dual: Number.NEGATIVE_INFINITY, primal },
            took: 500,
            budget: 500,
          };
        }),
      forget() {},
    };
    const found = searchFor(600, {
      highs,
      state,
      model,
      start: state.snapshot(),
      helper: idle,
    });
    expect([[...parts].sort(), found.report.proven]).toEqual([[0, 1, 2, 3], false]);
  });

  it("keeps a settled part as it is when annealing's arrangement, cheaper in all, would change it", () => {
    // A helper that answers the neighbourhoods of the first window (part 0) of the small
    // busy-moderators summit as proven where they are, and the others out of time: part 0 is settled
    // early in annealing, which goes on over every session. What annealing then brings is taken for
    // the other parts only: part 0 ends exactly as it started.
    const { state, model } = smallBusySummit();
    const parts = partsOf(model, state.items.length);
    const start = state.snapshot();
    const sent: { id: number; sub: RestrictedModel; from: Float64Array }[] = [];
    const judge: NeighbourhoodHelper = {
      usable: true,
      get waiting() {
        return sent.length;
      },
      send(job) {
        sent.push({ id: sent.length + 1, sub: job.model as RestrictedModel, from: job.start });
        return sent.at(-1)!.id;
      },
      answered: () => false,
      answers: () =>
        sent.splice(0).map(({ id, sub, from }) => {
          const first = parts[sub.colItem[0]!] === 0;
          let primal = 0;
          for (let k = 0; k < sub.numCols; k++) primal += sub.colCost[k]! * from[k]!;
          return {
            id,
            solved: first
              ? { status: 'Optimal', values: from, dual: primal, primal }
              : { status: 'Time limit reached', values: null, dual: Number.NEGATIVE_INFINITY, primal: null },
            took: 1,
            budget: 500,
          };
        }),
      forget() {},
    };
    const found = searchFor(1_500, {
      highs,
      state,
      model,
      start,
      helper: judge,
      annealShare: 0.5,
    });
    const firstWindow = (at: readonly number[]) => at.filter((_, i) => parts[i] === 0);
    expect(found.report.annealed?.kept).toBe(true);
    expect(firstWindow(found.at)).toEqual(firstWindow(start));
    expect(found.at).not.toEqual(start);
  });

  it('solves the whole model while the placing thread searches, and the search ends proven at the optimum', async () => {
    // Step 2 with a helper: the whole model (as many sessions, the least cost) goes to the helper and
    // the placing thread searches neighbourhoods alone meanwhile. On the small busy-moderators summit
    // the whole is proven within the minute, by the helper or part by part here (its four windows
    // share no row), whichever comes first: the search ends as proven, at the optimum's objective.
    const { state, model, start } = smallBusySummit();
    const whole = withAtLeast(model, state.placedCount());
    const inline = solve(highs, whole, columnsOf(model, start), performance.now() + 60_000);
    const id = helper.send({
      model: whole,
      start: columnsOf(model, start),
      until: Date.now() + 60_000,
      longestMs: Number.POSITIVE_INFINITY,
      shortestMs: 1,
    });
    const found = searchFor(60_000, {
      highs,
      state,
      model,
      start,
      helper,
      wholeOnHelper: id,
    });
    state.restore(found.at);
    const objective = state.total() - model.weight * state.placedCount();
    expect([inline.status, found.report.proven, hardOf(state)]).toEqual(['Optimal', true, []]);
    // If the helper answered before the parts were all proven, its answer was proven too.
    expect(found.whole?.status ?? 'parts first').toMatch(/^(Optimal|parts first)$/);
    expect(Math.round(objective * 1e3)).toBe(Math.round(inline.primal! * 1e3));
    expect(helper.waiting).toBe(0);
  });

  it("ends the search at once on the helper's proven whole model, keeping its arrangement", () => {
    // A helper whose whole model comes back proven at once (the optimum, solved here beforehand),
    // with no time for a neighbourhood: the search keeps that arrangement and ends proven.
    const { state, model, start } = smallBusySummit();
    const optimum = wholeOptimum(highs, model, start);
    const found = searchFor(100, { highs, state, model, start, ...answeringWhole(optimum) });
    state.restore(found.at);
    const objective = state.total() - model.weight * state.placedCount();
    expect([
      optimum.status,
      found.whole?.status,
      found.report.proven,
      found.report.tried,
      hardOf(state),
    ]).toEqual(['Optimal', 'Optimal', true, 0, []]);
    expect(Math.round(objective * 1e3)).toBe(Math.round(optimum.primal! * 1e3));
  });

  it('keeps no whole arrangement from the helper that breaks a hard rule, and claims no proof from it', () => {
    // A helper that answers the whole model with every session at its first spot, "proven" at a cost
    // far below any: the search checks it like a neighbourhood's answer and does not take its word.
    // The deadline leaves no time for a neighbourhood here: only the helper's answer is looked at.
    const { state, model, start } = smallBusySummit();
    const first = new Float64Array(model.numCols);
    const seen = new Set<number>();
    for (let c = 0; c < model.spotCols; c++)
      if (!seen.has(model.colItem[c]!)) {
        seen.add(model.colItem[c]!);
        first[c] = 1;
      }
    const found = searchFor(100, {
      highs,
      state,
      model,
      start,
      ...answeringWhole({ status: 'Optimal', values: first, dual: -1e12, primal: -1e12 }),
    });
    state.restore(found.at);
    expect([found.whole?.primal, found.report, found.at, hardOf(state)]).toEqual([
      -1e12,
      { tried: 0, improved: 0, size: 40, proven: false },
      start,
      [],
    ]);
  });
});

/**
 * A helper that has the whole model under way and answers it at once with `solved`, and nothing
 * else: with 100 ms to go, the search has no time for a neighbourhood and looks at that answer only.
 */
function answeringWhole(solved: Solved): { helper: NeighbourhoodHelper; wholeOnHelper: number } {
  const id = 77;
  return {
    helper: {
      usable: true,
      waiting: 1,
      send: () => 0,
      answered: () => true,
      answers: () => [{ id, solved, took: 1, budget: 60_000 }],
      forget() {},
    },
    wholeOnHelper: id,
  };
}

describe("placement's second thread in the race on the most sessions", () => {
  it('proves the most sessions of the small busy-moderators summit, reporting its bounds as they move', async () => {
    const state = heuristicArrangement(placementInstance('S', 'busy-moderators', 3));
    const first = withoutPairs(placementModel(state));
    const start = columnsOf(first, state.snapshot());
    const inline = solve(highs, first, start, performance.now() + 30_000, {
      enough: (primal, dual) => countProven(first, primal, dual),
    });
    const race = helper.race({
      model: first,
      start,
      until: Date.now() + 30_000,
      longestMs: 30_000,
      shortestMs: 1,
      options: { random_seed: 7 },
    });
    // The helper stops by itself once the count is proven: the answer is there before any stop.
    const end = Date.now() + 30_000;
    while (helper.progress(race)?.primal == null && Date.now() < end)
      await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 500));
    const seen = helper.progress(race)!;
    const answer = helper.finish(race, 5_000)!;
    const count = (objective: number) => countOf(first, objective);
    expect([count(answer.solved.primal!), countBound(first, answer.solved.dual!)]).toEqual([
      count(inline.primal!),
      count(inline.primal!),
    ]);
    expect(count(seen.primal!)).toBe(count(inline.primal!));
    expect([helper.progress(race), helper.waiting]).toEqual([undefined, 0]);
  });

  it('stops a race under way when told to, and answers with its best so far', async () => {
    // The large busy-moderators summit's count takes seconds to prove: told to stop after 1 s, the
    // helper answers at its next step with what it has (the placing thread waits 300 ms at most).
    const state = heuristicArrangement(placementInstance('L', 'busy-moderators', 42));
    const first = withoutPairs(placementModel(state));
    const race = helper.race({
      model: first,
      start: columnsOf(first, state.snapshot()),
      until: Date.now() + 60_000,
      longestMs: 60_000,
      shortestMs: 1,
    });
    await new Promise((r) => setTimeout(r, 1_000));
    const answer = helper.finish(race, 10_000);
    // Interrupted (not out of time: it had a minute), so by the stop; with its arrangement.
    expect([answer?.solved.status, answer?.solved.values?.length]).toEqual(['Interrupted', first.numCols]);
  });
});
