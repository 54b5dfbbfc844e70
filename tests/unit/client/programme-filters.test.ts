// The programme's filters: kind, room, a delegation named directly or through one of its people,
// and the languages a session is held in and interpreted into.
import { describe, expect, it } from 'vitest';
import { filterSessions } from '../../../client/src/features/programme/programme-filters.ts';
import type { SessionItem } from '../../../shared/schemas/summit-file.ts';

const session = (
  key: string,
  kind: SessionItem['kind'],
  room: string,
  participants: SessionItem['participants'],
) => ({ key, kind, title: key, room, participants }) as SessionItem;
const sessions = [
  session('a', 'plenary', 'hall', [{ delegation: 'DEU', role: 'speaker' }]),
  session('b', 'side_event', 'hall', [{ person: 'p-mex', role: 'speaker' }]),
  session('c', 'side_event', 'room', []),
];
const people = [{ key: 'p-mex', delegation: 'MEX' }];
const keys = (found: SessionItem[]) => found.map((s) => s.key);

describe('filterSessions', () => {
  it('keeps every session without a filter', () => {
    expect(keys(filterSessions(sessions, {}, people))).toEqual(['a', 'b', 'c']);
  });
  it('keeps the sessions of a kind, of a room, and of both', () => {
    expect(keys(filterSessions(sessions, { kind: 'side_event' }, people))).toEqual(['b', 'c']);
    expect(keys(filterSessions(sessions, { room: 'hall' }, people))).toEqual(['a', 'b']);
    expect(keys(filterSessions(sessions, { kind: 'side_event', room: 'hall' }, people))).toEqual(['b']);
  });
  it('keeps the sessions naming a delegation directly or through one of its people', () => {
    expect(keys(filterSessions(sessions, { delegation: 'DEU' }, people))).toEqual(['a']);
    expect(keys(filterSessions(sessions, { delegation: 'MEX' }, people))).toEqual(['b']);
    expect(keys(filterSessions(sessions, { delegation: 'MEX', kind: 'plenary' }, people))).toEqual([]);
  });
  it('keeps the sessions held in a language, interpreted into one, and both', () => {
    const spoken = [
      { ...session('en-fr', 'plenary', 'hall', []), languages: ['en'], interpretation: ['fr', 'es'] },
      { ...session('fr', 'side_event', 'hall', []), languages: ['fr'] },
      session('unsaid', 'side_event', 'room', []),
    ] as SessionItem[];
    expect(keys(filterSessions(spoken, { language: 'fr' }))).toEqual(['fr']);
    expect(keys(filterSessions(spoken, { interpretation: 'fr' }))).toEqual(['en-fr']);
    expect(keys(filterSessions(spoken, { language: 'en', interpretation: 'es' }))).toEqual(['en-fr']);
    expect(keys(filterSessions(spoken, { language: 'en', interpretation: 'ar' }))).toEqual([]);
    expect(keys(filterSessions(spoken, { language: 'fr', kind: 'plenary' }))).toEqual([]);
  });
});
