import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../client/src/lib/api.ts';
import { placeProblems } from '../../../client/src/lib/form.ts';

const response = (status: number, body: unknown, statusText = '') =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    statusText,
    headers: { 'content-type': 'application/json' },
  });

describe('ApiError from a refused response', () => {
  it('keeps the status and every problem, and says them in one line', async () => {
    const error = await ApiError.fromResponse(
      response(409, {
        errors: [
          { path: 'role', message: 'morari@example.org already has this role' },
          { path: '', message: 'try another' },
        ],
      }),
    );
    expect({ status: error.status, problems: error.problems, message: error.message }).toEqual({
      status: 409,
      problems: [
        { path: 'role', message: 'morari@example.org already has this role' },
        { path: '', message: 'try another' },
      ],
      message: 'role: morari@example.org already has this role; try another',
    });
  });

  it('a body that is not JSON leaves no problems and the status as the message', async () => {
    const error = await ApiError.fromResponse(response(502, '<html>Bad gateway</html>', 'Bad Gateway'));
    expect({ status: error.status, problems: error.problems, message: error.message }).toEqual({
      status: 502,
      problems: [],
      message: 'HTTP 502 Bad Gateway',
    });
  });

  it('JSON of another shape leaves no problems', async () => {
    const error = await ApiError.fromResponse(response(500, { error: 'boom' }));
    expect({ status: error.status, problems: error.problems, message: error.message }).toEqual({
      status: 500,
      problems: [],
      message: 'HTTP 500',
    });
  });

  it('a not-found answer keeps its 404 for the page to say so', async () => {
    const error = await ApiError.fromResponse(
      response(404, { errors: [{ path: '', message: 'session rt-9 not found' }] }),
    );
    expect([error.status, error.message]).toEqual([404, 'session rt-9 not found']);
  });
});

describe("placing a refusal's problems on a form", () => {
  const fields = ['email', 'role', 'delegation', 'invite'];

  it('each problem on the field its path names, several on one field joined', () => {
    const error = new ApiError(400, [
      { path: 'delegation', message: 'a delegate role names a delegation' },
      { path: 'email', message: 'not an address' },
      { path: 'email', message: 'too long' },
    ]);
    expect(placeProblems(error, fields)).toEqual({
      field: [
        ['delegation', 'a delegate role names a delegation'],
        ['email', 'not an address; too long'],
      ],
      other: null,
    });
  });

  it("problems with an empty or unknown path go to the form's top", () => {
    const error = new ApiError(409, [
      { path: 'role', message: 'already given' },
      { path: '', message: 'the summit is archived' },
      { path: 'placements[0].room', message: 'unknown room' },
    ]);
    expect(placeProblems(error, fields)).toEqual({
      field: [['role', 'already given']],
      other: { type: 'server', message: 'the summit is archived; placements[0].room: unknown room' },
    });
  });

  it("a refusal without problems says its status at the form's top", () => {
    expect(placeProblems(new ApiError(503, [], '503 Service Unavailable'), fields)).toEqual({
      field: [],
      other: { type: 'server', message: '503 Service Unavailable' },
    });
  });

  it('a dropped connection is no refusal', () => {
    expect(placeProblems(new TypeError('Failed to fetch'), fields)).toEqual({
      field: [],
      other: { type: 'network', message: 'Failed to fetch' },
    });
  });
});
