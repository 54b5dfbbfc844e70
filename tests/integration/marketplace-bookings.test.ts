// Booking Marketplace consultations: slots that say why they cannot be booked, the refusal with
// alternatives, the lifecycle (request, accept as a session, cancel, decline, expiry, cap, join,
// outcome and the funnel), and who may do what.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKET_SLUG, marketplaceSummitFile, slot } from '../factories/marketplace.ts';
import { resultRows } from '../../server/db/client.ts';
import { admin, type Session, signIn, type TestApi, testApi } from '../support/app.ts';

let api: TestApi;
let morari: Session; // Moldova, one person, in RT 1.2 10:00–11:30
let jallow: Session; // The Gambia
let chirita: Session; // ICMPD
let pope: Session; // IOM
let visitor: Session;
let stranger: Session;
const M = `/api/summits/${MARKET_SLUG}/marketplace`;

beforeAll(async () => {
  api = await testApi();
  expect((await api.http.post('/api/summits/import').set(admin).send(marketplaceSummitFile())).status).toBe(
    201,
  );
  const grant = await api.http
    .post(`/api/summits/${MARKET_SLUG}/roles`)
    .set(admin)
    .send({ email: 'visitor@example.org', role: 'visitor', invite: false });
  expect(grant.status).toBe(201);
  const sign = (name: string) => signIn(api, `${name}@example.org`);
  morari = await sign('morari');
  jallow = await sign('jallow');
  chirita = await sign('chirita');
  pope = await sign('pope');
  visitor = await sign('visitor');
  stranger = await sign('stranger');
});
afterAll(async () => {
  await api.close();
});

const request = (who: Session, need: string, at: string) =>
  api.http.post(`${M}/consultations`).set(who.headers).send({ need, slot: at });
const step = (who: Session, id: number, name: string) =>
  api.http.post(`${M}/consultations/${id}/${name}`).set(who.headers).send({});

describe('slots of a one-person delegation in a roundtable 10:00–11:30', () => {
  it('are never bookable while it sits there, and say why by name', async () => {
    const res = await api.http.get(`${M}/slots?need=mda-diaspora`).set(chirita.headers);
    expect(res.status).toBe(200);
    const busy = 'Moldova has 1 person and is committed to “RT 1.2” then';
    expect(
      res.body.slots.map((s: { id: string; bookable: boolean; reason?: string }) => [s.id, s.reason ?? 'ok']),
    ).toEqual([
      [slot('table-1', '09:30'), 'ok'],
      [slot('table-2', '09:30'), 'ok'],
      [slot('table-1', '10:00'), busy],
      [slot('table-2', '10:00'), busy],
      [slot('table-1', '10:30'), busy],
      [slot('table-2', '10:30'), busy],
      [slot('table-1', '11:00'), busy],
      [slot('table-2', '11:00'), busy],
      [slot('table-1', '11:30'), 'ok'],
      [slot('table-2', '11:30'), 'ok'],
    ]);
    expect(res.body.slots[0]).toEqual({
      id: slot('table-1', '09:30'),
      room: 'table-1',
      start: '2099-12-10T08:30:00.000Z',
      end: '2099-12-10T09:00:00.000Z',
      bookable: true,
    });
  });

  it('refuses a request for an overlapping slot, offering slots that do not overlap', async () => {
    const res = await request(chirita, 'mda-diaspora', slot('table-1', '10:30'));
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      errors: [
        {
          path: 'slot',
          message: 'Moldova has 1 person and is committed to “RT 1.2” then',
          code: 'slotOverCommitted',
          params: { delegation: 'Moldova', size: 1 },
        },
      ],
      why: { code: 'overCommitted', delegation: 'Moldova', size: 1, sessions: ['RT 1.2'], consultations: [] },
      alternatives: [
        slot('table-1', '09:30'),
        slot('table-2', '09:30'),
        slot('table-1', '11:30'),
        slot('table-2', '11:30'),
      ],
    });
  });

  it('refuses a bad need or slot on its field', async () => {
    expect((await request(chirita, 'nope', slot('table-1', '09:30'))).body.errors).toEqual([
      {
        path: 'need',
        message: 'unknown need "nope"',
        code: 'unknownKey',
        params: { key: 'nope', kind: 'need' },
      },
    ]);
    expect((await request(chirita, 'mda-diaspora', 'table-1@2099-12-10T08:45:00.000Z')).body.errors).toEqual([
      { path: 'slot', message: '"table-1@2099-12-10T08:45:00.000Z" is not a slot of the Marketplace' },
    ]);
    const own = await request(morari, 'mda-diaspora', slot('table-1', '09:30'));
    expect([own.status, own.body.errors[0].path]).toEqual([400, 'need']);
  });
});

