// What an accepted proposal becomes: its session's window, its people, its room needs.
import { describe, expect, it } from 'vitest';
import type { Delegation, Person, Segment } from '../../../../shared/domain/programme.ts';
import {
  findPerson,
  nameKey,
  sessionOfProposal,
  windowOf,
} from '../../../../server/modules/proposals/proposals.session.ts';
import { proposalDraftSchema } from '../../../../shared/schemas/proposal.ts';
import { moldovaProposal } from '../../../factories/proposal.ts';

const person = (key: string, name: string, delegation: string | null): Person => ({
  key,
  name,
  email: null,
  delegation,
  title: null,
  language: null,
});
const delegation = (key: string, name: string): Delegation => ({ key, name, kind: 'member_state', size: 2 });
const at = (wall: string) => Date.parse(`${wall}:00+01:00`);
const segment = (key: string, title: string, start: string, end: string): Segment => ({
  key,
  kind: 'side_events',
  title,
  start: at(start),
  end: at(end),
});
const SEGMENTS = [
  segment('se-thu-breakfast', 'Side events (breakfast)', '2018-12-06T08:00', '2018-12-06T09:50'),
  segment('se-thu-lunch', 'Side events (lunch)', '2018-12-06T13:00', '2018-12-06T14:30'),
  segment('se-fri-breakfast', 'Side events (breakfast)', '2018-12-07T08:00', '2018-12-07T09:50'),
];
const stored = (overrides: object = {}) =>
  proposalDraftSchema.parse({
    ...moldovaProposal(),
    preferredStarts: [new Date(at('2018-12-07T08:30')).toISOString()],
    ...overrides,
  });

describe('a name on the form', () => {
  it('is compared without honorifics, accents, case or punctuation', () => {
    expect(nameKey('H.E. Mr. Paul Robert Tiendrebeogo')).toBe('paul robert tiendrebeogo');
    expect(nameKey('Ms. Camilla Hagström')).toBe('camilla hagstrom');
    expect(nameKey('Mr.')).toBe('mr');
  });

  it('names the one person of the summit with it, or, among namesakes, the one of the organisation', () => {
    const people = [
      person('p-morari', 'Daniela Morari', 'MDA'),
      person('p-popa-mda', 'Ion Popa', 'MDA'),
      person('p-popa-rou', 'Ion Popa', 'ROU'),
    ];
    const delegations = new Map([
      ['MDA', delegation('MDA', 'Republic of Moldova')],
      ['ROU', delegation('ROU', 'Romania')],
    ]);
    expect(findPerson({ name: 'Ms. Daniela Morari' }, people, delegations)?.key).toBe('p-morari');
    expect(findPerson({ name: 'Ion Popa', organisation: 'Romania' }, people, delegations)?.key).toBe(
      'p-popa-rou',
    );
    expect(findPerson({ name: 'Ion Popa' }, people, delegations)).toBeNull();
    expect(findPerson({ name: 'Oleg Chirita' }, people, delegations)).toBeNull();
  });
});

describe('the window of an accepted proposal', () => {
  it('is the window of its format its preferred start falls in', () => {
    expect(windowOf(stored(), SEGMENTS)).toBe('se-fri-breakfast');
  });

  it('is the only window of its format, when no preferred start falls in one', () => {
    expect(windowOf(stored({ format: 'lunch', preferredStarts: [] }), SEGMENTS)).toBe('se-thu-lunch');
  });

  it('is none among several, or when none is of its format', () => {
    expect(windowOf(stored({ preferredStarts: [] }), SEGMENTS)).toBeNull();
    expect(windowOf(stored({ format: 'reception' }), SEGMENTS)).toBeNull();
  });

  it('is not one the event would overrun from its preferred start', () => {
    const late = [new Date(at('2018-12-07T09:00')).toISOString()];
    expect(windowOf(stored({ preferredStarts: late }), SEGMENTS)).toBeNull();
  });
});

describe('the session of an accepted proposal', () => {
  it('asks for the larger of attendance and capacity, and booths for interpretation', () => {
    const form = stored({
      expectedAttendance: 250,
      requirements: { capacity: 220, equipment: ['projector'], microphones: 4, interpretation: ['French'] },
    });
    const s = sessionOfProposal('proposal-1', form, [], [delegation('MDA', 'Republic of Moldova')], SEGMENTS);
    expect([s.expectedAttendance, s.equipment, s.microphones, s.participants]).toEqual([
      250,
      ['projector', 'interpretation'],
      4,
      [{ delegation: 'MDA', person: null, role: 'organiser' }],
    ]);
  });

  it('is interpreted into the languages the form asks for, as codes, whatever language they were typed in', () => {
    const form = stored({
      requirements: { interpretation: ['French', 'español', 'ar', 'fr', 'Klingon'] },
    });
    const s = sessionOfProposal('proposal-1', form, [], [], SEGMENTS);
    expect([s.interpretation, s.languages]).toEqual([['fr', 'es', 'ar'], undefined]);
  });

  it('has no interpretation when the form asks for none', () => {
    const s = sessionOfProposal('proposal-1', stored(), [], [], SEGMENTS);
    expect([s.interpretation, s.languages]).toEqual([undefined, undefined]);
  });

  it('prefers the start of each breakfast window when there are two and the organisers gave no time', () => {
    // No window is chosen: placement looks in every side-event window, and the preferred starts
    // keep a breakfast event at breakfast wherever a room is free.
    const s = sessionOfProposal('proposal-1', stored({ preferredStarts: [] }), [], [], SEGMENTS);
    expect([s.segment, s.preferredStarts]).toEqual([null, [at('2018-12-06T08:00'), at('2018-12-07T08:00')]]);
  });

  it('keeps the organisers’ preferred start, and its window, when they gave one', () => {
    const s = sessionOfProposal('proposal-1', stored(), [], [], SEGMENTS);
    expect([s.segment, s.preferredStarts]).toEqual(['se-fri-breakfast', [at('2018-12-07T08:30')]]);
  });

  it('lists a person once per role, and an organisation not in the summit not at all', () => {
    const form = stored({
      organisers: [{ delegation: 'MDA' }, { organisation: 'MIEUX' }, { delegation: 'MDA' }],
      panellists: [{ name: 'Daniela Morari' }, { name: 'Daniela Morari' }],
    });
    const s = sessionOfProposal(
      'proposal-1',
      form,
      [person('p-morari', 'Daniela Morari', 'MDA')],
      [delegation('MDA', 'Republic of Moldova')],
      SEGMENTS,
    );
    expect(s.participants).toEqual([
      { delegation: 'MDA', person: null, role: 'organiser' },
      { person: 'p-morari', delegation: null, role: 'moderator' },
      { person: 'p-morari', delegation: null, role: 'panellist' },
    ]);
  });
});
