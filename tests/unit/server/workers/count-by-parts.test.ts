import type { Highs } from 'highs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countByParts } from '../../../../server/workers/count-by-parts.ts';
import { solver, solve } from '../../../../server/workers/highs-solve.ts';
import { Helper } from '../../../../server/workers/neighbourhood-helper.ts';
import {
  columnsOf,
  countOf,
  restrict,
  withoutPairs,
} from '../../../../shared/domain/resolution/placement-model.ts';
import { hardOf, smallBusySummit } from '../../../support/neighbourhood-search.ts';

let highs: Highs;
let helper: Helper;
beforeAll(async () => {
  highs = await solver();
  helper = Helper.start();
  // A job sent before the helper has loaded its solver waits: wait until it has.
  while (!helper.ready) await new Promise((r) => setTimeout(r, 10));
});
afterAll(() => helper.close());

const now = () => performance.now();
const counting = (ms: number) => ({
  highs,
  until: now() + ms,
  now,
  options: { mip_pool_soft_limit: 100 },
  raceSeed: 7,
  waitMs: 300,
  shortestMs: 50,
});

/** The small busy-moderators summit's count model, nothing placed, and its most sessions solved whole. */
function fromNothing() {
  const { state, model } = smallBusySummit();
  const first = withoutPairs(model);
  const none = state.items.map(() => -1);
  const whole = solve(highs, first, columnsOf(first, none), now() + 60_000);
  return { state, first, none, most: countOf(first, whole.primal!), status: whole.status };
}

describe('the most sessions, part by part', () => {
  it("places as many as the whole model's optimum on the small busy-moderators summit, proven, without a helper", () => {
    const { state, first, none, most, status } = fromNothing();
    const told: [number, number][] = [];
    const counted = countByParts({
      ...counting(60_000),
      model: first,
      start: none,
      helper: null,
      progress: (found, bound) => told.push([found, bound]),
    })!;
    state.restore(counted.at);
    expect(status).toBe('Optimal');
    expect([counted.parts, counted.found, counted.bound, state.placedCount()]).toEqual([4, most, most, most]);
    expect(hardOf(state)).toEqual([]);
    // Told as it went: first nothing placed of the 49 with a spot, last the proven most.
    expect(told[0]).toEqual([0, 49]);
    expect(told.at(-1)).toEqual([most, most]);
  });

  it('shares the parts with the helper and races it on the last, leaving it nothing under way', () => {
    const { state, first, none, most } = fromNothing();
    const counted = countByParts({ ...counting(60_000), model: first, start: none, helper })!;
    state.restore(counted.at);
    expect([counted.found, counted.bound, state.placedCount(), helper.waiting]).toEqual([
      most,
      most,
      most,
      0,
    ]);
    expect(hardOf(state)).toEqual([]);
  });

  it('keeps the start and bounds each part by its sessions when there is no time to solve', () => {
    const { state, model, start } = smallBusySummit();
    const counted = countByParts({ ...counting(0), model: withoutPairs(model), start, helper })!;
    expect(counted.at).toEqual(start);
    expect([counted.found, counted.bound]).toEqual([state.placedCount(), 13 + 14 + 15 + 7]);
  });

  it('leaves a model of one part to the whole model’s race', () => {
    const { state, model, start } = smallBusySummit();
    // Only the first window's sessions keep their spots: one part.
    const free = state.items.map((item) => item.session.segment === 'w0-0');
    const one = restrict(withoutPairs(model), free, start);
    expect(countByParts({ ...counting(1_000), model: one, start, helper: null })).toBeNull();
  });
});
