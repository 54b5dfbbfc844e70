// Booking a slot, as pretalx's create_signup: in one transaction, lock the delegations concerned (in
// id order), mark the stale requests they or the table still carry as expired, count their
// commitments at the slot, refuse if over, insert. The exclusion constraint refuses a second live
// consultation at the table (23P01): the loser of a race is told at once, with the next bookable
// slots. A deadlock or serialization failure is retried.
import { alternatives, bookableAmong, type Offer, offerFor } from './marketplace.alternatives.ts';
import { push } from '../../../shared/domain/resolution/placement-rows.ts';
import {
  consultationTitle,
  parseSlotId,
  reasons,
  type Slot,
  type SlotWhy,
  sayWhy,
  whyProblem,
} from '../../../shared/domain/marketplace.ts';
import { PRESENCE_ROLES } from '../../../shared/domain/vocabulary.ts';
import { actorLabel } from '../../core/actor.ts';
import { auditRow, record } from '../../core/audit.ts';
import { conflict, invalidField, notFound, type Outcome } from '../../core/outcome.ts';
import { lockSummit } from '../../core/summit-context.ts';
import { type Db, type Executor, sqlState } from '../../db/client.ts';
import type { Mailer } from '../mail/mail.service.ts';
import { actingDelegation, type MarketContext } from './marketplace.context.ts';
import { mailAbout, mailsAbout } from './marketplace.mail.ts';
import { marketplacePolicy, standingOf } from './marketplace.policy.ts';
import * as repo from './marketplace.repo.ts';
import { allSlots, capWhy, loadWorld, NO_TIME, type Parties, whyNot } from './marketplace.slots.ts';
import { consultationView, type ConsultationView, statusAt } from './marketplace.view.ts';
import { rebuildSession } from './marketplace.session.ts';

const RETRIED = new Set(['40001', '40P01']);

/** Runs a transaction again when the database gave up on it (deadlock, serialization); at most 5 times. */
export const withRetry = <T>(db: Db, work: (tx: Executor) => Promise<T>): Promise<T> =>
  retried(() => db.transaction(work));

