// The Marketplace's use cases (docs/marketplace.md): its settings, needs and offers, the slots a
// provider may book, consultations and their steps, suggestions and the follow-up report; and its
// part of the summit file for the summits module.
import type { z } from 'zod';
import {
  countIn,
  emptyFunnel,
  type Funnel,
  type Marketplace,
  overlap,
} from '../../../shared/domain/marketplace.ts';
import type { Outcome as FollowUp } from '../../../shared/domain/marketplace.ts';
import { zodProblems } from '../../../shared/schemas/problems.ts';
import { needBodySchema, offerBodySchema, settingsSchema } from '../../../shared/schemas/marketplace.ts';
import { actorLabel } from '../../core/actor.ts';
import { record } from '../../core/audit.ts';
import { mergePatch } from '../../core/merge-patch.ts';
import { conflict, invalid, invalidField, notFound, type Outcome, type Problem } from '../../core/outcome.ts';
import type { Db, Executor } from '../../db/client.ts';
import { loadRooms, loadSegments } from '../programme/programme.service.ts';
import { actingDelegation, type MarketContext } from './marketplace.context.ts';
import { marketplacePolicy, standingOf } from './marketplace.policy.ts';
import * as repo from './marketplace.repo.ts';
import { allSlots, loadWorld, type Parties, slotViews, whyNot } from './marketplace.slots.ts';
import { consultationView, needView, offerView } from './marketplace.view.ts';

export { openMarketplace, openMarketplaceToBook, type MarketContext } from './marketplace.context.ts';
export { requestConsultation, takePart } from './marketplace.bookings.ts';
export { recordOutcome, transition } from './marketplace.transitions.ts';
export { scheduleAccepted } from './marketplace.schedule.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const EMPTY: repo.SettingsRow = {
  slotMinutes: 30,
  requestExpiryMinutes: 2880,
  capPerDelegation: null,
  tables: [],
  segments: [],
};
const settingsOrEmpty = async (db: Executor, summitId: number) =>
  (await repo.findSettings(db, summitId)) ?? EMPTY;

// ---- the summit file ----

/** Stores a summit file's Marketplace (its references were checked with the file). */
export async function insertMarketplace(tx: Executor, summitId: number, m: Marketplace): Promise<void> {
  await saveSettings(tx, summitId, m);
  const owners = new Map((await repo.delegationsByKey(tx, summitId)).map((d) => [d.key, d.id]));
  await repo.insertNeeds(
    tx,
    summitId,
    m.needs.map(({ owner, ...n }) => ({ ...n, ownerId: owners.get(owner)! })),
  );
}

/** Writes the settings, its tables and windows in the order given (their keys exist). */
async function saveSettings(
  tx: Executor,
  summitId: number,
  m: Pick<Marketplace, 'slotMinutes' | 'requestExpiryMinutes' | 'capPerDelegation' | 'tables' | 'segments'>,
) {
  const ids = async (list: 'rooms' | 'segments', keys: string[]) => {
    const found = new Map((await repo.idsByKey(tx, summitId, list, keys)).map((r) => [r.key, r.id]));
    return keys.map((k) => found.get(k)!);
  };
  await repo.saveSettings(
    tx,
    summitId,
    {
      slotMinutes: m.slotMinutes,
      requestExpiryMinutes: m.requestExpiryMinutes,
      capPerDelegation: m.capPerDelegation,
    },
    await ids('rooms', m.tables),
    await ids('segments', m.segments),
  );
}

/** A summit's Marketplace as the summit file has it, or undefined when it has none. */
export async function loadMarketplace(db: Executor, summitId: number): Promise<Marketplace | undefined> {
  const s = await repo.findSettings(db, summitId);
  if (!s) return undefined;
  const needs = await repo.listNeeds(db, summitId, {}, new Date());
  return {
    slotMinutes: s.slotMinutes,
    tables: s.tables.map((t) => t.key),
    segments: s.segments.map((x) => x.key),
    requestExpiryMinutes: s.requestExpiryMinutes,
    capPerDelegation: s.capPerDelegation,
    needs: needs.map(({ id: _id, consultations: _c, owner, ...n }) => ({ ...n, owner: owner.key })),
  };
}

