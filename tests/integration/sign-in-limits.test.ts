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
