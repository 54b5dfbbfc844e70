// The booking (the SQL function marketplace_book, drizzle/0011) and the slot list (the TypeScript
// engine, marketplace.slots.ts) must agree exactly: for random summits (seeded), a provider asks for
// a need's slots, books one of them, and is answered 201 when the list said bookable, else 409 on
// `slot` with the very reason the list gave. Owners accept and decline requests (accepted ones are
// sessions), providers cancel, join and ask without a slot, and the cap varies between seeds, so
// that every refusal (table, room host, cap, a delegation over its size by sessions, requests and
// accepted consultations) is met. Black box: only the HTTP API is used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlotWhy, sayWhy } from '../../shared/domain/marketplace.ts';
import { random } from '../factories/large-summit.ts';
import {
  DELEGATES,
  delegateEmail,
  type EquivalenceSummit,
  equivalenceSummit,
} from '../factories/marketplace-equivalence.ts';
import { admin, type Session, signIn, type TestApi, testApi } from '../support/app.ts';

const SEEDS: [seed: number, cap: number | null][] = [
  [1, null],
  [2, 2],
  [3, null],
  [4, 3],
  [5, 1],
  [6, null],
];
const STEPS = 40;

type SlotView = {
  id: string;
  room: string;
  start: string;
  end: string;
  bookable: boolean;
  reason?: string;
  why?: SlotWhy;
};
type Need = EquivalenceSummit['needs'][number];
/** A booking made, for the provider to try again at its time. */
type Last = { provider: number; need: string; start: string };
type Made = { id: number; owner: number; provider: number; status: 'requested' | 'accepted' | 'gone' };

let api: TestApi;
/** The delegate of delegation `i` in every seed's summit. */
const delegates: Session[] = [];

/** What the seeds reached, checked at the end so that the generator keeps covering every case. */
const seen = {
  booked: 0,
  taken: 0,
  hosts: 0,
  cap: 0,
  nobody: 0,
  ownerOver: 0,
  providerOver: 0,
  overBySessions: 0,
  overByRequests: 0,
  overByAccepted: 0,
  overSeveral: 0,
  overSeveralRequests: 0,
  accepted: 0,
  declined: 0,
  cancelled: 0,
  joined: 0,
  slotless: 0,
  /** The planted two-sessions-in-a-slot delegation of two found free there (peak 1, not 2). */
  peakBookable: 0,
};

beforeAll(async () => {
  api = await testApi();
  // The same addresses in every seed's summit: ten sign-ins in all, within the sign-in limits.
  for (let i = 0; i < DELEGATES; i++) delegates.push(await signIn(api, delegateEmail(i)));
});
afterAll(async () => {
  await api.close();
});

/** Tallies what a refusal is about (by its sentence). */
function tally(reason: string, summit: EquivalenceSummit, owner: number) {
  if (reason.endsWith(' is taken at this time')) seen.taken++;
  else if (/ hosts “.*” then$/.test(reason)) seen.hosts++;
  else if (/ has reached its \d+ consultations?$/.test(reason)) seen.cap++;
  else if (reason.endsWith(' has no one registered to attend')) seen.nobody++;
  else if (reason.includes(' and is committed to ')) {
    if (reason.startsWith(`${summit.delegations[owner]!.name} has `)) seen.ownerOver++;
    else seen.providerOver++;
    const titles = [...reason.matchAll(/“([^”]*)”/g)].map((m) => m[1]!);
    if (titles.length > 1) seen.overSeveral++;
    if (titles.filter((t) => t.startsWith('Marketplace: ') && !t.includes(', with ')).length > 1)
      seen.overSeveralRequests++;
    for (const t of titles)
      if (!t.startsWith('Marketplace: ')) seen.overBySessions++;
      else if (t.includes(', with ')) seen.overByAccepted++;
      else seen.overByRequests++;
  } else throw new Error(`a reason of no known kind: ${reason}`);
}

