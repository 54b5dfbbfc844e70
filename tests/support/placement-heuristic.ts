// The heuristic's arrangement of a summit, for the exact stage's tests.
import { prepare } from '../../shared/domain/conflicts/engine.ts';
import type { ConflictInput } from '../../shared/domain/conflicts/types.ts';
import { splitForPlacement } from '../../shared/domain/resolution/candidates.ts';
import { listSpots } from '../../shared/domain/resolution/placement.ts';
import { Search } from '../../shared/domain/resolution/placement-search.ts';
import { PlacementState } from '../../shared/domain/resolution/placement-state.ts';

/**
 * Every spot of a summit's sessions to place listed, and the heuristic's arrangement of them, on a
 * clock that ticks once a look: the search does the same work however busy the machine is.
 */
export function heuristicArrangement(input: ConflictInput): PlacementState {
  const { fixed, toPlace } = splitForPlacement(input.sessions);
  const p = prepare({ ...input, sessions: fixed });
  const listing = listSpots(p, toPlace, { stepMinutes: 30, now: () => 0, listedBy: Infinity });
  const state = new PlacementState(p, listing.items);
  let tick = 0;
  new Search(state, 300, () => tick++, 1).run();
  return state;
}