/** Removes a summit's Marketplace (its programme is being replaced). */
export const deleteMarketplace = (tx: Executor, summitId: number) => repo.deleteMarketplace(tx, summitId);

// ---- settings ----

function settingsView(ctx: MarketContext, s: repo.SettingsRow) {
  const participant = !ctx.visitorOnly && (ctx.mine.length > 0 || ctx.roles.supportUnit);
  return {
    slotMinutes: s.slotMinutes,
    tables: s.tables.map((t) => ({ key: t.key, name: t.name })),
    segments: s.segments.map((x) => ({ key: x.key, title: x.title, start: iso(x.start), end: iso(x.end) })),
    requestExpiryMinutes: s.requestExpiryMinutes,
    capPerDelegation: s.capPerDelegation,
    you: {
      supportUnit: ctx.roles.supportUnit,
      visitor: ctx.visitorOnly,
      delegations: ctx.mine.map((d) => ({ key: d.key, name: d.name, kind: d.kind })),
      may: {
        manage: ctx.roles.supportUnit,
        postNeeds: participant,
        publishOffers: participant,
        requestConsultations: participant,
      },
    },
  };
}

export async function getSettings(db: Db, ctx: MarketContext) {
  return settingsView(ctx, await settingsOrEmpty(db, ctx.summit.id));
}

type SettingsItem = z.output<typeof settingsSchema>;

export async function patchSettings(db: Db, ctx: MarketContext, patch: Record<string, unknown>) {
  const verdict = marketplacePolicy.mayManage(ctx);
  if (!verdict.ok) return verdict;
  const { summit } = ctx;
  const current = await settingsOrEmpty(db, summit.id);
  const before = {
    slotMinutes: current.slotMinutes,
    tables: current.tables.map((t) => t.key),
    segments: current.segments.map((s) => s.key),
    requestExpiryMinutes: current.requestExpiryMinutes,
    ...(current.capPerDelegation !== null && { capPerDelegation: current.capPerDelegation }),
  };
  const parsed = settingsSchema.safeParse(mergePatch(before, patch));
  if (!parsed.success) return invalid(zodProblems(parsed.error));
  const next: SettingsItem = parsed.data;
  const [rooms, segments] = [await loadRooms(db, summit.id), await loadSegments(db, summit.id)];
  const problems: Problem[] = [];
  const known = (list: 'tables' | 'segments', keys: Set<string>, what: string) =>
    next[list].forEach((k, i) => {
      if (!keys.has(k)) problems.push({ path: `${list}[${i}]`, message: `unknown ${what} "${k}"` });
    });
  known('tables', new Set(rooms.map((r) => r.key)), 'room');
  known('segments', new Set(segments.map((s) => s.key)), 'segment');
  if (problems.length) return invalid(problems);
  await db.transaction(async (tx) => {
    await saveSettings(tx, summit.id, { ...next, capPerDelegation: next.capPerDelegation ?? null });
    await record(tx, {
      summit,
      actor: actorLabel(ctx.actor),
      action: 'update',
      entity: 'marketplace',
      key: summit.slug,
      before,
      after: next,
    });
  });
  return { ok: true as const, value: await getSettings(db, ctx) };
}

// ---- needs ----

export type NeedQuery = {
  objective?: number | number[];
  assistance?: string | string[];
  owner?: string;
  q?: string;
};
const listOf = <T>(v: T | T[] | undefined): T[] | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? v : [v];

export async function listNeeds(db: Db, ctx: MarketContext, q: NeedQuery, now: number) {
  const rows = await repo.listNeeds(
    db,
    ctx.summit.id,
    { objectives: listOf(q.objective), assistance: listOf(q.assistance), owner: q.owner, q: q.q },
    new Date(now),
  );
  return rows.map(needView);
}

const needMissing = (key: string) => notFound(`need "${key}" not found`);

export async function getNeed(db: Db, ctx: MarketContext, key: string, now: number) {
  const need = await repo.findNeed(db, ctx.summit.id, key, new Date(now));
  return need ? { ok: true as const, value: needView(need) } : needMissing(key);
}

type NeedBody = z.output<typeof needBodySchema>;

