import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallSummitFile } from '../factories/summit-file.ts';
import { admin, testApi, type TestApi } from '../support/app.ts';

let api: TestApi;
const base = '/api/summits/gfmd-2018-small';

beforeAll(async () => {
  api = await testApi();
  expect((await api.http.post('/api/summits/import').set(admin).send(smallSummitFile())).status).toBe(201);
});
afterAll(async () => {
  await api.close();
});

describe('rooms', () => {
  it('creates a room and reads it back in the summit-file shape', async () => {
    const room = {
      key: 'atlas',
      name: 'Atlas Room',
      capacity: 80,
      building: 'Hotel',
      equipment: ['projector'],
      microphones: 4,
      changeoverMinutes: 10,
    };
    const created = await api.http.post(`${base}/rooms`).set(admin).send(room);
    expect([created.status, created.body]).toEqual([201, room]);
    const read = await api.http.get(`${base}/rooms/atlas`).set(admin);
    expect([read.status, read.body]).toEqual([200, room]);
  });

  it('fills defaults for optional fields', async () => {
    const created = await api.http
      .post(`${base}/rooms`)
      .set(admin)
      .send({ key: 'majorelle', name: 'Majorelle Room', capacity: 60 });
    expect(created.body).toEqual({
      key: 'majorelle',
      name: 'Majorelle Room',
      capacity: 60,
      equipment: [],
      microphones: 0,
      changeoverMinutes: 0,
    });
  });

  it('refuses a second room with the same key (409) and a negative capacity (400)', async () => {
    const dup = await api.http
      .post(`${base}/rooms`)
      .set(admin)
      .send({ key: 'atlas', name: 'Atlas again', capacity: 10 });
    expect([dup.status, dup.body]).toEqual([
      409,
      {
        errors: [
          {
            path: 'key',
            message: 'a room with key "atlas" already exists',
            code: 'keyTaken',
            params: { key: 'atlas', kind: 'room' },
          },
        ],
      },
    ]);
    const negative = await api.http
      .post(`${base}/rooms`)
      .set(admin)
      .send({ key: 'x', name: 'X', capacity: -5 });
    expect([negative.status, negative.body]).toEqual([
      400,
      {
        errors: [
          {
            path: 'capacity',
            message: 'Too small: expected number to be >=0',
            code: 'atLeast',
            params: { minimum: 0 },
          },
        ],
      },
    ]);
  });

  it('patches a room: fields merge, null removes an optional field', async () => {
    const res = await api.http.patch(`${base}/rooms/atlas`).set(admin).send({ capacity: 90, building: null });
    expect([res.status, res.body]).toEqual([
      200,
      {
        key: 'atlas',
        name: 'Atlas Room',
        capacity: 90,
        equipment: ['projector'],
        microphones: 4,
        changeoverMinutes: 10,
      },
    ]);
  });

  it('renames a key, and refuses a rename onto another key', async () => {
    const renamed = await api.http
      .patch(`${base}/rooms/majorelle`)
      .set(admin)
      .send({ key: 'majorelle-room' });
    expect([renamed.status, renamed.body.key]).toEqual([200, 'majorelle-room']);
    const clash = await api.http.patch(`${base}/rooms/majorelle-room`).set(admin).send({ key: 'atlas' });
    expect([clash.status, clash.body.errors]).toEqual([
      409,
      [
        {
          path: 'key',
          message: 'a room with key "atlas" already exists',
          code: 'keyTaken',
          params: { key: 'atlas', kind: 'room' },
        },
      ],
    ]);
  });

  it('refuses to delete a room a session uses, and deletes an unused one', async () => {
    const used = await api.http.delete(`${base}/rooms/orangeraie`).set(admin);
    expect([used.status, used.body]).toEqual([
      409,
      {
        errors: [
          {
            path: '',
            message: 'room "orangeraie" is still used by se-capacity-building; change or delete them first',
            code: 'stillUsed',
            params: { kind: 'room', count: 1 },
          },
        ],
      },
    ]);
    const unused = await api.http.delete(`${base}/rooms/majorelle-room`).set(admin);
    expect(unused.status).toBe(204);
    const gone = await api.http.get(`${base}/rooms/majorelle-room`).set(admin);
    expect([gone.status, gone.body]).toEqual([
      404,
      { errors: [{ path: '', message: 'room "majorelle-room" not found' }] },
    ]);
  });
});

