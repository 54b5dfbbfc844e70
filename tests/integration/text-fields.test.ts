// One normalisation of names and titles on every path (import, POST, PATCH, sign-in, tokens), and
// null meaning "not set" in the summit file: what the outside review found broken (issue 8, items
// 11 and 15, and the summit-file contract).
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

// Each refusal's English message, and its code for the client to say it in the reader's language.
const CONTROL = { message: 'must be one line without control characters', code: 'control' };
const SURROGATE = { message: 'must not contain an unpaired surrogate (broken UTF-16)', code: 'surrogate' };
const BIDI = {
  message: 'must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)',
  code: 'bidi',
};
const INVISIBLE = { message: 'must contain a visible character', code: 'invisible' };

const file = (slug: string) => smallSummitFile({ summit: { ...smallSummitFile().summit, slug } });

describe('control characters in single-line fields are refused with a 400 on the field', () => {
  it('a NUL in a room name of an import', async () => {
    const f = file('nul-import');
    f.rooms![0]!.name = 'Orangeraie\u0000Room';
    const res = await api.http.post('/api/summits/import').set(admin).send(f);
    expect([res.status, res.body]).toEqual([400, { errors: [{ path: 'rooms[0].name', ...CONTROL }] }]);
  });

  it('a NUL in the title of a new session, and a line feed in a patched one', async () => {
    const created = await api.http
      .post(`${base}/sessions`)
      .set(admin)
      .send({ key: 'nul', kind: 'meeting', title: 'Bad\u0000title', durationMinutes: 30 });
    expect([created.status, created.body]).toEqual([400, { errors: [{ path: 'title', ...CONTROL }] }]);
    const patched = await api.http
      .patch(`${base}/sessions/se-capacity-building`)
      .set(admin)
      .send({ title: 'Capacity building\r\nBcc: everyone@example.org' });
    expect([patched.status, patched.body]).toEqual([400, { errors: [{ path: 'title', ...CONTROL }] }]);
  });

  it('a NUL in the summit name of a PATCH, and in a token name', async () => {
    const summit = await api.http.patch(base).set(admin).send({ name: 'GFMD\u0000' });
    expect([summit.status, summit.body]).toEqual([400, { errors: [{ path: 'name', ...CONTROL }] }]);
    const token = await api.http.post('/api/tokens').set(admin).send({ name: 'nightly\u0000import' });
    expect([token.status, token.body]).toEqual([400, { errors: [{ path: 'name', ...CONTROL }] }]);
  });

  it('a NUL in the sign-in link request\'s "next"', async () => {
    const res = await api.http
      .post('/api/auth/link')
      .send({ email: 'visitor@example.org', next: '/summits/\u0000' });
    expect([res.status, res.body]).toEqual([400, { errors: [{ path: 'next', ...CONTROL }] }]);
  });
});

describe('one normalisation for every name and title, on every path', () => {
  it('stores names in NFC, trimmed, on import, POST and PATCH alike', async () => {
    const decomposed = '  Salle de l\u2019Atlas, Marrake\u0301ch  '; // e + combining acute
    const f = file('nfc-import');
    f.rooms![0]!.name = decomposed;
    expect((await api.http.post('/api/summits/import').set(admin).send(f)).status).toBe(201);
    const imported = await api.http.get('/api/summits/nfc-import/rooms/orangeraie').set(admin);
    const posted = await api.http
      .post(`${base}/rooms`)
      .set(admin)
      .send({ key: 'atlas', name: decomposed, capacity: 80 });
    const patched = await api.http.patch(`${base}/rooms/orangeraie`).set(admin).send({ name: decomposed });
    expect([imported.body.name, posted.body.name, patched.body.name]).toEqual([
      'Salle de l\u2019Atlas, Marrak\u00e9ch',
      'Salle de l\u2019Atlas, Marrak\u00e9ch',
      'Salle de l\u2019Atlas, Marrak\u00e9ch',
    ]);
  });

  it('refuses a title of only zero-width spaces on POST, PATCH and import', async () => {
    const posted = await api.http
      .post(`${base}/sessions`)
      .set(admin)
      .send({ key: 'zw', kind: 'meeting', title: '\u200b\u200b', durationMinutes: 30 });
    const patched = await api.http
      .patch(`${base}/segments/se-fri-breakfast`)
      .set(admin)
      .send({ title: ' \u200b\ufeff ' });
    const f = file('zw-import');
    f.delegations![0]!.name = '\u200b';
    const imported = await api.http.post('/api/summits/import').set(admin).send(f);
    expect([
      posted.status,
      posted.body,
      patched.status,
      patched.body,
      imported.status,
      imported.body,
    ]).toEqual([
      400,
      { errors: [{ path: 'title', ...INVISIBLE }] },
      400,
      { errors: [{ path: 'title', ...INVISIBLE }] },
      400,
      { errors: [{ path: 'delegations[0].name', ...INVISIBLE }] },
    ]);
  });

  it('refuses a lone surrogate the same way on import and on PATCH', async () => {
    const f = file('surrogate-import');
    f.people![0]!.name = 'Daniela \ud800Morari';
    const imported = await api.http.post('/api/summits/import').set(admin).send(f);
    const patched = await api.http
      .patch(`${base}/people/p-morari`)
      .set(admin)
      .send({ name: 'Daniela \udc00' });
    expect([imported.status, imported.body, patched.status, patched.body]).toEqual([
      400,
      { errors: [{ path: 'people[0].name', ...SURROGATE }] },
      400,
      { errors: [{ path: 'name', ...SURROGATE }] },
    ]);
  });

  it('refuses right-to-left overrides and isolates in names that reach mail subjects', async () => {
    const summit = await api.http.patch(base).set(admin).send({ name: 'GFMD \u202egnp.exe' });
    const person = await api.http
      .patch(`${base}/people/p-morari`)
      .set(admin)
      .send({ title: '\u2067State\u2069' });
    expect([summit.status, summit.body, person.status, person.body]).toEqual([
      400,
      { errors: [{ path: 'name', ...BIDI }] },
      400,
      { errors: [{ path: 'title', ...BIDI }] },
    ]);
  });

  it('keeps joiners inside a name, and right-to-left text without overrides', async () => {
    const res = await api.http
      .patch(`${base}/people/p-genetzke`)
      .set(admin)
      .send({ title: 'مدير عام — Director General 👩\u200d💼' });
    expect([res.status, res.body.title]).toEqual([200, 'مدير عام — Director General 👩\u200d💼']);
  });
});

