// The RSVP links of an invitation, and an invitation as a mail server receives it (issue 12, item 1).
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../server/db/schema.ts';
import { smallSummitFile } from '../factories/summit-file.ts';
import { admin, signIn, testApi, type TestApi } from '../support/app.ts';
import { TestSmtp } from '../support/smtp.ts';

const S = '/api/summits/gfmd-2018-small';
let api: TestApi;
let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await new TestSmtp().start();
  api = await testApi({ smtp });
  expect((await api.http.post('/api/summits/import').set(admin).send(smallSummitFile())).status).toBe(201);
  expect((await api.http.post(`${S}/publish`).set(admin).send({})).body.release).toEqual({
    number: 1,
    invitations: 1,
  });
});
afterAll(async () => {
  await api.close();
  await smtp.stop();
});

/** The RSVP links of Daniela Morari's invitation, by answer, as paths of the app. */
async function links(): Promise<Record<string, string>> {
  const [mail] = await api.database.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.kind, 'invite_request'), eq(outbox.recipient, 'd.morari@example.org')))
    .orderBy(asc(outbox.id));
  const found = [...mail!.bodyText.matchAll(/http:\/\/convene\.test(\/api\/rsvp\/\S+\?answer=(\w+))/g)];
  return Object.fromEntries(found.map((m) => [m[2]!, m[1]!]));
}

describe('an invitation as delivered', () => {
  it('reaches the mail server with a text/calendar; method=REQUEST part', async () => {
    const [mail] = await smtp.waitFor(1);
    expect([mail!.to && 'text' in mail!.to ? mail!.to.text : '', mail!.subject]).toEqual([
      'd.morari@example.org',
      'Invitation: What role for capacity building in turning the Global Compact on Migration into action?',
    ]);
    const calendar = mail!.attachments.find((a) => a.contentType === 'text/calendar')!;
    expect(calendar.headers.get('content-type')).toEqual({
      value: 'text/calendar',
      params: { charset: 'utf-8', method: 'REQUEST' },
    });
    expect(calendar.content.toString('utf8')).toContain('\r\nMETHOD:REQUEST\r\n');
  });
});

describe('RSVP links', () => {
  it('open a page that asks, and record nothing until its button posts the answer', async () => {
    const { accepted } = await links();
    const page = await api.http.get(accepted!);
    expect([page.status, page.type, page.headers['cache-control']]).toEqual([200, 'text/html', 'no-store']);
    expect(page.text).toContain(`<form method="post" action="${accepted}">`);
    expect((await api.http.get(`${S}/rsvps`).set(admin)).body).toEqual({ rsvps: [] });
  });

  it('record the answer without sign-in, visible to the support unit; the last answer counts', async () => {
    const { accepted, declined } = await links();
    expect((await api.http.post(accepted!)).status).toBe(200);
    const answered = await api.http.post(declined!);
    expect([answered.status, answered.text]).toEqual([
      200,
      expect.stringContaining('“I will not attend” is recorded'),
    ]);
    const { body } = await api.http.get(`${S}/rsvps`).set(admin);
    expect(body).toEqual({
      rsvps: [
        {
          session: 'se-capacity-building',
          person: 'p-morari',
          answer: 'declined',
          answeredAt: expect.any(String),
        },
      ],
    });
  });

  it('answer 404 to a forged token, and to a token used for another answer', async () => {
    const { accepted } = await links();
    const [path, query] = accepted!.split('?');
    const [payload, sig] = path!.slice('/api/rsvp/'.length).split('.');
    const other = Buffer.from(JSON.stringify([1, 'se-capacity-building', 'p-genetzke'])).toString(
      'base64url',
    );
    const forged = [
      `/api/rsvp/${other}.${sig}?${query}`,
      `/api/rsvp/${payload}.${sig}?answer=declined`,
      `/api/rsvp/${payload}.${'A'.repeat(43)}?${query}`,
      '/api/rsvp/not-a-token?answer=accepted',
    ];
    for (const url of forged) {
      expect([(await api.http.get(url)).status, (await api.http.post(url)).status]).toEqual([404, 404]);
    }
    expect((await api.http.get(`${S}/rsvps`).set(admin)).body.rsvps).toHaveLength(1);
  });

  it('keep the answers from anyone but the support unit, and work in a signed-in browser', async () => {
    expect((await api.http.get(`${S}/rsvps`)).status).toBe(401);
    const delegate = await signIn(api, 'd.morari@example.org');
    expect((await api.http.get(`${S}/rsvps`).set(delegate.headers)).status).toBe(403);
    // A form posted by a signed-in browser sends the cookie without a CSRF token: the link still works.
    const { tentative } = await links();
    expect((await api.http.post(tentative!).set('cookie', delegate.cookie)).status).toBe(200);
    expect((await api.http.get(`${S}/rsvps`).set(admin)).body.rsvps[0].answer).toBe('tentative');
  });
});
