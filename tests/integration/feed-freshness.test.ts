// The feeds and calendar.ics are kept in memory while the programme holds (docs/exports.md,
// "Freshness"): two servers on one database (as two processes) each keep their own copy, and each
// checks the programme's version on every fetch. A moved session gives both a new ETag and the new
// time; a draft's edit raises the version but leaves what they show, and their ETags, as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type supertest from 'supertest';
import { findSummit } from '../../server/core/summit-context.ts';
import { programmeVersion } from '../../server/modules/exports/exports.service.ts';
import { demoSummitFile } from '../factories/summit-file.ts';
import { admin, ADMIN_TOKEN, asText, restartedWith, signIn, type TestApi, testApi } from '../support/app.ts';

let api: TestApi;
let first: ReturnType<typeof supertest>;
let second: ReturnType<typeof supertest>;
let feedPath = '';
const S = '/api/summits/gfmd-2018';
const CALENDAR = `${S}/calendar.ics`;

const get = (http: ReturnType<typeof supertest>, path: string, headers: Record<string, string> = {}) =>
  asText(http.get(path).set(headers));
/** The calendar without its DTSTAMPs (each copy is stamped when it is made). */
const unstamped = (text: string) => text.replace(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/g, '\r\n');

beforeAll(async () => {
  api = await testApi();
  const file = demoSummitFile();
  const draft = {
    ...file.sessions![0]!,
    key: 'draft-briefing',
    title: 'A briefing not published yet',
    start: '2018-12-07T12:00',
    end: '2018-12-07T13:00',
    status: 'draft' as const,
  };
  file.sessions = [...file.sessions!, draft];
  expect((await api.http.post('/api/summits/import').set(admin).send(file)).status).toBe(201);
  first = api.http;
  second = restartedWith(api, ADMIN_TOKEN);
  const morari = await signIn(api, 'morari@example.org');
  const made = await api.http.post(`${S}/feeds`).set(morari.headers).send({ delegation: 'MDA' });
  expect(made.status).toBe(201);
  feedPath = new URL(made.body.url).pathname;
});
afterAll(async () => {
  await api.close();
});

async function both(path: string) {
  const a = await get(first, path);
  const b = await get(second, path);
  expect([a.status, b.status]).toEqual([200, 200]);
  expect(b.headers.etag).toBe(a.headers.etag);
  expect(unstamped(b.body)).toBe(unstamped(a.body));
  return { etag: String(a.headers.etag), text: a.body as string };
}

describe('feeds and calendar.ics kept in memory, on two servers of one database', () => {
  it('change exactly when the published programme does', async () => {
    const before = { feed: await both(feedPath), calendar: await both(CALENDAR) };
    expect(before.feed.text).toContain('DTSTART;TZID=Africa/Casablanca:20181207T083000');
    // Both servers hold the programme now; nothing changed: each answers 304 to its own ETag.
    for (const http of [first, second]) {
      expect((await get(http, feedPath, { 'if-none-match': before.feed.etag })).status).toBe(304);
      expect((await get(http, CALENDAR, { 'if-none-match': before.calendar.etag })).status).toBe(304);
    }

    // A draft edited through the second server: the version rises, what the feeds show does not.
    const draft = await second
      .patch(`${S}/sessions/draft-briefing`)
      .set(admin)
      .send({ title: 'A briefing, renamed' });
    expect(draft.status).toBe(200);
    for (const http of [first, second]) {
      expect((await get(http, feedPath, { 'if-none-match': before.feed.etag })).status).toBe(304);
      expect((await get(http, CALENDAR, { 'if-none-match': before.calendar.etag })).status).toBe(304);
    }

    // A published session moved through the second server: the first sees it on its next fetch.
    const moved = await second
      .patch(`${S}/sessions/se-capacity-building`)
      .set(admin)
      .send({ start: '2018-12-07T08:00', end: '2018-12-07T09:15' });
    expect(moved.status).toBe(200);
    const feed = await get(first, feedPath, { 'if-none-match': before.feed.etag });
    expect(feed.status).toBe(200);
    expect(feed.headers.etag).not.toBe(before.feed.etag);
    expect(feed.body).toContain('DTSTART;TZID=Africa/Casablanca:20181207T080000');
    expect(feed.body).not.toContain('20181207T083000');
    const calendar = await get(first, CALENDAR, { 'if-none-match': before.calendar.etag });
    expect(calendar.status).toBe(200);
    expect(calendar.headers.etag).not.toBe(before.calendar.etag);
    expect(calendar.body).toContain('DTSTART;TZID=Africa/Casablanca:20181207T080000');
    const after = { feed: await both(feedPath), calendar: await both(CALENDAR) };
    expect(after.feed.etag).toBe(feed.headers.etag);
    expect(after.calendar.etag).toBe(calendar.headers.etag);

    // Moved back: the same text as before, so the same ETags.
    await first
      .patch(`${S}/sessions/se-capacity-building`)
      .set(admin)
      .send({ start: '2018-12-07T08:30', end: '2018-12-07T09:45' });
    expect((await both(feedPath)).etag).toBe(before.feed.etag);
    expect((await both(CALENDAR)).etag).toBe(before.calendar.etag);
  });

  it('is raised once by a transaction that commits a change to the programme', async () => {
    const summit = (await findSummit(api.database.db, 'gfmd-2018'))!;
    const version = () => programmeVersion(api.database.db, summit.id);
    const was = await version();
    const res = await first
      .patch(`${S}/sessions/draft-briefing`)
      .set(admin)
      .send({ title: 'A briefing, renamed again' });
    expect(res.status).toBe(200);
    expect(await version()).toBe(was + 1);
  });
});