async function checkedNeed(db: Executor, ctx: MarketContext, body: unknown) {
  const parsed = needBodySchema.safeParse(body);
  if (!parsed.success) return invalid(zodProblems(parsed.error));
  const { as, owner, ...fields }: NeedBody = parsed.data;
  const acting = await actingDelegation(db, ctx, owner ?? as, owner !== undefined ? 'owner' : 'as');
  if (!acting.ok) return acting;
  return {
    ok: true as const,
    value: { fields: { ...fields, description: fields.description ?? null }, owner: acting.value },
  };
}

export async function createNeed(db: Db, ctx: MarketContext, body: unknown, now: number) {
  const checked = await checkedNeed(db, ctx, body);
  if (!checked.ok) return checked;
  const { fields, owner } = checked.value;
  const { summit } = ctx;
  if (await repo.findNeed(db, summit.id, fields.key, new Date(now)))
    return conflict(`need "${fields.key}" already exists`, 'key', 'keyTaken', {
      kind: 'need',
      key: fields.key,
    });
  await db.transaction(async (tx) => {
    await repo.insertNeeds(tx, summit.id, [{ ...fields, ownerId: owner.id }]);
    await record(tx, {
      summit,
      actor: actorLabel(ctx.actor),
      action: 'create',
      entity: 'need',
      key: fields.key,
      after: { ...fields, owner: owner.key },
    });
  });
  return getNeed(db, ctx, fields.key, now);
}

export async function patchNeed(
  db: Db,
  ctx: MarketContext,
  key: string,
  patch: Record<string, unknown>,
  now: number,
) {
  const need = await repo.findNeed(db, ctx.summit.id, key, new Date(now));
  if (!need) return needMissing(key);
  const verdict = marketplacePolicy.mayChangeFor(ctx, need.owner.id, 'a need');
  if (!verdict.ok) return verdict;
  const { id: _id, consultations: _c, owner, ...current } = need;
  const merged = mergePatch(
    { ...current, description: current.description ?? undefined, owner: owner.key },
    patch,
  );
  if (merged.key !== key) return invalidField('a need keeps its key', 'key');
  const checked = await checkedNeed(db, ctx, merged);
  if (!checked.ok) return checked;
  await db.transaction(async (tx) => {
    await repo.updateNeed(tx, need.id, { ...checked.value.fields, ownerId: checked.value.owner.id });
    await record(tx, {
      summit: ctx.summit,
      actor: actorLabel(ctx.actor),
      action: 'update',
      entity: 'need',
      key,
      before: needView(need),
      after: checked.value.fields,
    });
  });
  return getNeed(db, ctx, key, now);
}

export async function deleteNeed(
  db: Db,
  ctx: MarketContext,
  key: string,
  now: number,
): Promise<Outcome<null>> {
  const need = await repo.findNeed(db, ctx.summit.id, key, new Date(now));
  if (!need) return needMissing(key);
  const verdict = marketplacePolicy.mayChangeFor(ctx, need.owner.id, 'a need');
  if (!verdict.ok) return verdict;
  if (need.consultations > 0)
    return conflict(
      `“${need.title}” has ${need.consultations} live consultation(s): cancel or decline them first`,
    );
  await db.transaction(async (tx) => {
    await repo.deleteNeed(tx, need.id);
    await record(tx, {
      summit: ctx.summit,
      actor: actorLabel(ctx.actor),
      action: 'delete',
      entity: 'need',
      key,
      before: needView(need),
    });
  });
  return { ok: true, value: null };
}

// ---- offers ----

export type OfferQuery = { objective?: number | number[]; assistance?: string | string[]; provider?: string };

export async function listOffers(db: Db, ctx: MarketContext, q: OfferQuery) {
  const rows = await repo.listOffers(db, ctx.summit.id, {
    objectives: listOf(q.objective),
    assistance: listOf(q.assistance),
    provider: q.provider,
  });
  return rows.map(offerView);
}

async function checkedOffer(db: Executor, ctx: MarketContext, body: unknown) {
  const parsed = offerBodySchema.safeParse(body);
  if (!parsed.success) return invalid(zodProblems(parsed.error));
  const { as, ...fields } = parsed.data;
  const acting = await actingDelegation(db, ctx, as);
  if (!acting.ok) return acting;
  return {
    ok: true as const,
    value: { ...fields, description: fields.description ?? null, providerId: acting.value.id },
  };
}

