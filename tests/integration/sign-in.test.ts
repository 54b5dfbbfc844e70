import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/core/secrets.ts';
import { apiTokens, authSessions, signInLinks } from '../../server/db/schema.ts';
import { purgeExpired } from '../../server/modules/auth/auth.service.ts';
import { smallSummitFile } from '../factories/summit-file.ts';
import { admin, PUBLIC_URL, signIn, testApi, type TestApi } from '../support/app.ts';
import { TestSmtp } from '../support/smtp.ts';

let api: TestApi;
let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await new TestSmtp().start();
  api = await testApi({ smtp, trustProxy: true });
  const file = smallSummitFile();
  file.sessions!.push({
    key: 'draft-meeting',
    kind: 'meeting',
    title: 'Moldova preparatory meeting',
    durationMinutes: 30,
    participants: [{ delegation: 'MDA', role: 'speaker' }],
  });
  expect((await api.http.post('/api/summits/import').set(admin).send(file)).status).toBe(201);
});
afterAll(async () => {
  await api.close();
  await smtp.stop();
});

const linkIn = (text: string) => /(http:\/\/convene\.test\/sign-in\/verify\?token=[\w-]+)/.exec(text)?.[1];

describe('sign-in by e-mail link', () => {
  it('mails a link that signs Daniela Morari in as a delegate of Moldova', async () => {
    const asked = await api.http
      .post('/api/auth/link')
      .send({ email: 'D.Morari@example.org', next: '/summits/gfmd-2018-small/delegations/MDA' });
    expect([asked.status, asked.body]).toEqual([
      202,
      { message: 'If this address may sign in, a link is on its way.' },
    ]);
    const [mail] = await smtp.waitFor(1);
    expect([mail!.to && 'text' in mail!.to ? mail!.to.text : '', mail!.subject, mail!.from?.text]).toEqual([
      'd.morari@example.org',
      'Your sign-in link for Convene',
      '"Convene" <no-reply@convene.test>',
    ]);
    const link = linkIn(mail!.text ?? '')!;
    expect(link.startsWith(`${PUBLIC_URL}/sign-in/verify?token=`)).toBe(true);
    const token = new URL(link).searchParams.get('token')!;

    const verified = await api.http
      .post('/api/auth/verify')
      .set('x-forwarded-proto', 'https')
      .send({ token });
    expect([verified.status, verified.body.next]).toEqual([200, '/summits/gfmd-2018-small/delegations/MDA']);
    const cookie = verified.headers['set-cookie']![0]!;
    expect(cookie).toMatch(
      /^convene_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=2592000; Secure$/,
    );

    const me = await api.http.get('/api/auth/me').set('cookie', cookie.split(';')[0]!);
    expect([me.body.email, me.body.summits, me.body.csrfToken]).toEqual([
      'd.morari@example.org',
      [
        {
          slug: 'gfmd-2018-small',
          name: 'GFMD 2018 Summit',
          roles: ['delegate'],
          delegations: ['MDA'],
          people: ['p-morari'],
        },
      ],
      verified.body.csrfToken,
    ]);
    const agenda = await api.http
      .get('/api/summits/gfmd-2018-small/delegations/MDA/agenda')
      .set('cookie', cookie.split(';')[0]!);
    expect(agenda.body.sessions.map((s: { key: string }) => s.key)).toEqual([
      'se-capacity-building',
      'draft-meeting',
    ]);

    const again = await api.http.post('/api/auth/verify').send({ token });
    expect([again.status, again.body.errors]).toEqual([
      400,
      [
        {
          path: 'token',
          message: 'this sign-in link is unknown, already used or expired: ask for a new one',
          code: 'signInLink',
        },
      ],
    ]);
  });

  it('gives the same answer for an unknown address, which signs in as a visitor', async () => {
    const asked = await api.http.post('/api/auth/link').send({ email: 'someone@elsewhere.example' });
    expect([asked.status, asked.body]).toEqual([
      202,
      { message: 'If this address may sign in, a link is on its way.' },
    ]);
    const mails = await smtp.waitFor(2);
    const token = new URL(linkIn(mails[1]!.text ?? '')!).searchParams.get('token')!;
    const verified = await api.http.post('/api/auth/verify').send({ token });
    const me = await api.http
      .get('/api/auth/me')
      .set('cookie', verified.headers['set-cookie']![0]!.split(';')[0]!);
    expect([me.body.kind, me.body.email, me.body.summits]).toEqual(['user', 'someone@elsewhere.example', []]);
  });

  it('refuses an expired link', async () => {
    await api.http.post('/api/auth/link').send({ email: 'late@example.org' });
    const [mail] = (await smtp.waitFor(3)).slice(-1);
    const token = new URL(linkIn(mail!.text ?? '')!).searchParams.get('token')!;
    await api.database.db
      .update(signInLinks)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(signInLinks.tokenHash, hashToken(token)));
    expect((await api.http.post('/api/auth/verify').send({ token })).status).toBe(400);
  });

  it('keeps only a hash of each link', async () => {
    const rows = await api.database.db.select({ hash: signInLinks.tokenHash }).from(signInLinks);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
    expect(smtp.received.some((m) => rows.some((r) => (m.text ?? '').includes(r.hash)))).toBe(false);
  });

  it('limits links per address, with the same answer for everyone', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await api.http.post('/api/auth/link').send({ email: 'flood@example.org' })).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it('limits links per network address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push(
        (
          await api.http
            .post('/api/auth/link')
            .set('x-forwarded-for', '203.0.113.9')
            .send({ email: `p${i}@example.org` })
        ).status,
      );
    expect([statuses.slice(0, 20).every((s) => s === 202), statuses[20]]).toEqual([true, 429]);
  });

  it('never follows a link to another site after signing in, however the address is disguised', async () => {
    // What each `next` is stored as: a path of this site, or nothing. Browsers read a backslash as a
    // slash and resolve "." segments: each disguise reads as //evil.example.
    const cases: [string, string | null][] = [
      ['/summits/gfmd-2018-small?tab=rooms#orangeraie', '/summits/gfmd-2018-small?tab=rooms#orangeraie'],
      [`${PUBLIC_URL}/summits/gfmd-2018-small`, '/summits/gfmd-2018-small'],
      ['/%09/evil.example/x', '/%09/evil.example/x'],
      ['//evil.example/', null],
      [' //evil.example/x', null],
      ['/\\evil.example/x', null],
      ['\\/evil.example/x', null],
      ['/\\/evil.example/x', null],
      ['///evil.example/x', null],
      ['https://evil.example/x', null],
      ['http://convene.test.evil.example/x', null],
      ['javascript:alert(1)', null],
      ['/.//evil.example/x', null],
      ['/%2e//evil.example/x', null],
      ['/a/..//evil.example/x', null],
    ];
    const stored: [string, string | null][] = [];
    for (const [i, [next]] of cases.entries()) {
      const email = `redirect.${i}@example.org`;
      const asked = await api.http
        .post('/api/auth/link')
        .set('x-forwarded-for', `198.51.100.${i + 1}`)
        .send({ email, next });
      expect(asked.status).toBe(202);
      const [row] = await api.database.db
        .select({ next: signInLinks.next })
        .from(signInLinks)
        .where(eq(signInLinks.email, email));
      stored.push([next, row!.next]);
    }
    expect(stored).toEqual(cases);
  });

  it('refuses a `next` with a tab or a line break in it, which browsers would drop', async () => {
    const answers = [];
    for (const [i, next] of ['/\t/evil.example/x', '/\n/evil.example/x', '/\r\n/evil.example/x'].entries()) {
      const asked = await api.http
        .post('/api/auth/link')
        .set('x-forwarded-for', `198.51.101.${i + 1}`)
        .send({ email: `tabbed.${i}@example.org`, next });
      answers.push([asked.status, asked.body.errors[0].path]);
    }
    expect(answers).toEqual([
      [400, 'next'],
      [400, 'next'],
      [400, 'next'],
    ]);
  });
});

