import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallSummitFile } from '../factories/summit-file.ts';
import { admin, signIn, testApi, type TestApi } from '../support/app.ts';
import { TestSmtp } from '../support/smtp.ts';

const S = '/api/summits/gfmd-2018-small';

describe('the Outbox without a mail server', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi();
    await api.http.post('/api/summits/import').set(admin).send(smallSummitFile());
  });
  afterAll(async () => {
    await api.close();
  });

  it('holds every message and shows administrators the sign-in link to pass on', async () => {
    await api.http.post('/api/auth/link').send({ email: 'd.morari@example.org' });
    const res = await api.http.get('/api/outbox').set(admin);
    const [message] = res.body.messages;
    expect([res.body.delivers, message.recipient, message.subject, message.status, message.attempts]).toEqual(
      [false, 'd.morari@example.org', 'Your sign-in link for Convene', 'held', 0],
    );
    expect(message.bodyText).toMatch(/http:\/\/convene\.test\/sign-in\/verify\?token=[\w-]{43}/);
  });

  it("shows a summit's support unit that summit's messages only", async () => {
    await api.http
      .post(`${S}/roles`)
      .set(admin)
      .send({ email: 'support@gfmd.example', role: 'support_unit', invite: true });
    await api.http
      .post(`${S}/roles`)
      .set(admin)
      .send({ email: 'o.chirita@example.org', role: 'delegate', delegation: 'ICMPD', invite: true });
    const support = await signIn(api, 'support@gfmd.example');
    const res = await api.http.get(`${S}/outbox`).set(support.headers);
    expect(
      res.body.messages.map((m: { recipient: string; subject: string; kind: string }) => [
        m.kind,
        m.recipient,
        m.subject,
      ]),
    ).toEqual([
      ['invite', 'o.chirita@example.org', 'Invitation: GFMD 2018 Summit'],
      ['invite', 'support@gfmd.example', 'Invitation: GFMD 2018 Summit'],
    ]);
    expect(res.body.messages[0].bodyText).toContain(
      'You have been given a role in GFMD 2018 Summit: delegate of International Centre for Migration Policy Development, a delegation of 3 delegates.',
    );
    const everything = await api.http.get('/api/outbox').set(support.headers);
    expect(everything.status).toBe(403);
  });

  it("shows a summit's support unit the sign-in links of its own people, and no one else's", async () => {
    // Someone of another summit too: the support unit of this one must not hold their way in.
    await api.http
      .post('/api/summits/import')
      .set(admin)
      .send(smallSummitFile({ summit: { ...smallSummitFile().summit, slug: 'gfmd-2019-other' } }));
    await api.http
      .post(`${S}/roles`)
      .set(admin)
      .send({ email: 'both@example.org', role: 'visitor', invite: false });
    await api.http
      .post('/api/summits/gfmd-2019-other/roles')
      .set(admin)
      .send({ email: 'both@example.org', role: 'visitor', invite: false });
    for (const email of ['both@example.org', 'stranger@example.org', 'o.chirita@example.org'])
      await api.http.post('/api/auth/link').send({ email });
    const support = await signIn(api, 'support@gfmd.example');
    const res = await api.http.get(`${S}/outbox`).set(support.headers);
    const links = res.body.signInLinks.map((l: { recipient: string; link: string }) => [
      l.recipient,
      /^http:\/\/convene\.test\/sign-in\/verify\?token=[\w-]{43}$/.test(l.link),
    ]);
    // Daniela Morari (d.morari@example.org) is a person of both summits now: not listed either.
    // The support unit signed in twice within the quarter of an hour (here and the case above).
    expect(links).toEqual([
      ['support@gfmd.example', true],
      ['o.chirita@example.org', true],
      ['support@gfmd.example', true],
    ]);
    const delegate = await signIn(api, 'o.chirita@example.org');
    expect((await api.http.get(`${S}/outbox`).set(delegate.headers)).status).toBe(403);
  });

  it('cannot send a held message without a mail server', async () => {
    const [message] = (await api.http.get('/api/outbox').set(admin)).body.messages;
    const res = await api.http.post(`/api/outbox/${message.id}/resend`).set(admin);
    expect([res.status, res.body.errors[0].message]).toEqual([
      403,
      'no mail server is configured (SMTP_URL): the message stays in the outbox',
    ]);
  });
});

describe('the Outbox with a mail server', () => {
  let api: TestApi;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await new TestSmtp().start();
    api = await testApi({ smtp });
  });
  afterAll(async () => {
    await api.close();
    await smtp.stop();
  });

  it('hides a sign-in link once the message went to the mail server', async () => {
    await api.http.post('/api/auth/link').send({ email: 'd.morari@example.org' });
    await smtp.waitFor(1);
    let message: { status: string; bodyText: string; messageId: string } | undefined;
    for (let i = 0; i < 100 && message?.status !== 'sent'; i++) {
      [message] = (await api.http.get('/api/outbox').set(admin)).body.messages;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect([message!.status, message!.bodyText, message!.messageId]).toEqual([
      'sent',
      '(This message carries a sign-in link. It is not shown once handed to the mail server.)',
      smtp.received[0]!.messageId,
    ]);
  });
});
