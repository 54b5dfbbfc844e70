// The sign-in rate limits under real parallel requests: each is one atomic decision, on PGlite and
// on PostgreSQL (where requests run at once on several connections).
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, signInLinks } from '../../server/db/schema.ts';
import { testApi, type TestApi } from '../support/app.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi({ trustProxy: true });
});
afterAll(async () => {
  await api.close();
});

/** Sends every request at once; answers how many got each status. */
async function atOnce(requests: { email: string; ip: string }[]): Promise<Record<number, number>> {
  const answers = await Promise.all(
    requests.map(({ email, ip }) =>
      api.http.post('/api/auth/link').set('x-forwarded-for', ip).send({ email }),
    ),
  );
  const statuses: Record<number, number> = {};
  for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
  return statuses;
}

const linksTo = async (email: string) =>
  (await api.database.db.select({ n: count() }).from(signInLinks).where(eq(signInLinks.email, email)))[0]!.n;
const linksFrom = async (ip: string) =>
  (await api.database.db.select({ n: count() }).from(signInLinks).where(eq(signInLinks.ip, ip)))[0]!.n;
const mailsTo = async (email: string) =>
  (await api.database.db.select({ n: count() }).from(outbox).where(eq(outbox.recipient, email)))[0]!.n;

describe('sign-in limits under concurrent requests', () => {
  it('30 requests at once for one address from one network address queue exactly 5 links', async () => {
    const email = 'crowd@example.org';
    const statuses = await atOnce(Array.from({ length: 30 }, () => ({ email, ip: '203.0.113.30' })));
    expect([statuses, await linksTo(email), await mailsTo(email)]).toEqual([{ 202: 5, 429: 25 }, 5, 5]);
  });

  it('60 requests at once from one network address queue exactly 20 links', async () => {
    const ip = '203.0.113.60';
    const statuses = await atOnce(
      Array.from({ length: 60 }, (_, i) => ({ email: `many.${i}@example.org`, ip })),
    );
    expect([statuses, await linksFrom(ip)]).toEqual([{ 202: 20, 429: 40 }, 20]);
  });
});

describe('an address cannot be locked out by others', () => {
  const ask = (email: string, ip: string) =>
    api.http.post('/api/auth/link').set('x-forwarded-for', ip).send({ email });

  it('five requests from each of five network addresses leave the owner free to ask', async () => {
    const email = 'victim@example.org';
    const others = ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4', '192.0.2.5'];
    const flood: number[] = [];
    for (const ip of others) for (let i = 0; i < 5; i++) flood.push((await ask(email, ip)).status);
    const sixth = await ask(email, others[0]!);
    const owner = await ask(email, '198.51.100.77');
    expect([flood.every((s) => s === 202), sixth.status, owner.status]).toEqual([true, 429, 202]);
  });

  it('an address gets at most 30 links in 15 minutes, however many network addresses ask at once', async () => {
    const email = 'popular@example.org';
    const statuses = await atOnce(Array.from({ length: 40 }, (_, i) => ({ email, ip: `10.1.0.${i + 1}` })));
    const refused = await ask(email, '10.1.1.1');
    expect([statuses, await linksTo(email), refused.status, refused.body.errors]).toEqual([
      { 202: 30, 429: 10 },
      30,
      429,
      [
        {
          path: 'email',
          message:
            'too many sign-in links were sent to this address in the last 15 minutes: each of them works for 15 minutes, or try again later',
        },
      ],
    ]);
  });
});
