// Which sessions to re-place together, for the exact stage's large neighbourhood search: once the
// whole placement model is too big to prove its least cost in time, the solver re-places a few
// dozen sessions at a time around the others (restrict in placement-model.ts), each time keeping
// the arrangement only if it costs less. Sessions are freed together when moving one is likely to
// need moving the others: they are close in time (they compete for the same rooms and starts), or
// they share people or delegations (their walks, changeovers and side events over official
// sessions), or they are drawn at random (so that no part of the programme is never revisited).
import { membersOf } from './placement-model.ts';
import type { PlacementState } from './placement-state.ts';
import { seeded } from './placement-search.ts';

export type Kind = 'time' | 'related' | 'costly' | 'random' | 'whole';
const KINDS: readonly Kind[] = ['time', 'related', 'costly', 'random'];
/**
 * A part of at most this many items is first freed whole, once (smallest first): most such parts
 * are proven in well under a second (then never drawn again), and re-placing a part whole took its
 * cost down by a fifth where neighbourhoods within it had not.
 */
const WHOLE_FIRST_MOST = 80;

/** A neighbourhood: the items it frees, its kind, its part, and whether it frees the whole part. */
export type Neighbourhood = { free: boolean[]; kind: Kind; part: number; whole: boolean };

export class Neighbourhoods {
  private readonly random: () => number;
  private turn = 0;
  /** Items sharing a person or a delegation with each item. */
  private readonly related: number[][];
  /** The part of each item (placement-model.ts partsOf; -1: no spot), and each part's items. */
  private readonly parts: Int32Array;
  private readonly members: number[][];
  /** Parts whose least cost is proven (settle): no neighbourhood is drawn in them any more. */
  private readonly settled: boolean[];
  /** Parts not yet freed whole that will be first (WHOLE_FIRST_MOST), smallest first. */
  private readonly wholeFirst: number[];
  /**
   * Each part's least objective as far as the solver has proven it (the best dual bound of a solve
   * of the whole part; -Infinity before one), and its turns so far after its first whole one.
   */
  private readonly lower: number[];
  private readonly turns: number[];

  constructor(
    private readonly state: PlacementState,
    seed: number,
    /** The model's independent parts (partsOf); without them, one part of every item. */
    parts?: Int32Array,
  ) {
    this.random = seeded(seed);
    const by = new Map<string, number[]>();
    state.items.forEach((item, i) => {
      for (const k of [...item.people.map((p) => `p|${p}`), ...item.takesPart.map((d) => `d|${d}`)]) {
        const list = by.get(k);
        if (list) list.push(i);
        else by.set(k, [i]);
      }
    });
    this.related = state.items.map(() => []);
    for (const list of by.values())
      for (const i of list) for (const j of list) if (i !== j) this.related[i]!.push(j);
    this.parts = parts ?? new Int32Array(state.items.length);
    this.members = membersOf(this.parts);
    this.settled = this.members.map((m) => m.length === 0);
    this.wholeFirst =
      this.members.length < 2
        ? []
        : this.members
            .map((m, p) => [m.length, p] as const)
            .filter(([size]) => size > 0 && size <= WHOLE_FIRST_MOST)
            .sort((a, b) => a[0] - b[0] || a[1] - b[1])
            .map(([, p]) => p);
    this.lower = this.members.map(() => Number.NEGATIVE_INFINITY);
    this.turns = this.members.map(() => 0);
  }

  /**
   * A solve of the whole part proved that no arrangement of it has an objective below `dual` (the
   * other parts share no row with it, so whatever they hold).
   */
  bound(part: number, dual: number): void {
    this.lower[part] = Math.max(this.lower[part]!, dual);
  }

  /** The sessions of the parts still to be freed whole first (not settled). */
  wholeFirstLeft(): number {
    return this.wholeFirst.reduce((n, p) => n + (this.settled[p] ? 0 : this.members[p]!.length), 0);
  }

  /** The items of a part. */
  membersOf(part: number): readonly number[] {
    return this.members[part]!;
  }

  /** No neighbourhood is left to draw: every part's least cost is proven. */
  settledAll(): boolean {
    return this.settled.every(Boolean);
  }

  /** Whether item i is in a settled part. */
  settledItem(i: number): boolean {
    const part = this.parts[i]!;
    return part >= 0 && this.settled[part]!;
  }

  /** The part's least cost is proven: its sessions are not freed again. */
  settle(part: number): void {
    this.settled[part] = true;
  }

