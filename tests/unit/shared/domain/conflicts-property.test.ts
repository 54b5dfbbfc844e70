// The engine against a brute-force all-pairs reading of the rules, on random summits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conflictsInvolving, detectConflicts, prepare } from '../../../../shared/domain/conflicts/engine.ts';
import { MARRAKESH_OFFSETS, programmeArbitrary, SUMMIT_DAYS } from '../../../factories/random-programme.ts';
import { referenceConflicts } from '../../../support/conflicts-reference.ts';

const canonical = (c: {
  code: string;
  sessions: string[];
  room?: string;
  person?: string;
  delegation?: string;
  start: number | string;
  end: number | string;
}) =>
  JSON.stringify([
    c.code,
    c.code === 'DELEGATION_OVERCOMMITTED' ? [...c.sessions].sort() : c.sessions,
    c.room ?? null,
    c.person ?? null,
    c.delegation ?? null,
    typeof c.start === 'number' ? c.start : Date.parse(c.start),
    typeof c.end === 'number' ? c.end : Date.parse(c.end),
  ]);

describe('the conflict engine', () => {
  it('finds exactly what the all-pairs reference finds, on random summits', () => {
    fc.assert(
      fc.property(programmeArbitrary, (programme) => {
        const engine = detectConflicts({ ...programme, offsets: MARRAKESH_OFFSETS })
          .map(canonical)
          .sort();
        const reference = referenceConflicts(programme, SUMMIT_DAYS.start, SUMMIT_DAYS.end)
          .map(canonical)
          .sort();
        expect(engine).toEqual(reference);
      }),
      { numRuns: 400 },
    );
  });

  it("checks one session incrementally exactly as the full report sees that session's conflicts", () => {
    fc.assert(
      fc.property(programmeArbitrary, fc.nat(), (programme, pick) => {
        if (programme.sessions.length === 0) return;
        const session = programme.sessions[pick % programme.sessions.length]!;
        const full = detectConflicts({ ...programme, offsets: MARRAKESH_OFFSETS }).filter((c) =>
          c.sessions.includes(session.key),
        );
        // Prepared without the session, then asked about it: the same conflicts as in the full report.
        const rest = prepare({
          ...programme,
          sessions: programme.sessions.filter((s) => s !== session),
          offsets: MARRAKESH_OFFSETS,
        });
        expect(conflictsInvolving(rest, session).map(canonical).sort()).toEqual(full.map(canonical).sort());
      }),
      { numRuns: 400 },
    );
  });
});