describe('sessions', () => {
  it('creates an unplaced session with a duration and preferred starts', async () => {
    const res = await api.http
      .post(`${base}/sessions`)
      .set(admin)
      .send({
        key: 'se-youth',
        kind: 'side_event',
        title: 'Young people on the move',
        durationMinutes: 70,
        preferredStarts: ['2018-12-07T08:00'],
        participants: [{ delegation: 'ICMPD', role: 'organiser' }],
      });
    expect([res.status, res.body]).toEqual([
      201,
      {
        key: 'se-youth',
        kind: 'side_event',
        title: 'Young people on the move',
        durationMinutes: 70,
        preferredStarts: ['2018-12-07T08:00+01:00'],
        equipment: [],
        pinned: false,
        status: 'draft',
        participants: [{ delegation: 'ICMPD', role: 'organiser' }],
      },
    ]);
  });

  it('places it by PATCH with a room and times given with another offset', async () => {
    const res = await api.http
      .patch(`${base}/sessions/se-youth`)
      .set(admin)
      .send({ room: 'atlas', start: '2018-12-07T07:00Z', end: '2018-12-07T08:10Z' });
    expect([res.status, res.body.room, res.body.start, res.body.end, res.body.durationMinutes]).toEqual([
      200,
      'atlas',
      '2018-12-07T08:00+01:00',
      '2018-12-07T09:10+01:00',
      undefined,
    ]);
  });

  it('unplaces it again, keeping its length', async () => {
    const res = await api.http
      .patch(`${base}/sessions/se-youth`)
      .set(admin)
      .send({ room: null, start: null, end: null });
    expect([res.status, res.body.durationMinutes, res.body.start, res.body.room]).toEqual([
      200,
      70,
      undefined,
      undefined,
    ]);
  });

  it('refuses an unknown room, an end before start and an unknown participant, naming each field', async () => {
    const res = await api.http
      .patch(`${base}/sessions/se-youth`)
      .set(admin)
      .send({
        room: 'orangery',
        start: '2018-12-07T09:00',
        end: '2018-12-07T08:00',
        participants: [{ person: 'p-nobody', role: 'speaker' }],
      });
    expect([res.status, res.body.errors]).toEqual([
      400,
      [
        {
          path: 'room',
          message: 'unknown room "orangery"',
          code: 'unknownKey',
          params: { key: 'orangery', kind: 'room' },
        },
        { path: 'end', message: 'must be after start', code: 'endAfterStart' },
        {
          path: 'participants[0].person',
          message: 'unknown person "p-nobody"',
          code: 'unknownKey',
          params: { key: 'p-nobody', kind: 'person' },
        },
      ],
    ]);
    const kept = await api.http.get(`${base}/sessions/se-youth`).set(admin);
    expect([kept.body.room, kept.body.durationMinutes]).toEqual([undefined, 70]);
  });

  it('adds and removes participants one at a time', async () => {
    const added = await api.http
      .post(`${base}/sessions/se-youth/participants`)
      .set(admin)
      .send({ person: 'p-morari', role: 'speaker' });
    expect([added.status, added.body.person, added.body.role, typeof added.body.id]).toEqual([
      201,
      'p-morari',
      'speaker',
      'number',
    ]);
    const again = await api.http
      .post(`${base}/sessions/se-youth/participants`)
      .set(admin)
      .send({ person: 'p-morari', role: 'speaker' });
    expect([again.status, again.body.errors]).toEqual([
      409,
      [
        {
          path: '',
          message: 'session "se-youth" already lists this participant as speaker',
          code: 'participantListed',
          params: { role: 'speaker' },
        },
      ],
    ]);
    const unknown = await api.http
      .post(`${base}/sessions/se-youth/participants`)
      .set(admin)
      .send({ delegation: 'ATLANTIS', role: 'speaker' });
    expect([unknown.status, unknown.body.errors]).toEqual([
      400,
      [
        {
          path: 'delegation',
          message: 'unknown delegation "ATLANTIS"',
          code: 'unknownKey',
          params: { key: 'ATLANTIS', kind: 'delegation' },
        },
      ],
    ]);
    const list = await api.http.get(`${base}/sessions/se-youth/participants`).set(admin);
    expect(list.body.map((p: { id: number }) => ({ ...p, id: 0 }))).toEqual([
      { id: 0, delegation: 'ICMPD', role: 'organiser' },
      { id: 0, person: 'p-morari', role: 'speaker' },
    ]);
    const removed = await api.http
      .delete(`${base}/sessions/se-youth/participants/${added.body.id}`)
      .set(admin);
    expect(removed.status).toBe(204);
    const twice = await api.http.delete(`${base}/sessions/se-youth/participants/${added.body.id}`).set(admin);
    expect(twice.status).toBe(404);
  });

  it('refuses to delete a person or delegation a session names', async () => {
    const person = await api.http.delete(`${base}/people/p-morari`).set(admin);
    expect([person.status, person.body.errors[0].message]).toEqual([
      409,
      'person "p-morari" is still used by se-capacity-building; change or delete them first',
    ]);
    const delegation = await api.http.delete(`${base}/delegations/MDA`).set(admin);
    expect([delegation.status, delegation.body.errors[0].message]).toEqual([
      409,
      'delegation "MDA" is still used by p-morari, se-capacity-building; change or delete them first',
    ]);
  });

  it('deletes a session with its participants', async () => {
    expect((await api.http.delete(`${base}/sessions/se-youth`).set(admin)).status).toBe(204);
    expect((await api.http.get(`${base}/sessions/se-youth/participants`).set(admin)).status).toBe(404);
  });
});