describe('a consultation’s lifecycle', () => {
  it('request → accept makes a marketplace_consultation session the conflicts see → cancel removes it', async () => {
    const made = await request(chirita, 'mda-diaspora', slot('table-1', '09:30'));
    expect(made.status).toBe(201);
    const id: number = made.body.id;
    expect(made.body).toMatchObject({
      status: 'requested',
      need: 'mda-diaspora',
      room: 'table-1',
      start: '2099-12-10T08:30:00.000Z',
      end: '2099-12-10T09:00:00.000Z',
      owner: 'MDA',
      providers: ['ICMPD'],
      observers: [],
      session: null,
    });
    // The slot is held: another provider is told at once, with alternatives.
    const lost = await request(pope, 'mda-diaspora', slot('table-1', '09:30'));
    expect([lost.status, lost.body.errors]).toEqual([
      409,
      [
        {
          path: 'slot',
          message: 'Table 1 is taken at this time',
          code: 'slotTableTaken',
          params: { table: 'Table 1' },
        },
      ],
    ]);
    // A provider may not accept on another's need.
    expect((await step(chirita, id, 'accept')).status).toBe(403);
    // Another participant reads it (and might join it) but does not decide on it.
    expect((await step(jallow, id, 'accept')).status).toBe(403);
    const accepted = await step(morari, id, 'accept');
    expect([accepted.status, accepted.body.status, accepted.body.session]).toEqual([
      200,
      'accepted',
      `mc-${id}`,
    ]);
    const session = await api.http.get(`/api/summits/${MARKET_SLUG}/sessions/mc-${id}`).set(admin);
    expect(session.status).toBe(200);
    expect([session.body.kind, session.body.title, session.body.room, session.body.participants]).toEqual([
      'marketplace_consultation',
      'Marketplace: Diaspora engagement strategy, with ICMPD',
      'table-1',
      [
        { delegation: 'MDA', role: 'owner' },
        { delegation: 'ICMPD', role: 'provider' },
      ],
    ]);
    // Moldova (one person) now has the consultation at 09:30: the conflicts report sees the session.
    const conflicts = await api.http.get(`/api/summits/${MARKET_SLUG}/conflicts`).set(admin);
    expect(
      conflicts.body.conflicts.filter((c: { sessions: string[] }) => c.sessions.includes(`mc-${id}`)),
    ).toEqual([]);
    const again = await step(morari, id, 'accept');
    expect([again.status, again.body.errors[0].message]).toEqual([
      409,
      'This consultation has already been accepted: it cannot be accepted now',
    ]);
    const cancelled = await step(chirita, id, 'cancel');
    expect([cancelled.status, cancelled.body.status, cancelled.body.session]).toEqual([
      200,
      'cancelled',
      null,
    ]);
    expect((await api.http.get(`/api/summits/${MARKET_SLUG}/sessions/mc-${id}`).set(admin)).status).toBe(404);
    const mail = await api.database.db.execute(
      sql`select kind, recipient from outbox where kind like 'marketplace_%' order by id`,
    );
    const rows = (Array.isArray(mail) ? mail : (mail as { rows: unknown[] }).rows) as {
      kind: string;
      recipient: string;
    }[];
    expect(rows.map((r) => `${r.kind} ${r.recipient}`)).toEqual([
      'marketplace_requested morari@example.org',
      'marketplace_accepted chirita@example.org',
      'marketplace_cancelled morari@example.org',
      'marketplace_cancelled chirita@example.org',
    ]);
  });

  it('decline frees the slot; an expired request holds nothing', async () => {
    const first = await request(chirita, 'gmb-reintegration', slot('table-2', '11:30'));
    expect(first.status).toBe(201);
    const declined = await step(jallow, first.body.id, 'decline');
    expect([declined.status, declined.body.status]).toEqual([200, 'declined']);
    const second = await request(pope, 'gmb-reintegration', slot('table-2', '11:30'));
    expect(second.status).toBe(201);
    await api.database.db.execute(
      sql`update marketplace_consultations set expires_at = now() - interval '1 minute' where id = ${second.body.id}`,
    );
    const shown = await api.http.get(`${M}/consultations/${second.body.id}`).set(pope.headers);
    expect([shown.body.status, shown.body.expiresAt]).toEqual(['expired', null]);
    const third = await request(chirita, 'gmb-reintegration', slot('table-2', '11:30'));
    expect([third.status, third.body.status]).toEqual([201, 'requested']);
    expect((await step(jallow, second.body.id, 'accept')).status).toBe(409);
  });

  it('a second provider joins; the outcome feeds the funnel', async () => {
    const made = await request(pope, 'gmb-reintegration', slot('table-1', '10:00'));
    expect(made.status).toBe(201);
    expect((await step(jallow, made.body.id, 'accept')).status).toBe(200);
    // ICMPD, no side of it, finds it among the need's consultations, but not among its own.
    const onNeed = await api.http.get(`${M}/consultations?need=gmb-reintegration`).set(chirita.headers);
    expect(onNeed.body.map((c: { id: number }) => c.id)).toContain(made.body.id);
    const own = await api.http.get(`${M}/consultations`).set(chirita.headers);
    expect(own.body.map((c: { id: number }) => c.id)).not.toContain(made.body.id);
    const joined = await step(chirita, made.body.id, 'join');
    expect([joined.status, joined.body.providers]).toEqual([200, ['IOM', 'ICMPD']]);
    const outcome = await api.http
      .patch(`${M}/consultations/${made.body.id}/outcome`)
      .set(jallow.headers)
      .send({ outcome: 'followed_up', fundingSources: ['EU Trust Fund'] });
    expect([outcome.status, outcome.body.outcome, outcome.body.fundingSources]).toEqual([
      200,
      'followed_up',
      ['EU Trust Fund'],
    ]);
    const report = await api.http.get(`${M}/report`).set(admin);
    expect(report.body).toEqual({
      overall: { consultations: 1, projectProposals: 1, followedUp: 1, implemented: 0 },
      byObjective: [{ objective: 21, consultations: 1, projectProposals: 1, followedUp: 1, implemented: 0 }],
      byProviderKind: [
        {
          kind: 'international_organisation',
          consultations: 1,
          projectProposals: 1,
          followedUp: 1,
          implemented: 0,
        },
      ],
    });
  });

  it('a cap per delegation stops requests once reached', async () => {
    expect((await api.http.patch(M).set(admin).send({ capPerDelegation: 1 })).status).toBe(200);
    const slots = await api.http.get(`${M}/slots?need=mda-diaspora`).set(chirita.headers);
    expect(slots.body.slots[0].reason).toBe('Your delegation has reached its 1 consultation');
    expect(slots.body.slots[0].why).toEqual({ code: 'capReached', delegation: null, cap: 1 });
    const res = await request(chirita, 'mda-diaspora', slot('table-2', '09:30'));
    expect([res.status, res.body.errors[0], res.body.why]).toEqual([
      409,
      {
        path: 'slot',
        message: 'Your delegation has reached its 1 consultation',
        code: 'slotCapReachedYours',
        params: { cap: 1 },
      },
      { code: 'capReached', delegation: null, cap: 1 },
    ]);
    expect((await api.http.patch(M).set(admin).send({ capPerDelegation: null })).status).toBe(200);
  });
});

