// A problem names itself for a program (code and params) beside its English message: zod's own
// issues by their kind, the shared schemas' checks by the code they give.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { singleLine } from '../../../../shared/schemas/fields.ts';
import { zodProblems } from '../../../../shared/schemas/problems.ts';
import { proposalDraftSchema, proposalSubmitSchema } from '../../../../shared/schemas/proposal.ts';
import { dateSchema, keySchema, roomSchema, timeSchema } from '../../../../shared/schemas/summit-file.ts';

const problems = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : zodProblems(parsed.error);
};

describe('zodProblems', () => {
  it('gives zod’s own checks a code by their kind, with the bound as a param', () => {
    const schema = z.strictObject({
      name: z.string().max(3),
      short: z.string().min(2),
      seats: z.int().min(0).max(10),
      id: z.int().positive(),
      tags: z.array(z.string()).max(1),
      format: z.enum(['standard', 'lunch']),
      email: z.email(),
      count: z.number(),
      note: z.string(),
    });
    expect(
      problems(schema, {
        name: 'abcd',
        short: 'a',
        seats: -1,
        id: 0,
        tags: ['a', 'b'],
        format: 'dinner',
        email: 'nobody',
        count: 'ten',
        extra: 1,
      }),
    ).toEqual([
      {
        path: 'name',
        message: 'Too big: expected string to have <=3 characters',
        code: 'tooLong',
        params: { maximum: 3 },
      },
      {
        path: 'short',
        message: 'Too small: expected string to have >=2 characters',
        code: 'tooShort',
        params: { minimum: 2 },
      },
      {
        path: 'seats',
        message: 'Too small: expected number to be >=0',
        code: 'atLeast',
        params: { minimum: 0 },
      },
      {
        path: 'id',
        message: 'Too small: expected number to be >0',
        code: 'greaterThan',
        params: { minimum: 0 },
      },
      {
        path: 'tags',
        message: 'Too big: expected array to have <=1 items',
        code: 'tooMany',
        params: { maximum: 1 },
      },
      {
        path: 'format',
        message: 'Invalid option: expected one of "standard"|"lunch"',
        code: 'invalidValue',
        params: { options: 'standard, lunch', count: 2 },
      },
      { path: 'email', message: 'Invalid email address', code: 'invalidFormat', params: { format: 'email' } },
      {
        path: 'count',
        message: 'Invalid input: expected number, received string',
        code: 'invalidType',
        params: { expected: 'number' },
      },
      { path: 'note', message: 'Invalid input: expected string, received undefined', code: 'required' },
      {
        path: '',
        message: 'unknown field "extra"',
        code: 'unknownField',
        params: { keys: 'extra', count: 1 },
      },
    ]);
  });

  it('gives the shared fields’ own checks their codes: empty, invisible, control characters', () => {
    const schema = z.strictObject({
      title: singleLine(200, { required: true }),
      venue: singleLine(200),
      theme: singleLine(200),
    });
    expect(problems(schema, { title: '  ', venue: '\u200b', theme: 'a\nb' })).toEqual([
      { path: 'title', message: 'must not be empty', code: 'empty' },
      { path: 'venue', message: 'must contain a visible character', code: 'invisible' },
      { path: 'theme', message: 'must be one line without control characters', code: 'control' },
    ]);
  });

  it('names a pattern’s refusal by the pattern’s code (key, time) and a refinement’s by its own', () => {
    expect(
      problems(z.object({ key: keySchema, at: timeSchema, day: dateSchema }), {
        key: '-menara',
        at: 'noon',
        day: '2018-02-30',
      }),
    ).toEqual([
      {
        path: 'key',
        message:
          'a key is 1 to 100 letters, digits, ".", "_", "~", ":" or "-", starting with a letter or digit',
        code: 'keyFormat',
      },
      {
        path: 'at',
        message: 'expected an ISO 8601 time such as 2018-12-07T08:30 or 2018-12-07T07:30Z',
        code: 'timeFormat',
      },
      { path: 'day', message: 'expected a date such as 2018-12-05', code: 'dateFormat' },
    ]);
    expect(
      problems(roomSchema, {
        key: 'menara',
        name: 'Menara',
        capacity: 10,
        equipment: ['projector', 'projector'],
      }),
    ).toEqual([{ path: 'equipment', message: 'lists a value twice', code: 'duplicate' }]);
  });

  it('carries a submit check’s code and params through the schema: the programme’s sum, a day', () => {
    const draft = proposalDraftSchema.parse({
      title: 'Labour mobility',
      durationMinutes: 60,
      programme: [{ minutes: 50, item: 'Panel' }],
      preferredStarts: ['2018-12-09T13:00'],
    });
    const refs = { days: ['2018-12-05', '2018-12-06', '2018-12-07'], dayOf: (t: string) => t.slice(0, 10) };
    const found = problems(proposalSubmitSchema(refs), draft).filter((p) =>
      ['title', 'programme', 'preferredStarts[0]'].includes(p.path),
    );
    expect(found).toEqual([
      {
        path: 'programme',
        message: 'the items add up to 50 minutes, the event lasts 60',
        code: 'proposal.programmeSum',
        params: { total: 50, duration: 60 },
      },
      {
        path: 'preferredStarts[0]',
        message: 'Sun 9 Dec is not a day of the summit, which runs from Wed 5 Dec to Fri 7 Dec',
        code: 'proposal.notSummitDay',
        params: { day: '2018-12-09', first: '2018-12-05', last: '2018-12-07' },
      },
    ]);
    expect(problems(proposalSubmitSchema(), {})[0]).toEqual({
      path: 'title',
      message: 'a proposal needs a title',
      code: 'proposal.title',
    });
  });
});
