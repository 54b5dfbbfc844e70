// A booking rush on PostgreSQL (issue 11): 200 concurrent requests on 50 slots by 120 provider
// delegations. The exclusion constraint and the delegation locks leave exactly one live request
// per slot, no delegation in more consultations at once than it has people, and no 5xx.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashToken } from '../../server/core/secrets.ts';
import { apiTokens, users } from '../../server/db/schema.ts';
import { marketplaceSummitFile } from '../factories/marketplace.ts';
import { admin, type TestApi, testApi } from '../support/app.ts';

const TABLES = 25;
const PROVIDERS = 120;
const OWNERS = 5;
const SLUG = 'gfmd-rush';

let api: TestApi;
const tokens: string[] = [];

const rows = <T>(r: unknown) => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];

describe.skipIf(!inject('databaseUrl'))('a booking rush on PostgreSQL', () => {
  beforeAll(async () => {
    api = await testApi();
    const base = marketplaceSummitFile();
    const providers = Array.from({ length: PROVIDERS }, (_, i) => `P${i}`);
    const owners = Array.from({ length: OWNERS }, (_, i) => `O${i}`);
    const file = {
      ...base,
      summit: { ...base.summit, slug: SLUG },
      rooms: Array.from({ length: TABLES }, (_, i) => ({
        key: `t${i}`,
        name: `Table ${i + 1}`,
        capacity: 10,
      })),
      segments: [
        {
          key: 'mp',
          kind: 'marketplace',
          title: 'Marketplace',
          start: '2099-12-10T09:00',
          end: '2099-12-10T10:00',
        },
      ],
      // Every fourth provider has one person: its second request at the same time must fail.
      delegations: [
        ...owners.map((key) => ({ key, name: `Owner ${key}`, kind: 'member_state', size: 100 })),
        ...providers.map((key, i) => ({
          key,
          name: `Provider ${key}`,
          kind: 'civil_society',
          size: i % 4 === 0 ? 1 : 2,
        })),
      ],
      people: providers.map((key) => ({
        key: `p-${key}`,
        name: `Person ${key}`,
        email: `${key.toLowerCase()}@rush.example`,
        delegation: key,
      })),
      sessions: [],
      marketplace: {
        slotMinutes: 30,
        tables: Array.from({ length: TABLES }, (_, i) => `t${i}`),
        segments: ['mp'],
        needs: owners.map((owner) => ({ key: `need-${owner}`, owner, title: `Need of ${owner}` })),
      },
    };
    expect((await api.http.post('/api/summits/import').set(admin).send(file)).status).toBe(201);
    // API tokens written directly: 120 sign-ins would meet the sign-in limits.
    for (const key of providers) {
      const [user] = await api.database.db
        .insert(users)
        .values({ email: `${key.toLowerCase()}@rush.example` })
        .returning();
      const token = `rush-${key}`;
      await api.database.db
        .insert(apiTokens)
        .values({ name: key, tokenHash: hashToken(token), userId: user!.id, createdBy: 'test' });
      tokens.push(token);
    }
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  it('leaves exactly one live request per slot, nobody over its size, and answers only 201 or 409', async () => {
    const slots = (
      await api.http
        .get(`/api/summits/${SLUG}/marketplace/slots?need=need-O0`)
        .set({ authorization: `Bearer ${tokens[1]}` })
    ).body.slots as { id: string }[];
    expect(slots).toHaveLength(50);
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        api.http
          .post(`/api/summits/${SLUG}/marketplace/consultations`)
          .set({ authorization: `Bearer ${tokens[i % PROVIDERS]}` })
          .send({ need: `need-O${i % OWNERS}`, slot: slots[i % 50]!.id }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect([...new Set(statuses)].sort()).toEqual([201, 409]);
    for (const a of answers.filter((x) => x.status === 409))
      expect(Array.isArray(a.body.alternatives)).toBe(true);
    const perSlot = rows<{ n: number }>(
      await api.database.db.execute(
        sql`select count(*)::int as n from marketplace_consultations where status in ('requested', 'accepted') group by room_id, start_at`,
      ),
    );
    expect([perSlot.length, perSlot.every((r) => r.n === 1)]).toEqual([50, true]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(50);
    const over = rows<{ key: string }>(
      await api.database.db.execute(
        sql`select d.key from marketplace_parties p join delegations d on d.id = p.delegation_id
            join marketplace_consultations c on c.id = p.consultation_id and c.status in ('requested', 'accepted')
            group by d.key, d.size, c.start_at having count(*) > d.size`,
      ),
    );
    expect(over).toEqual([]);
  }, 120_000);
});