describe('sessions', () => {
  it('needs the CSRF token for writes made with the cookie', async () => {
    const support = await signIn(api, 'support@gfmd.example');
    await api.http
      .post('/api/summits/gfmd-2018-small/roles')
      .set(admin)
      .send({ email: 'support@gfmd.example', role: 'support_unit', invite: false });
    const without = await api.http
      .patch('/api/summits/gfmd-2018-small/rooms/orangeraie')
      .set('cookie', support.cookie)
      .send({ capacity: 210 });
    expect([without.status, without.body.errors]).toEqual([
      403,
      [{ path: 'X-CSRF-Token', message: 'missing or wrong CSRF token (read it from GET /api/auth/me)' }],
    ]);
    const wrong = await api.http
      .patch('/api/summits/gfmd-2018-small/rooms/orangeraie')
      .set({ cookie: support.cookie, 'x-csrf-token': 'nope' })
      .send({ capacity: 210 });
    expect(wrong.status).toBe(403);
    const right = await api.http
      .patch('/api/summits/gfmd-2018-small/rooms/orangeraie')
      .set(support.headers)
      .send({ capacity: 210 });
    expect([right.status, right.body.capacity]).toEqual([200, 210]);
  });

  it('signs out here, or everywhere', async () => {
    const laptop = await signIn(api, 'o.chirita@example.org');
    const phone = await signIn(api, 'o.chirita@example.org');
    const tablet = await signIn(api, 'o.chirita@example.org');
    expect((await api.http.post('/api/auth/sign-out').set(laptop.headers)).status).toBe(204);
    expect((await api.http.get('/api/auth/me').set('cookie', laptop.cookie)).body.kind).toBe('anonymous');
    expect((await api.http.get('/api/auth/me').set('cookie', phone.cookie)).body.email).toBe(
      'o.chirita@example.org',
    );
    expect((await api.http.post('/api/auth/sign-out-everywhere').set(phone.headers)).status).toBe(204);
    const after = await Promise.all(
      [phone, tablet].map((s) => api.http.get('/api/auth/me').set('cookie', s.cookie)),
    );
    expect(after.map((r) => r.body.kind)).toEqual(['anonymous', 'anonymous']);
  });

  it('forgets expired links and sessions, but keeps links the rate limits still count', async () => {
    const db = api.database.db;
    const stale = await signIn(api, 'm.stale@example.org');
    const fresh = await signIn(api, 'm.fresh@example.org');
    await api.http.post('/api/auth/link').send({ email: 'm.pending@example.org' });
    const staleHash = hashToken(stale.cookie.split('=')[1]!);
    await db
      .update(authSessions)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(authSessions.tokenHash, staleHash));
    // m.stale's link expired an hour ago; m.fresh's a minute ago, but the last 15 minutes' links count.
    await db
      .update(signInLinks)
      .set({ createdAt: sql`now() - interval '75 minutes'`, expiresAt: sql`now() - interval '60 minutes'` })
      .where(eq(signInLinks.email, 'm.stale@example.org'));
    await db
      .update(signInLinks)
      .set({ createdAt: sql`now() - interval '14 minutes'`, expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(signInLinks.email, 'm.fresh@example.org'));

    // Every other link of this file was made minutes ago: only m.stale's link and session go.
    expect(await purgeExpired(db)).toEqual({ links: 1, sessions: 1 });
    const links = (await db.select({ email: signInLinks.email }).from(signInLinks)).map((l) => l.email);
    expect(links.filter((e) => e.startsWith('m.')).sort()).toEqual([
      'm.fresh@example.org',
      'm.pending@example.org',
    ]);
    expect((await api.http.get('/api/auth/me').set('cookie', stale.cookie)).body.kind).toBe('anonymous');
    expect((await api.http.get('/api/auth/me').set('cookie', fresh.cookie)).body.email).toBe(
      'm.fresh@example.org',
    );
  });

  it('opens a browser session with ADMIN_TOKEN', async () => {
    const res = await api.http.post('/api/auth/token').send({ token: 'test-admin-token' });
    const me = await api.http
      .get('/api/auth/me')
      .set('cookie', res.headers['set-cookie']![0]!.split(';')[0]!);
    expect([res.status, me.body.kind, me.body.admin]).toEqual([200, 'admin', true]);
    expect((await api.http.post('/api/auth/token').send({ token: 'not-the-admin-token' })).status).toBe(400);
  });
});