describe('segments, delegations and people', () => {
  it('creates, patches and deletes each', async () => {
    const segment = await api.http.post(`${base}/segments`).set(admin).send({
      key: 'mp-fri',
      kind: 'marketplace',
      title: 'Marketplace',
      start: '2018-12-07T08:00',
      end: '2018-12-07T09:50',
    });
    expect([segment.status, segment.body]).toEqual([
      201,
      {
        key: 'mp-fri',
        kind: 'marketplace',
        title: 'Marketplace',
        start: '2018-12-07T08:00+01:00',
        end: '2018-12-07T09:50+01:00',
      },
    ]);
    const delegation = await api.http
      .post(`${base}/delegations`)
      .set(admin)
      .send({ key: 'GMB', name: 'The Gambia', kind: 'member_state', size: 1 });
    expect([delegation.status, delegation.body]).toEqual([
      201,
      { key: 'GMB', name: 'The Gambia', kind: 'member_state', size: 1 },
    ]);
    const person = await api.http
      .post(`${base}/people`)
      .set(admin)
      .send({ key: 'p-gmb', name: 'A Gambian delegate', delegation: 'GMB' });
    expect([person.status, person.body]).toEqual([
      201,
      { key: 'p-gmb', name: 'A Gambian delegate', delegation: 'GMB' },
    ]);
    const badKind = await api.http.patch(`${base}/delegations/GMB`).set(admin).send({ kind: 'nation' });
    expect([badKind.status, badKind.body.errors[0].path]).toEqual([400, 'kind']);
    const badEmail = await api.http
      .patch(`${base}/people/p-gmb`)
      .set(admin)
      .send({ email: 'not-an-address' });
    expect([badEmail.status, badEmail.body.errors]).toEqual([
      400,
      [
        {
          path: 'email',
          message: 'Invalid email address',
          code: 'invalidFormat',
          params: { format: 'email' },
        },
      ],
    ]);
    expect((await api.http.delete(`${base}/people/p-gmb`).set(admin)).status).toBe(204);
    expect((await api.http.delete(`${base}/delegations/GMB`).set(admin)).status).toBe(204);
    expect((await api.http.delete(`${base}/segments/mp-fri`).set(admin)).status).toBe(204);
  });

  it('refuses a person with the e-mail address of another person of the summit, in any letter case', async () => {
    const created = await api.http
      .post(`${base}/people`)
      .set(admin)
      .send({ key: 'p-twin', name: 'Twin', email: 'D.Morari@Example.org' });
    expect([created.status, created.body]).toEqual([
      409,
      {
        errors: [
          {
            path: 'email',
            message: 'person "p-morari" already has the e-mail address "D.Morari@Example.org"',
          },
        ],
      },
    ]);
    const patched = await api.http
      .patch(`${base}/people/p-genetzke`)
      .set(admin)
      .send({ email: 'd.morari@example.org' });
    expect([patched.status, patched.body]).toEqual([
      409,
      {
        errors: [
          {
            path: 'email',
            message: 'person "p-morari" already has the e-mail address "d.morari@example.org"',
          },
        ],
      },
    ]);
    const own = await api.http
      .patch(`${base}/people/p-morari`)
      .set(admin)
      .send({ email: 'D.Morari@example.org' });
    expect([own.status, own.body.email]).toEqual([200, 'D.Morari@example.org']);
    await api.http.patch(`${base}/people/p-morari`).set(admin).send({ email: 'd.morari@example.org' });
  });

  it('refuses a segment ending before it starts and an unknown zone for a summit', async () => {
    const segment = await api.http
      .post(`${base}/segments`)
      .set(admin)
      .send({ key: 'x', kind: 'break', title: 'Break', start: '2018-12-07T10:00', end: '2018-12-07T09:00' });
    expect([segment.status, segment.body.errors]).toEqual([
      400,
      [{ path: 'end', message: 'must be after start', code: 'endAfterStart' }],
    ]);
    const summit = await api.http.patch(base).set(admin).send({ timeZone: 'Africa/Marrakesh' });
    expect([summit.status, summit.body.errors]).toEqual([
      400,
      [
        {
          path: 'timeZone',
          message: 'unknown time zone (expected an IANA name such as Africa/Casablanca)',
          code: 'timeZone',
        },
      ],
    ]);
  });
});

