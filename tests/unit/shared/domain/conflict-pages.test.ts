// The paged report against the whole one: every page in the whole report's order, each conflict
// exactly once, counts exact whatever the page.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectConflicts } from '../../../../shared/domain/conflicts/engine.ts';
import { decodeCursor, encodeCursor } from '../../../../shared/domain/conflicts/order.ts';
import { type ConflictPage, conflictPage } from '../../../../shared/domain/conflicts/paging.ts';
import type { ConflictInput } from '../../../../shared/domain/conflicts/types.ts';
import { MARRAKESH_OFFSETS, programmeArbitrary } from '../../../factories/random-programme.ts';

const inputOf = (programme: Omit<ConflictInput, 'offsets'>): ConflictInput => ({
  ...programme,
  offsets: MARRAKESH_OFFSETS,
});
const sample = (seed: number) => inputOf(fc.sample(programmeArbitrary, { seed, numRuns: 1 })[0]!);

function allPages(input: ConflictInput, limit: number): ConflictPage[] {
  const pages: ConflictPage[] = [];
  let after: string | undefined;
  do {
    const page = conflictPage(input, { limit, after: after === undefined ? null : decodeCursor(after) });
    pages.push(page);
    after = page.next;
  } while (after !== undefined);
  return pages;
}

/** The sample with the most conflicts among the first fifty: a report worth paging. */
function busiest(): ConflictInput {
  const inputs = Array.from({ length: 50 }, (_, i) => sample(i + 1));
  return inputs.reduce((a, b) => (detectConflicts(b).length > detectConflicts(a).length ? b : a));
}

describe('conflictPage', () => {
  it('pages through exactly the whole report, in its order, for any page size', () => {
    fc.assert(
      fc.property(programmeArbitrary, fc.integer({ min: 1, max: 7 }), (programme, limit) => {
        const input = inputOf(programme);
        const whole = detectConflicts(input);
        const pages = allPages(input, limit);
        expect(pages.flatMap((p) => p.conflicts)).toEqual(whole);
        const counts: Record<string, number> = {};
        for (const c of whole) counts[c.code] = (counts[c.code] ?? 0) + 1;
        for (const p of pages) expect([p.counts, p.total]).toEqual([counts, whole.length]);
        // Only the last page lacks a cursor; every other page is full.
        expect(pages.map((p) => p.next === undefined)).toEqual(pages.map((_, i) => i === pages.length - 1));
        expect(pages.slice(0, -1).every((p) => p.conflicts.length === limit)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('counts and pages only the hard conflicts when asked', () => {
    const input = busiest();
    const hard = detectConflicts(input).filter((c) => c.severity === 'hard');
    const page = conflictPage(input, { limit: 10_000, severity: 'hard' });
    expect([page.conflicts, page.total, page.next]).toEqual([hard, hard.length, undefined]);
  });

  it('answers an empty last page without a cursor when the report ends exactly at a page', () => {
    const input = busiest();
    const whole = detectConflicts(input);
    const page = conflictPage(input, { limit: whole.length });
    expect([page.conflicts.length, page.next]).toEqual([whole.length, undefined]);
  });
});

describe('cursors', () => {
  it('round-trip a position', () => {
    const at = {
      from: 1,
      to: 2,
      code: 'ROOM_DOUBLE_BOOKED' as const,
      sessions: ['a', 'b'],
      subject: 'orangeraie',
    };
    expect(decodeCursor(encodeCursor(at))).toEqual(at);
  });

  it('refuse anything else as null', () => {
    expect(
      ['', 'abc', encodeCursor({ from: 1, to: 2, code: 'NOPE' as never, sessions: [], subject: '' })].map(
        decodeCursor,
      ),
    ).toEqual([null, null, null]);
  });
});
