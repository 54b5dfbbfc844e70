// Requests no browser sends: malformed cookies, and large bodies from callers who may not post them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, signIn, testApi, type TestApi } from '../support/app.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.close();
});

const needs = (what: string, who: string) => [{ path: 'Authorization', message: `${what} needs ${who}` }];

describe('a malformed cookie', () => {
  it('a session cookie that is not URI-encoded ("%") is anonymous', async () => {
    const me = await api.http.get('/api/auth/me').set('cookie', 'convene_session=%');
    expect([me.status, me.body]).toEqual([
      200,
      { kind: 'anonymous', email: null, admin: false, language: null, summits: [], csrfToken: null },
    ]);
    const summits = await api.http.get('/api/summits').set('cookie', 'convene_session=%E0%A4%A');
    expect(summits.status).toBe(200);
    const tokens = await api.http.get('/api/tokens').set('cookie', 'convene_session=%');
    expect([tokens.status, tokens.body.errors]).toEqual([
      401,
      needs('GET /api/tokens', 'a signed-in user or a token'),
    ]);
  });

  it("another site's malformed cookie beside a good session cookie does not sign the caller out", async () => {
    const session = await signIn(api, 'cookie.jar@example.org');
    const me = await api.http
      .get('/api/auth/me')
      .set('cookie', `theme=%zz; ${session.cookie}; tracker="%"; =%; %=`);
    expect([me.status, me.body.email]).toEqual([200, 'cookie.jar@example.org']);
  });

  it('a quoted session cookie (never one we set) is anonymous, not an error', async () => {
    const session = await signIn(api, 'quoted@example.org');
    const [name, value] = session.cookie.split('=');
    const me = await api.http.get('/api/auth/me').set('cookie', `${name}="${value}"`);
    expect([me.status, me.body.kind]).toEqual([200, 'anonymous']);
  });
});

describe('large bodies from callers who may not post them', () => {
  // 200 kB that is not JSON: a parser reading it would answer 400 (or 413 past its limit).
  const notJson = `{"summit": ${'x'.repeat(200_000)}`;

  it('an anonymous import of 200 kB of broken JSON is refused for who it is, not parsed', async () => {
    const res = await api.http
      .post('/api/summits/import')
      .set('content-type', 'application/json')
      .send(notJson);
    expect([res.status, res.body.errors]).toEqual([
      401,
      needs('POST /api/summits/import', 'a signed-in user or a token'),
    ]);
  });

  it('an anonymous import larger than 5 MB answers 401, not 413', async () => {
    const res = await api.http
      .post('/api/summits/import')
      .set('content-type', 'application/json')
      .send(`[${'1,'.repeat(3_000_000)}1]`);
    expect(res.status).toBe(401);
  });

  it('an anonymous write past the 100 kB limit of its route answers 401, not 413', async () => {
    const res = await api.http
      .post('/api/tokens')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ name: 'n'.repeat(150_000) }));
    expect([res.status, res.body.errors]).toEqual([
      401,
      needs('POST /api/tokens', 'a signed-in user or a token'),
    ]);
  });

  it('a visitor posting 200 kB to an administrators-only route gets 403 before any parsing', async () => {
    const visitor = await signIn(api, 'big.body@example.org');
    const res = await api.http
      .post('/api/summits')
      .set(visitor.headers)
      .set('content-type', 'application/json')
      .send(notJson);
    expect([res.status, res.body.errors]).toEqual([403, needs('POST /api/summits', 'an administrator')]);
  });

  it('a caller who may post still has a broken body refused as broken', async () => {
    const res = await api.http
      .post('/api/summits/import')
      .set(admin)
      .set('content-type', 'application/json')
      .send(notJson);
    expect([res.status, res.body.errors[0].message.startsWith('the body is not valid JSON')]).toEqual([
      400,
      true,
    ]);
  });
});