describe('who reaches the Marketplace', () => {
  const reads = [
    `${M}`,
    `${M}/needs`,
    `${M}/needs/mda-diaspora`,
    `${M}/offers`,
    `${M}/consultations`,
    `${M}/slots?need=mda-diaspora`,
  ];
  const writes: [string, string, object][] = [
    ['patch', M, { slotMinutes: 15 }],
    ['post', `${M}/needs`, { key: 'v1', title: 'A need' }],
    ['patch', `${M}/needs/mda-diaspora`, { title: 'x' }],
    ['delete', `${M}/needs/mda-diaspora`, {}],
    ['post', `${M}/offers`, { title: 'An offer' }],
    ['post', `${M}/consultations`, { need: 'mda-diaspora', slot: slot('table-2', '09:30') }],
  ];

  it('answers 401 to the anonymous and 404 to a signed-in outsider on every route', async () => {
    for (const path of reads) {
      expect([path, (await api.http.get(path)).status]).toEqual([path, 401]);
      expect([path, (await api.http.get(path).set(stranger.headers)).status]).toEqual([path, 404]);
    }
    for (const [method, path, body] of writes) {
      expect([path, (await api.http[method as 'post'](path).send(body)).status]).toEqual([path, 401]);
      expect([
        path,
        (await api.http[method as 'post'](path).set(stranger.headers).send(body)).status,
      ]).toEqual([path, 404]);
    }
  });

  it('lets a visitor read but answers 403 to every write', async () => {
    for (const path of [`${M}/needs`, `${M}/offers`, `${M}/consultations`])
      expect([path, (await api.http.get(path).set(visitor.headers)).status]).toEqual([path, 200]);
    const all = await api.http.get(`${M}/consultations`).set(visitor.headers);
    expect(all.body.every((c: { requestedBy: string | null }) => c.requestedBy === null)).toBe(true);
    for (const [method, path, body] of writes)
      expect([path, (await api.http[method as 'post'](path).set(visitor.headers).send(body)).status]).toEqual(
        [path, 403],
      );
  });
});

