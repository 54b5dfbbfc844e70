// Only publishing publishes, and a published session stays out of new hard conflicts unless the
// request accepts them by name (issue 8, item 5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallSummitFile } from '../factories/summit-file.ts';
import { admin, testApi, type TestApi } from '../support/app.ts';

let api: TestApi;
const S = '/api/summits/gfmd-2018-small';

beforeAll(async () => {
  api = await testApi();
  const file = smallSummitFile();
  file.rooms!.push({ key: 'atlas', name: 'Atlas Room', capacity: 80, microphones: 4 });
  file.sessions!.push(
    {
      key: 'se-remittances',
      kind: 'side_event',
      title: 'Remittances and financial inclusion',
      room: 'atlas',
      start: '2018-12-07T08:30',
      end: '2018-12-07T09:45',
      status: 'published',
      participants: [{ delegation: 'ICMPD', role: 'organiser' }],
    },
    {
      key: 'draft-double',
      kind: 'meeting',
      title: 'Draft meeting in the Orangeraie',
      room: 'orangeraie',
      start: '2018-12-07T10:00',
      end: '2018-12-07T10:30',
    },
  );
  expect((await api.http.post('/api/summits/import').set(admin).send(file)).status).toBe(201);
});
afterAll(async () => {
  await api.close();
});

const PUBLISH_ONLY = 'is changed only by publishing (POST /api/summits/{slug}/publish)';
const session = async (key: string) => (await api.http.get(`${S}/sessions/${key}`).set(admin)).body;

const ORANGERAIE_TWICE = {
  code: 'ROOM_DOUBLE_BOOKED',
  severity: 'hard',
  sessions: ['se-capacity-building', 'se-remittances'],
  room: 'orangeraie',
  start: '2018-12-07T07:30:00.000Z',
  end: '2018-12-07T08:45:00.000Z',
  message:
    'Orangeraie Room is booked twice on Fri 7 Dec 08:30–09:45: "What role for capacity building in turning the Global Compact on Migration into action?" and "Remittances and financial inclusion".',
};

describe('only publishing publishes', () => {
  it('refuses a PATCH of status with a 400 on the field, and the session stays a draft', async () => {
    // A draft may be double-booked (publishing checks it), but not published by a PATCH.
    const doubled = await api.http
      .patch(`${S}/sessions/draft-double`)
      .set(admin)
      .send({ start: '2018-12-07T08:30', end: '2018-12-07T09:00' });
    expect(doubled.status).toBe(200);
    const res = await api.http.patch(`${S}/sessions/draft-double`).set(admin).send({ status: 'published' });
    expect([res.status, res.body]).toEqual([400, { errors: [{ path: 'status', message: PUBLISH_ONLY }] }]);
    expect((await session('draft-double')).status).toBe('draft');
    const unpublish = await api.http
      .patch(`${S}/sessions/se-capacity-building`)
      .set(admin)
      .send({ status: null });
    expect([unpublish.status, unpublish.body]).toEqual([
      400,
      { errors: [{ path: 'status', message: PUBLISH_ONLY }] },
    ]);
  });

  it('refuses a new session created published', async () => {
    const res = await api.http.post(`${S}/sessions`).set(admin).send({
      key: 'born-published',
      kind: 'meeting',
      title: 'Born published',
      room: 'orangeraie',
      start: '2018-12-07T08:30',
      end: '2018-12-07T09:00',
      status: 'published',
    });
    expect([res.status, res.body]).toEqual([
      400,
      { errors: [{ path: 'status', message: `must be draft: it ${PUBLISH_ONLY}` }] },
    ]);
    expect((await api.http.get(`${S}/sessions/born-published`).set(admin)).status).toBe(404);
  });

  it('refuses status on the participants routes: it is no field of a participant', async () => {
    const res = await api.http
      .post(`${S}/sessions/draft-double/participants`)
      .set(admin)
      .send({ delegation: 'MDA', role: 'speaker', status: 'published' });
    expect([res.status, res.body]).toEqual([
      400,
      {
        errors: [
          {
            path: '',
            message: 'unknown field "status"',
            code: 'unknownField',
            params: { count: 1, keys: 'status' },
          },
        ],
      },
    ]);
    expect((await session('draft-double')).status).toBe('draft');
  });

  it('takes the status a session already has, so that an item read can be sent back', async () => {
    const res = await api.http
      .patch(`${S}/sessions/se-capacity-building`)
      .set(admin)
      .send({ status: 'published', expectedAttendance: 130 });
    expect([res.status, res.body.status, res.body.expectedAttendance]).toEqual([200, 'published', 130]);
    expect((await api.http.delete(`${S}/sessions/draft-double`).set(admin)).status).toBe(204);
  });
});

