import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, testApi, type TestApi } from '../support/app.ts';
import { demoSummitFile, smallSummitFile } from '../factories/summit-file.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.close();
});

const summitCount = async () => (await api.http.get('/api/summits').set(admin)).body.length;

describe('POST /api/summits/import', () => {
  it('imports a summit file and answers 201 with its slug', async () => {
    const res = await api.http.post('/api/summits/import').set(admin).send(smallSummitFile());
    expect([res.status, res.body]).toEqual([201, { slug: 'gfmd-2018-small', replaced: false }]);
  });

  it('answers 409 when the slug exists, and replaces it with ?replace=true', async () => {
    const again = await api.http.post('/api/summits/import').set(admin).send(smallSummitFile());
    expect([again.status, again.body.errors]).toEqual([
      409,
      [
        {
          path: 'summit.slug',
          message: 'summit "gfmd-2018-small" already exists (use ?replace=true to replace it)',
          code: 'slugTaken',
          params: { slug: 'gfmd-2018-small' },
        },
      ],
    ]);
    const file = smallSummitFile();
    file.rooms![0]!.capacity = 200;
    const replaced = await api.http.post('/api/summits/import?replace=true').set(admin).send(file);
    expect([replaced.status, replaced.body]).toEqual([201, { slug: 'gfmd-2018-small', replaced: true }]);
    const room = await api.http.get('/api/summits/gfmd-2018-small/rooms/orangeraie').set(admin);
    expect(room.body.capacity).toBe(200);
  });

  it('writes nothing from a bad file and lists every problem by path', async () => {
    const before = await summitCount();
    const file = smallSummitFile({ summit: { ...smallSummitFile().summit, slug: 'broken' } });
    file.sessions![0]!.room = 'orangery';
    file.sessions![0]!.end = '2018-12-07T07:00';
    const res = await api.http.post('/api/summits/import').set(admin).send(file);
    expect([res.status, res.body]).toEqual([
      400,
      {
        errors: [
          {
            path: 'sessions[0].room',
            message: 'unknown room "orangery"',
            code: 'unknownKey',
            params: { key: 'orangery', kind: 'room' },
          },
          { path: 'sessions[0].end', message: 'must be after start', code: 'endAfterStart' },
        ],
      },
    ]);
    expect(await summitCount()).toBe(before);
  });

  it('keeps the summit already saved when a replacement is refused', async () => {
    const file = smallSummitFile();
    file.summit.timeZone = 'Europe/Atlantis';
    const res = await api.http.post('/api/summits/import?replace=true').set(admin).send(file);
    expect([res.status, res.body.errors]).toEqual([
      400,
      [
        {
          path: 'summit.timeZone',
          message: 'unknown time zone (expected an IANA name such as Africa/Casablanca)',
          code: 'timeZone',
        },
      ],
    ]);
    const kept = await api.http.get('/api/summits/gfmd-2018-small/sessions/se-capacity-building').set(admin);
    expect([kept.status, kept.body.start]).toEqual([200, '2018-12-07T08:30+01:00']);
  });

  it('refuses duplicate keys and wrong types, naming each field', async () => {
    const file = smallSummitFile({ summit: { ...smallSummitFile().summit, slug: 'dup' } });
    file.delegations!.push({ key: 'MDA', name: 'Moldova again', kind: 'member_state', size: 'two' as never });
    const res = await api.http.post('/api/summits/import').set(admin).send(file);
    expect([res.status, res.body.errors]).toEqual([
      400,
      [
        {
          path: 'delegations[2].key',
          message: 'duplicate key "MDA" (also delegations[0])',
          code: 'duplicateKey',
          params: { key: 'MDA' },
        },
        {
          path: 'delegations[2].size',
          message: 'Invalid input: expected number, received string',
          code: 'invalidType',
          params: { expected: 'number' },
        },
      ],
    ]);
  });

  it("refuses two people with one e-mail address in any letter case, on the second one's email", async () => {
    const file = smallSummitFile({ summit: { ...smallSummitFile().summit, slug: 'same-email' } });
    file.people!.push({ key: 'p-morari-2', name: 'D. Morari', email: 'D.MORARI@example.org' });
    const res = await api.http.post('/api/summits/import').set(admin).send(file);
    expect([res.status, res.body]).toEqual([
      400,
      {
        errors: [
          {
            path: 'people[2].email',
            message: 'duplicate e-mail address "D.MORARI@example.org" (also people[0])',
            code: 'duplicateEmail',
            params: { email: 'D.MORARI@example.org' },
          },
        ],
      },
    ]);
  });

  it('answers 400 to a body that is not JSON, and 415 to one that is not declared JSON', async () => {
    const broken = await api.http
      .post('/api/summits/import')
      .set(admin)
      .set('content-type', 'application/json')
      .send('{"format": "summit/1",');
    expect([
      broken.status,
      broken.body.errors[0].path,
      broken.body.errors[0].message.startsWith('the body is not valid JSON'),
    ]).toEqual([400, '', true]);
    const text = await api.http
      .post('/api/summits/import')
      .set(admin)
      .set('content-type', 'text/plain')
      .send('format: summit/1');
    expect([text.status, text.body]).toEqual([
      415,
      { errors: [{ path: '', message: 'the body must be JSON (Content-Type: application/json)' }] },
    ]);
  });

  it('answers 413 to a body over 5 MB', async () => {
    const file = smallSummitFile({
      summit: { ...smallSummitFile().summit, theme: 'x'.repeat(5 * 1024 * 1024) },
    });
    const res = await api.http.post('/api/summits/import').set(admin).send(file);
    expect([res.status, res.body]).toEqual([
      413,
      { errors: [{ path: '', message: 'the body is larger than 5MB' }] },
    ]);
  });

  it('refuses writes without the token (401) and with a wrong one (401)', async () => {
    const none = await api.http.post('/api/summits/import').send(smallSummitFile());
    const wrong = await api.http
      .post('/api/summits/import')
      .set('authorization', 'Bearer guess')
      .send(smallSummitFile());
    expect([none.status, none.body.errors[0].path, wrong.status, wrong.body]).toEqual([
      401,
      'Authorization',
      401,
      { errors: [{ path: 'Authorization', message: 'invalid credentials' }] },
    ]);
  });
});

