import { describe, expect, it } from 'vitest';
import { Neighbourhoods } from '../../../../shared/domain/resolution/placement-neighbourhoods.ts';
import { partsOf } from '../../../../shared/domain/resolution/placement-model.ts';
import { smallBusySummit } from '../../../support/neighbourhood-search.ts';

/** The neighbourhoods of the small busy-moderators summit (four windows: parts of 13, 14, 15 and 7 sessions). */
function drawing() {
  const { state, model } = smallBusySummit();
  const parts = partsOf(model, state.items.length);
  const hoods = new Neighbourhoods(state, 1, parts);
  /**
   * The next neighbourhood with every kind's size 10 (and what each part holds now in the
   * objective, if given): [kind, part, sessions freed, whole].
   */
  const next = (objectiveOf?: (part: number) => number) => {
    const h = hoods.next(() => 10, objectiveOf);
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

  it('gives the turns to the parts in proportion to how far each is above its proven least', () => {
    const { hoods, next } = drawing();
    for (let k = 0; k < 4; k++) next(); // each part whole first
    // Parts 0, 1 and 2 bounded at 100; they hold 130, 110 and 100 now (part 2 is at its least).
    // Part 3 has no bound: it counts the largest gap known, 30.
    hoods.bound(0, 100);
    hoods.bound(1, 90);
    hoods.bound(1, 100); // the best bound stands
    hoods.bound(2, 100);
    const holds = [130, 110, 100, 0];
    const parts = Array.from({ length: 8 }, () => next((p) => holds[p]!)[1]);
    // A turn's share is the gap over one more than the turns taken: 30, 30 (tie: the lower part),
    // then 15 against 30, 15 against 15, 10 against 15, 10 (part 0) against 10 and 10, 7.5 against
    // 10 (part 1) and 10, …; part 2, with nothing to gain, never.
    expect(parts).toEqual([0, 3, 0, 3, 0, 1, 3, 0]);
  });

  it('gives every turn to the part without a bound once every bounded part is at its least', () => {
    const { hoods, next } = drawing();
    for (let k = 0; k < 4; k++) next(); // each part whole first
    for (const p of [0, 1, 2]) hoods.bound(p, 100);
    // Parts 0, 1 and 2 hold their least; part 3 has no bound.
    expect(Array.from({ length: 4 }, () => next(() => 100)[1])).toEqual([3, 3, 3, 3]);
  });

  it('tells how many sessions the parts still to be freed whole first hold, settled ones left out', () => {
    const { hoods, next } = drawing();
    expect([0, 1, 2, 3].map((p) => hoods.membersOf(p).length)).toEqual([13, 14, 15, 7]);
    expect(hoods.wholeFirstLeft()).toBe(49);
    next(); // part 3 (7 sessions) whole
    expect(hoods.wholeFirstLeft()).toBe(42);
    hoods.settle(1);
    expect(hoods.wholeFirstLeft()).toBe(28);
    next(); // part 0 whole
    next(); // part 2 whole (part 1 is settled)
    expect(hoods.wholeFirstLeft()).toBe(0);
  });
});
