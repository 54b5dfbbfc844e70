// Booking a slot, as pretalx's create_signup: in one transaction, lock the delegations concerned (in
// id order), mark the stale requests they or the table still carry as expired, count their
// commitments at the slot, refuse if over, insert. The exclusion constraint refuses a second live
// consultation at the table (23P01): the loser of a race is told at once, with the next bookable
// slots. A deadlock or serialization failure is retried.
import { parseSlotId, type Slot } from '../../../shared/domain/marketplace.ts';
import { actorLabel } from '../../core/actor.ts';
import { record } from '../../core/audit.ts';
import { conflict, invalidField, notFound, type Outcome } from '../../core/outcome.ts';
import { lockSummit } from '../../core/summit-context.ts';
import { type Db, type Executor, sqlState } from '../../db/client.ts';
import type { Mailer } from '../mail/mail.service.ts';
import { actingDelegation, type MarketContext } from './marketplace.context.ts';
import { mailAbout } from './marketplace.mail.ts';
import { marketplacePolicy, standingOf } from './marketplace.policy.ts';
import * as repo from './marketplace.repo.ts';
import {
  allSlots,
  alternatives,
  capRefusal,
  loadWorld,
  NO_TIME,
  type Parties,
  refusalAt,
} from './marketplace.slots.ts';
import { consultationView, type ConsultationView, statusAt } from './marketplace.view.ts';
import { rebuildSession } from './marketplace.session.ts';

const RETRIED = new Set(['40001', '40P01']);

