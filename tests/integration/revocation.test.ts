// Access ends with what granted it: a browser session opened with an API token ends when the token
// is revoked, and whatever ADMIN_TOKEN opened or made ends when ADMIN_TOKEN changes or is unset.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens } from '../../server/db/schema.ts';
import { smallSummitFile } from '../factories/summit-file.ts';
import { admin, ADMIN_TOKEN, restartedWith, signIn, testApi, type TestApi } from '../support/app.ts';

let api: TestApi;
const S = '/api/summits/gfmd-2018-small';
beforeAll(async () => {
  api = await testApi();
  expect((await api.http.post('/api/summits/import').set(admin).send(smallSummitFile())).status).toBe(201);
  await api.http
    .post(`${S}/roles`)
    .set(admin)
    .send({ email: 'support@gfmd.example', role: 'support_unit', invite: false });
});
afterAll(async () => {
  await api.close();
});

type Http = TestApi['http'];
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const makeToken = async (http: Http, headers: Record<string, string>, name: string) => {
  const made = await http.post('/api/tokens').set(headers).send({ name });
  expect(made.status).toBe(201);
  return made.body as { id: number; token: string };
};
/** Opens a browser session with a token, as "sign in with a token" does; answers its cookie. */
const cookieOf = async (http: Http, token: string) => {
  const res = await http.post('/api/auth/token').send({ token });
  expect(res.status).toBe(200);
  return String(res.headers['set-cookie']?.[0]).split(';')[0]!;
};
const status = async (http: Http, path: string, headers: Record<string, string>) =>
  (await http.get(path).set(headers)).status;
const kindOf = async (http: Http, cookie: string) =>
  (await http.get('/api/auth/me').set('cookie', cookie)).body.kind;

describe('revoking an API token', () => {
  it("ends the administrator's browser sessions it opened", async () => {
    const made = await makeToken(api.http, admin, 'laptop');
    const cookie = await cookieOf(api.http, made.token);
    expect(await status(api.http, '/api/audit', { cookie })).toBe(200);
    expect((await api.http.delete(`/api/tokens/${made.id}`).set(admin)).status).toBe(204);
    expect([await status(api.http, '/api/audit', { cookie }), await kindOf(api.http, cookie)]).toEqual([
      401,
      'anonymous',
    ]);
  });

  it("ends a support unit's sessions opened with it, not the one opened with a link", async () => {
    const support = await signIn(api, 'support@gfmd.example');
    const made = await makeToken(api.http, support.headers, 'support script');
    const viaToken = await cookieOf(api.http, made.token);
    expect(await status(api.http, `${S}/roles`, { cookie: viaToken })).toBe(200);
    expect((await api.http.delete(`/api/tokens/${made.id}`).set(support.headers)).status).toBe(204);
    expect([
      await status(api.http, `${S}/roles`, { cookie: viaToken }),
      await status(api.http, `${S}/roles`, { cookie: support.cookie }),
    ]).toEqual([401, 200]);
  });

  it('leaves no session alive that was opened while the token was being revoked', async () => {
    const made = await makeToken(api.http, admin, 'racing');
    const cookie = await cookieOf(api.http, made.token);
    // The revocation committed after the sign-in had read the token, but before its session was written.
    await api.database.db.update(apiTokens).set({ revokedAt: sql`now()` }).where(eq(apiTokens.id, made.id));
    expect([await status(api.http, '/api/audit', { cookie }), await kindOf(api.http, cookie)]).toEqual([
      401,
      'anonymous',
    ]);
  });
});

describe('changing or unsetting ADMIN_TOKEN', () => {
  it('ends the browser sessions opened with the old value', async () => {
    const cookie = await cookieOf(api.http, ADMIN_TOKEN);
    expect(await status(api.http, '/api/audit', { cookie })).toBe(200);
    const changed = restartedWith(api, 'the-new-admin-token');
    const unset = restartedWith(api, undefined);
    expect([
      await status(changed, '/api/audit', { cookie }),
      await kindOf(changed, cookie),
      await status(unset, '/api/audit', { cookie }),
      await kindOf(unset, cookie),
    ]).toEqual([401, 'anonymous', 401, 'anonymous']);
  });

  it('ends the API tokens the administrator made, and the sessions they opened', async () => {
    const made = await makeToken(api.http, admin, 'nightly import');
    const cookie = await cookieOf(api.http, made.token);
    const changed = restartedWith(api, 'the-new-admin-token');
    const summit = {
      slug: 'after-restart',
      name: 'After',
      timeZone: 'UTC',
      startDate: '2027-01-01',
      endDate: '2027-01-02',
    };
    const created = await changed.post('/api/summits').set(bearer(made.token)).send(summit);
    expect([
      created.status,
      await status(changed, '/api/audit', bearer(made.token)),
      await status(changed, '/api/audit', { cookie }),
      await status(restartedWith(api, undefined), '/api/audit', bearer(made.token)),
      (await changed.post('/api/auth/token').send({ token: made.token })).status,
    ]).toEqual([401, 401, 401, 401, 400]);
  });

  it('keeps the tokens support units made, and what the new value makes works', async () => {
    const support = await signIn(api, 'support@gfmd.example');
    const theirs = await makeToken(api.http, support.headers, 'support nightly');
    const changed = restartedWith(api, 'the-new-admin-token');
    const ours = await makeToken(changed, bearer('the-new-admin-token'), 'after rotation');
    const cookie = await cookieOf(changed, 'the-new-admin-token');
    expect([
      await status(changed, `${S}/roles`, bearer(theirs.token)),
      await status(restartedWith(api, undefined), `${S}/roles`, bearer(theirs.token)),
      await status(changed, '/api/audit', bearer(ours.token)),
      await status(changed, '/api/audit', { cookie }),
      await status(api.http, '/api/audit', bearer(ours.token)),
    ]).toEqual([200, 200, 200, 200, 401]);
  });
});