describe('a change that puts a published session in a new hard conflict', () => {
  it('is refused when it is a move, with 409 listing the conflicts', async () => {
    const res = await api.http
      .post(`${S}/sessions/se-remittances/move`)
      .set(admin)
      .send({ room: 'orangeraie', start: '2018-12-07T08:30', end: '2018-12-07T09:45' });
    expect([res.status, res.body]).toEqual([
      409,
      { errors: [{ path: 'accept', message: ORANGERAIE_TWICE.message }], conflicts: [ORANGERAIE_TWICE] },
    ]);
    expect((await session('se-remittances')).room).toBe('atlas');
  });

  it('is refused when it is a PATCH', async () => {
    const res = await api.http.patch(`${S}/sessions/se-remittances`).set(admin).send({ room: 'orangeraie' });
    expect([res.status, res.body]).toEqual([
      409,
      { errors: [{ path: 'accept', message: ORANGERAIE_TWICE.message }], conflicts: [ORANGERAIE_TWICE] },
    ]);
  });

  it('is refused when it adds a participant who is elsewhere then', async () => {
    const res = await api.http
      .post(`${S}/sessions/se-remittances/participants`)
      .set(admin)
      .send({ person: 'p-morari', role: 'speaker' });
    expect([res.status, res.body.errors, res.body.conflicts.map((c: { code: string }) => c.code)]).toEqual([
      409,
      [
        {
          path: 'accept',
          message:
            'Daniela Morari is expected at "What role for capacity building in turning the Global Compact on Migration into action?" and "Remittances and financial inclusion" at once on Fri 7 Dec 08:30–09:45.',
        },
      ],
      ['PERSON_DOUBLE_BOOKED'],
    ]);
    const listed = await api.http.get(`${S}/sessions/se-remittances/participants`).set(admin);
    expect(
      listed.body.map((p: { delegation?: string; person?: string }) => p.delegation ?? p.person),
    ).toEqual(['ICMPD']);
  });

  it('goes through when the request accepts them by name, and the audit log records them', async () => {
    const accept = [
      {
        code: 'ROOM_DOUBLE_BOOKED',
        sessions: ['se-remittances', 'se-capacity-building'],
        room: 'orangeraie',
        reason: 'the Atlas Room is closed for repairs; the events share the room with a partition',
      },
    ];
    const res = await api.http
      .post(`${S}/sessions/se-remittances/move`)
      .set(admin)
      .send({ room: 'orangeraie', start: '2018-12-07T08:30', end: '2018-12-07T09:45', accept });
    expect([res.status, res.body.session.room, res.body.session.status, res.body.conflicts]).toEqual([
      200,
      'orangeraie',
      'published',
      [ORANGERAIE_TWICE],
    ]);
    const [accepted, updated] = (await api.http.get(`${S}/audit`).set(admin)).body;
    expect([accepted.action, accepted.entity, accepted.entityKey, accepted.after]).toEqual([
      'accept_conflicts',
      'session',
      'se-remittances',
      { acceptedConflicts: [{ ...ORANGERAIE_TWICE, reason: accept[0]!.reason }] },
    ]);
    expect([updated.action, updated.before.room, updated.after.room]).toEqual([
      'update',
      'atlas',
      'orangeraie',
    ]);
  });

  it('needs no acceptance for a change that adds no conflict, even in one accepted before', async () => {
    const res = await api.http
      .patch(`${S}/sessions/se-remittances`)
      .set(admin)
      .send({ title: 'Remittances and financial inclusion (shared room)' });
    expect([res.status, res.body.title]).toEqual([200, 'Remittances and financial inclusion (shared room)']);
  });

  it('takes `accept` in a PATCH body, beside the fields it changes', async () => {
    const refused = await api.http
      .patch(`${S}/sessions/se-remittances`)
      .set(admin)
      .send({ expectedAttendance: 300 });
    expect([refused.status, refused.body.errors]).toEqual([
      409,
      [
        {
          path: 'accept',
          message:
            '"Remittances and financial inclusion (shared room)" expects 300 people but Orangeraie Room seats 220 (Fri 7 Dec 08:30–09:45).',
        },
      ],
    ]);
    const accepted = await api.http
      .patch(`${S}/sessions/se-remittances`)
      .set(admin)
      .send({
        expectedAttendance: 300,
        accept: [
          {
            code: 'CAPACITY_EXCEEDED',
            sessions: ['se-remittances'],
            room: 'orangeraie',
            reason: 'standing room',
          },
        ],
      });
    expect([accepted.status, accepted.body.expectedAttendance, 'accept' in accepted.body]).toEqual([
      200,
      300,
      false,
    ]);
    const bad = await api.http
      .patch(`${S}/sessions/se-remittances`)
      .set(admin)
      .send({ accept: [{ code: 'NOT_A_CODE', sessions: [] }] });
    expect([bad.status, bad.body.errors.map((e: { path: string }) => e.path)]).toEqual([
      400,
      ['accept[0].code', 'accept[0].sessions', 'accept[0].reason'],
    ]);
    const unexplained = await api.http
      .patch(`${S}/sessions/se-remittances`)
      .set(admin)
      .send({
        accept: [
          { code: 'CAPACITY_EXCEEDED', sessions: ['se-remittances'], room: 'orangeraie', reason: ' ' },
        ],
      });
    expect([unexplained.status, unexplained.body.errors]).toEqual([
      400,
      [{ path: 'accept[0].reason', message: 'must not be empty', code: 'empty' }],
    ]);
  });
});