/** Runs a transaction again when the database gave up on it (deadlock, serialization); at most 5 times. */
export async function withRetry<T>(db: Db, work: (tx: Executor) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (e) {
      if (!RETRIED.has(sqlState(e) ?? '') || attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

const isExclusion = (e: unknown) => sqlState(e) === '23P01';

export type BookRequest = { need: string; slot?: string | null; as?: string };

export async function requestConsultation(
  db: Db,
  mailer: Mailer,
  ctx: MarketContext,
  body: BookRequest,
  now: number,
): Promise<Outcome<ConsultationView>> {
  const { summit } = ctx;
  const acting = await actingDelegation(db, ctx, body.as);
  if (!acting.ok) return acting;
  const provider = acting.value;
  const need = await repo.findNeed(db, summit.id, body.need, new Date(now));
  if (!need) return invalidField(`unknown need "${body.need}"`, 'need');
  if (need.owner.id === provider.id)
    return invalidField(
      `“${need.title}” is your delegation’s own need: ask another delegation to provide`,
      'need',
    );
  const settings = await repo.findSettings(db, summit.id);
  if (!body.slot) {
    if (!settings) return invalidField('this summit has no Marketplace', 'need');
    return requestWithoutSlot(db, mailer, ctx, { need, provider, settings }, now);
  }
  const at = parseSlotId(body.slot);
  const slot: Slot | undefined =
    settings && at ? allSlots(settings).find((s) => s.id === body.slot) : undefined;
  if (!settings || !slot) return invalidField(`"${body.slot}" is not a slot of the Marketplace`, 'slot');
  const roomId = settings.tables.find((t) => t.key === slot.room)!.id;
  const parties: Parties = { owner: need.owner, check: [need.owner, provider], you: provider };
  let outcome: Outcome<repo.ConsultationRow>;
  try {
    outcome = await withRetry(db, async (tx) => {
      await lockSummit(tx, summit.id, 'share');
      await repo.lockDelegations(tx, summit.id, [need.owner.id, provider.id]);
      const at = new Date(now);
      await repo.expireStale(
        tx,
        summit.id,
        { roomId, start: slot.start, end: slot.end, delegationIds: [need.owner.id, provider.id] },
        at,
      );
      const world = await loadWorld(tx, summit.id, settings, now, {
        delegations: parties.check,
        during: { from: slot.start, to: slot.end },
      });
      const reason = refusalAt(world, slot, parties);
      if (reason) return conflict(reason, 'slot');
      const held = { roomId, start: slot.start, end: slot.end, id: slot.id };
      return {
        ok: true,
        value: await insertRequest(tx, mailer, ctx, { need, provider, settings, at: held }, now),
      };
    });
  } catch (e) {
    if (!isExclusion(e)) throw e;
    const table = settings.tables.find((t) => t.key === slot.room)!.name;
    outcome = conflict(`${table} is taken at this time`, 'slot');
  }
  if (!outcome.ok) {
    const world = await loadWorld(db, summit.id, settings, now, { delegations: parties.check });
    return { ...outcome, details: { alternatives: alternatives(world, parties, slot.id) } };
  }
  return {
    ok: true,
    // As written in the transaction that made it: nothing else can have changed it since.
    value: consultationView(ctx, outcome.value, now),
  };
}

/**
 * A request that leaves its slot to the support unit: it holds no table and commits no one until it
 * is scheduled, but counts against the cap (checked under the delegations' locks, as a booking).
 */
async function requestWithoutSlot(
  db: Db,
  mailer: Mailer,
  ctx: MarketContext,
  {
    need,
    provider,
    settings,
  }: { need: repo.NeedRow; provider: repo.DelegationRef; settings: repo.SettingsRow },
  now: number,
): Promise<Outcome<ConsultationView>> {
  const { summit } = ctx;
  const parties: Parties = { owner: need.owner, check: [need.owner, provider], you: provider };
  const outcome = await withRetry(db, async (tx): Promise<Outcome<repo.ConsultationRow>> => {
    await lockSummit(tx, summit.id, 'share');
    await repo.lockDelegations(tx, summit.id, [need.owner.id, provider.id]);
    const world = await loadWorld(tx, summit.id, settings, now, {
      delegations: parties.check,
      during: NO_TIME,
    });
    const capped = capRefusal(world, parties);
    if (capped) return conflict(capped, 'need');
    return {
      ok: true,
      value: await insertRequest(tx, mailer, ctx, { need, provider, settings, at: null }, now),
    };
  });
  if (!outcome.ok) return outcome;
  return {
    ok: true,
    // As written in the transaction that made it: nothing else can have changed it since.
    value: consultationView(ctx, outcome.value, now),
  };
}

export const consultationMissing = (id: number) => notFound(`consultation ${id} not found`);

/**
 * Another provider joins, or a delegation observes. Joining commits the joiner, so it is checked
 * under its lock like a booking (the table is already this consultation's); observing commits no one.
 */
export async function takePart(
  db: Db,
  ctx: MarketContext,
  id: number,
  role: 'provider' | 'observer',
  as: string | undefined,
  now: number,
): Promise<Outcome<ConsultationView>> {
  const { summit } = ctx;
  const found = await repo.findConsultation(db, summit.id, id);
  if (!found) return consultationMissing(id);
  const acting = await actingDelegation(db, ctx, as);
  if (!acting.ok) return acting;
  const joiner = acting.value;
  const settings = (await repo.findSettings(db, summit.id))!;
  const outcome = await withRetry(db, async (tx): Promise<Outcome<null>> => {
    await lockSummit(tx, summit.id, 'share');
    if (role === 'provider') await repo.lockDelegations(tx, summit.id, [joiner.id]);
    await repo.lockConsultation(tx, summit.id, id);
    const c = (await repo.findConsultation(tx, summit.id, id))!;
    const status = statusAt(c, now);
    if (status !== 'requested' && status !== 'accepted')
      return conflict(`This consultation is ${status}: no one can join it any more`);
    if (c.owner.id === joiner.id || c.parties.some((p) => p.delegation.id === joiner.id))
      return conflict(`${joiner.name} already takes part in this consultation`);
    if (role === 'provider') {
      const parties = { owner: c.owner, check: [joiner], you: joiner };
      const world = await loadWorld(tx, summit.id, settings, now, {
        delegations: parties.check,
        during: c.start !== null && c.end !== null ? { from: c.start, to: c.end } : NO_TIME,
      });
      // One still waiting for its slot takes no time yet: only the cap can refuse.
      const reason =
        c.room !== null && c.start !== null && c.end !== null
          ? refusalAt(world, { id: '', room: c.room, start: c.start, end: c.end }, parties, { table: false })
          : capRefusal(world, parties);
      if (reason) return conflict(reason);
    }
    await repo.insertParty(tx, summit.id, id, joiner.id, role);
    const after = (await repo.findConsultation(tx, summit.id, id))!;
    if (after.session) await rebuildSession(tx, ctx, after);
    await record(tx, {
      summit,
      actor: actorLabel(ctx.actor),
      action: role === 'provider' ? 'join' : 'observe',
      entity: 'consultation',
      key: String(id),
      after: { delegation: joiner.key, role },
    });
    return { ok: true, value: null };
  });
  if (!outcome.ok) return outcome;
  const row = (await repo.findConsultation(db, summit.id, id))!;
  return marketplacePolicy.sees(standingOf(ctx, row))
    ? { ok: true, value: consultationView(ctx, row, now) }
    : consultationMissing(id);
}

/**
 * Writes a request (checked by the caller, under the locks), its provider, the log and the owner's
 * mail; answers it as written.
 */
async function insertRequest(
  tx: Executor,
  mailer: Mailer,
  ctx: MarketContext,
  r: {
    need: repo.NeedRow;
    provider: repo.DelegationRef;
    settings: repo.SettingsRow;
    /** The slot; null: left to the support unit. */
    at: { roomId: number; start: number; end: number; id: string } | null;
  },
  now: number,
): Promise<repo.ConsultationRow> {
  const { summit } = ctx;
  const id = await repo.insertConsultation(tx, summit.id, {
    needId: r.need.id,
    roomId: r.at?.roomId ?? null,
    start: r.at?.start ?? null,
    end: r.at?.end ?? null,
    requestedByUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    requestedBy: actorLabel(ctx.actor),
    expiresAt: now + r.settings.requestExpiryMinutes * 60_000,
  });
  await repo.insertParty(tx, summit.id, id, r.provider.id, 'provider');
  await record(tx, {
    summit,
    actor: actorLabel(ctx.actor),
    action: 'request',
    entity: 'consultation',
    key: String(id),
    after: { need: r.need.key, slot: r.at?.id ?? null, provider: r.provider.key },
  });
  const row = (await repo.findConsultation(tx, summit.id, id))!;
  await mailAbout(tx, mailer, ctx, row, 'requested');
  return row;
}
