// Sessions say the languages they are held in and the interpretation offered (issue 14): in the
// summit file, the API's session representations, the session editor's writes and the exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, testApi, type TestApi } from '../support/app.ts';
import { smallSummitFile } from '../factories/summit-file.ts';

let api: TestApi;
const base = '/api/summits/langs';
const file = () => {
  const f = smallSummitFile({ summit: { ...smallSummitFile().summit, slug: 'langs' } });
  Object.assign(f.sessions![0]!, { languages: ['en', 'fr'], interpretation: ['es', 'ar'] });
  return f;
};

beforeAll(async () => {
  api = await testApi();
  expect((await api.http.post('/api/summits/import').set(admin).send(file())).status).toBe(201);
});
afterAll(async () => {
  await api.close();
});

describe('session languages', () => {
  it('are imported and shown by the session list, the day programme and the session page', async () => {
    const list = await api.http.get(`${base}/sessions`).set(admin);
    const day = await api.http.get(`${base}/programme?day=2018-12-07`).set(admin);
    const page = await api.http.get(`${base}/programme/sessions/se-capacity-building`).set(admin);
    const said = (s: { languages?: string[]; interpretation?: string[] }) => [s.languages, s.interpretation];
    expect([list.status, said(list.body[0])]).toEqual([
      200,
      [
        ['en', 'fr'],
        ['es', 'ar'],
      ],
    ]);
    expect([day.status, said(day.body.sessions[0])]).toEqual([
      200,
      [
        ['en', 'fr'],
        ['es', 'ar'],
      ],
    ]);
    expect([page.status, said(page.body.session)]).toEqual([
      200,
      [
        ['en', 'fr'],
        ['es', 'ar'],
      ],
    ]);
  });

  it('come back in the export as they were imported (a round trip is lossless)', async () => {
    const res = await api.http.get(`${base}/export`).set(admin);
    const session = res.body.sessions[0];
    expect([res.status, session.languages, session.interpretation]).toEqual([
      200,
      ['en', 'fr'],
      ['es', 'ar'],
    ]);
    const again = await api.http.post('/api/summits/import?replace=true').set(admin).send(res.body);
    expect(again.status).toBe(201);
    expect((await api.http.get(`${base}/export`).set(admin)).body).toEqual(res.body);
  });

  it('left out, a session has none, and the export leaves them out too', async () => {
    const made = await api.http
      .post(`${base}/sessions`)
      .set(admin)
      .send({ key: 'briefing', kind: 'meeting', title: 'Briefing', durationMinutes: 30 });
    expect([made.status, made.body.languages, made.body.interpretation]).toEqual([201, undefined, undefined]);
  });

  it('are changed by the session editor, and emptied with an empty list', async () => {
    const set = await api.http
      .patch(`${base}/sessions/briefing`)
      .set(admin)
      .send({ languages: ['es'], interpretation: ['en'] });
    expect([set.status, set.body.languages, set.body.interpretation]).toEqual([200, ['es'], ['en']]);
    const emptied = await api.http.patch(`${base}/sessions/briefing`).set(admin).send({ interpretation: [] });
    expect([emptied.status, emptied.body.languages, emptied.body.interpretation]).toEqual([
      200,
      ['es'],
      undefined,
    ]);
  });

  it('refuses a code that is not ISO 639-1, naming the field, in an edit and in an import', async () => {
    const edit = await api.http
      .patch(`${base}/sessions/briefing`)
      .set(admin)
      .send({ languages: ['en', 'english'] });
    expect([edit.status, edit.body.errors]).toEqual([
      400,
      [
        {
          path: 'languages[1]',
          message: 'expected an ISO 639-1 language code such as "en", "fr" or "es"',
          code: 'languageCode',
        },
      ],
    ]);
    const bad = file();
    bad.summit.slug = 'langs-bad';
    Object.assign(bad.sessions![0]!, { interpretation: ['xx'] });
    const imported = await api.http.post('/api/summits/import').set(admin).send(bad);
    expect([imported.status, imported.body.errors]).toEqual([
      400,
      [
        {
          path: 'sessions[0].interpretation[0]',
          message: 'expected an ISO 639-1 language code such as "en", "fr" or "es"',
          code: 'languageCode',
        },
      ],
    ]);
  });

  it('refuses a language listed twice', async () => {
    const res = await api.http
      .patch(`${base}/sessions/briefing`)
      .set(admin)
      .send({ interpretation: ['fr', 'fr'] });
    expect([res.status, res.body.errors]).toEqual([
      400,
      [{ path: 'interpretation', message: 'lists a value twice', code: 'duplicate' }],
    ]);
  });
});