describe('GET /api/summits/{slug}/export', () => {
  it('round-trips the demo summit: import, export, import, export gives the same file', async () => {
    const first = await api.http.post('/api/summits/import').set(admin).send(demoSummitFile());
    expect(first.status).toBe(201);
    const exported = await api.http.get('/api/summits/gfmd-2018/export').set(admin);
    expect([exported.status, exported.headers['content-disposition']]).toEqual([
      200,
      'attachment; filename="gfmd-2018.summit.json"',
    ]);
    const reimported = await api.http.post('/api/summits/import?replace=true').set(admin).send(exported.body);
    expect(reimported.status).toBe(201);
    const again = await api.http.get('/api/summits/gfmd-2018/export').set(admin);
    expect(again.body).toEqual(exported.body);
    expect(exported.body.sessions).toHaveLength(demoSummitFile().sessions!.length);
    expect(exported.body.people.find((p: { key: string }) => p.key === 'p-morari')).toEqual({
      key: 'p-morari',
      name: 'Daniela Morari',
      email: 'morari@example.org',
      delegation: 'MDA',
      title: 'State Secretary for European Integration, Ministry of Foreign Affairs and European Integration',
    });
  });

  it('is for the support unit only: it carries e-mail addresses', async () => {
    const res = await api.http.get('/api/summits/gfmd-2018/export');
    expect(res.status).toBe(401);
  });
});

describe('malformed requests get a 4xx naming the field, never a 500', () => {
  it('a JSON array or null instead of a file', async () => {
    const array = await api.http.post('/api/summits/import').set(admin).send([smallSummitFile()]);
    expect([array.status, array.body]).toEqual([
      400,
      {
        errors: [
          {
            path: '',
            message: 'Invalid input: expected object, received array',
            code: 'invalidType',
            params: { expected: 'object' },
          },
        ],
      },
    ]);
    const nothing = await api.http
      .post('/api/summits/import')
      .set(admin)
      .set('content-type', 'application/json')
      .send('null');
    expect([nothing.status, nothing.body.errors[0].path]).toEqual([400, '']);
  });

  it('a day that is not a date, a participant id that is not a number, a slug that cannot exist', async () => {
    const day = await api.http.get('/api/summits/gfmd-2018/programme?day=2018-13-40');
    expect([day.status, day.body]).toEqual([
      400,
      { errors: [{ path: 'query.day', message: 'expected a date such as 2018-12-05', code: 'dateFormat' }] },
    ]);
    const missingDay = await api.http.get('/api/summits/gfmd-2018/programme');
    expect([missingDay.status, missingDay.body.errors[0].path]).toEqual([400, 'query.day']);
    const id = await api.http.delete('/api/summits/gfmd-2018/sessions/closing/participants/first').set(admin);
    expect([id.status, id.body.errors[0].path]).toEqual([400, 'params.id']);
    const slug = await api.http.get('/api/summits/GFMD_2018');
    expect([slug.status, slug.body]).toEqual([
      400,
      {
        errors: [
          { path: 'params.slug', message: 'a slug is 2 to 64 of a-z, 0-9 and "-"', code: 'slugFormat' },
        ],
      },
    ]);
  });

  it('an unknown API path answers 404 in JSON', async () => {
    const res = await api.http.get('/api/summit');
    expect([res.status, res.body]).toEqual([
      404,
      { errors: [{ path: '', message: 'no route GET /api/summit' }] },
    ]);
  });
});
