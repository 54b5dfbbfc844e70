// Which slots can be booked, and why the others cannot: the table is free (no live consultation,
// no other session in that room), no delegation concerned would be in more things at once than it
// has people (its sessions with a presence role, per the conflict engine, and its live
// consultations), the cap is not reached, and the slot has not begun.
import { check } from '../../../shared/domain/conflicts/prepare.ts';
import {
  type Commitment,
  consultationTitle,
  peakLoad,
  type Slot,
  type SlotWhy,
  sayWhy,
  slotsOf,
} from '../../../shared/domain/marketplace.ts';
import type { Executor } from '../../db/client.ts';
import { loadPeople, loadSessions } from '../programme/programme.service.ts';
import * as repo from './marketplace.repo.ts';
import { push } from '../../../shared/domain/resolution/placement-rows.ts';

/** What a booking is checked against: the programme and the live consultations, at `now`. */
export type World = {
  settings: repo.SettingsRow;
  now: number;
  /** The commitments of the delegations in scope, by delegation key. */
  byDelegation: Map<string, Commitment[]>;
  /** Sessions at the tables by room key (those of live consultations left out: `liveByRoom` has them). */
  byRoom: Map<string, Commitment[]>;
  /** Live consultations with a slot, by table key. */
  liveByRoom: Map<string, { start: number; end: number }[]>;
  /** Live consultations (slotless ones too) each delegation in scope owns or provides for. */
  liveCount: Map<number, number>;
};

/**
 * What to load: the delegations a check concerns, and the time it concerns (a slot), or all of
 * it (every slot of a need). Only their sessions, the tables' sessions and the live consultations
 * then are read, so that a booking reads a handful of rows, not the programme.
 */
export type Scope = { delegations: readonly repo.DelegationRef[]; during?: { from: number; to: number } };

/** A scope in which nothing happens: for a check that only counts (the cap). */
export const NO_TIME = { from: 0, to: 1 };

export async function loadWorld(
  db: Executor,
  summitId: number,
  settings: repo.SettingsRow,
  now: number,
  scope: Scope,
): Promise<World> {
  const ids = scope.delegations.map((d) => d.id);
  const inScope = new Set(scope.delegations.map((d) => d.key));
  const [sessions, live, liveCount] = await Promise.all([
    loadSessions(db, summitId, {
      involving: { delegationIds: ids, roomIds: settings.tables.map((t) => t.id) },
      overlapping: scope.during,
    }),
    repo.listConsultations(db, summitId, {
      liveDuring: { from: scope.during?.from ?? 0, to: scope.during?.to ?? Date.UTC(9999, 0, 1), now },
    }),
    // Only the cap reads the counts.
    settings.capPerDelegation === null ? new Map<number, number>() : repo.countLive(db, summitId, ids, now),
  ]);
  const named = [
    ...new Set(sessions.flatMap((s) => s.participants.flatMap((p) => (p.person ? [p.person] : [])))),
  ];
  const people = named.length ? await loadPeople(db, summitId, { keys: named }) : [];
  const held = new Set(live.flatMap((c) => (c.session ? [c.session] : [])));
  const ctx = { rooms: new Map(), segments: new Map(), people: new Map(people.map((p) => [p.key, p])) };
  const byDelegation = new Map<string, Commitment[]>();
  const byRoom = new Map<string, Commitment[]>();
  const liveByRoom = new Map<string, { start: number; end: number }[]>();
  for (const s of sessions) {
    if (s.start === null || s.end === null) continue;
    const c = { title: s.title, start: s.start, end: s.end };
    for (const d of check(s, ctx).committed) if (inScope.has(d)) push(byDelegation, d, c);
    if (s.room !== null && !held.has(s.key)) push(byRoom, s.room, c);
  }
  // A request commits its owner and providers; an accepted one does so through its session.
  for (const c of live) {
    if (c.start === null || c.end === null || c.room === null) continue;
    push(liveByRoom, c.room, { start: c.start, end: c.end });
    if (c.session !== null) continue;
    const commitment = {
      title: consultationTitle(c.needTitle),
      need: c.needTitle,
      start: c.start,
      end: c.end,
    };
    for (const d of [c.owner, ...c.parties.filter((p) => p.role === 'provider').map((p) => p.delegation)])
      if (inScope.has(d.key)) push(byDelegation, d.key, commitment);
  }
  return { settings, now, byDelegation, byRoom, liveByRoom, liveCount };
}

