import { describe, expect, it } from 'vitest';
import { draftOf, submitCheck } from '../../../../client/src/features/proposals/form-check.ts';
import { problemPlace } from '../../../../client/src/features/proposals/form-problems.tsx';
import {
  emptyForm,
  fieldId,
  fieldName,
  toDraft,
  toFormValues,
} from '../../../../client/src/features/proposals/form-values.ts';
import { translator } from '../../../../client/src/lib/i18n.tsx';
import { moldovaProposal } from '../../../factories/proposal.ts';

const call = {
  summit: {
    slug: 'gfmd-2018',
    name: 'GFMD 2018 Summit',
    timeZone: 'Africa/Casablanca',
    days: ['2018-12-05', '2018-12-06', '2018-12-07'],
    offsets: [],
  },
  delegations: [
    { key: 'MDA', name: 'Republic of Moldova', kind: 'member_state' as const },
    {
      key: 'ICMPD',
      name: 'International Centre for Migration Policy Development',
      kind: 'international_organisation' as const,
    },
  ],
};
// As the API shows it: preferred starts in the summit's zone with its offset.
const shown = { ...moldovaProposal(), preferredStarts: ['2018-12-07T08:30+01:00'] };

describe('the form between its inputs and the draft the API takes', () => {
  it('gives back the Moldova/ICMPD proposal as the API holds it, through the inputs', () => {
    const values = toFormValues(shown as never);
    expect(values.organisers).toEqual([
      { who: 'd:MDA', organisation: '' },
      { who: 'd:ICMPD', organisation: '' },
    ]);
    expect(values.preferredStarts).toEqual([{ day: '2018-12-07', time: '08:30' }]);
    expect(values.durationMinutes).toBe('75');
    expect(toDraft(values)).toEqual(moldovaProposal());
  });

  it('leaves out what is empty, keeps an empty row where one was added, and a start only once whole', () => {
    const values = emptyForm();
    values.title = '   ';
    values.organisers = [
      { who: 'other', organisation: 'City of Rabat' },
      { who: '', organisation: '' },
    ];
    values.requirements.interpretation = 'Arabic, French ,';
    values.preferredStarts = [
      { day: '2018-12-07', time: '' },
      { day: '2018-12-06', time: '08:00' },
    ];
    expect(toDraft(values)).toEqual({
      organisers: [{ organisation: 'City of Rabat' }, {}],
      contacts: [{}],
      requirements: { interpretation: ['Arabic', 'French'] },
      programme: [{}],
      preferredStarts: ['2018-12-06T08:00'],
    });
  });

  it('leaves out a number that is not one, and keeps a fraction for the schema to refuse', () => {
    const values = emptyForm();
    values.durationMinutes = 'abc';
    values.expectedAttendance = '12.5';
    expect(toDraft(values)).toMatchObject({ expectedAttendance: 12.5 });
    expect(toDraft(values)).not.toHaveProperty('durationMinutes');
    expect(draftOf(values)).toEqual({
      ok: false,
      problems: [
        {
          path: 'expectedAttendance',
          message: 'Invalid input: expected int, received number',
          code: 'invalidType',
          params: { expected: 'int' },
        },
      ],
    });
  });

  it('names fields as react-hook-form does, and their controls by id', () => {
    expect([fieldName('contacts[2].email'), fieldName('programme'), fieldId('contacts.2.email')]).toEqual([
      'contacts.2.email',
      'programme',
      'proposal-contacts-2-email',
    ]);
  });
});

describe('the submit check in the browser', () => {
  it('passes the Moldova/ICMPD proposal', () => {
    expect(submitCheck(toFormValues(shown as never), call)).toEqual([]);
  });

  it('refuses a programme that does not add up on the programme, as the server does', () => {
    const values = toFormValues(shown as never);
    values.programme[4]!.minutes = '10';
    expect(submitCheck(values, call)).toEqual([
      {
        path: 'programme',
        message: 'the items add up to 70 minutes, the event lasts 75',
        code: 'proposal.programmeSum',
        params: { total: 70, duration: 75 },
      },
    ]);
  });

  it('refuses a contact without an address and a start outside the summit, each on its field', () => {
    const values = toFormValues(shown as never);
    values.contacts[1]!.email = '';
    values.preferredStarts = [{ day: '2018-12-08', time: '08:30' }];
    expect(submitCheck(values, call)).toEqual([
      {
        path: 'contacts[1].email',
        message: 'a contact needs an e-mail address',
        code: 'proposal.contactEmail',
      },
      {
        path: 'preferredStarts[0]',
        message: 'Sat 8 Dec is not a day of the summit, which runs from Wed 5 Dec to Fri 7 Dec',
        code: 'proposal.notSummitDay',
        params: { day: '2018-12-08', first: '2018-12-05', last: '2018-12-07' },
      },
    ]);
  });
});

describe('where a problem is, in the error summary', () => {
  const t = translator('en');
  it.each([
    ['programme', 'Programme items'],
    ['contacts[1].email', 'Contact persons, 2, E-mail address'],
    ['organisers[0].delegation', 'Organisers, 1, Delegation'],
    ['requirements.interpretation[1]', 'Logistical requirements, Interpretation into, 2'],
  ])('%s is "%s"', (path, place) => {
    expect(problemPlace(t, path)).toBe(place);
  });
});