/** Runs work that is one transaction again when the database gave up on it; at most 5 times. */
async function retried<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (e) {
      if (!RETRIED.has(sqlState(e) ?? '') || attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

export type BookRequest = { need: string; slot?: string | null; as?: string };

export async function requestConsultation(
  db: Db,
  mailer: Mailer,
  ctx: MarketContext,
  body: BookRequest,
  now: number,
  /** The booking's facts, read with the context (openMarketplaceToBook). */
  facts: repo.BookingFacts,
): Promise<Outcome<ConsultationView>> {
  const { summit } = ctx;
  const acting = await actingDelegation(db, ctx, body.as);
  if (!acting.ok) return acting;
  const provider = acting.value;
  const { need, settings, ownerAddresses: owners, ownerLanguages, id } = facts;
  if (!need)
    return invalidField(`unknown need "${body.need}"`, 'need', 'unknownKey', {
      kind: 'need',
      key: body.need,
    });
  if (need.owner.id === provider.id)
    return invalidField(
      `“${need.title}” is your delegation’s own need: ask another delegation to provide`,
      'need',
    );
  if (!body.slot) {
    if (!settings) return invalidField('this summit has no Marketplace', 'need');
    return requestWithoutSlot(db, mailer, ctx, { need, provider, settings }, now);
  }
  const at = parseSlotId(body.slot);
  const slot: Slot | undefined =
    settings && at ? allSlots(settings).find((s) => s.id === body.slot) : undefined;
  if (!settings || !slot || id === null)
    return invalidField(`"${body.slot}" is not a slot of the Marketplace`, 'slot');
  const table = settings.tables.find((t) => t.key === slot.room)!;
  const parties: Parties = { owner: need.owner, check: [need.owner, provider], you: provider };
  // What a refusal may offer instead, from the board; the booking brings back the parties'
  // commitments in their span, so that offering them costs no other round trip.
  const offer = await offerFor(db, summit.id, settings, slot.id, now);
  let offered: string[] | null = null;
  const refused = (why: SlotWhy, reason = sayWhy(why)): Promise<Outcome<ConsultationView>> =>
    refusedWithAlternatives(db, ctx, settings, parties, slot, why, reason, now, offered);
  if (slot.start <= now) return refused({ code: 'begun' });
  const row: repo.ConsultationRow = {
    id,
    needId: need.id,
    needKey: need.key,
    needTitle: need.title,
    owner: need.owner,
    roomId: table.id,
    room: table.key,
    roomName: table.name,
    start: slot.start,
    end: slot.end,
    status: 'requested',
    requestedByUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    requestedBy: actorLabel(ctx.actor),
    expiresAt: now + settings.requestExpiryMinutes * 60_000,
    sessionId: null,
    session: null,
    outcome: null,
    fundingSources: [],
    outcomeNote: null,
    createdAt: now,
    updatedAt: now,
    parties: [{ delegation: provider, role: 'provider' }],
  };
  // The owner's mail is written only for a booking that may be made: where the board already shows
  // the table taken, the database is first asked whether it would be (and answers so if it would).
  const attempt = (withMail: boolean) =>
    retried(() =>
      repo.book(db, {
        id,
        summitId: summit.id,
        needId: need.id,
        roomId: table.id,
        start: slot.start,
        end: slot.end,
        now,
        expiresAt: row.expiresAt,
        providerId: provider.id,
        check: parties.check.map((d) => ({ id: d.id, size: d.size })),
        cap: settings.capPerDelegation,
        presenceRoles: [...PRESENCE_ROLES],
        requestedByUserId: row.requestedByUserId,
        requestedBy: row.requestedBy,
        audit: auditRow({
          summit,
          actor: row.requestedBy,
          action: 'request',
          entity: 'consultation',
          key: String(id),
          after: { need: need.key, slot: slot.id, provider: provider.key },
        }),
        mails: withMail
          ? mailsAbout(mailer, ctx, row, 'requested', {
              owners,
              requester: null,
              languages: new Map(Object.entries(ownerLanguages)),
            }).map(mailer.outboxRow)
          : null,
        offer: offer.during,
      }),
    );
  // A race lost at the table (the exclusion constraint) comes back as a refusal like any other.
  let answer = await attempt(!offer.takenOnBoard);
  if ('unwritten' in answer) answer = await attempt(true);
  if ('unwritten' in answer) throw new Error('marketplace_book left a booking with its mail unwritten');
  if ('refused' in answer) offered = offeredFrom(answer, offer, settings, parties, now);
  if ('ok' in answer) return { ok: true, value: consultationView(ctx, row, now) };
  const named = (id: number) => parties.check.find((d) => d.id === id)!;
  switch (answer.refused) {
    case 'table':
      return refused({ code: 'tableTaken', table: table.name });
    case 'hosts':
      return refused({ code: 'roomHosts', table: table.name, session: answer.title });
    case 'cap': {
      const d = named(answer.delegation);
      return refused({
        code: 'capReached',
        delegation: d.id === provider.id ? null : d.name,
        cap: settings.capPerDelegation!,
      });
    }
    case 'over': {
      // The database names what the delegation is in, consultations as "Marketplace: <need>"; the
      // English keeps its order.
      const d = named(answer.delegation);
      const prefix = consultationTitle('');
      const why: SlotWhy = {
        code: 'overCommitted',
        delegation: d.name,
        size: d.size,
        sessions: answer.titles.filter((t) => !t.startsWith(prefix)),
        consultations: answer.titles.filter((t) => t.startsWith(prefix)).map((t) => t.slice(prefix.length)),
      };
      return refused(why, reasons.overCommitted(d.name, d.size, answer.titles));
    }
  }
}

/** A 409 that says why in English, with the reason's code and params. */
function refusal(why: SlotWhy, path = '', reason = sayWhy(why)) {
  const { code, params } = whyProblem(why);
  return conflict(reason, path, code, params);
}

/** A 409 on the slot, with why (for a program) and the next bookable slots for the same parties. */
async function refusedWithAlternatives(
  db: Db,
  ctx: MarketContext,
  settings: repo.SettingsRow,
  parties: Parties,
  slot: Slot,
  why: SlotWhy,
  reason: string,
  now: number,
  /** The alternatives already worked out from what the booking brought back; null: ask for them. */
  offered: string[] | null = null,
): Promise<Outcome<ConsultationView>> {
  return {
    ...refusal(why, 'slot', reason),
    details: {
      alternatives: offered ?? (await alternatives(db, ctx.summit.id, settings, parties, slot.id, now)),
      why,
    },
  };
}

/** The alternatives a refusal offers, from the commitments it brought back; null when it brought none. */
function offeredFrom(
  answer: repo.OfferFacts,
  offer: Offer,
  settings: repo.SettingsRow,
  parties: Parties,
  now: number,
): string[] | null {
  if (!offer.during) return [];
  if (!answer.commitments) return null;
  const commitments = new Map<number, { title: string; start: number; end: number }[]>();
  for (const [d, title, start, end] of answer.commitments) push(commitments, d, { title, start, end });
  const live = new Map(Object.entries(answer.live ?? {}).map(([d, n]) => [Number(d), n]));
  return bookableAmong(offer, settings, parties, now, commitments, live);
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
  }: { need: repo.NeedRef; provider: repo.DelegationRef; settings: repo.SettingsRow },
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
    const capped = capWhy(world, parties);
    if (capped) return refusal(capped, 'need');
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
      return conflict(
        `This consultation is ${status}: no one can join it any more`,
        '',
        'consultationClosed',
        {
          status,
        },
      );
    if (c.owner.id === joiner.id || c.parties.some((p) => p.delegation.id === joiner.id))
      return conflict(`${joiner.name} already takes part in this consultation`, '', 'alreadyJoined', {
        name: joiner.name,
      });
    if (role === 'provider') {
      const parties = { owner: c.owner, check: [joiner], you: joiner };
      const world = await loadWorld(tx, summit.id, settings, now, {
        delegations: parties.check,
        during: c.start !== null && c.end !== null ? { from: c.start, to: c.end } : NO_TIME,
      });
      // One still waiting for its slot takes no time yet: only the cap can refuse.
      const why =
        c.room !== null && c.start !== null && c.end !== null
          ? whyNot(world, { id: '', room: c.room, start: c.start, end: c.end }, parties, { table: false })
          : capWhy(world, parties);
      if (why) return refusal(why);
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
    need: repo.NeedRef;
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