describe('summits', () => {
  it('creates an empty summit, patches it and deletes it', async () => {
    const created = await api.http.post('/api/summits').set(admin).send({
      slug: 'gfmd-2016',
      name: 'GFMD 2016 Summit',
      venue: 'Bangabandhu International Conference Center, Dhaka',
      timeZone: 'Asia/Dhaka',
      startDate: '2016-12-10',
      endDate: '2016-12-12',
    });
    expect([created.status, created.body.days, created.body.offsets]).toEqual([
      201,
      ['2016-12-10', '2016-12-11', '2016-12-12'],
      [{ from: Date.parse('2016-12-02T18:00:00Z'), offsetMinutes: 360 }],
    ]);
    const patched = await api.http.patch('/api/summits/gfmd-2016').set(admin).send({ endDate: '2016-12-09' });
    expect([patched.status, patched.body.errors]).toEqual([
      400,
      [{ path: 'endDate', message: 'must not be before startDate', code: 'endBeforeStart' }],
    ]);
    expect((await api.http.delete('/api/summits/gfmd-2016').set(admin)).status).toBe(204);
    expect((await api.http.get('/api/summits/gfmd-2016').set(admin)).status).toBe(404);
  });
});

describe('who sees what', () => {
  it('shows the public published sessions only, and no e-mail address', async () => {
    await api.http
      .post(`${base}/sessions`)
      .set(admin)
      .send({
        key: 'draft-meeting',
        kind: 'meeting',
        title: 'Draft meeting',
        durationMinutes: 30,
        participants: [{ person: 'p-genetzke', role: 'speaker' }],
      });
    const sessions = await api.http.get(`${base}/sessions`);
    expect(sessions.body.map((s: { key: string }) => s.key)).toEqual(['se-capacity-building']);
    expect((await api.http.get(`${base}/sessions/draft-meeting`)).status).toBe(404);
    const people = await api.http.get(`${base}/people`);
    expect(people.body).toEqual([
      { key: 'p-morari', name: 'Daniela Morari', delegation: 'MDA', title: 'State Secretary' },
      { key: 'p-genetzke', name: 'Ralph Genetzke', delegation: 'ICMPD' },
    ]);
    const adminPeople = await api.http.get(`${base}/people`).set(admin);
    expect(adminPeople.body[0].email).toBe('d.morari@example.org');
  });

  it('hides a summit with nothing published, as if it did not exist', async () => {
    const file = smallSummitFile({ summit: { ...smallSummitFile().summit, slug: 'draft-summit' } });
    file.sessions![0]!.status = 'draft';
    expect((await api.http.post('/api/summits/import').set(admin).send(file)).status).toBe(201);
    const res = await api.http.get('/api/summits/draft-summit');
    expect([res.status, res.body]).toEqual([
      404,
      { errors: [{ path: '', message: 'summit "draft-summit" not found' }] },
    ]);
    const list = await api.http.get('/api/summits');
    expect(list.body.map((s: { slug: string }) => s.slug)).toEqual(['gfmd-2018-small']);
    expect((await api.http.get('/api/summits/draft-summit/rooms')).status).toBe(404);
  });

  it('refuses every write without the token', async () => {
    const attempts = await Promise.all([
      api.http.post('/api/summits').send({}),
      api.http.patch(base).send({ name: 'x' }),
      api.http.delete(base),
      api.http.post(`${base}/rooms`).send({ key: 'r', name: 'R', capacity: 1 }),
      api.http.patch(`${base}/rooms/orangeraie`).send({ capacity: 1 }),
      api.http.delete(`${base}/rooms/orangeraie`),
      api.http
        .post(`${base}/sessions/se-capacity-building/participants`)
        .send({ person: 'p-morari', role: 'speaker' }),
      api.http.delete(`${base}/sessions/se-capacity-building/participants/1`),
    ]);
    expect(attempts.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401, 401, 401]);
    const room = await api.http.get(`${base}/rooms/orangeraie`);
    expect(room.body.capacity).toBe(220);
  });
});
