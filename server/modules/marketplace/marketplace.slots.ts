// Which slots can be booked, and why the others cannot: the table is free (no live consultation,
// no other session in that room), no delegation concerned would be in more things at once than it
// has people (its sessions with a presence role, per the conflict engine, and its live
// consultations), the cap is not reached, and the slot has not begun.
import { check } from '../../../shared/domain/conflicts/prepare.ts';
import {
  type Commitment,
  peakLoad,
  reasons,
  type Slot,
  slotsOf,
} from '../../../shared/domain/marketplace.ts';
import type { Executor } from '../../db/client.ts';
import { loadPeople, loadSessions } from '../programme/programme.service.ts';
import * as repo from './marketplace.repo.ts';

/** What a booking is checked against: the programme and the live consultations, at `now`. */
export type World = {
  settings: repo.SettingsRow;
  now: number;
  byDelegation: Map<string, Commitment[]>;
  /** Sessions by room key (those of live consultations left out: `live` holds them). */
  byRoom: Map<string, Commitment[]>;
  live: repo.ConsultationRow[];
};

const push = <V>(map: Map<string, V[]>, key: string, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

export async function loadWorld(
  db: Executor,
  summitId: number,
  settings: repo.SettingsRow,
  now: number,
): Promise<World> {
  const [sessions, people] = [await loadSessions(db, summitId), await loadPeople(db, summitId)];
  const live = await repo.listConsultations(db, summitId, {
    liveDuring: { from: 0, to: Date.UTC(9999, 0, 1), now },
  });
  const held = new Set(live.flatMap((c) => (c.session ? [c.session] : [])));
  const ctx = { rooms: new Map(), segments: new Map(), people: new Map(people.map((p) => [p.key, p])) };
  const byDelegation = new Map<string, Commitment[]>();
  const byRoom = new Map<string, Commitment[]>();
  for (const s of sessions) {
    if (s.start === null || s.end === null) continue;
    const c = { title: s.title, start: s.start, end: s.end };
    for (const d of check(s, ctx).committed) push(byDelegation, d, c);
    if (s.room !== null && !held.has(s.key)) push(byRoom, s.room, c);
  }
  // A request commits its owner and providers; an accepted one does so through its session.
  for (const c of live)
    if (c.session === null && c.start !== null && c.end !== null) {
      const commitment = { title: `Marketplace: ${c.needTitle}`, start: c.start, end: c.end };
      for (const d of [c.owner, ...c.parties.filter((p) => p.role === 'provider').map((p) => p.delegation)])
        push(byDelegation, d.key, commitment);
    }
  return { settings, now, byDelegation, byRoom, live };
}

/** Live consultations a delegation owns or provides for. */
export const liveOf = (w: World, d: repo.DelegationRef): number =>
  w.live.filter(
    (c) => c.owner.id === d.id || c.parties.some((p) => p.role === 'provider' && p.delegation.id === d.id),
  ).length;

export type Parties = {
  owner: repo.DelegationRef;
  /** The delegations to check (the requesting or joining provider; the owner when it is new). */
  check: repo.DelegationRef[];
  /** The caller's delegation, named "Your delegation" where the cap speaks of it. */
  you: repo.DelegationRef;
};

/** Why the parties to check may take part in no more consultations (their cap), or null. */
export function capRefusal(w: World, parties: Parties): string | null {
  const cap = w.settings.capPerDelegation;
  if (cap !== null)
    for (const d of parties.check)
      if (liveOf(w, d) >= cap)
        return reasons.capReached(d.id === parties.you.id ? 'Your delegation' : d.name, cap);
  return null;
}

/** Why this slot cannot be booked for these parties, or null. `table: false` when joining one that holds it. */
export function refusalAt(
  w: World,
  slot: Slot,
  parties: Parties,
  opts: { table: boolean } = { table: true },
): string | null {
  if (slot.start <= w.now) return reasons.begun();
  const name = w.settings.tables.find((t) => t.key === slot.room)?.name ?? slot.room;
  const overlaps = (c: { start: number | null; end: number | null }) =>
    c.start !== null && c.end !== null && c.start < slot.end && slot.start < c.end;
  if (opts.table) {
    if (w.live.some((c) => c.room === slot.room && overlaps(c))) return reasons.tableTaken(name);
    const hosted = (w.byRoom.get(slot.room) ?? []).find(overlaps);
    if (hosted) return reasons.roomHosts(name, hosted.title);
  }
  const capped = capRefusal(w, parties);
  if (capped) return capped;
  for (const d of parties.check) {
    const load = peakLoad(w.byDelegation.get(d.key) ?? [], slot.start, slot.end);
    if (load.peak + 1 > d.size) return reasons.overCommitted(d.name, d.size, load.titles);
  }
  return null;
}

export const allSlots = (settings: repo.SettingsRow): Slot[] =>
  slotsOf(
    settings.segments,
    settings.tables.map((t) => t.key),
    settings.slotMinutes,
  );

export type SlotView = {
  id: string;
  room: string;
  start: string;
  end: string;
  bookable: boolean;
  reason?: string;
};

export function slotViews(w: World, parties: Parties): SlotView[] {
  return allSlots(w.settings).map((s) => {
    const reason = refusalAt(w, s, parties);
    return {
      id: s.id,
      room: s.room,
      start: new Date(s.start).toISOString(),
      end: new Date(s.end).toISOString(),
      bookable: reason === null,
      ...(reason !== null && { reason }),
    };
  });
}

/** The next bookable slots for these parties, soonest first, besides `except`. */
export const alternatives = (w: World, parties: Parties, except: string, limit = 5): string[] =>
  slotViews(w, parties)
    .filter((s) => s.bookable && s.id !== except)
    .slice(0, limit)
    .map((s) => s.id);
