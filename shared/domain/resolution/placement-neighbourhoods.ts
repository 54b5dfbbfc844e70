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

export class Neighbourhoods {
  private readonly random: () => number;
  private turn = 0;
  /** Items sharing a person or a delegation with each item. */
  private readonly related: number[][];

  constructor(
    private readonly state: PlacementState,
    seed: number,
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
  }

  /** The kind of the next neighbourhood. */
  kind(): Kind {
    return KINDS[this.turn % KINDS.length]!;
  }

  /** The next neighbourhood of `size` items (all of them if there are no more), and its kind. */
  next(size: number): { free: boolean[]; kind: Kind } {
    const n = this.state.items.length;
    const kind = KINDS[this.turn++ % KINDS.length]!;
    const free = new Array<boolean>(n).fill(false);
    if (size >= n) return { free: free.fill(true), kind };
    const order =
      kind === 'time'
        ? this.byTime()
        : kind === 'related'
          ? this.byRelation(Math.floor(this.random() * n))
          : kind === 'costly'
            ? this.byRelation(this.costly())
            : this.shuffled(n);
    for (const i of order.slice(0, size)) free[i] = true;
    return { free, kind };
  }

  /** A run of items consecutive in time (where they are, or one of their spots if unplaced). */
  private byTime(): number[] {
    const { items } = this.state;
    const when = items.map((item) => {
      const spot = item.spots[item.at >= 0 ? item.at : Math.floor(this.random() * item.spots.length)];
      return spot?.start ?? 0;
    });
    const sorted = items.map((_, i) => i).sort((a, b) => when[a]! - when[b]! || a - b);
    const from = Math.floor(this.random() * sorted.length);
    // Starting at a random position and wrapping round: a run that starts late takes the earliest too.
    return [...sorted.slice(from), ...sorted.slice(0, from)];
  }

  /**
   * A placed item drawn with a chance in proportion to what it costs where it is (with the others
   * where they are): where the soft conflicts are, there is most to gain.
   */
  private costly(): number {
    const { items } = this.state;
    const costs = items.map((item, i) => (item.at < 0 ? 0 : (this.state.cost(i, item.at) ?? 0)));
    const sum = costs.reduce((a, b) => a + b, 0);
    let draw = this.random() * sum;
    for (let i = 0; i < costs.length; i++) {
      draw -= costs[i]!;
      if (draw < 0) return i;
    }
    return Math.floor(this.random() * items.length);
  }

  /** Breadth first from an item over shared people and delegations, then at random. */
  private byRelation(first: number): number[] {
    const n = this.state.items.length;
    const seen = new Set<number>();
    const queue = [first];
    const rest = this.shuffled(n);
    while (seen.size < n) {
      const i = queue.shift() ?? rest.find((k) => !seen.has(k))!;
      if (seen.has(i)) continue;
      seen.add(i);
      const next = this.related[i]!.filter((j) => !seen.has(j));
      for (const j of this.shuffle(next)) queue.push(j);
    }
    return [...seen];
  }

  private shuffled(n: number): number[] {
    return this.shuffle(Array.from({ length: n }, (_, i) => i));
  }

  private shuffle(xs: number[]): number[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  }
}