describe('null means "not set" on every optional field of the summit file', () => {
  it('imports a file with nulls and exports it back without them', async () => {
    const f = {
      format: 'summit/1',
      summit: {
        slug: 'with-nulls',
        name: 'GFMD 2018 Summit',
        theme: null,
        venue: null,
        timeZone: 'Africa/Casablanca',
        startDate: '2018-12-05',
        endDate: '2018-12-07',
        proposalDeadline: null,
        travelMinutes: null,
      },
      rooms: [
        {
          key: 'orangeraie',
          name: 'Orangeraie Room',
          capacity: 220,
          building: null,
          equipment: null,
          microphones: null,
          changeoverMinutes: null,
        },
      ],
      segments: null,
      delegations: [{ key: 'MDA', name: 'Republic of Moldova', kind: 'member_state', size: 2 }],
      people: [{ key: 'p-morari', name: 'Daniela Morari', email: null, delegation: null, title: null }],
      sessions: [
        {
          key: 'placed',
          kind: 'side_event',
          title: 'Placed',
          segment: null,
          room: 'orangeraie',
          start: '2018-12-07T08:30',
          end: '2018-12-07T09:45',
          durationMinutes: null,
          preferredStarts: null,
          expectedAttendance: null,
          equipment: null,
          microphones: null,
          pinned: null,
          status: null,
          participants: [
            { delegation: 'MDA', person: null, role: 'organiser' },
            { delegation: null, person: 'p-morari', role: 'moderator' },
          ],
        },
        {
          key: 'unplaced',
          kind: 'meeting',
          title: 'Unplaced',
          room: null,
          start: null,
          end: null,
          durationMinutes: 45,
          participants: null,
        },
      ],
    };
    const imported = await api.http.post('/api/summits/import').set(admin).send(f);
    expect([imported.status, imported.body]).toEqual([201, { slug: 'with-nulls', replaced: false }]);
    const exported = await api.http.get('/api/summits/with-nulls/export').set(admin);
    expect(exported.body).toEqual({
      format: 'summit/1',
      summit: {
        slug: 'with-nulls',
        name: 'GFMD 2018 Summit',
        theme: '',
        venue: '',
        timeZone: 'Africa/Casablanca',
        startDate: '2018-12-05',
        endDate: '2018-12-07',
        travelMinutes: 10,
        language: 'en',
      },
      rooms: [
        {
          key: 'orangeraie',
          name: 'Orangeraie Room',
          capacity: 220,
          equipment: [],
          microphones: 0,
          changeoverMinutes: 0,
        },
      ],
      segments: [],
      delegations: [{ key: 'MDA', name: 'Republic of Moldova', kind: 'member_state', size: 2 }],
      people: [{ key: 'p-morari', name: 'Daniela Morari' }],
      sessions: [
        {
          key: 'placed',
          kind: 'side_event',
          title: 'Placed',
          room: 'orangeraie',
          start: '2018-12-07T08:30+01:00',
          end: '2018-12-07T09:45+01:00',
          equipment: [],
          pinned: false,
          status: 'draft',
          participants: [
            { delegation: 'MDA', role: 'organiser' },
            { person: 'p-morari', role: 'moderator' },
          ],
        },
        {
          key: 'unplaced',
          kind: 'meeting',
          title: 'Unplaced',
          durationMinutes: 45,
          equipment: [],
          pinned: false,
          status: 'draft',
          participants: [],
        },
      ],
    });
    expect(JSON.stringify(exported.body)).not.toMatch(/:null\b/);
  });

  it('takes null as not set in a POST of an item, as PATCH already did', async () => {
    const res = await api.http
      .post(`${base}/people`)
      .set(admin)
      .send({ key: 'p-nulls', name: 'Ion Popa', email: null, delegation: null, title: null });
    expect([res.status, res.body]).toEqual([201, { key: 'p-nulls', name: 'Ion Popa' }]);
  });
});
