// Who may change what in a programme, beyond the matrix of authorisation.test.ts: what the outside
// review found (issue 8, items 6, 9 and 16).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallSummitFile } from '../factories/summit-file.ts';
import { admin, type Session, signIn, testApi, type TestApi } from '../support/app.ts';

let api: TestApi;
const S = '/api/summits/gfmd-2018-small';
let focalOfUndefined: Session;

beforeAll(async () => {
  api = await testApi();
  const file = smallSummitFile();
  file.delegations!.push({
    key: 'undefined',
    name: 'A delegation keyed "undefined"',
    kind: 'other',
    size: 1,
  });
  file.people!.push({ key: 'p-expert', name: 'An independent expert', title: 'Researcher' });
  file.sessions![0]!.participants!.push({ person: 'p-expert', role: 'speaker' });
  expect((await api.http.post('/api/summits/import').set(admin).send(file)).status).toBe(201);
  const grant = (email: string, role: string, delegation?: string) =>
    api.http.post(`${S}/roles`).set(admin).send({ email, role, delegation, invite: false });
  expect((await grant('focal.undefined@example.org', 'focal_point', 'undefined')).status).toBe(201);
  focalOfUndefined = await signIn(api, 'focal.undefined@example.org');
});
afterAll(async () => {
  await api.close();
});

describe('a focal point of a delegation keyed "undefined"', () => {
  it('may not change a person without a delegation', async () => {
    const res = await api.http
      .patch(`${S}/people/p-expert`)
      .set(focalOfUndefined.headers)
      .send({ title: 'Impostor' });
    expect([res.status, res.body]).toEqual([
      403,
      { errors: [{ path: '', message: 'you may not change person "p-expert" in this summit' }] },
    ]);
    const kept = await api.http.get(`${S}/people/p-expert`).set(admin);
    expect(kept.body.title).toBe('Researcher');
  });

  it('may not create or delete a person without a delegation', async () => {
    const created = await api.http
      .post(`${S}/people`)
      .set(focalOfUndefined.headers)
      .send({ key: 'p-stray', name: 'Stray' });
    expect([created.status, created.body]).toEqual([
      403,
      { errors: [{ path: '', message: 'you may not create person "p-stray" in this summit' }] },
    ]);
    const deleted = await api.http.delete(`${S}/people/p-expert`).set(focalOfUndefined.headers);
    expect(deleted.status).toBe(403);
  });

  it('manages the people of its own delegation', async () => {
    const res = await api.http
      .post(`${S}/people`)
      .set(focalOfUndefined.headers)
      .send({ key: 'p-own', name: 'Own delegate', delegation: 'undefined' });
    expect([res.status, res.body]).toEqual([
      201,
      { key: 'p-own', name: 'Own delegate', delegation: 'undefined' },
    ]);
  });
});
