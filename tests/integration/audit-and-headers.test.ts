import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallSummitFile } from '../factories/summit-file.ts';
import { admin, signIn, testApi, type TestApi } from '../support/app.ts';

let api: TestApi;
const S = '/api/summits/gfmd-2018-small';
beforeAll(async () => {
  api = await testApi();
  expect((await api.http.post('/api/summits/import').set(admin).send(smallSummitFile())).status).toBe(201);
});
afterAll(async () => {
  await api.close();
});

describe('the audit log', () => {
  it('records who changed what, when, with the item before and after', async () => {
    await api.http
      .post(`${S}/roles`)
      .set(admin)
      .send({ email: 'support@gfmd.example', role: 'support_unit', invite: false });
    const support = await signIn(api, 'support@gfmd.example');
    await api.http.patch(`${S}/rooms/orangeraie`).set(support.headers).send({ capacity: 200 });
    await api.http.delete(`${S}/sessions/se-capacity-building`).set(support.headers);
    const log = await api.http.get(`${S}/audit`).set(support.headers);
    const entries = log.body.map((e: Record<string, unknown>) => [e.actor, e.action, e.entity, e.entityKey]);
    expect(entries).toEqual([
      ['support@gfmd.example', 'delete', 'session', 'se-capacity-building'],
      ['support@gfmd.example', 'update', 'room', 'orangeraie'],
      ['admin (ADMIN_TOKEN)', 'grant', 'role', expect.any(String)],
      ['admin (ADMIN_TOKEN)', 'import', 'summit', 'gfmd-2018-small'],
    ]);
    const update = log.body[1];
    expect([update.before.capacity, update.after.capacity, typeof update.at]).toEqual([220, 200, 'string']);
    expect(log.body[0].before.title).toBe(
      'What role for capacity building in turning the Global Compact on Migration into action?',
    );
    expect(log.body[0].after).toBeNull();
  });

  it('says each change in words, with names for keys and 24-hour times', async () => {
    await api.http.post(`${S}/rooms`).set(admin).send({ key: 'atlas', name: 'Atlas Room', capacity: 300 });
    const made = await api.http
      .post(`${S}/sessions`)
      .set(admin)
      .send({
        key: 'rt-words',
        kind: 'roundtable',
        title: 'Roundtable on words',
        room: 'orangeraie',
        start: '2018-12-06T08:30',
        end: '2018-12-06T09:45',
        participants: [{ person: 'p-morari', role: 'moderator' }],
      });
    const moved = await api.http
      .patch(`${S}/sessions/rt-words`)
      .set(admin)
      .send({ room: 'atlas', start: '2018-12-06T08:15', end: '2018-12-06T17:15', pinned: true });
    expect([made.status, moved.status]).toEqual([201, 200]);
    const [line] = (await api.http.get(`${S}/audit`).set(admin)).body;
    expect([line.what, line.changes]).toEqual([
      'Changed session “Roundtable on words”',
      [
        { field: 'Room', before: 'Orangeraie Room', after: 'Atlas Room' },
        { field: 'Start', before: '08:30', after: '08:15' },
        { field: 'End', before: '09:45', after: '17:15' },
        { field: 'Pinned', before: 'no', after: 'yes' },
      ],
    ]);
  });

  it('records nothing for a refused write', async () => {
    const before = (await api.http.get(`${S}/audit`).set(admin)).body.length;
    await api.http.patch(`${S}/rooms/orangeraie`).set(admin).send({ capacity: -1 });
    await api.http.patch(`${S}/rooms/orangeraie`).send({ capacity: 1 });
    expect((await api.http.get(`${S}/audit`).set(admin)).body.length).toBe(before);
  });
});

describe('security headers', () => {
  it('are set on every answer', async () => {
    const res = await api.http.get('/api/summits');
    expect([
      res.headers['x-content-type-options'],
      res.headers['x-frame-options'],
      res.headers['referrer-policy'],
      res.headers['content-security-policy']?.includes("script-src 'self'"),
      res.headers['x-powered-by'],
    ]).toEqual(['nosniff', 'SAMEORIGIN', 'no-referrer', true, undefined]);
  });

  it('limit the size of ordinary request bodies to 100 KB', async () => {
    const res = await api.http
      .post(`${S}/rooms`)
      .set(admin)
      .send({ key: 'big', name: 'x'.repeat(150_000), capacity: 1 });
    expect([res.status, res.body]).toEqual([
      413,
      { errors: [{ path: '', message: 'the body is larger than 100KB' }] },
    ]);
  });
});
