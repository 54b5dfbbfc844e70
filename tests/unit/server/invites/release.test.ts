// Comparing a release with the last: only what a calendar shows, and only those it concerns.
import { describe, expect, it } from 'vitest';
import {
  attendeesOf,
  compareReleases,
  indexPeople,
  type ReleasedSession,
} from '../../../../server/modules/invites/release.ts';
import { CHEN, MORARI, releasedRoundtable } from '../../../factories/invites.ts';

const RT = releasedRoundtable();
const kinds = (last: ReleasedSession[], next: ReleasedSession[]) =>
  compareReleases(last, next).map((c) => ({
    kind: c.kind,
    raise: c.raise,
    requests: c.requests.map((a) => a.key),
    cancels: c.cancels.map((a) => a.key),
  }));

describe('compareReleases', () => {
  it('invites everyone to every session of the first release', () => {
    expect(kinds([], [RT])).toEqual([
      { kind: 'new', raise: true, requests: ['p-chen', 'p-morari'], cancels: [] },
    ]);
  });

  it('sends nothing for an unchanged session', () => {
    expect(kinds([RT], [{ ...RT, attendees: [{ ...CHEN }, { ...MORARI }] }])).toEqual([]);
  });

  it.each([
    ['a moved start', { start: RT.start + 900_000 }],
    ['a moved end', { end: RT.end + 900_000 }],
    ['another room', { room: 'Atlas Room' }],
    ['another building', { building: null }],
    ['a new title', { title: 'RT 1.2: skills' }],
  ])('raises SEQUENCE and tells everyone of %s', (_, change) => {
    expect(kinds([RT], [{ ...RT, ...change }])).toEqual([
      { kind: 'changed', raise: true, requests: ['p-chen', 'p-morari'], cancels: [] },
    ]);
  });

  it('cancels a session no longer released, for everyone it had', () => {
    expect(kinds([RT], [])).toEqual([
      { kind: 'cancelled', raise: true, requests: [], cancels: ['p-chen', 'p-morari'] },
    ]);
  });

  it('invites only a person added, without raising SEQUENCE', () => {
    expect(kinds([{ ...RT, attendees: [MORARI] }], [RT])).toEqual([
      { kind: 'attendees', raise: false, requests: ['p-chen'], cancels: [] },
    ]);
  });

  it('cancels for a person removed, with a higher SEQUENCE, and tells nobody else', () => {
    expect(kinds([RT], [{ ...RT, attendees: [MORARI] }])).toEqual([
      { kind: 'attendees', raise: true, requests: [], cancels: ['p-chen'] },
    ]);
  });

  it('tells a person whose role changed, and treats a new address as a new attendee', () => {
    const moved = { ...MORARI, roles: ['rapporteur' as const] };
    const readdressed = { ...CHEN, email: 'wei.chen@example.org' };
    expect(kinds([RT], [{ ...RT, attendees: [readdressed, moved] }])).toEqual([
      { kind: 'attendees', raise: true, requests: ['p-chen', 'p-morari'], cancels: ['p-chen'] },
    ]);
  });
});

describe('attendeesOf', () => {
  it('counts people with a presence role and the people of a delegation with one, confirmed, with an address', () => {
    const people = [
      {
        key: 'p-morari',
        name: 'Daniela Morari',
        email: 'd.morari@example.org',
        delegation: 'MDA',
        title: null,
        language: null,
      },
      {
        key: 'p-haddad',
        name: 'Leila Haddad',
        email: 'l.haddad@example.org',
        delegation: 'MDA',
        title: null,
        language: null,
      },
      {
        key: 'p-genetzke',
        name: 'Ralph Genetzke',
        email: null,
        delegation: 'ICMPD',
        title: null,
        language: null,
      },
      {
        key: 'p-chen',
        name: 'Chen Wei',
        email: 'chen.wei@example.org',
        delegation: 'ICMPD',
        title: null,
        language: null,
      },
    ];
    const session = {
      key: 'rt',
      kind: 'roundtable' as const,
      title: 'RT',
      segment: null,
      room: null,
      start: 0,
      end: 1,
      durationMinutes: 1,
      preferredStarts: [],
      expectedAttendance: null,
      equipment: [],
      microphones: null,
      pinned: false,
      status: 'published' as const,
      participants: [
        { person: null, delegation: 'MDA', role: 'organiser' as const },
        { person: 'p-morari', delegation: null, role: 'moderator' as const },
        { person: 'p-chen', delegation: null, role: 'observer' as const },
        { person: 'p-genetzke', delegation: null, role: 'panellist' as const },
        { person: null, delegation: 'ICMPD', role: 'panellist' as const, confirmed: false },
      ],
    };
    expect(attendeesOf(session, indexPeople(people)).map((a) => [a.key, a.roles])).toEqual([
      ['p-haddad', ['organiser']],
      ['p-morari', ['moderator', 'organiser']],
    ]);
  });
});