async function run(seed: number, cap: number | null) {
  const summit = equivalenceSummit(seed, cap);
  const M = `/api/summits/${summit.slug}/marketplace`;
  const imported = await api.http.post('/api/summits/import').set(admin).send(summit.file);
  expect(imported.status, JSON.stringify(imported.body)).toBe(201);
  const rnd = random(seed * 7919 + 1);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;
  const name = (i: number) =>
    `${summit.delegations[i]!.key} (${summit.delegations[i]!.name}, size ${summit.delegations[i]!.size})`;
  const made: Made[] = [];
  let last: Last | null = null;

  for (let step = 0; step < STEPS; step++) {
    // The first steps go to the planted patterns: that delegation, a need whose owner is largest.
    // After a booking, now and then the same provider tries again at the same time (another need,
    // another table), and again, so that its requests then are what it is committed to.
    const planted = summit.planted[step];
    const again: Last | null = !planted && last !== null && rnd() < 0.6 ? last : null;
    const provider: number = planted
      ? planted.delegation
      : again
        ? again.provider
        : int(summit.delegations.length);
    const open = summit.needs.filter((n) => n.owner !== provider);
    const others = open.filter((n) => n.key !== again?.need);
    const need: Need = planted
      ? [...open].sort((a, b) => summit.delegations[b.owner]!.size - summit.delegations[a.owner]!.size)[0]!
      : pick(again && others.length > 0 ? others : open);
    const who = delegates[provider]!;

    const listed = await api.http.get(`${M}/slots?need=${need.key}`).set(who.headers);
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    const slots: SlotView[] = listed.body.slots;
    expect(slots.length).toBeGreaterThan(0);
    const bookable = slots.filter((s) => s.bookable);
    // Each reason's structured side says the same thing as its English sentence.
    for (const s of slots)
      if (!s.bookable)
        expect.soft(s.why && sayWhy(s.why), `seed ${seed} step ${step}: ${s.id}`).toBe(s.reason);
    // Unbookable ones by reason, so that a rare reason is tried as often as a common one.
    const byReason = new Map<string, SlotView[]>();
    for (const s of slots) if (!s.bookable) byReason.set(s.reason!, [...(byReason.get(s.reason!) ?? []), s]);
    const wanted: SlotView[] = planted
      ? slots.filter((s) => s.start === new Date(planted.start).toISOString())
      : again
        ? slots.filter((s) => s.start === again.start)
        : [];
    const slot: SlotView =
      wanted.length > 0
        ? pick(wanted)
        : bookable.length > 0 && (byReason.size === 0 || rnd() < 0.6)
          ? pick(bookable)
          : pick(pick([...byReason.values()]));

    const booked = await api.http
      .post(`${M}/consultations`)
      .set(who.headers)
      .send({ need: need.key, slot: slot.id });
    const expected = slot.bookable ? { status: 201 } : { status: 409, path: 'slot', message: slot.reason };
    const got =
      booked.status === 201
        ? { status: 201 }
        : {
            status: booked.status,
            path: booked.body.errors?.[0]?.path,
            message: booked.body.errors?.[0]?.message,
          };
    expect
      .soft(
        got,
        `seed ${seed} (cap ${cap}) step ${step}: ${name(provider)} books need ${need.key} of ${name(need.owner)} ` +
          `at ${slot.id}; the slot list said ${JSON.stringify(slot)}, the booking answered ${booked.status} ` +
          JSON.stringify(booked.body),
      )
      .toEqual(expected);
    if (!again) last = null;
    if (booked.status === 201) {
      seen.booked++;
      last = { provider, need: need.key, start: slot.start };
      made.push({ id: booked.body.id, owner: need.owner, provider, status: 'requested' });
    }
    if (!slot.bookable) tally(slot.reason!, summit, need.owner);
    else if (step === 0) seen.peakBookable++;

    // Now and then the owner decides on a request, a provider cancels, another delegation joins,
    // or a provider asks without a slot (it counts against the cap only).
    const r = rnd();
    const requested = made.filter((m) => m.status === 'requested');
    const live = made.filter((m) => m.status !== 'gone');
    const act = (m: Made, by: number, what: string) =>
      api.http.post(`${M}/consultations/${m.id}/${what}`).set(delegates[by]!.headers).send({});
    if (r < 0.18 && requested.length > 0) {
      const m = pick(requested);
      const accept = rnd() < 0.65;
      const res = await act(m, m.owner, accept ? 'accept' : 'decline');
      expect([res.status, res.body.status], `seed ${seed} step ${step}`).toEqual([
        200,
        accept ? 'accepted' : 'declined',
      ]);
      m.status = accept ? 'accepted' : 'gone';
      if (accept) seen.accepted++;
      else seen.declined++;
    } else if (r < 0.22 && live.length > 0) {
      const m = pick(live);
      const res = await act(m, m.provider, 'cancel');
      expect([res.status, res.body.status], `seed ${seed} step ${step}`).toEqual([200, 'cancelled']);
      m.status = 'gone';
      seen.cancelled++;
    } else if (r < 0.26 && live.length > 0) {
      const m = pick(live);
      const joiner = int(summit.delegations.length);
      const res = await act(m, joiner, rnd() < 0.7 ? 'join' : 'observe');
      expect([200, 409], `seed ${seed} step ${step}: ${JSON.stringify(res.body)}`).toContain(res.status);
      if (res.status === 200) seen.joined++;
    } else if (r < 0.3) {
      const res = await api.http.post(`${M}/consultations`).set(who.headers).send({ need: need.key });
      if (cap === null)
        expect(res.status, `seed ${seed} step ${step}: ${JSON.stringify(res.body)}`).toBe(201);
      else
        expect([res.status, res.body.errors?.[0]?.path ?? 'need'], `seed ${seed} step ${step}`).toSatisfy(
          ([status, path]: [number, string]) => (status === 201 || status === 409) && path === 'need',
        );
      if (res.status === 201) {
        seen.slotless++;
        made.push({ id: res.body.id, owner: need.owner, provider, status: 'requested' });
      }
    }
  }
}

describe('a booking is answered as the slot list said (marketplace_book against the TypeScript engine)', () => {
  for (const [seed, cap] of SEEDS)
    it(`seed ${seed}, cap ${cap ?? 'none'}: ${STEPS} bookings`, async () => {
      await run(seed, cap);
    });

  it('the seeds reach every kind of answer', () => {
    for (const [kind, n] of Object.entries(seen))
      expect(n, `${kind}: ${JSON.stringify(seen)}`).toBeGreaterThan(0);
  });
});
