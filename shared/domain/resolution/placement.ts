// Automatic placement: puts unplaced sessions (accepted side events, requested consultations) into
// rooms and times inside their segments so that no hard rule breaks, placing as many as it can,
// then lowering the soft cost (cost.ts). A session with a time but no room keeps its time: only a
// room is looked for. Pinned sessions never move. Nothing is written: the result is a proposal.
// This is the heuristic (placement-search.ts), which the browser can run too; the server adds an
// exact stage on its worker pool (server/workers/exact-placement.ts).
import { conflictsInvolving } from '../conflicts/engine.ts';
import type { Checked, Prepared } from '../conflicts/prepare.ts';
import type { Session } from '../programme.ts';
import { at, isTimed, placementSpots, type Spot, type SpotLimit } from './candidates.ts';
import { matchingBound } from './placement-bound.ts';
import {
  blocked,
  noteBlocked,
  OUT_OF_TIME,
  OUT_OF_TIME_REASON,
  OUT_OF_TIME_SEARCH,
  PINNED,
  type PlacementWhy,
  sayer,
} from './placement-reasons.ts';
import { Search } from './placement-search.ts';
import { type Item, PlacementState, spotCost } from './placement-state.ts';

export type Placement = Spot & { key: string; cost: number };
export type Unplaced = { key: string; reason: string; why: PlacementWhy };
export type PlacementResult = {
  placed: Placement[];
  /** Each session left out, with why: in words (`reason`) and for a program (`why`). */
  unplaced: Unplaced[];
  cost: number;
  /** The most sessions any arrangement could place (placement-bound.ts; the exact stage tightens it). */
  bound: number;
  /** Whether no arrangement places more: placed = bound. */
  optimal: boolean;
};
export type PlacementOptions = {
  stepMinutes?: number;
  timeLimitMs?: number;
  /** Sessions that may go only in some rooms and windows, by key (candidates.ts: SpotLimit). */
  limits?: Readonly<Record<string, SpotLimit>>;
  now?: () => number;
  seed?: number;
};
export { OUT_OF_TIME };

/** The share of the time limit that listing spots may take; the rest places what was listed. */
const LISTING_SHARE = 0.7;

/** The sessions to place with their spots free of hard conflicts with the fixed programme, and those left out already. */
export type Listing = {
  items: Item[];
  /** For each item, whether every one of its spots was tried (listing may stop midway at its deadline). */
  complete: boolean[];
  unplaced: Unplaced[];
  /** Sessions not tried, or not wholly: any of them might be placed. */
  open: number;
};

/**
 * Lists, for each session, the spots free of hard conflicts with the fixed programme (the prepared
 * one), with their cost against it. Stops trying sessions at `listedBy`.
 */
export function listSpots(
  p: Prepared,
  sessions: readonly Session[],
  opts: {
    stepMinutes: number;
    now: () => number;
    listedBy: number;
    limits?: Readonly<Record<string, SpotLimit>>;
  },
): Listing {
  const { now, listedBy } = opts;
  const say = sayer(p);
  const listing: Listing = { items: [], complete: [], unplaced: [], open: 0 };
  // Sessions that keep their time are in the prepared programme already, without a room.
  const fixed = new Map<string, Checked>();
  for (const c of p.timed) if (c.room === null) fixed.set(c.session.key, c);
  for (const session of sessions) {
    if (session.pinned) {
      listing.unplaced.push({ key: session.key, reason: PINNED, why: { code: 'pinned' } });
      continue;
    }
    if (now() >= listedBy) {
      listing.unplaced.push({ key: session.key, reason: OUT_OF_TIME, why: { code: 'outOfTime' } });
      listing.open++;
      continue;
    }
    const refused = blocked();
    const starts = new Set<number>();
    const spots: Spot[] = [];
    const base: number[] = [];
    let tried = 0;
    let cut = false;
    for (const spot of placementSpots(p, session, opts.stepMinutes, opts.limits?.[session.key])) {
      // A session may have thousands of spots: look at the clock every few of them.
      if (++tried % 16 === 0 && now() >= listedBy) {
        cut = true;
        break;
      }
      starts.add(spot.start);
      const conflicts = conflictsInvolving(p, at(session, spot));
      const hard = conflicts.filter((c) => c.severity === 'hard');
      if (hard.length) noteBlocked(refused, spot, hard);
      else {
        spots.push(spot);
        base.push(spotCost(p, session, spot, conflicts));
      }
    }
    if (cut) listing.open++;
    const entry = isTimed(session) ? (fixed.get(session.key) ?? null) : null;
    if (spots.length) {
      listing.items.push(PlacementState.item(p, session, spots, base, entry));
      listing.complete.push(!cut);
    } else {
      const why: PlacementWhy = cut
        ? { code: 'outOfTime' }
        : starts.size === 0
          ? say.noSpot(session)
          : say.blocked(session, refused, starts);
      listing.unplaced.push({ key: session.key, reason: say.say(why), why });
    }
  }
  return listing;
}

