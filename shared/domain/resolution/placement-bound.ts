// The most sessions any arrangement could place, cheaply: sessions that have a spot at all, capped
// by a maximum matching of sessions to (room, start) pairs, since two sessions starting at once in
// one room would overlap. The exact stage tightens it with the solver's dual bound.
import { spotKey } from './placement-state.ts';
import type { Item } from './placement-state.ts';

/**
 * The size of a maximum matching of items to the (room, start) of their spots (augmenting paths,
 * Kuhn's algorithm, after a greedy start). Gives up after `budget` steps and answers the number of
 * items, which is also a bound.
 */
export function matchingBound(items: readonly Item[], budget = 20_000_000): number {
  const cell = new Map<string, number>();
  const adjacent = items.map((item) =>
    [...new Set(item.spots.map(spotKey))].map((k) => {
      let c = cell.get(k);
      if (c === undefined) {
        c = cell.size;
        cell.set(k, c);
      }
      return c;
    }),
  );
  const holder = new Int32Array(cell.size).fill(-1);
  const seen = new Int32Array(cell.size).fill(-1);
  let steps = 0;
  const augment = (i: number, round: number): boolean => {
    for (const c of adjacent[i]!) {
      if (++steps > budget) return false;
      if (seen[c] === round) continue;
      seen[c] = round;
      if (holder[c]! < 0 || augment(holder[c]!, round)) {
        holder[c] = i;
        return true;
      }
    }
    return false;
  };
  // Most constrained first: fewer spots, fewer ways round.
  const order = items.map((_, i) => i).sort((a, b) => adjacent[a]!.length - adjacent[b]!.length);
  let matched = 0;
  for (const [round, i] of order.entries()) {
    if (augment(i, round)) matched++;
    if (steps > budget) return items.length;
  }
  return matched;
}