/** Live consultations a delegation owns or provides for. */
export const liveOf = (w: World, d: repo.DelegationRef): number => w.liveCount.get(d.id) ?? 0;

export type Parties = {
  owner: repo.DelegationRef;
  /** The delegations to check (the requesting or joining provider; the owner when it is new). */
  check: repo.DelegationRef[];
  /** The caller's delegation, named "Your delegation" where the cap speaks of it. */
  you: repo.DelegationRef;
};

/** Why the parties to check may take part in no more consultations (their cap), or null. */
export function capWhy(w: World, parties: Parties): SlotWhy | null {
  const cap = w.settings.capPerDelegation;
  if (cap !== null)
    for (const d of parties.check)
      if (liveOf(w, d) >= cap)
        return { code: 'capReached', delegation: d.id === parties.you.id ? null : d.name, cap };
  return null;
}

/** Why this slot cannot be booked for these parties, or null. `table: false` when joining one that holds it. */
export function whyNot(
  w: World,
  slot: Slot,
  parties: Parties,
  opts: { table: boolean } = { table: true },
): SlotWhy | null {
  if (slot.start <= w.now) return { code: 'begun' };
  const name = w.settings.tables.find((t) => t.key === slot.room)?.name ?? slot.room;
  const overlaps = (c: { start: number; end: number }) => c.start < slot.end && slot.start < c.end;
  if (opts.table) {
    if ((w.liveByRoom.get(slot.room) ?? []).some(overlaps)) return { code: 'tableTaken', table: name };
    const hosted = (w.byRoom.get(slot.room) ?? []).find(overlaps);
    if (hosted) return { code: 'roomHosts', table: name, session: hosted.title };
  }
  const capped = capWhy(w, parties);
  if (capped) return capped;
  for (const d of parties.check) {
    const load = peakLoad(w.byDelegation.get(d.key) ?? [], slot.start, slot.end);
    if (load.peak + 1 > d.size)
      return {
        code: 'overCommitted',
        delegation: d.name,
        size: d.size,
        sessions: load.sessions,
        consultations: load.consultations,
      };
  }
  return null;
}

/** `whyNot` in English. */
export function refusalAt(
  w: World,
  slot: Slot,
  parties: Parties,
  opts: { table: boolean } = { table: true },
): string | null {
  const why = whyNot(w, slot, parties, opts);
  return why && sayWhy(why);
}

/** Slot lists by the settings that make them: a rush asks for the same few thousand again and again. */
const slotLists = new Map<string, Slot[]>();

/** Every slot of the Marketplace, soonest first (the list is shared: callers do not change it). */
export function allSlots(settings: repo.SettingsRow): readonly Slot[] {
  const tables = settings.tables.map((t) => t.key);
  const key = JSON.stringify([settings.slotMinutes, tables, settings.segments.map((w) => [w.start, w.end])]);
  let slots = slotLists.get(key);
  if (!slots) {
    slots = slotsOf(settings.segments, tables, settings.slotMinutes);
    if (slotLists.size >= 64) slotLists.delete(slotLists.keys().next().value!);
    slotLists.set(key, slots);
  }
  return slots;
}

export type SlotView = {
  id: string;
  room: string;
  start: string;
  end: string;
  bookable: boolean;
  /** Why it cannot be booked, in English. */
  reason?: string;
  /** The same, for the client to say in the reader's language. */
  why?: SlotWhy;
};

export function slotViews(w: World, parties: Parties): SlotView[] {
  return allSlots(w.settings).map((s) => {
    const why = whyNot(w, s, parties);
    return {
      id: s.id,
      room: s.room,
      start: new Date(s.start).toISOString(),
      end: new Date(s.end).toISOString(),
      bookable: why === null,
      ...(why !== null && { reason: sayWhy(why), why }),
    };
  });
}