export function place(
  p: Prepared,
  sessions: readonly Session[],
  opts: PlacementOptions = {},
): PlacementResult {
  const now = opts.now ?? (() => performance.now());
  // Leave room for the last move under way and the final accounting.
  const limit = opts.timeLimitMs ?? 3_000;
  const started = now();
  const deadline = started + limit - Math.min(150, limit * 0.05);
  // Listing spots checks each against the whole programme: it may take most of the time, never all
  // of it, so that what was listed still gets placed before the deadline.
  const listedBy = started + (deadline - started) * LISTING_SHARE;
  const listing = listSpots(p, sessions, {
    stepMinutes: opts.stepMinutes ?? 15,
    now,
    listedBy,
    limits: opts.limits,
  });
  const state = new PlacementState(p, listing.items);
  new Search(state, deadline, now, opts.seed ?? 1).run();
  return resultOf(state, listing, boundOf(listing));
}

/**
 * The most sessions any arrangement could place: of the sessions wholly listed, at most the cheap
 * bound (and at most `solverBound`, the exact stage's, over every listed spot), plus every session
 * not wholly tried.
 */
export function boundOf(listing: Listing, solverBound: number | null = null): number {
  const complete = listing.items.filter((_, i) => listing.complete[i]);
  // The matching costs time with the spots (half a second at two million): past MATCHING_SPOTS the
  // sessions that have a spot at all are the bound, still a valid one.
  const spots = complete.reduce((n, item) => n + item.spots.length, 0);
  const matched = spots <= MATCHING_SPOTS ? matchingBound(complete) : complete.length;
  return Math.min(matched, solverBound ?? Infinity) + listing.open;
}

/** Above this many spots, the bound is the count of sessions with a spot, not a matching. */
const MATCHING_SPOTS = 200_000;

/** The proposal the state holds: each placed session with its share of the cost, and why the others are not. */
export function resultOf(
  state: PlacementState,
  listing: Listing,
  bound: number,
  /** Saying why a session is left out looks at every spot it had: it stops when time is up. */
  time: { now: () => number; until: number } = { now: () => 0, until: Infinity },
): PlacementResult {
  const { items } = state;
  const placed: Placement[] = [];
  const total = state.total();
  const order = items
    .map((_, i) => i)
    .filter((i) => items[i]!.at >= 0)
    .sort((a, b) => a - b);
  // Each session's own share: its cost with the sessions placed before it in this order.
  const saved = order.map((i) => items[i]!.at);
  for (const i of order) state.put(i, -1);
  order.forEach((i, k) => {
    const cost = state.cost(i, saved[k]!) ?? 0;
    state.put(i, saved[k]!);
    placed.push({ key: items[i]!.session.key, ...items[i]!.spots[saved[k]!]!, cost });
  });
  const say = sayer(state.p);
  const unplaced = [...listing.unplaced];
  items.forEach((item, i) => {
    if (item.at >= 0) return;
    if (time.now() >= time.until) {
      unplaced.push({ key: item.session.key, reason: OUT_OF_TIME_REASON, why: { code: 'outOfTimeReason' } });
      return;
    }
    if (state.best(i) !== null) {
      unplaced.push({ key: item.session.key, reason: OUT_OF_TIME_SEARCH, why: { code: 'outOfTimeSearch' } });
      return;
    }
    // Who holds its spots, most often first.
    const count = new Map<number, number>();
    item.spots.forEach((_, s) => {
      for (const j of state.blockers(i, s)) count.set(j, (count.get(j) ?? 0) + 1);
    });
    const by = [...count].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([j]) => items[j]!.session);
    const why = say.taken(item.session, by);
    unplaced.push({ key: item.session.key, reason: say.say(why), why });
  });
  placed.sort((a, b) => a.start - b.start || a.room.localeCompare(b.room));
  return { placed, unplaced, cost: total, bound, optimal: placed.length === bound };
}
