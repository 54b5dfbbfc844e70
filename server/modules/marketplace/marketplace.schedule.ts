// The support unit's automatic schedule of accepted requests that left their slot open: the
// placement engine (on the worker pool, within a time limit) places their sessions, limited to the
// Marketplace's tables and windows on its slot grid; then each is booked as a request would be,
// under its delegations' locks and the exclusion constraint, and both sides are told.
import { parseTime } from '../../../shared/domain/time.ts';
import { actorLabel } from '../../core/actor.ts';
import { record } from '../../core/audit.ts';
import { ok, type Outcome } from '../../core/outcome.ts';
import { lockSummit } from '../../core/summit-context.ts';
import { type Db, sqlState } from '../../db/client.ts';
import { proposePlacement } from '../conflicts/placement.service.ts';
import type { Mailer } from '../mail/mail.service.ts';
import { withRetry } from './marketplace.bookings.ts';
import type { MarketContext } from './marketplace.context.ts';
import { mailAbout } from './marketplace.mail.ts';
import { marketplacePolicy } from './marketplace.policy.ts';
import * as repo from './marketplace.repo.ts';
import { rebuildSession } from './marketplace.session.ts';
import { loadWorld, refusalAt } from './marketplace.slots.ts';
import type { PlacementWhy } from '../../../shared/domain/resolution/placement-reasons.ts';

export type ScheduleView = {
  scheduled: { id: number; need: string; needTitle: string; room: string; start: string; end: string }[];
  /** `why`: placement's reason for a program (the client says it in the reader's language). */
  unscheduled: { id: number; need: string; needTitle: string; reason: string; why?: PlacementWhy }[];
};

/** Accepted consultations that wait for a slot. */
const waiting = async (db: Db, summitId: number) =>
  (await repo.listConsultations(db, summitId, { status: 'accepted' })).filter(
    (c) => c.start === null && c.session !== null,
  );

export async function scheduleAccepted(
  db: Db,
  mailer: Mailer,
  ctx: MarketContext,
  opts: { timeLimitMs: number },
  now: number,
): Promise<Outcome<ScheduleView>> {
  const verdict = marketplacePolicy.mayManage(ctx);
  if (!verdict.ok) return verdict;
  const { summit } = ctx;
  const settings = await repo.findSettings(db, summit.id);
  const open = await waiting(db, summit.id);
  if (!settings || open.length === 0) return ok({ scheduled: [], unscheduled: [] });
  const byKey = new Map(open.map((c) => [c.session!, c]));
  // Only the Marketplace's tables, only in its windows not yet begun, on its slot grid (from each
  // window's start), so that every spot placement finds is one of its slots.
  const windows = settings.segments.map((s) => ({
    from: Math.max(s.start, ceilToSlot(s.start, now, settings.slotMinutes)),
    to: s.end,
  }));
  const limit = { rooms: settings.tables.map((t) => t.key), windows };
  const proposal = await proposePlacement(
    db,
    { summit, actor: ctx.actor, roles: ctx.roles, view: { drafts: true, contacts: false } },
    {
      stepMinutes: settings.slotMinutes,
      timeLimitMs: opts.timeLimitMs,
      sessions: [...byKey.keys()],
      limits: Object.fromEntries([...byKey.keys()].map((k) => [k, limit])),
    },
  );
  if (!proposal.ok) return proposal;
  const view: ScheduleView = { scheduled: [], unscheduled: [] };
  for (const u of proposal.value.unplaced) {
    const c = byKey.get(u.session)!;
    view.unscheduled.push({
      id: c.id,
      need: c.needKey,
      needTitle: c.needTitle,
      reason: u.reason,
      why: u.why,
    });
  }
  for (const p of proposal.value.placed) {
    const c = byKey.get(p.session)!;
    const start = parseTime(p.start, summit.timeZone)!;
    const end = parseTime(p.end, summit.timeZone)!;
    const booked = await book(db, mailer, ctx, settings, c.id, { room: p.room, start, end }, now);
    if (booked === null)
      view.scheduled.push({
        id: c.id,
        need: c.needKey,
        needTitle: c.needTitle,
        room: p.room,
        start: new Date(start).toISOString(),
        end: new Date(end).toISOString(),
      });
    else view.unscheduled.push({ id: c.id, need: c.needKey, needTitle: c.needTitle, reason: booked });
  }
  view.scheduled.sort((a, b) => a.start.localeCompare(b.start) || a.room.localeCompare(b.room));
  view.unscheduled.sort((a, b) => a.id - b.id);
  return ok(view);
}

/** The first slot start of a window grid at or after `now` (a slot that has begun is not offered). */
function ceilToSlot(windowStart: number, now: number, slotMinutes: number): number {
  const step = slotMinutes * 60_000;
  return now <= windowStart ? windowStart : windowStart + Math.ceil((now - windowStart) / step) * step;
}

/**
 * Books one consultation where placement put it, as a request is booked: under its delegations'
 * locks, checked against the programme as it now stands. Answers null, or why it could not.
 */
async function book(
  db: Db,
  mailer: Mailer,
  ctx: MarketContext,
  settings: repo.SettingsRow,
  id: number,
  slot: { room: string; start: number; end: number },
  now: number,
): Promise<string | null> {
  const { summit } = ctx;
  const table = settings.tables.find((t) => t.key === slot.room);
  if (!table) return `${slot.room} is not a table of the Marketplace`;
  try {
    return await withRetry(db, async (tx) => {
      await lockSummit(tx, summit.id, 'share');
      const before = (await repo.findConsultation(tx, summit.id, id))!;
      const providers = before.parties.filter((p) => p.role === 'provider').map((p) => p.delegation);
      await repo.lockDelegations(tx, summit.id, [before.owner.id, ...providers.map((d) => d.id)]);
      await repo.lockConsultation(tx, summit.id, id);
      const c = (await repo.findConsultation(tx, summit.id, id))!;
      if (c.status !== 'accepted' || c.start !== null) return 'it was changed meanwhile';
      const parties = { owner: c.owner, check: [c.owner, ...providers], you: c.owner };
      const world = await loadWorld(tx, summit.id, settings, now, {
        delegations: parties.check,
        during: { from: slot.start, to: slot.end },
      });
      // The cap was checked when it was requested; a slot only adds time.
      const reason = refusalAt(
        { ...world, settings: { ...settings, capPerDelegation: null } },
        { id: '', ...slot },
        parties,
      );
      if (reason) return reason;
      await repo.updateConsultation(tx, id, {
        roomId: table.id,
        startAt: new Date(slot.start),
        endAt: new Date(slot.end),
      });
      const after = (await repo.findConsultation(tx, summit.id, id))!;
      await rebuildSession(tx, ctx, after);
      await record(tx, {
        summit,
        actor: actorLabel(ctx.actor),
        action: 'schedule',
        entity: 'consultation',
        key: String(id),
        after: { room: slot.room, start: new Date(slot.start).toISOString() },
      });
      await mailAbout(tx, mailer, ctx, after, 'scheduled');
      return null;
    });
  } catch (e) {
    if (sqlState(e) !== '23P01') throw e;
    return `${table.name} is taken at this time`;
  }
}