const offerMissing = (id: number) => notFound(`offer ${id} not found`);
const findOffer = async (db: Executor, summitId: number, id: number) =>
  (await repo.listOffers(db, summitId, { id }))[0] ?? null;

export async function createOffer(db: Db, ctx: MarketContext, body: unknown) {
  const checked = await checkedOffer(db, ctx, body);
  if (!checked.ok) return checked;
  const id = await db.transaction(async (tx) => {
    const id = await repo.insertOffer(tx, ctx.summit.id, checked.value);
    await record(tx, {
      summit: ctx.summit,
      actor: actorLabel(ctx.actor),
      action: 'create',
      entity: 'offer',
      key: String(id),
      after: checked.value,
    });
    return id;
  });
  return { ok: true as const, value: offerView((await findOffer(db, ctx.summit.id, id))!) };
}

export async function patchOffer(db: Db, ctx: MarketContext, id: number, patch: Record<string, unknown>) {
  const offer = await findOffer(db, ctx.summit.id, id);
  if (!offer) return offerMissing(id);
  const verdict = marketplacePolicy.mayChangeFor(ctx, offer.provider.id, 'an offer');
  if (!verdict.ok) return verdict;
  const { id: _id, provider, ...current } = offer;
  const merged = mergePatch(
    { ...current, description: current.description ?? undefined, as: provider.key },
    patch,
  );
  const checked = await checkedOffer(db, ctx, merged);
  if (!checked.ok) return checked;
  await db.transaction(async (tx) => {
    await repo.updateOffer(tx, id, checked.value);
    await record(tx, {
      summit: ctx.summit,
      actor: actorLabel(ctx.actor),
      action: 'update',
      entity: 'offer',
      key: String(id),
      before: offerView(offer),
      after: checked.value,
    });
  });
  return { ok: true as const, value: offerView((await findOffer(db, ctx.summit.id, id))!) };
}

export async function deleteOffer(db: Db, ctx: MarketContext, id: number): Promise<Outcome<null>> {
  const offer = await findOffer(db, ctx.summit.id, id);
  if (!offer) return offerMissing(id);
  const verdict = marketplacePolicy.mayChangeFor(ctx, offer.provider.id, 'an offer');
  if (!verdict.ok) return verdict;
  await db.transaction(async (tx) => {
    await repo.deleteOffer(tx, id);
    await record(tx, {
      summit: ctx.summit,
      actor: actorLabel(ctx.actor),
      action: 'delete',
      entity: 'offer',
      key: String(id),
      before: offerView(offer),
    });
  });
  return { ok: true, value: null };
}

// ---- slots and suggestions ----

/** The need and the parties whose slots are asked for (the caller's delegation as provider). */
async function partiesFor(db: Db, ctx: MarketContext, needKey: string, as: string | undefined, now: number) {
  const need = await repo.findNeed(db, ctx.summit.id, needKey, new Date(now));
  if (!need)
    return invalidField(`unknown need "${needKey}"`, 'need', 'unknownKey', { kind: 'need', key: needKey });
  if (ctx.visitorOnly)
    return {
      ok: true as const,
      value: { need, parties: { owner: need.owner, check: [need.owner], you: need.owner } },
    };
  if (as === undefined && ctx.roles.supportUnit && ctx.mine.length === 0)
    return {
      ok: true as const,
      value: { need, parties: { owner: need.owner, check: [need.owner], you: need.owner } },
    };
  const acting = await actingDelegation(db, ctx, as);
  if (!acting.ok) return acting;
  const you = acting.value;
  const check = you.id === need.owner.id ? [need.owner] : [need.owner, you];
  return { ok: true as const, value: { need, parties: { owner: need.owner, check, you } satisfies Parties } };
}

export async function slots(db: Db, ctx: MarketContext, q: { need: string; as?: string }, now: number) {
  const found = await partiesFor(db, ctx, q.need, q.as, now);
  if (!found.ok) return found;
  const world = await loadWorld(db, ctx.summit.id, await settingsOrEmpty(db, ctx.summit.id), now, {
    delegations: found.value.parties.check,
  });
  return { ok: true as const, value: { slots: slotViews(world, found.value.parties) } };
}

