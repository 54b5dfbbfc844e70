import { describe, expect, it } from 'vitest';
import { flattenErrors } from '../../../client/src/components/error-summary.tsx';

describe("the error summary's list of a form's problems", () => {
  it('names each field with a message, nested ones by their path, and skips the elements', () => {
    const input = { name: 'email' };
    expect(
      flattenErrors({
        email: { type: 'invalid_string', message: 'Invalid email address', ref: input },
        participants: [
          undefined,
          {
            person: { type: 'server', message: 'unknown person', ref: input },
            role: { type: 'x', message: '' },
          },
        ],
        accept: { message: 'say why', type: 'server', 0: { reason: { message: 'too short', type: 'x' } } },
      }),
    ).toEqual([
      ['email', 'Invalid email address'],
      ['participants.1.person', 'unknown person'],
      ['accept', 'say why'],
      ['accept.0.reason', 'too short'],
    ]);
  });

  it('finds nothing in a form without errors', () => {
    expect(flattenErrors({})).toEqual([]);
  });
});
