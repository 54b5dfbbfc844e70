// A participant not confirmed yet (a request naming another delegation or its people) commits
// nobody: neither a full report nor a check of one session counts it (issue 8, item 16).
import { describe, expect, it } from 'vitest';
import { conflictsInvolving, detectConflicts } from '../../../../shared/domain/conflicts/engine.ts';
import { conflictFile, conflictInput, preparedOf } from '../../../factories/conflicts.ts';

const file = (confirmed: boolean) =>
  conflictFile([
    {
      key: 'a',
      room: 'orangeraie',
      start: '2018-12-07T08:00',
      end: '2018-12-07T09:00',
      participants: [
        { person: 'p-morari', role: 'speaker' },
        { delegation: 'GMB', role: 'panellist' },
      ],
    },
    {
      key: 'b',
      room: 'menara',
      start: '2018-12-07T08:30',
      end: '2018-12-07T09:30',
      participants: [
        { person: 'p-morari', role: 'moderator', confirmed },
        { delegation: 'GMB', role: 'speaker', confirmed },
      ],
    },
  ]);
const codes = (cs: { code: string; sessions: string[] }[]) =>
  cs.map((c) => `${c.code} ${c.sessions.join('+')}`);

describe('unconfirmed participants', () => {
  it('count once confirmed: a person in two places, a delegation of one over-committed', () => {
    expect(codes(detectConflicts(conflictInput(file(true))))).toEqual([
      'PERSON_DOUBLE_BOOKED a+b',
      'DELEGATION_OVERCOMMITTED a+b',
    ]);
  });

  it('commit nobody in a full report while they are a request', () => {
    expect(detectConflicts(conflictInput(file(false)))).toEqual([]);
  });

  it('commit nobody when one session is checked against the rest', () => {
    const input = conflictInput(file(false));
    const b = input.sessions.find((s) => s.key === 'b')!;
    const rest = preparedOf({ ...file(false), sessions: file(false).sessions!.filter((s) => s.key !== 'b') });
    expect(conflictsInvolving(rest, b)).toEqual([]);
  });
});