describe('marketplace_book asked first without the owner’s mail (the board showed the table taken)', () => {
  it('answers unwritten for a booking it would make and writes nothing; with the mail, books it', async () => {
    const { db } = api.database;
    const free = (await api.http.get(`${M}/slots?need=mda-diaspora`).set(chirita.headers)).body.slots.find(
      (s: { bookable: boolean }) => s.bookable,
    ) as { room: string; start: string; end: string };
    const [ids] = resultRows<{
      summit: number;
      room: number;
      need: number;
      owner: number;
      provider: number;
      id: number;
    }>(
      await db.execute(sql`
        select s.id as summit, r.id as room, n.id as need, n.owner_id as owner, d.id as provider,
          nextval(pg_get_serial_sequence('marketplace_consultations', 'id'))::int as id
        from summits s
          join rooms r on r.summit_id = s.id and r.key = ${free.room}
          join marketplace_needs n on n.summit_id = s.id and n.key = 'mda-diaspora'
          join delegations d on d.summit_id = s.id and d.key = 'ICMPD'
        where s.slug = ${MARKET_SLUG}`),
    );
    const p = {
      id: ids!.id,
      summit: ids!.summit,
      need: ids!.need,
      room: ids!.room,
      start: free.start,
      end: free.end,
      now: new Date().toISOString(),
      expires: '2099-12-01T00:00:00.000Z',
      provider: ids!.provider,
      delegations: [
        { id: ids!.owner, size: 1 },
        { id: ids!.provider, size: 3 },
      ],
      cap: null,
      presence: ['moderator', 'speaker', 'delegate', 'owner', 'provider'],
      userId: null,
      requestedBy: 'test setup',
      audit: { summit_id: ids!.summit, actor: 'test setup', action: 'request', entity: 'consultation' },
      offer: null,
    };
    const book = async (mails: unknown[] | undefined) =>
      resultRows<{ answer: unknown }>(
        await db.execute(sql`select marketplace_book(${JSON.stringify({ ...p, mails })}::jsonb) as answer`),
      )[0]!.answer;
    const written = async () =>
      resultRows<{ n: number }>(
        await db.execute(sql`select count(*)::int as n from marketplace_consultations where id = ${ids!.id}`),
      )[0]!.n;
    expect(await book(undefined)).toEqual({ unwritten: true });
    expect(await written()).toBe(0);
    expect(await book([])).toEqual({ ok: true });
    expect(await written()).toBe(1);
    // Asked again, the table is now taken: refused before any lock, whatever the mail.
    expect(await book(undefined)).toEqual({ refused: 'table' });
  });
});
