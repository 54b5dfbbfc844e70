import { describe, expect, it } from 'vitest';
import { PlacementSoFar } from '../../../../server/workers/placement-progress.ts';
import type { PlacementResult } from '../../../../shared/domain/resolution/placement.ts';

// The heuristic placed the diaspora bonds side event and not the labour mobility one; its own
// bound (two starts in the only room that seats them) said 2.
const heuristic: PlacementResult = {
  placed: [{ key: 'se-bonds', room: 'orangeraie', start: 1544166000000, end: 1544169600000, cost: 0.9 }],
  unplaced: [
    {
      key: 'se-labour',
      reason: 'every room and time it could take is taken by sessions placed here',
      why: { code: 'taken', titles: [] },
    },
  ],
  cost: 0.9,
  bound: 2,
  optimal: false,
};

describe('what a placement stopped at its hard deadline answers', () => {
  it("answers the heuristic's proposal with the solver's lower bound, optimal when it meets it", () => {
    const known = new PlacementSoFar();
    known.hear({ stage: 'heuristic', result: heuristic });
    known.hear({ stage: 'solver', placed: 1, bound: 1 });
    expect(known.answer()).toEqual({ ...heuristic, bound: 1, optimal: true });
  });

  it("answers the heuristic's own bound when the solver said nothing", () => {
    const known = new PlacementSoFar();
    known.hear({ stage: 'heuristic', result: heuristic });
    expect(known.answer()).toEqual(heuristic);
  });

  it('has nothing to answer before the heuristic is done', () => {
    const known = new PlacementSoFar();
    known.hear({ stage: 'solver', placed: 1, bound: 1 });
    expect([known.answer(), known.soFar()]).toEqual([null, null]);
  });
});

describe('how far a running placement got', () => {
  it("is the heuristic's count and bound, then the solver's better ones, never worse", () => {
    const known = new PlacementSoFar();
    known.hear({ stage: 'heuristic', result: heuristic });
    const first = known.soFar();
    // The solver finds room for both before it proves that 2 is the most.
    known.hear({ stage: 'solver', placed: 2, bound: 2 });
    known.hear({ stage: 'solver', placed: 1, bound: 3 });
    expect([first, known.soFar()]).toEqual([
      { placed: 1, bound: 2 },
      { placed: 2, bound: 2 },
    ]);
  });
});
