// Automatic placement: puts unplaced sessions (accepted side events, requested consultations) into
// rooms and times inside their segments so that no hard rule breaks, placing as many as it can,
// then lowering the soft cost (cost.ts). A session with a time but no room keeps its time: only a
// room is looked for. Pinned sessions never move. Nothing is written: the result is a proposal.
// This is the heuristic (placement-search.ts), which the browser can run too; the server adds an
// exact stage on its worker pool (server/workers/exact-placement.ts).
import { conflictsInvolving } from '../conflicts/engine.ts';
import type { Checked, Prepared } from '../conflicts/prepare.ts';
import type { Session } from '../programme.ts';
import { at, isTimed, placementSpots, type Spot } from './candidates.ts';
import { Search } from './placement-search.ts';
import { type Item, PlacementState, spotCost } from './placement-state.ts';

export type Placement = Spot & { key: string; cost: number };
export type PlacementResult = {
  placed: Placement[];
  unplaced: { key: string; reason: string }[];
  cost: number;
};
export type PlacementOptions = {
  stepMinutes?: number;
  timeLimitMs?: number;
  now?: () => number;
  seed?: number;
};

/** The share of the time limit that listing spots may take; the rest places what was listed. */
const LISTING_SHARE = 0.7;
export const OUT_OF_TIME =
  'placement ran out of time before it could try this session: give it a longer time limit';

/** The sessions to place with their spots free of hard conflicts with the fixed programme, and those left out already. */
export type Listing = {
  items: Item[];
  unplaced: { key: string; reason: string }[];
};

/**
 * Lists, for each session, the spots free of hard conflicts with the fixed programme (the prepared
 * one), with their cost against it. Stops trying sessions at `listedBy`.
 */
export function listSpots(
  p: Prepared,
  sessions: readonly Session[],
  opts: { stepMinutes: number; now: () => number; listedBy: number },
): Listing {
  const { now, listedBy } = opts;
  const unplaced: { key: string; reason: string }[] = [];
  const items: Item[] = [];
  // Sessions that keep their time are in the prepared programme already, without a room.
  const fixed = new Map<string, Checked>();
  for (const c of p.timed) if (c.room === null) fixed.set(c.session.key, c);
  for (const session of sessions) {
    if (session.pinned) {
      unplaced.push({ key: session.key, reason: 'pinned: placement never moves a pinned session' });
      continue;
    }
    if (now() >= listedBy) {
      unplaced.push({ key: session.key, reason: OUT_OF_TIME });
      continue;
    }
    const blocked = new Map<string, number>();
    const spots: Spot[] = [];
    const base: number[] = [];
    let tried = 0;
    let cut = false;
    for (const spot of placementSpots(p, session, opts.stepMinutes)) {
      // A session may have thousands of spots: look at the clock every few of them.
      if (++tried % 16 === 0 && now() >= listedBy) {
        cut = true;
        break;
      }
      const conflicts = conflictsInvolving(p, at(session, spot));
      const hard = conflicts.find((c) => c.severity === 'hard');
      if (hard) blocked.set(hard.code, (blocked.get(hard.code) ?? 0) + 1);
      else {
        spots.push(spot);
        base.push(spotCost(p, session, spot, conflicts));
      }
    }
    const entry = isTimed(session) ? (fixed.get(session.key) ?? null) : null;
    if (spots.length) items.push(PlacementState.item(p, session, spots, base, entry));
    else unplaced.push({ key: session.key, reason: cut ? OUT_OF_TIME : reasonFor(blocked) });
  }
  return { items, unplaced };
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
  const listing = listSpots(p, sessions, { stepMinutes: opts.stepMinutes ?? 15, now, listedBy });
  const state = new PlacementState(p, listing.items);
  new Search(state, deadline, now, opts.seed ?? 1).run();
  return resultOf(state, listing.unplaced);
}

/** The proposal the state holds: each placed session with its share of the cost, and why the others are not. */
export function resultOf(
  state: PlacementState,
  unplaced: readonly { key: string; reason: string }[],
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
  const left = [...unplaced];
  for (const item of items) {
    if (item.at < 0)
      left.push({
        key: item.session.key,
        reason: 'every free spot is taken by other sessions being placed',
      });
  }
  placed.sort((a, b) => a.start - b.start || a.room.localeCompare(b.room));
  return { placed, unplaced: left, cost: total };
}

function reasonFor(blocked: Map<string, number>): string {
  if (blocked.size === 0) return 'its segment has no room for its length';
  const why = [...blocked]
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code} (${n} spot${n === 1 ? '' : 's'})`)
    .join(', ');
  return `every room and time in its segment breaks a hard rule: ${why}`;
}
