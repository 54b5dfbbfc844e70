// Who may change what in a programme, beyond the matrix of authorisation.test.ts: what the outside
// review found (issue 8, items 6, 9 and 16).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallSummitFile } from '../factories/summit-file.ts';
import { admin, type Session, signIn, testApi, type TestApi } from '../support/app.ts';

let api: TestApi;
const S = '/api/summits/gfmd-2018-small';
let focalOfUndefined: Session;
let visitor: Session;
let organiser: Session;

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
  // ICMPD's organiser of the published side event, and a Moldovan named only in a draft.
  file.people!.push({
    key: 'p-organiser',
    name: 'ICMPD organiser',
    email: 'organiser@icmpd.example',
    delegation: 'ICMPD',
  });
  file.people!.push({ key: 'p-hidden', name: 'Hidden Moldovan', delegation: 'MDA' });
  file.sessions![0]!.participants!.push({ person: 'p-organiser', role: 'organiser' });
  file.sessions!.push({
    key: 'draft-meeting',
    kind: 'meeting',
    title: 'Moldova preparatory meeting',
    start: '2018-12-07T10:00',
    end: '2018-12-07T11:00',
    participants: [{ person: 'p-hidden', role: 'speaker' }],
  });
  expect((await api.http.post('/api/summits/import').set(admin).send(file)).status).toBe(201);
  const grant = (email: string, role: string, delegation?: string) =>
    api.http.post(`${S}/roles`).set(admin).send({ email, role, delegation, invite: false });
  expect((await grant('focal.undefined@example.org', 'focal_point', 'undefined')).status).toBe(201);
  focalOfUndefined = await signIn(api, 'focal.undefined@example.org');
  visitor = await signIn(api, 'visitor@example.org');
  organiser = await signIn(api, 'organiser@icmpd.example');
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

describe('permission before validation: what a caller cannot see answers as if it did not exist', () => {
  const missing = (key: string) => ({ errors: [{ path: '', message: `session "${key}" not found` }] });

  it("answers a signed-in visitor's PATCH of a draft session 404, whatever the body", async () => {
    const before = await api.http
      .patch(`${S}/sessions/draft-meeting`)
      .set(visitor.headers)
      .send({ end: '2018-12-07T09:59' });
    const after = await api.http
      .patch(`${S}/sessions/draft-meeting`)
      .set(visitor.headers)
      .send({ end: '2018-12-07T10:01' });
    const garbage = await api.http
      .patch(`${S}/sessions/draft-meeting`)
      .set(visitor.headers)
      .send({ title: 42, colour: 'red' });
    expect([before.status, before.body, after.status, after.body, garbage.status, garbage.body]).toEqual([
      404,
      missing('draft-meeting'),
      404,
      missing('draft-meeting'),
      404,
      missing('draft-meeting'),
    ]);
  });

  it('answers every write to a draft exactly as to a session that does not exist', async () => {
    const answers = async (key: string) => {
      const replies = [
        await api.http.patch(`${S}/sessions/${key}`).set(visitor.headers).send({ title: 'Mine now' }),
        await api.http.delete(`${S}/sessions/${key}`).set(visitor.headers),
        await api.http
          .post(`${S}/sessions/${key}/participants`)
          .set(visitor.headers)
          .send({ delegation: 'MDA', role: 'speaker' }),
        await api.http.delete(`${S}/sessions/${key}/participants/1`).set(visitor.headers),
        await api.http
          .post(`${S}/sessions/${key}/move`)
          .set(visitor.headers)
          .send({ start: '2018-12-07T10:00', end: '2018-12-07T11:00' }),
      ];
      return replies.map((r) => [r.status, JSON.stringify(r.body).replaceAll(key, 'KEY')]);
    };
    const draft = await answers('draft-meeting');
    expect(draft).toEqual(await answers('no-such-session'));
    expect(draft.map(([status]) => status)).toEqual([404, 404, 404, 404, 404]);
  });

  it('refuses a visible session it may not change with 403 before reading the body', async () => {
    const res = await api.http
      .patch(`${S}/sessions/se-capacity-building`)
      .set(visitor.headers)
      .send({ end: '2018-12-07T08:00' });
    expect([res.status, res.body]).toEqual([
      403,
      { errors: [{ path: '', message: 'you may not change session "se-capacity-building" in this summit' }] },
    ]);
  });

  it('answers an unknown and a hidden person key in a new session the same', async () => {
    const session = (person: string) => ({
      key: 'se-new',
      kind: 'side_event',
      title: 'New side event',
      durationMinutes: 60,
      participants: [{ person, role: 'speaker' }],
    });
    const unknown = await api.http.post(`${S}/sessions`).set(visitor.headers).send(session('p-nobody'));
    const hidden = await api.http.post(`${S}/sessions`).set(visitor.headers).send(session('p-hidden'));
    expect([unknown.status, unknown.body]).toEqual([hidden.status, hidden.body]);
    expect([hidden.status, hidden.body]).toEqual([
      403,
      { errors: [{ path: '', message: 'you may not create session "se-new" in this summit' }] },
    ]);
  });

  it('answers an organiser naming an unknown and a hidden person in their side event the same', async () => {
    const add = (person: string) =>
      api.http
        .post(`${S}/sessions/se-capacity-building/participants`)
        .set(organiser.headers)
        .send({ person, role: 'speaker' });
    const unknown = await add('p-nobody');
    const hidden = await add('p-hidden');
    expect([unknown.status, unknown.body, hidden.status, hidden.body]).toEqual([
      400,
      {
        errors: [
          {
            path: 'person',
            message: 'unknown person "p-nobody"',
            code: 'unknownKey',
            params: { key: 'p-nobody', kind: 'person' },
          },
        ],
      },
      400,
      {
        errors: [
          {
            path: 'person',
            message: 'unknown person "p-hidden"',
            code: 'unknownKey',
            params: { key: 'p-hidden', kind: 'person' },
          },
        ],
      },
    ]);
    // A person named in a published session is public: the organiser may name them.
    const known = await add('p-genetzke');
    expect(known.status).toBe(201);
  });
});
