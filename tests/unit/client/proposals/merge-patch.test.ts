import { describe, expect, it } from 'vitest';
import { mergePatch, sameJson } from '../../../../client/src/features/proposals/merge-patch.ts';

describe('the merge patch autosave sends', () => {
  it('is empty when nothing changed, whatever the order of members', () => {
    expect(mergePatch({ a: 1, b: { c: [1, 2], d: 'x' } }, { b: { d: 'x', c: [1, 2] }, a: 1 })).toEqual({});
  });

  it('sends a changed text, and null for a field emptied', () => {
    expect(
      mergePatch({ title: 'Draft', objective: 'To explore' }, { title: 'What role for capacity building?' }),
    ).toEqual({ title: 'What role for capacity building?', objective: null });
  });

  it('sends only the changed members of an object', () => {
    expect(
      mergePatch(
        { requirements: { capacity: 220, equipment: ['projector'], microphones: 6 } },
        { requirements: { capacity: 220, equipment: ['projector', 'screen'] } },
      ),
    ).toEqual({ requirements: { equipment: ['projector', 'screen'], microphones: null } });
  });

  it('sends a list whole when one of its rows changed', () => {
    const before = { programme: [{ minutes: 10, item: 'Opening' }, { minutes: 25 }] };
    const after = {
      programme: [
        { minutes: 10, item: 'Opening' },
        { minutes: 25, item: 'Session I' },
      ],
    };
    expect(mergePatch(before, after)).toEqual({ programme: after.programme });
  });

  it('replaces an object that was not one before', () => {
    expect(mergePatch({ moderator: 'x' }, { moderator: { name: 'Ms. Daniela Morari' } })).toEqual({
      moderator: { name: 'Ms. Daniela Morari' },
    });
  });

  it('compares lists by position and objects by member', () => {
    expect([sameJson([1, 2], [2, 1]), sameJson({ a: undefined }, {}), sameJson(null, {})]).toEqual([
      false,
      true,
      false,
    ]);
  });
});
