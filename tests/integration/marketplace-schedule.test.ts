// The support unit's automatic schedule (issue 11, item 4): requests that leave their slot open are
// accepted by the owner, then placed by the placement engine at the Marketplace's tables, in its
// windows, on its slot grid, never where a delegation is elsewhere; what cannot be placed says why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKET_SLUG, marketplaceSummitFile } from '../factories/marketplace.ts';
import { admin, type Session, signIn, type TestApi, testApi } from '../support/app.ts';

let api: TestApi;
let morari: Session; // Moldova: one person, in RT 1.2 10:00–11:30
let jallow: Session; // The Gambia
let chirita: Session; // ICMPD
let pope: Session; // IOM
const M = `/api/summits/${MARKET_SLUG}/marketplace`;

beforeAll(async () => {
  api = await testApi();
  expect((await api.http.post('/api/summits/import').set(admin).send(marketplaceSummitFile())).status).toBe(
    201,
  );
  morari = await signIn(api, 'morari@example.org');
  jallow = await signIn(api, 'jallow@example.org');
  chirita = await signIn(api, 'chirita@example.org');
  pope = await signIn(api, 'pope@example.org');
});
afterAll(async () => {
  await api.close();
});

/** A request on Moldova's need that leaves the slot to the support unit, accepted by Moldova. */
async function acceptedWithoutSlot(provider: Session): Promise<number> {
  const made = await api.http.post(`${M}/consultations`).set(provider.headers).send({ need: 'mda-diaspora' });
  expect([made.status, made.body.status, made.body.room, made.body.start, made.body.end]).toEqual([
    201,
    'requested',
    null,
    null,
    null,
  ]);
  const accepted = await api.http
    .post(`${M}/consultations/${made.body.id}/accept`)
    .set(morari.headers)
    .send({});
  expect([accepted.status, accepted.body.status, accepted.body.session]).toEqual([
    200,
    'accepted',
    `mc-${made.body.id}`,
  ]);
  return made.body.id;
}

const localTime = (iso: string) => {
  const d = new Date(Date.parse(iso) + 3_600_000); // Casablanca is UTC+1 in December 2099
  return d.toISOString().slice(11, 16);
};

describe('requests that leave their slot to the support unit', () => {
  let ids: number[] = [];

  it('hold no table and commit no one until scheduled: their session waits unplaced', async () => {
    ids = [await acceptedWithoutSlot(chirita), await acceptedWithoutSlot(pope)];
    const session = await api.http.get(`/api/summits/${MARKET_SLUG}/sessions/mc-${ids[0]}`).set(admin);
    expect([
      session.body.room,
      session.body.start,
      session.body.durationMinutes,
      session.body.pinned,
    ]).toEqual([undefined, undefined, 30, false]);
    // Every slot outside Moldova's roundtable is still offered to a third provider.
    const slots = await api.http.get(`${M}/slots?need=mda-diaspora`).set(jallow.headers);
    expect(slots.body.slots.filter((s: { bookable: boolean }) => s.bookable)).toHaveLength(4);
  });

  it('are scheduled only where Moldova’s one delegate is free, each at a table of its own', async () => {
    ids.push(await acceptedWithoutSlot(jallow));
    const res = await api.http.post(`${M}/schedule`).set(admin).send({ timeLimitMs: 2_000 });
    expect(res.status).toBe(200);
    // Moldova has one person, free 09:30–10:00 and 11:30–12:00 only: two of the three fit.
    expect(res.body.scheduled.map((s: { start: string }) => localTime(s.start))).toEqual(['09:30', '11:30']);
    expect(res.body.scheduled.every((s: { room: string }) => ['table-1', 'table-2'].includes(s.room))).toBe(
      true,
    );
    expect(res.body.unscheduled).toHaveLength(1);
    expect(res.body.unscheduled[0].need).toBe('mda-diaspora');
    const [providerOf] = res.body.unscheduled.map((u: { id: number }) =>
      u.id === ids[0] ? 'ICMPD' : u.id === ids[1] ? 'IOM' : 'The Gambia',
    );
    const held = ['ICMPD', 'IOM', 'The Gambia'].filter((d) => d !== providerOf);
    expect(res.body.unscheduled[0].reason).toBe(
      `every room and time it could take is taken by sessions placed here: "Marketplace: Diaspora engagement strategy, with ${held[0]}" and "Marketplace: Diaspora engagement strategy, with ${held[1]}"`,
    );
    // And for a program, which the tables page says in the reader's language.
    expect(res.body.unscheduled[0].why).toEqual({
      code: 'taken',
      titles: held.map((d) => `Marketplace: Diaspora engagement strategy, with ${d}`),
    });

    // Each scheduled one is booked: its consultation has the slot, its session the room and time.
    for (const s of res.body.scheduled) {
      const c = await api.http.get(`${M}/consultations/${s.id}`).set(morari.headers);
      expect([c.body.status, c.body.room, c.body.start, c.body.end]).toEqual([
        'accepted',
        s.room,
        s.start,
        s.end,
      ]);
      const session = await api.http.get(`/api/summits/${MARKET_SLUG}/sessions/mc-${s.id}`).set(admin);
      expect([session.body.room, session.body.pinned]).toEqual([s.room, true]);
    }
    // Both sides are told.
    const outbox = (await api.http.get(`/api/summits/${MARKET_SLUG}/outbox`).set(admin)).body.messages;
    const told = outbox
      .filter((m: { kind: string }) => m.kind === 'marketplace_scheduled')
      .map((m: { recipient: string }) => m.recipient)
      .sort();
    const providers = res.body.scheduled.map((s: { id: number }) =>
      s.id === ids[0] ? 'chirita@example.org' : s.id === ids[1] ? 'pope@example.org' : 'jallow@example.org',
    );
    expect(told).toEqual([...providers, 'morari@example.org', 'morari@example.org'].sort());
  });

  it('leaves nothing to do the second time, and is the support unit’s alone', async () => {
    const again = await api.http.post(`${M}/schedule`).set(admin).send({});
    expect([again.status, again.body.scheduled]).toEqual([200, []]);
    expect(again.body.unscheduled).toHaveLength(1);
    const byOwner = await api.http.post(`${M}/schedule`).set(morari.headers).send({});
    expect([byOwner.status, byOwner.body.errors]).toEqual([
      403,
      [{ path: '', message: 'only the support unit changes the Marketplace’s settings' }],
    ]);
  });
});