describe('API tokens', () => {
  it('are shown once, stored hashed, act as their maker, and stop working when revoked', async () => {
    const created = await api.http.post('/api/tokens').set(admin).send({ name: 'nightly import' });
    expect([created.status, created.body.name, /^cvn_[\w-]{43}$/.test(created.body.token)]).toEqual([
      201,
      'nightly import',
      true,
    ]);
    const [stored] = await api.database.db.select().from(apiTokens).where(eq(apiTokens.id, created.body.id));
    expect([stored!.tokenHash, stored!.tokenHash === created.body.token]).toEqual([
      hashToken(created.body.token),
      false,
    ]);
    const listed = await api.http.get('/api/tokens').set(admin);
    expect(listed.body.find((t: { id: number }) => t.id === created.body.id)).not.toHaveProperty('token');
    const bearer = { authorization: `Bearer ${created.body.token}` };
    expect((await api.http.get('/api/summits/gfmd-2018-small/export').set(bearer)).status).toBe(200);
    expect((await api.http.delete(`/api/tokens/${created.body.id}`).set(admin)).status).toBe(204);
    expect((await api.http.get('/api/summits/gfmd-2018-small/export').set(bearer)).status).toBe(401);
  });

  it('are made by the support unit, not by a visitor', async () => {
    const visitor = await signIn(api, 'visitor@example.org');
    const refused = await api.http.post('/api/tokens').set(visitor.headers).send({ name: 'mine' });
    expect([refused.status, refused.body.errors]).toEqual([
      403,
      [{ path: '', message: 'only a support unit or an administrator may create API tokens' }],
    ]);
    const support = await signIn(api, 'support@gfmd.example');
    const made = await api.http.post('/api/tokens').set(support.headers).send({ name: 'support script' });
    const me = await api.http.get('/api/auth/me').set('authorization', `Bearer ${made.body.token}`);
    expect([made.status, me.body.email, me.body.summits[0].roles]).toEqual([
      201,
      'support@gfmd.example',
      ['support_unit'],
    ]);
  });
});
