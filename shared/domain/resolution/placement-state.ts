// The state placement searches over: which spot each session to place holds. The cost of a spot
// against the fixed programme is computed once; against the other sessions being placed it is
// computed only when one of them is close enough in time to share a room, a person or a
// delegation with it, and then by the conflict engine itself, so nothing is approximated.
// A session with a time but no room (a coordination meeting) stays in the prepared programme at its
// time while it has no room, so that the others are placed around its people; given a room, that
// entry is swapped for one with the room.
import { conflictsInvolving } from '../conflicts/engine.ts';
import { check, index, unindex, type Checked, type Prepared } from '../conflicts/prepare.ts';
import type { Conflict } from '../conflicts/types.ts';
import type { Session } from '../programme.ts';
import { at, isTimed, type Spot } from './candidates.ts';
import { softCost, unaryCost } from './cost.ts';

/**
 * What a session costs at a spot, given the conflicts it would be in there. A session that keeps
 * its time does not count the side events over official sessions it is in: they do not depend on
 * its room, so they are there whatever placement does.
 */
export function spotCost(p: Prepared, session: Session, spot: Spot, conflicts: readonly Conflict[]): number {
  const counted = isTimed(session)
    ? conflicts.filter((c) => c.code !== 'SIDE_EVENT_OVER_OFFICIAL')
    : conflicts;
  return softCost(counted) + unaryCost(session, p.rooms.get(spot.room)!, spot.start);
}

export type Item = {
  session: Session;
  spots: Spot[];
  /** Cost of each spot against the fixed programme alone. */
  base: number[];
  /** Spot index by "room|start", to swap two sessions' spots. */
  spotIndex: Map<string, number>;
  people: string[];
  committed: string[];
  takesPart: string[];
  /** The spot held, or -1. */
  at: number;
  /** The session as the prepared programme holds it now: at its spot, at its time without a room, or absent. */
  checked: Checked | null;
  /** For a session that keeps its time: its entry in the prepared programme while it has no room. */
  fixed: Checked | null;
};

export const spotKey = (s: Spot) => `${s.room}|${s.start}`;
const shares = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

export class PlacementState {
  private readonly placed = new Set<number>();
  private readonly reach: number;

  constructor(
    readonly p: Prepared,
    readonly items: Item[],
  ) {
    let changeover = 0;
    for (const r of p.rooms.values()) changeover = Math.max(changeover, r.changeoverMinutes);
    this.reach = Math.max(changeover, p.input.summit.travelMinutes) * 60_000;
  }

  static item(
    p: Prepared,
    session: Session,
    spots: Spot[],
    base: number[],
    fixed: Checked | null = null,
  ): Item {
    const c = check(at(session, spots[0]!), p);
    return {
      session,
      spots,
      base,
      spotIndex: new Map(spots.map((s, i) => [spotKey(s), i])),
      people: c.people,
      committed: c.committed,
      takesPart: c.takesPart,
      at: -1,
      checked: fixed,
      fixed,
    };
  }

  /** What item i would cost at spot s among the sessions placed now (itself aside); null if a hard rule breaks. */
  cost(i: number, s: number): number | null {
    const item = this.items[i]!;
    const spot = item.spots[s]!;
    for (const j of this.placed) {
      if (j === i) continue;
      const other = this.items[j]!;
      const o = other.spots[other.at]!;
      if (o.start >= spot.end + this.reach || spot.start >= o.end + this.reach) continue;
      const overlap = o.start < spot.end && spot.start < o.end;
      if (
        o.room === spot.room ||
        shares(item.people, other.people) ||
        (overlap && (shares(item.committed, other.committed) || shares(item.takesPart, other.takesPart)))
      ) {
        return this.exact(item, spot);
      }
    }
    return item.base[s]!;
  }

  private exact(item: Item, spot: Spot): number | null {
    const conflicts = conflictsInvolving(this.p, at(item.session, spot));
    if (conflicts.some((c) => c.severity === 'hard')) return null;
    return spotCost(this.p, item.session, spot, conflicts);
  }

  put(i: number, s: number): void {
    const item = this.items[i]!;
    if (item.checked) unindex(this.p, item.checked);
    item.checked = null;
    item.at = s;
    if (s < 0) {
      this.placed.delete(i);
      item.checked = item.fixed;
      if (item.fixed) index(this.p, item.fixed);
      return;
    }
    item.checked = check(at(item.session, item.spots[s]!), this.p);
    index(this.p, item.checked);
    this.placed.add(i);
  }

  /** The cheapest free spot of item i, or null. */
  best(i: number, limit = Infinity): { s: number; cost: number } | null {
    let found: { s: number; cost: number } | null = null;
    const item = this.items[i]!;
    for (let s = 0; s < item.spots.length; s++) {
      if (item.base[s]! >= Math.min(limit, found?.cost ?? Infinity)) continue; // cannot beat what we have
      const cost = this.cost(i, s);
      if (cost !== null && (!found || cost < found.cost)) found = { s, cost };
    }
    return found;
  }

  /** Placed items that may stand in the way of item i at spot s: same time and room, person or committed delegation. */
  blockers(i: number, s: number): number[] {
    const item = this.items[i]!;
    const spot = item.spots[s]!;
    const out: number[] = [];
    for (const j of this.placed) {
      if (j === i) continue;
      const other = this.items[j]!;
      const o = other.spots[other.at]!;
      if (!(o.start < spot.end && spot.start < o.end)) continue;
      if (
        o.room === spot.room ||
        shares(item.people, other.people) ||
        shares(item.committed, other.committed)
      )
        out.push(j);
    }
    return out;
  }

  placedCount(): number {
    return this.placed.size;
  }

  snapshot(): number[] {
    return this.items.map((it) => it.at);
  }

  restore(snapshot: number[]): void {
    for (let i = 0; i < this.items.length; i++) this.put(i, -1);
    snapshot.forEach((s, i) => {
      if (s >= 0) this.put(i, s);
    });
  }

  /** Total cost of the placed items, each pair of them counted once. */
  total(): number {
    let sum = 0;
    const order = [...this.placed].sort((a, b) => a - b);
    const saved = order.map((i) => this.items[i]!.at);
    for (const i of order) this.put(i, -1);
    order.forEach((i, k) => {
      sum += this.cost(i, saved[k]!) ?? 0;
      this.put(i, saved[k]!);
    });
    return sum;
  }
}
