// The heuristic search of placement: most constrained first to its cheapest free spot, then local
// search (moves, swaps, ejection chains, moves that push one other session aside) and, while time
// remains, kicking a few sessions out and searching again, keeping the best found.
import { type PlacementState, spotKey } from './placement-state.ts';

const EPS = 1e-9;

/** A repeatable stream of numbers in [0, 1) (mulberry32): the same seed, the same search. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Search {
  private random: () => number;

  constructor(
    private readonly state: PlacementState,
    private readonly deadline: number,
    private readonly now: () => number,
    seed: number,
  ) {
    this.random = seeded(seed);
  }

  private get items() {
    return this.state.items;
  }
  private timeLeft() {
    return this.now() < this.deadline;
  }

  run(): void {
    // Most constrained first, each to its cheapest spot still free.
    const order = this.items
      .map((_, i) => i)
      .sort((a, b) => this.items[a]!.spots.length - this.items[b]!.spots.length || a - b);
    for (const i of order) {
      if (!this.timeLeft()) break;
      this.insert(i);
    }
    this.improve();
  }

  /**
   * Lowers the cost of the arrangement the state holds, never placing fewer: local search, then
   * kicks and local search again while time remains.
   */
  private improve(): void {
    this.descend();
    let best = { count: this.state.placedCount(), cost: this.state.total(), at: this.state.snapshot() };
    // Iterated local search: kick some sessions out, put them back, descend; keep the best. Stop
    // when time is up, or when as many kicks as there are sessions (at least 100) found nothing.
    for (
      let idle = 0;
      this.timeLeft() && this.items.length > 1 && idle < Math.max(100, this.items.length);
      idle++
    ) {
      const placed = this.items.map((_, i) => i).filter((i) => this.items[i]!.at >= 0);
      const kicked = placed.filter(() => this.random() < Math.min(0.3, 4 / Math.max(1, placed.length)));
      for (const i of kicked) this.state.put(i, -1);
      for (const i of kicked.sort(() => this.random() - 0.5)) this.insert(i);
      this.descend();
      const count = this.state.placedCount();
      const cost = this.state.total();
      if (count > best.count || (count === best.count && cost < best.cost - EPS)) {
        best = { count, cost, at: this.state.snapshot() };
        idle = -1;
      } else this.state.restore(best.at);
    }
  }

  private insert(i: number): boolean {
    const choice = this.state.best(i);
    if (choice) this.state.put(i, choice.s);
    return choice !== null;
  }

  /** Improving moves until none is left (or time is up). */
  private descend(): void {
    for (let improved = true; improved && this.timeLeft(); ) {
      improved = false;
      for (let i = 0; i < this.items.length && this.timeLeft(); i++) {
        improved =
          (this.items[i]!.at < 0 ? this.placeByEjection(i) : this.relocate(i) || this.chain(i)) || improved;
      }
      while (this.timeLeft() && this.shortestChain()) improved = true;
    }
  }

  /**
   * The best ejection chain or rotation at once, as a shortest path (Bellman-Ford): an edge i→j
   * says "i takes j's spot", weighted by what that changes i's cost against the fixed programme;
   * a chain ends when its last session moves to a free spot. Applied only if the real total drops.
   */
  private shortestChain(): boolean {
    const placed = this.items.map((_, i) => i).filter((i) => this.items[i]!.at >= 0);
    const occupant = new Map(placed.map((i) => [spotKey(this.items[i]!.spots[this.items[i]!.at]!), i]));
    const here = (i: number) => this.items[i]!.base[this.items[i]!.at]!;
    const edges: [number, number, number, number][] = []; // from, to (-1: a free spot), weight, spot
    for (const i of placed) {
      const item = this.items[i]!;
      item.spots.forEach((spot, s) => {
        const j = occupant.get(spotKey(spot));
        if (j !== undefined && j !== i) edges.push([i, j, item.base[s]! - here(i), s]);
      });
      const free = this.state.best(i, here(i) - EPS);
      if (free && free.s !== item.at) edges.push([i, -1, free.cost - here(i), free.s]);
    }
    const n = this.items.length;
    const dist = new Float64Array(n + 1).fill(0); // every session may start a chain; index n: "free"
    const pred = new Int32Array(n + 1).fill(-1);
    const via = new Int32Array(n + 1).fill(-1);
    dist[n] = Infinity;
    let changed = -1;
    for (let round = 0; round <= placed.length; round++) {
      changed = -1;
      for (const [i, j, w, s] of edges) {
        const to = j < 0 ? n : j;
        if (dist[i]! + w < dist[to]! - EPS) {
          dist[to] = dist[i]! + w;
          pred[to] = i;
          via[to] = s;
          changed = to;
        }
      }
      if (changed < 0) break;
    }
    const before = this.state.total();
    const snapshot = this.state.snapshot();
    // Moves, last first: who goes to which spot.
    const moves: [number, number][] = [];
    if (changed >= 0 && changed !== n) {
      // A rotation: walk back into the cycle, then around it.
      let x = changed;
      for (let k = 0; k < n; k++) x = pred[x]!;
      const start = x;
      do {
        moves.push([pred[x]!, via[x]!]); // pred[x] takes x's spot (its own index for it)
        x = pred[x]!;
      } while (x !== start && moves.length <= n);
    } else if (dist[n]! < -EPS) {
      for (let to = n, guard = 0; pred[to]! >= 0 && guard <= n; guard++) {
        moves.push([pred[to]!, via[to]!]); // pred[to] takes to's spot, or the free one
        to = pred[to]!;
      }
    } else return false;
    for (const [i] of moves) this.state.put(i, -1);
    for (const [i, s] of moves) {
      if (this.items[i]!.at >= 0 || this.state.cost(i, s) === null) return this.undo(snapshot);
      this.state.put(i, s);
    }
    if (this.state.total() < before - EPS) return true;
    return this.undo(snapshot);
  }

  /** Item i takes spot s, every blocker moving to its own best free spot; kept if it pays. */
  private pushAside(i: number, s: number, blockers: number[], limit: number): boolean {
    const from = this.items[i]!.at;
    const was = blockers.map((b) => ({
      b,
      at: this.items[b]!.at,
      cost: this.state.cost(b, this.items[b]!.at)!,
    }));
    for (const w of was) this.state.put(w.b, -1);
    const revert = () => {
      this.state.put(i, from);
      for (const w of was) this.state.put(w.b, w.at);
      return false;
    };
    const cost = this.state.cost(i, s);
    if (cost === null || cost >= limit - EPS) return revert();
    this.state.put(i, s);
    let gain = limit - cost;
    for (const w of was) {
      const choice = this.state.best(w.b);
      if (!choice) return revert();
      this.state.put(w.b, choice.s);
      gain += w.cost - choice.cost;
    }
    return gain > EPS ? true : revert();
  }

  private undo(snapshot: number[]): false {
    this.state.restore(snapshot);
    return false;
  }

  /** Moves item i to a cheaper free spot. */
  private relocate(i: number): boolean {
    const current = this.state.cost(i, this.items[i]!.at)!;
    const choice = this.state.best(i, current - EPS);
    if (!choice || choice.cost >= current - EPS) return false;
    this.state.put(i, choice.s);
    return true;
  }

  /**
   * Places an unplaced item by pushing the one session in its way to a spot of its own; failing
   * that, lets it replace a placed session that costs more (as many placed, cheaper).
   */
  private placeByEjection(i: number): boolean {
    if (this.insert(i) || this.replace(i)) return true;
    const item = this.items[i]!;
    for (let s = 0; s < item.spots.length; s++) {
      for (const j of this.state.blockers(i, s)) {
        const was = this.items[j]!.at;
        this.state.put(j, -1);
        if (this.state.cost(i, s) !== null) {
          this.state.put(i, s);
          if (this.insert(j)) return true;
          this.state.put(i, -1);
        }
        this.state.put(j, was);
      }
    }
    return false;
  }

  private replace(i: number): boolean {
    for (let j = 0; j < this.items.length && this.timeLeft(); j++) {
      const sj = this.items[j]!.at;
      if (j === i || sj < 0) continue;
      const jCost = this.state.cost(j, sj)!;
      this.state.put(j, -1);
      const choice = this.state.best(i, jCost - EPS);
      if (choice && choice.cost < jCost - EPS) {
        this.state.put(i, choice.s);
        return true;
      }
      this.state.put(j, sj);
    }
    return false;
  }

  /**
   * An ejection chain: item i takes a cheaper spot held by j, j takes one held by k (or a free
   * one), and so on, a few links deep; kept only if the whole chain lowers the cost.
   */
  private chain(i: number): boolean {
    const current = this.state.cost(i, this.items[i]!.at)!;
    return this.link(i, current, 0, 3);
  }

  /**
   * Tries to move item `i` (currently costing `was`) so that the chain so far, which has gained
   * `gain`, ends with a gain. Leaves the state changed only on success.
   */
  private link(i: number, was: number, gain: number, depth: number): boolean {
    const item = this.items[i]!;
    const from = item.at;
    const limit = gain + was; // i must end up cheaper than this for the chain to pay
    // A free spot first: the chain ends there.
    const free = this.state.best(i, limit - EPS);
    if (free && free.cost < limit - EPS && free.s !== from) {
      this.state.put(i, free.s);
      return true;
    }
    if (depth === 0) return false;
    const hopeful = item.spots
      .map((_, s) => s)
      .filter((s) => s !== from && item.base[s]! < limit - EPS)
      .sort((a, b) => item.base[a]! - item.base[b]!)
      .slice(0, 8);
    for (const s of hopeful) {
      const blockers = this.state.blockers(i, s);
      if (blockers.length > 1 && blockers.length <= 3 && this.pushAside(i, s, blockers, limit)) return true;
      // One session out of the way may be enough: the one in the room, or one sharing a person
      // or a delegation at that time.
      for (const j of blockers) {
        const sj = this.items[j]!.at;
        const jWas = this.state.cost(j, sj)!;
        this.state.put(j, -1);
        const cost = this.state.cost(i, s);
        if (cost !== null && cost < limit - EPS) {
          this.state.put(i, s);
          if (this.link(j, jWas, limit - cost, depth - 1)) return true;
          this.state.put(i, from);
        }
        this.state.put(j, sj);
      }
    }
    return false;
  }
}
