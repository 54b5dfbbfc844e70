// The exact optimum of a small placement, by trying every arrangement: each session to place at
// each of its spots or nowhere, keeping those without a hard conflict. What placement is measured
// against in the unit tests (the bench uses an exact MIP instead: far larger instances).
import { detectConflicts, prepare } from '../../shared/domain/conflicts/engine.ts';
import type { ConflictInput } from '../../shared/domain/conflicts/types.ts';
import type { Session } from '../../shared/domain/programme.ts';
import { at, isTimed, placementSpots, type Spot } from '../../shared/domain/resolution/candidates.ts';
import { softCost, unaryCost } from '../../shared/domain/resolution/cost.ts';

/**
 * Most sessions placed, then least cost, over every arrangement of `toPlace` (sessions of
 * `input`): those without a time anywhere, those with a time and no room in any room at their
 * time. The cost is that of the soft conflicts the placed sessions are in, less the side events
 * over official sessions that only sessions keeping their time are in (those are there whatever
 * room they get), plus each placed session's own (preferred start, empty seats).
 */
export function exhaustiveOptimum(
  input: ConflictInput,
  toPlace: readonly Session[],
  step: number,
): { placed: number; cost: number } {
  const fixed = prepare({ ...input, sessions: input.sessions.filter(isTimed) });
  const candidates = toPlace.filter((s) => !s.pinned);
  const options = candidates.map((s) => [null, ...placementSpots(fixed, s, step)] as (Spot | null)[]);
  let best = { placed: -1, cost: Infinity };
  const choose = (i: number, chosen: (Spot | null)[]) => {
    if (i === candidates.length) {
      const placed = candidates.flatMap((s, k) => (chosen[k] ? [at(s, chosen[k]!)] : []));
      const keys = new Set(placed.map((s) => s.key));
      const moving = new Set(
        placed.filter((s) => !isTimed(toPlace.find((t) => t.key === s.key)!)).map((s) => s.key),
      );
      const sessions = input.sessions.map((s) => placed.find((x) => x.key === s.key) ?? s);
      const conflicts = detectConflicts({ ...input, sessions }).filter((c) =>
        c.sessions.some((k) => keys.has(k)),
      );
      if (conflicts.some((c) => c.severity === 'hard')) return;
      const counted = conflicts.filter(
        (c) => c.code !== 'SIDE_EVENT_OVER_OFFICIAL' || c.sessions.some((k) => moving.has(k)),
      );
      const cost =
        softCost(counted) +
        placed.reduce(
          (sum, s) => sum + unaryCost(s, input.rooms.find((r) => r.key === s.room)!, s.start!),
          0,
        );
      if (placed.length > best.placed || (placed.length === best.placed && cost < best.cost - 1e-9))
        best = { placed: placed.length, cost };
      return;
    }
    for (const spot of options[i]!) choose(i + 1, [...chosen, spot]);
  };
  choose(0, []);
  return best;
}
