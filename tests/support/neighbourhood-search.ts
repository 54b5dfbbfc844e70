// The exact stage's neighbourhood search as its tests run it: on the small busy-moderators summit
// (four windows, four parts) from the heuristic's arrangement, on a real clock.
import type { Highs } from 'highs';
import { conflictsInvolving } from '../../shared/domain/conflicts/engine.ts';
import { at } from '../../shared/domain/resolution/candidates.ts';
import type { PlacementState } from '../../shared/domain/resolution/placement-state.ts';
import { type NeighbourhoodSearch, searchNeighbourhoods } from '../../server/workers/exact-placement.ts';
import { solve } from '../../server/workers/highs-solve.ts';
import { columnsOf, placementModel, withAtLeast } from '../../shared/domain/resolution/placement-model.ts';
import { placementInstance } from '../bench/placement-instances.ts';
import { heuristicArrangement } from './placement-heuristic.ts';

/** The small busy-moderators summit (S, seed 3) as the heuristic leaves it, its model and that arrangement. */
export function smallBusySummit() {
  const state = heuristicArrangement(placementInstance('S', 'busy-moderators', 3));
  return { state, model: placementModel(state), start: state.snapshot() };
}

/** The neighbourhood search with `ms` from now, on the real clock, seed 1. */
export const searchFor = (ms: number, search: Omit<NeighbourhoodSearch, 'deadline' | 'now' | 'seed'>) =>
  searchNeighbourhoods({
    deadline: performance.now() + ms,
    now: () => performance.now(),
    seed: 1,
    ...search,
  });

/** The least cost with at least as many sessions as `start` places, solved whole (within a minute). */
export const wholeOptimum = (highs: Highs, model: ReturnType<typeof placementModel>, start: number[]) =>
  solve(
    highs,
    withAtLeast(model, start.filter((s) => s >= 0).length),
    columnsOf(model, start),
    performance.now() + 60_000,
  );

/** The hard conflicts of every session the state places, as the conflict engine finds them. */
export const hardOf = (state: PlacementState) =>
  state.items.flatMap((item) =>
    item.at < 0
      ? []
      : conflictsInvolving(state.p, at(item.session, item.spots[item.at]!))
          .filter((c) => c.severity === 'hard')
          .map((c) => c.message),
  );
