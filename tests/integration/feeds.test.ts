// Calendar feeds (issue 12, item 2): a room's, public with its summit; a delegation's and a person's
// behind an unguessable token, made by those who may see them, revocable, answering 304 to a current
// copy and 404 once revoked or once its maker's grant has ended.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSummitFile } from '../factories/summit-file.ts';
import { admin, type Session, signIn, type TestApi, testApi, asText } from '../support/app.ts';
import { parseIcs } from '../support/schedule-formats.ts';

let api: TestApi;
let morari: Session; // Republic of Moldova (MDA)
const S = '/api/summits/gfmd-2018';

/** Reads a text body whatever its type. */
const get = (path: string, headers: Record<string, string> = {}) => asText(api.http.get(path).set(headers));
const pathOf = (url: string) => new URL(url).pathname;

type Item = {
  key: string;
  title: string;
  room?: string;
  participants: { person?: string; delegation?: string }[];
};
let sessions: Item[] = [];
let moldovans: Set<string>;

beforeAll(async () => {
  api = await testApi();
  expect((await api.http.post('/api/summits/import').set(admin).send(demoSummitFile())).status).toBe(201);
  morari = await signIn(api, 'morari@example.org');
  sessions = (await api.http.get(`${S}/sessions`).set(admin)).body;
  const people: { key: string; delegation?: string }[] = (await api.http.get(`${S}/people`).set(admin)).body;
  moldovans = new Set(people.filter((p) => p.delegation === 'MDA').map((p) => p.key));
});
afterAll(async () => {
  await api.close();
});

const titlesOf = (text: string) =>
  parseIcs(text)
    .events.map((e) => e.summary)
    .sort();
const titles = (pick: (s: Item) => boolean) =>
  sessions
    .filter(pick)
    .map((s) => s.title)
    .sort();

describe('a delegation’s private feed', () => {
  let url = '';

  it('is made by one of its people, shows its published sessions, and answers 304 to a current copy', async () => {
    const made = await api.http.post(`${S}/feeds`).set(morari.headers).send({ delegation: 'MDA' });
    expect([made.status, made.body.scope, made.body.key, made.body.name]).toEqual([
      201,
      'delegation',
      'MDA',
      'Republic of Moldova',
    ]);
    url = made.body.url;
    expect(made.body.webcal).toBe(url.replace(/^http:/, 'webcal:'));
    expect(url).toMatch(/^http:\/\/convene\.test\/api\/feeds\/feed_[\w-]{43}\/calendar\.ics$/);

    const feed = await get(pathOf(url));
    expect([feed.status, feed.headers['content-type']]).toEqual([200, 'text/calendar; charset=utf-8']);
    const expected = titles((s) =>
      s.participants.some(
        (p) => p.delegation === 'MDA' || (p.person !== undefined && moldovans.has(p.person)),
      ),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(titlesOf(feed.body)).toEqual(expected);
    expect(feed.body).toContain('X-WR-CALNAME:GFMD 2018 Summit: Republic of Moldova');

    const again = await get(pathOf(url), { 'if-none-match': String(feed.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('is listed on its maker’s page, and answers 404 once revoked; nobody else can revoke it', async () => {
    const mine = await api.http.get('/api/feeds').set(morari.headers);
    expect(mine.body.map((f: { key: string; name: string }) => [f.key, f.name])).toEqual([
      ['MDA', 'Republic of Moldova'],
    ]);
    const id = mine.body[0].id;
    const other = await signIn(api, 'tiendrebeogo@example.org');
    expect((await api.http.delete(`/api/feeds/${id}`).set(other.headers)).status).toBe(404);
    expect((await get(pathOf(url))).status).toBe(200);
    expect((await api.http.delete(`/api/feeds/${id}`).set(morari.headers)).status).toBe(204);
    expect((await get(pathOf(url))).status).toBe(404);
    expect((await api.http.get('/api/feeds').set(morari.headers)).body).toEqual([]);
  });

  it('cannot be made for another delegation or another person: they answer as missing', async () => {
    const bfa = await api.http.post(`${S}/feeds`).set(morari.headers).send({ delegation: 'BFA' });
    expect([bfa.status, bfa.body.errors]).toEqual([
      404,
      [{ path: 'delegation', message: 'delegation "BFA" not found' }],
    ]);
    const person = await api.http.post(`${S}/feeds`).set(morari.headers).send({ person: 'p-tiendrebeogo' });
    expect(person.status).toBe(404);
    const byToken = await api.http.post(`${S}/feeds`).set(admin).send({ delegation: 'MDA' });
    expect(byToken.status).toBe(403);
    expect((await get('/api/feeds/feed_not-a-real-token-at-all-0000000000/calendar.ics')).status).toBe(404);
  });

  it('ends with the grant of the one who made it', async () => {
    const grant = await api.http
      .post(`${S}/roles`)
      .set(admin)
      .send({ email: 'liaison@example.org', role: 'delegate', delegation: 'BFA', invite: false });
    const liaison = await signIn(api, 'liaison@example.org');
    const made = await api.http.post(`${S}/feeds`).set(liaison.headers).send({ delegation: 'BFA' });
    expect(made.status).toBe(201);
    expect((await get(pathOf(made.body.url))).status).toBe(200);
    expect((await api.http.delete(`${S}/roles/${grant.body.id}`).set(admin)).status).toBe(204);
    expect((await get(pathOf(made.body.url))).status).toBe(404);
  });
});

describe('a person’s private feed', () => {
  it('shows the sessions that name them', async () => {
    const made = await api.http.post(`${S}/feeds`).set(morari.headers).send({ person: 'p-morari' });
    expect([made.status, made.body.name]).toEqual([201, 'Daniela Morari']);
    const feed = await get(pathOf(made.body.url));
    expect(titlesOf(feed.body)).toEqual(titles((s) => s.participants.some((p) => p.person === 'p-morari')));
  });
});

describe('a room’s feed', () => {
  it('is public with its summit and shows the room’s published sessions; an unknown room is 404', async () => {
    const feed = await get(`${S}/rooms/orangeraie/calendar.ics`);
    expect(feed.status).toBe(200);
    const expected = titles((s) => s.room === 'orangeraie');
    expect(expected.length).toBeGreaterThan(0);
    expect(titlesOf(feed.body)).toEqual(expected);
    expect((await get(`${S}/rooms/no-such-room/calendar.ics`)).status).toBe(404);
  });
});
