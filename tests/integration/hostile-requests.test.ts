// Requests no browser sends: malformed cookies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApi, type TestApi } from '../support/app.ts';

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
      { kind: 'anonymous', email: null, admin: false, summits: [], csrfToken: null },
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

  it('a quoted session cookie is read without its quotes', async () => {
    const session = await signIn(api, 'quoted@example.org');
    const [name, value] = session.cookie.split('=');
    const me = await api.http.get('/api/auth/me').set('cookie', `${name}="${value}"`);
    expect(me.body.email).toBe('quoted@example.org');
  });
});
