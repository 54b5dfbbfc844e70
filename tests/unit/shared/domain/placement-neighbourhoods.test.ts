import { describe, expect, it } from 'vitest';
import { Neighbourhoods } from '../../../../shared/domain/resolution/placement-neighbourhoods.ts';
import { partsOf } from '../../../../shared/domain/resolution/placement-model.ts';
import { smallBusySummit } from '../../../support/neighbourhood-search.ts';

/** The neighbourhoods of the small busy-moderators summit (four windows: parts of 13, 14, 15 and 7 sessions). */
function drawing() {
  const { state, model } = smallBusySummit();
  const parts = partsOf(model, state.items.length);
  const hoods = new Neighbourhoods(state, 1, parts);
  /** The next neighbourhood with every kind's size 10: [kind, part, sessions freed, whole]. */
  const next = () => {
    const h = hoods.next(() => 10);
    const freed = h.free.flatMap((f, i) => (f ? [i] : []));
    // Every session freed is of the neighbourhood's part.
    expect(new Set(freed.map((i) => parts[i]))).toEqual(new Set([h.part]));
    return [h.kind, h.part, freed.length, h.whole] as const;
  };
  return { hoods, next };
}

describe('which sessions the neighbourhood search re-places together', () => {
  it('frees each part whole once first, smallest first, then lets the parts take turns', () => {
    const { next } = drawing();
    expect(Array.from({ length: 10 }, next)).toEqual([
      ['whole', 3, 7, true],
      ['whole', 0, 13, true],
      ['whole', 1, 14, true],
      ['whole', 2, 15, true],
      ['time', 0, 10, false],
      ['related', 1, 10, false],
      ['costly', 2, 10, false],
      // Part 3 has 7 sessions, fewer than the size: it is freed whole.
      ['random', 3, 7, true],
      ['time', 0, 10, false],
      ['related', 1, 10, false],
    ]);
  });

  it('draws no more in a settled part, not even its first whole turn', () => {
    const { hoods, next } = drawing();
    hoods.settle(0);
    hoods.settle(2);
    expect(Array.from({ length: 5 }, next)).toEqual([
      ['whole', 3, 7, true],
      ['whole', 1, 14, true],
      ['time', 1, 10, false],
      ['related', 3, 7, true],
      ['costly', 1, 10, false],
    ]);
    hoods.settle(1);
    hoods.settle(3);
    expect(hoods.settledAll()).toBe(true);
  });
});
