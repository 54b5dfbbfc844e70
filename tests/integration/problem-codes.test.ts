// A refused request names each problem for a program too (code and params), so that the app can
// say it in the reader's language, while the English message stays exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorsSchema } from '../../shared/schemas/api.ts';
import { smallSummitFile } from '../factories/summit-file.ts';
import { admin, type TestApi, testApi } from '../support/app.ts';

let api: TestApi;
const base = '/api/summits/gfmd-2018-small';

beforeAll(async () => {
  api = await testApi();
  expect((await api.http.post('/api/summits/import').set(admin).send(smallSummitFile())).status).toBe(201);
});
afterAll(async () => {
  await api.close();
});

describe('the codes of refused requests', () => {
  it('a session title over 500 characters: 400 with tooLong, the maximum and the English message', async () => {
    const res = await api.http
      .post(`${base}/sessions`)
      .set(admin)
      .send({ key: 'long', kind: 'meeting', title: 'x'.repeat(501), durationMinutes: 30 });
    expect([res.status, res.body]).toEqual([
      400,
      {
        errors: [
          {
            path: 'title',
            message: 'Too big: expected string to have <=500 characters',
            code: 'tooLong',
            params: { maximum: 500 },
          },
        ],
      },
    ]);
    expect(errorsSchema.safeParse(res.body).success).toBe(true);
  });

  it('a taken room key: 409 with keyTaken, the kind and the key', async () => {
    const res = await api.http
      .post(`${base}/rooms`)
      .set(admin)
      .send({ key: 'orangeraie', name: 'Another', capacity: 10 });
    expect([res.status, res.body]).toEqual([
      409,
      {
        errors: [
          {
            path: 'key',
            message: 'a room with key "orangeraie" already exists',
            code: 'keyTaken',
            params: { kind: 'room', key: 'orangeraie' },
          },
        ],
      },
    ]);
  });

  it('an unknown room in a session: 400 with unknownKey', async () => {
    const res = await api.http
      .post(`${base}/sessions`)
      .set(admin)
      .send({ key: 'nowhere', kind: 'meeting', title: 'Nowhere', room: 'orangery', durationMinutes: 30 });
    expect([res.status, res.body]).toEqual([
      400,
      {
        errors: [
          {
            path: 'room',
            message: 'unknown room "orangery"',
            code: 'unknownKey',
            params: { kind: 'room', key: 'orangery' },
          },
        ],
      },
    ]);
  });

  it('documents code and params as optional fields of a problem in the OpenAPI document', async () => {
    const doc = (await api.http.get('/api/openapi.json')).body;
    const problem =
      doc.paths['/api/summits/{slug}/sessions'].post.responses['400'].content['application/json'].schema
        .properties.errors.items;
    expect([Object.keys(problem.properties), problem.required]).toEqual([
      ['path', 'message', 'code', 'params'],
      ['path', 'message'],
    ]);
  });
});
