import { describe, expect, it } from 'vitest';
import { prepare } from '../../../../shared/domain/conflicts/engine.ts';
import { splitForPlacement } from '../../../../shared/domain/resolution/candidates.ts';
import { place } from '../../../../shared/domain/resolution/placement.ts';
import { conflictFile, conflictInput } from '../../../factories/conflicts.ts';

type SessionInput = Parameters<typeof conflictFile>[0][number];

/**
 * Places the sessions without a room or time around the rest; its unplaced sessions (their English
 * reasons: tests/unit/client/placement-words.test.ts says their `why`) and bound.
 */
function left(sessions: SessionInput[]) {
  const input = conflictInput(conflictFile(sessions));
  const { fixed, toPlace } = splitForPlacement(input.sessions);
  const result = place(prepare({ ...input, sessions: fixed }), toPlace, {
    stepMinutes: 30,
    timeLimitMs: 2_000,
  });
  return {
    unplaced: result.unplaced.map(({ key, reason }) => ({ key, reason })),
    placed: result.placed.map((x) => x.key),
    bound: result.bound,
  };
}

// Friday's breakfast window is 08:00–09:50 (Marrakesh); the rooms are the Orangeraie Room (220
// seats, projector and screen, 6 microphones), the Menara Room (160, interpretation, 12) and the
// Atlas Room (80, nothing, 4), the first two in the Conference Centre, the Atlas in the Hotel.
const sideEvent = (key: string, more: Partial<SessionInput> = {}): SessionInput => ({
  key,
  kind: 'side_event',
  title: key,
  segment: 'breakfast',
  durationMinutes: 60,
  ...more,
});
const fixedAt = (key: string, room: string, more: Partial<SessionInput> = {}): SessionInput => ({
  key,
  kind: 'meeting',
  title: key,
  room,
  start: '2018-12-07T08:00',
  end: '2018-12-07T09:50',
  ...more,
});

describe('why placement left a session out, in words', () => {
  it('names the moderator who is busy at every time it could take', () => {
    const busy = fixedAt('mda-briefing', 'menara', {
      participants: [{ person: 'p-morari', role: 'speaker' }],
    });
    const youth = sideEvent('se-youth', {
      title: 'Youth and migration',
      participants: [{ person: 'p-morari', role: 'moderator' }],
    });
    expect(left([busy, youth])).toEqual({
      unplaced: [
        { key: 'se-youth', reason: 'its moderator Daniela Morari is busy at every time it could take' },
      ],
      placed: [],
      bound: 0,
    });
  });

  it('says that all of a delegation’s delegates are committed elsewhere', () => {
    // Moldova has two delegates, both in briefings all morning.
    const briefings = ['menara', 'atlas'].map((room) =>
      fixedAt(`mda-${room}`, room, { participants: [{ delegation: 'MDA', role: 'organiser' }] }),
    );
    const diaspora = sideEvent('se-diaspora', { participants: [{ delegation: 'MDA', role: 'organiser' }] });
    expect(left([...briefings, diaspora]).unplaced).toEqual([
      {
        key: 'se-diaspora',
        reason: 'both delegates of Republic of Moldova are committed elsewhere at every time it could take',
      },
    ]);
  });

  it('says that the one delegate of The Gambia is committed elsewhere', () => {
    const owner = fixedAt('gmb-meeting', 'atlas', { participants: [{ delegation: 'GMB', role: 'owner' }] });
    const reintegration = sideEvent('mp-gmb', { participants: [{ delegation: 'GMB', role: 'owner' }] });
    expect(left([owner, reintegration]).unplaced).toEqual([
      {
        key: 'mp-gmb',
        reason: 'the one delegate of The Gambia is committed elsewhere at every time it could take',
      },
    ]);
  });

  it('says what no room has: interpretation and 14 microphones', () => {
    const event = sideEvent('se-interpreted', { equipment: ['interpretation'], microphones: 14 });
    expect(left([event]).unplaced).toEqual([
      { key: 'se-interpreted', reason: 'no room has interpretation and 14 microphones' },
    ]);
  });

  it('says that a session is longer than its segment', () => {
    expect(left([sideEvent('se-long', { durationMinutes: 120 })]).unplaced).toEqual([
      {
        key: 'se-long',
        reason:
          'it lasts 120 minutes, longer than its segment "Side events (breakfast)" (Fri 7 Dec 08:00–09:50)',
      },
    ]);
  });

  it('says that every room that fits it is booked', () => {
    const booked = ['orangeraie', 'menara', 'atlas'].map((room) => fixedAt(`busy-${room}`, room));
    expect(left([...booked, sideEvent('se-late')]).unplaced).toEqual([
      { key: 'se-late', reason: 'every room that fits it is booked at every time it could take' },
    ]);
  });

  it('names the session placed in the only room and time it could take', () => {
    // Only the Orangeraie Room seats 200, and the window holds one hour-long event: the one that
    // can start when it asked is placed.
    const bonds = sideEvent('se-bonds', {
      title: 'Diaspora bonds for development finance',
      expectedAttendance: 200,
      preferredStarts: ['2018-12-07T08:00'],
    });
    const labour = sideEvent('se-labour', {
      title: 'Labour mobility partnerships in the Mediterranean',
      expectedAttendance: 200,
      preferredStarts: ['2018-12-07T09:00'],
    });
    expect(left([bonds, labour])).toEqual({
      unplaced: [
        {
          key: 'se-labour',
          reason:
            'every room and time it could take is taken by sessions placed here: "Diaspora bonds for development finance"',
        },
      ],
      placed: ['se-bonds'],
      // The heuristic's cheap bound sees two starts in the Orangeraie Room (08:00, 08:30), not
      // that an hour from each overlaps: the exact stage proves 1 (exact-placement.test.ts).
      bound: 2,
    });
  });

  it('names the moderator busy at the time of a meeting that keeps its time', () => {
    const plenary = fixedAt('mda-plenary', 'orangeraie', {
      start: '2018-12-07T10:30',
      end: '2018-12-07T11:30',
      participants: [{ person: 'p-morari', role: 'speaker' }],
    });
    const coordination: SessionInput = {
      key: 'mda-coordination',
      kind: 'meeting',
      title: 'Republic of Moldova: delegation coordination',
      start: '2018-12-07T10:45',
      end: '2018-12-07T11:30',
      participants: [{ person: 'p-morari', role: 'moderator' }],
    };
    expect(left([plenary, coordination]).unplaced).toEqual([
      {
        key: 'mda-coordination',
        reason: 'its moderator Daniela Morari is busy at its time, Fri 7 Dec 10:45–11:30',
      },
    ]);
  });
});