  /**
   * The next neighbourhood. First, once, each part of at most WHOLE_FIRST_MOST items whole (with
   * more than one part), smallest first. Then a part not settled (nextPart: where the most is left
   * to gain, by `objectiveOf` and the bounds); within it, `sizeOf(kind)` items (the kinds take
   * turns), or the whole part if it has no more: a run consecutive in time, a set linked by people
   * and delegations from an item (drawn in proportion to what it costs, for the costly kind), or
   * items at random. Items of two parts never share a row, so freeing them together would only make
   * the solver's model larger. Call only while some part is not settled.
   */
  next(sizeOf: (kind: Kind) => number, objectiveOf?: (part: number) => number): Neighbourhood {
    const n = this.state.items.length;
    const free = new Array<boolean>(n).fill(false);
    for (let first = this.wholeFirst.shift(); first !== undefined; first = this.wholeFirst.shift()) {
      if (this.settled[first]) continue;
      for (const i of this.members[first]!) free[i] = true;
      return { free, kind: 'whole', part: first, whole: true };
    }
    const kind = KINDS[this.turn++ % KINDS.length]!;
    const part = this.nextPart(objectiveOf);
    this.turns[part]!++;
    const members = this.members[part]!;
    const size = sizeOf(kind);
    if (size >= members.length) {
      for (const i of members) free[i] = true;
      return { free, kind, part, whole: true };
    }
    const order =
      kind === 'time'
        ? this.byTime(members)
        : kind === 'related' || kind === 'costly'
          ? this.byRelation(kind === 'costly' ? this.costly(part) : this.anyOf(members), part)
          : this.shuffle([...members]);
    for (const i of order.slice(0, size)) free[i] = true;
    return { free, kind, part, whole: false };
  }

  /**
   * The part not settled with the most left to gain per turn it has had: what it holds now
   * (`objectiveOf`) above its proven least (bound), divided by one more than its turns so far, so
   * that turns go to the parts in proportion to their gaps and a part whose neighbourhoods gain
   * nothing does not take them all. A part with no bound yet (too large to be freed whole first)
   * counts the largest gap known (1 if none is above 0); without `objectiveOf` or any bound, every part the same: the
   * parts take turns. Ties go to the lower part.
   */
  private nextPart(objectiveOf?: (part: number) => number): number {
    const gaps = this.members.map((_, part) =>
      this.settled[part] || !objectiveOf || this.lower[part] === Number.NEGATIVE_INFINITY
        ? Number.NaN
        : Math.max(0, objectiveOf(part) - this.lower[part]!),
    );
    const known = gaps.filter((g) => !Number.isNaN(g));
    // With every known gap 0 (those parts are at their least), a part without a bound has the most to gain.
    const unknown = Math.max(0, ...known) || 1;
    let best = -1;
    let most = Number.NEGATIVE_INFINITY;
    this.members.forEach((_, part) => {
      if (this.settled[part]) return;
      const gap = Number.isNaN(gaps[part]!) ? unknown : gaps[part]!;
      const share = gap / (1 + this.turns[part]!);
      if (share > most) [best, most] = [part, share];
    });
    if (best < 0) throw new Error('every part is settled');
    return best;
  }

  private anyOf(members: readonly number[]): number {
    return members[Math.floor(this.random() * members.length)]!;
  }

  /** A run of a part's items consecutive in time (where they are, or one of their spots if unplaced). */
  private byTime(members: readonly number[]): number[] {
    const { items } = this.state;
    const when = new Map(
      members.map((i) => {
        const item = items[i]!;
        const spot = item.spots[item.at >= 0 ? item.at : Math.floor(this.random() * item.spots.length)];
        return [i, spot?.start ?? 0];
      }),
    );
    const sorted = [...members].sort((a, b) => when.get(a)! - when.get(b)! || a - b);
    const from = Math.floor(this.random() * sorted.length);
    // Starting at a random position and wrapping round: a run that starts late takes the earliest too.
    return [...sorted.slice(from), ...sorted.slice(0, from)];
  }

  /**
   * An item of the part, drawn with a chance in proportion to what it costs where it is (with the
   * others where they are): where the soft conflicts are, there is most to gain.
   */
  private costly(part: number): number {
    const { items } = this.state;
    const members = this.members[part]!;
    const costs = members.map((i) => {
      const item = items[i]!;
      return item.at < 0 ? 0 : (this.state.cost(i, item.at) ?? 0);
    });
    const sum = costs.reduce((a, b) => a + b, 0);
    let draw = this.random() * sum;
    for (let k = 0; k < costs.length; k++) {
      draw -= costs[k]!;
      if (costs[k]! > 0 && draw < 0) return members[k]!;
    }
    return this.anyOf(members);
  }

  /** Breadth first from an item over shared people and delegations within its part, then at random in it. */
  private byRelation(first: number, part: number): number[] {
    const members = this.members[part]!;
    const seen = new Set<number>();
    const queue = [first];
    const rest = this.shuffle([...members]);
    while (seen.size < members.length) {
      const i = queue.shift() ?? rest.find((k) => !seen.has(k))!;
      if (seen.has(i)) continue;
      seen.add(i);
      const next = this.related[i]!.filter((j) => !seen.has(j) && this.parts[j] === part);
      for (const j of this.shuffle(next)) queue.push(j);
    }
    return [...seen];
  }

  private shuffle(xs: number[]): number[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  }
}
