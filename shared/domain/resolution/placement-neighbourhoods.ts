// Which sessions to re-place together, for the exact stage's large neighbourhood search: once the
// whole placement model is too big to prove its least cost in time, the solver re-places a few
// dozen sessions at a time around the others (restrict in placement-model.ts), each time keeping
// the arrangement only if it costs less. Sessions are freed together when moving one is likely to
// need moving the others: they are close in time (they compete for the same rooms and starts), or
// they share people or delegations (their walks, changeovers and side events over official
// sessions), or they are drawn at random (so that no part of the programme is never revisited).
import type { PlacementState } from './placement-state.ts';
import { seeded } from './placement-search.ts';

export type Kind = 'time' | 'related' | 'costly' | 'random';
const KINDS: readonly Kind[] = ['time', 'related', 'costly', 'random'];

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
    this.members = [];
    this.parts.forEach((part, i) => {
      if (part < 0) return;
      while (this.members.length <= part) this.members.push([]);
      this.members[part]!.push(i);
    });
    this.settled = this.members.map((m) => m.length === 0);
  }

  /** The kind of the next neighbourhood. */
  kind(): Kind {
    return KINDS[this.turn % KINDS.length]!;
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
   * The next neighbourhood: `size` items of one part not yet settled, drawn in proportion to its
   * items (in proportion to their cost, for the costly kind), or the whole part if it has no more.
   * Items of two parts never share a row, so freeing them together would only make the solver's
   * model larger. Call only while some part is not settled.
   */
  next(size: number): Neighbourhood {
    const n = this.state.items.length;
    const kind = KINDS[this.turn++ % KINDS.length]!;
    const first = kind === 'costly' ? this.costly() : this.anyOpen();
    const part = this.parts[first]!;
    const members = this.members[part]!;
    const free = new Array<boolean>(n).fill(false);
    if (size >= members.length) {
      for (const i of members) free[i] = true;
      return { free, kind, part, whole: true };
    }
    const order =
      kind === 'time'
        ? this.byTime(members)
        : kind === 'related' || kind === 'costly'
          ? this.byRelation(first, part)
          : this.shuffle([...members]);
    for (const i of order.slice(0, size)) free[i] = true;
    return { free, kind, part, whole: false };
  }

  /** An item of a part not yet settled, at random. */
  private anyOpen(): number {
    const open = this.members.filter((_, p) => !this.settled[p]).flat();
    return open[Math.floor(this.random() * open.length)]!;
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
   * An item of a part not yet settled, drawn with a chance in proportion to what it costs where it
   * is (with the others where they are): where the soft conflicts are, there is most to gain.
   */
  private costly(): number {
    const { items } = this.state;
    const costs = items.map((item, i) => {
      const part = this.parts[i]!;
      return item.at < 0 || part < 0 || this.settled[part] ? 0 : (this.state.cost(i, item.at) ?? 0);
    });
    const sum = costs.reduce((a, b) => a + b, 0);
    let draw = this.random() * sum;
    for (let i = 0; i < costs.length; i++) {
      draw -= costs[i]!;
      if (costs[i]! > 0 && draw < 0) return i;
    }
    return this.anyOpen();
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