export async function suggestions(db: Db, ctx: MarketContext, needKey: string, now: number) {
  const need = await repo.findNeed(db, ctx.summit.id, needKey, new Date(now));
  if (!need)
    return invalidField(`unknown need "${needKey}"`, 'need', 'unknownKey', { kind: 'need', key: needKey });
  const byProvider = new Map<number, { provider: repo.DelegationRef; overlap: number; offers: number[] }>();
  for (const o of await repo.listOffers(db, ctx.summit.id, {})) {
    if (o.provider.id === need.owner.id) continue;
    const score = overlap(need, o);
    if (score === 0) continue;
    const entry = byProvider.get(o.provider.id) ?? { provider: o.provider, overlap: 0, offers: [] };
    entry.overlap = Math.max(entry.overlap, score);
    entry.offers.push(o.id);
    byProvider.set(o.provider.id, entry);
  }
  const world = await loadWorld(db, ctx.summit.id, await settingsOrEmpty(db, ctx.summit.id), now, {
    delegations: [need.owner, ...[...byProvider.values()].map((e) => e.provider)],
  });
  const slots = allSlots(world.settings);
  const providers = [...byProvider.values()].map((e) => ({
    key: e.provider.key,
    name: e.provider.name,
    kind: e.provider.kind,
    overlap: e.overlap,
    offers: e.offers,
    bookableSlots: slots.filter(
      (s) =>
        whyNot(world, s, { owner: need.owner, check: [need.owner, e.provider], you: e.provider }) === null,
    ).length,
  }));
  providers.sort(
    (a, b) => b.overlap - a.overlap || b.bookableSlots - a.bookableSlots || a.name.localeCompare(b.name),
  );
  return { ok: true as const, value: { providers } };
}

// ---- consultations ----

export async function listConsultations(
  db: Db,
  ctx: MarketContext,
  q: { need?: string; status?: repo.ConsultationRow['status'] },
  now: number,
) {
  // A need's consultations are everyone's to read (one may join them); without a need, a participant
  // lists their own delegations' ("My consultations"), the support unit and visitors all.
  const all = ctx.roles.supportUnit || ctx.visitorOnly || q.need !== undefined;
  const need =
    q.need === undefined ? undefined : await repo.findNeed(db, ctx.summit.id, q.need, new Date(now));
  if (q.need !== undefined && !need) return [];
  const rows = await repo.listConsultations(db, ctx.summit.id, {
    needId: need?.id,
    delegationIds: all ? undefined : ctx.mine.map((d) => d.id),
  });
  return rows
    .map((c) => consultationView(ctx, c, now))
    .filter((c) => q.status === undefined || c.status === q.status);
}

export async function getConsultation(db: Db, ctx: MarketContext, id: number, now: number) {
  const c = await repo.findConsultation(db, ctx.summit.id, id);
  if (!c || !marketplacePolicy.sees(standingOf(ctx, c))) return notFound(`consultation ${id} not found`);
  return { ok: true as const, value: consultationView(ctx, c, now) };
}

// ---- the follow-up report ----

export async function report(db: Db, ctx: MarketContext) {
  const overall = emptyFunnel();
  const byObjective = new Map<number, Funnel>();
  const byKind = new Map<string, Funnel>();
  const into = <K>(map: Map<K, Funnel>, k: K) => {
    let f = map.get(k);
    if (!f) {
      f = emptyFunnel();
      map.set(k, f);
    }
    return f;
  };
  for (const c of await repo.heldConsultations(db, ctx.summit.id)) {
    const outcome = c.outcome as FollowUp | null;
    countIn(overall, outcome);
    for (const o of c.objectives) countIn(into(byObjective, o), outcome);
    for (const k of c.kinds) countIn(into(byKind, k), outcome);
  }
  return {
    overall,
    byObjective: [...byObjective].sort(([a], [b]) => a - b).map(([objective, f]) => ({ objective, ...f })),
    byProviderKind: [...byKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, f]) => ({ kind, ...f })),
  };
}
