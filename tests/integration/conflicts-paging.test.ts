// The conflict report of a piled-up summit, a page at a time (issue 8, item 1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pileSummitFile } from '../factories/pile.ts';
import { admin, testApi, type TestApi } from '../support/app.ts';

let api: TestApi;
const S = '/api/summits/pile';
// 3 slots of 40 meetings in one room, each with Daniela Morari speaking: per slot C(40,2) = 780
// room double bookings, 780 person double bookings and one over-commitment of Moldova.
const COUNTS = { ROOM_DOUBLE_BOOKED: 2340, PERSON_DOUBLE_BOOKED: 2340, DELEGATION_OVERCOMMITTED: 3 };
const TOTAL = 4683;

beforeAll(async () => {
  api = await testApi();
  const file = pileSummitFile({ slots: 3, perSlot: 40 });
  expect((await api.http.post('/api/summits/import').set(admin).send(file)).status).toBe(201);
});
afterAll(async () => {
  await api.close();
});

type Page = {
  conflicts: { code: string; sessions: string[] }[];
  counts: object;
  total: number;
  next?: string;
};
const page = async (query: string) => {
  const res = await api.http.get(`${S}/conflicts${query}`).set(admin);
  return { status: res.status, body: res.body as Page };
};
const id = (c: { code: string; sessions: string[]; person?: string; room?: string; delegation?: string }) =>
  `${c.code}|${c.sessions.join('+')}|${c.person ?? c.room ?? c.delegation}`;

describe('GET /api/summits/{slug}/conflicts, paged', () => {
  it('answers 1,000 conflicts by default, with exact counts for the whole report and a cursor', async () => {
    const { status, body } = await page('');
    expect([status, body.conflicts.length, body.counts, body.total, typeof body.next]).toEqual([
      200,
      1000,
      COUNTS,
      TOTAL,
      'string',
    ]);
  });

  it('lists every conflict exactly once across pages of 1,000, in the order of the whole report', async () => {
    const whole = await page('?limit=10000');
    expect([whole.body.conflicts.length, whole.body.next]).toEqual([TOTAL, undefined]);
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const { body } = await page(`?limit=1000${after ? `&after=${after}` : ''}`);
      expect([body.counts, body.total]).toEqual([COUNTS, TOTAL]);
      seen.push(...body.conflicts.map(id));
      after = body.next;
      pages++;
    } while (after);
    expect(pages).toBe(5);
    expect(seen).toEqual(whole.body.conflicts.map(id));
    expect(new Set(seen).size).toBe(TOTAL);
  });

  it('refuses a limit outside 1–10,000 and a cursor it did not write, naming the field', async () => {
    const answers = await Promise.all(
      ['?limit=0', '?limit=10001', '?limit=ten', '?after=not-a-cursor'].map(page),
    );
    expect(
      answers.map((a) => [a.status, (a.body as unknown as { errors: { path: string }[] }).errors[0]!.path]),
    ).toEqual([
      [400, 'query.limit'],
      [400, 'query.limit'],
      [400, 'query.limit'],
      [400, 'query.after'],
    ]);
  });
});

describe('the rest of the API on the same pile', () => {
  it("gives Moldova's agenda its own conflicts, the first 1,000 and how many", async () => {
    const res = await api.http.get(`${S}/delegations/MDA/agenda`).set(admin);
    expect([res.status, res.body.conflicts.length, res.body.conflictTotal]).toEqual([200, 1000, 2343]);
  });

  it('refuses to publish, listing the first hundred hard conflicts and how many more', async () => {
    const res = await api.http.post(`${S}/publish`).set(admin).send({});
    expect([res.status, res.body.errors.length, res.body.errors.at(-1)]).toEqual([
      409,
      101,
      { path: 'accept', message: `and ${TOTAL - 100} more hard conflicts (see the conflict report)` },
    ]);
  });
});
