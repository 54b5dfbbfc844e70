import type { Highs } from 'highs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflictsInvolving } from '../../../../shared/domain/conflicts/engine.ts';
import { at } from '../../../../shared/domain/resolution/candidates.ts';
import {
  columnsOf,
  countBound,
  countOf,
  countProven,
  type PlacementModel,
  placementModel,
  type RestrictedModel,
  restrict,
  withAtLeast,
  withoutPairs,
} from '../../../../shared/domain/resolution/placement-model.ts';
import { seeded } from '../../../../shared/domain/resolution/placement-search.ts';
import type { PlacementState } from '../../../../shared/domain/resolution/placement-state.ts';
import { searchNeighbourhoods, solver } from '../../../../server/workers/exact-placement.ts';
import { solve } from '../../../../server/workers/highs-solve.ts';
import {
  Helper,
  type HelperAnswer,
  type HelperJob,
  type NeighbourhoodHelper,
} from '../../../../server/workers/neighbourhood-helper.ts';
import { placementInstance } from '../../../bench/placement-instances.ts';
import { heuristicArrangement } from '../../../support/placement-heuristic.ts';

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

const hardOf = (state: PlacementState) =>
  state.items.flatMap((item) =>
    item.at < 0
      ? []
      : conflictsInvolving(state.p, at(item.session, item.spots[item.at]!))
          .filter((c) => c.severity === 'hard')
          .map((c) => c.message),
  );

describe("placement's second thread for the neighbourhood search", () => {
  it('solves a neighbourhood of the small busy-moderators summit to the same optimum as the placing thread', async () => {
    const state = heuristicArrangement(placementInstance('S', 'busy-moderators', 3));
    const model = placementModel(state);
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
    const { at: found, report } = searchNeighbourhoods({
      highs,
      state,
      model,
      start: state.snapshot(),
      deadline: performance.now() + 1_500,
      now: () => performance.now(),
      seed: 1,
      helper: liar,
    });
    state.restore(found);
    expect(answered).toBeGreaterThan(0);
    expect(report.tried).toBeGreaterThan(answered);
    expect(hardOf(state)).toEqual([]);
    expect(state.placedCount()).toBeGreaterThanOrEqual(placed);
    if (state.placedCount() === placed) expect(state.total()).toBeLessThanOrEqual(cost);
  });

  it('solves the whole model while the placing thread searches, and its proof ends the search at the optimum', async () => {
    // Step 2 with a helper: the whole model (as many sessions, the least cost) goes to the helper and
    // the placing thread searches neighbourhoods alone meanwhile. On the small busy-moderators summit
    // the whole is proven within the minute: the search ends as proven, at the optimum's objective.
    const state = heuristicArrangement(placementInstance('S', 'busy-moderators', 3));
    const model = placementModel(state);
    const start = state.snapshot();
    const whole = withAtLeast(model, state.placedCount());
    const inline = solve(highs, whole, columnsOf(model, start), performance.now() + 60_000);
    const id = helper.send({
      model: whole,
      start: columnsOf(model, start),
      until: Date.now() + 60_000,
      longestMs: Number.POSITIVE_INFINITY,
      shortestMs: 1,
    });
    const found = searchNeighbourhoods({
      highs,
      state,
      model,
      start,
      deadline: performance.now() + 60_000,
      now: () => performance.now(),
      seed: 1,
      helper,
      wholeOnHelper: id,
    });
    state.restore(found.at);
    const objective = state.total() - model.weight * state.placedCount();
    expect([inline.status, found.whole?.status, found.report.proven, hardOf(state)]).toEqual([
      'Optimal',
      'Optimal',
      true,
      [],
    ]);
    expect(Math.round(objective * 1e3)).toBe(Math.round(inline.primal! * 1e3));
    expect(helper.waiting).toBe(0);
  });

  it('keeps no whole arrangement from the helper that breaks a hard rule, and claims no proof from it', () => {
    // A helper that answers the whole model with every session at its first spot, "proven" at a cost
    // far below any: the search checks it like a neighbourhood's answer and does not take its word.
    // The deadline leaves no time for a neighbourhood here: only the helper's answer is looked at.
    const state = heuristicArrangement(placementInstance('S', 'busy-moderators', 3));
    const model = placementModel(state);
    const start = state.snapshot();
    const first = new Float64Array(model.numCols);
    const seen = new Set<number>();
    for (let c = 0; c < model.spotCols; c++)
      if (!seen.has(model.colItem[c]!)) {
        seen.add(model.colItem[c]!);
        first[c] = 1;
      }
    const liar: NeighbourhoodHelper = {
      usable: true,
      waiting: 1,
      send: () => 0,
      answered: () => true,
      answers: () => [
        {
          id: 77,
          solved: { status: 'Optimal', values: first, dual: -1e12, primal: -1e12 },
          took: 1,
          budget: 500,
        },
      ],
      forget() {},
    };
    const found = searchNeighbourhoods({
      highs,
      state,
      model,
      start,
      deadline: performance.now() + 100,
      now: () => performance.now(),
      seed: 1,
      helper: liar,
      wholeOnHelper: 77,
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
