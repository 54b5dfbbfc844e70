// Rows of the placement model as they are built (placement-model.ts, placement-pairs.ts): a matrix
// by rows (CSR), every coefficient 1 but a pair variable's −1.

/** A spot's column and its interval. */
export type Col = { col: number; start: number; end: number };
export const columns = (list: readonly Col[]) => list.map((c) => c.col);

export class Builder {
  readonly starts = [0];
  readonly indices: number[] = [];
  readonly values: number[] = [];
  readonly upper: number[] = [];
  readonly yCost: number[] = [];
  constructor(readonly spotCols: number) {}

  row(cols: readonly number[], upper: number, y = -1): void {
    for (const c of cols) {
      this.indices.push(c);
      this.values.push(1);
    }
    if (y >= 0) {
      this.indices.push(y);
      this.values.push(-1);
    }
    this.upper.push(upper);
    this.starts.push(this.indices.length);
  }

  /** A new y column costing `cost`. */
  y(cost: number): number {
    this.yCost.push(cost);
    return this.spotCols + this.yCost.length - 1;
  }

  /**
   * For each instant, the spots running then (start ≤ t < end) may hold at most `upper(t)`:
   * a row where that could be broken.
   */
  cover(spots: Col[], instants: Iterable<number>, upper: (t: number) => number): void {
    const sorted = [...spots].sort((a, b) => a.start - b.start);
    let next = 0;
    let active: Col[] = [];
    for (const t of [...new Set(instants)].sort((a, b) => a - b)) {
      while (next < sorted.length && sorted[next]!.start <= t) active.push(sorted[next++]!);
      active = active.filter((s) => s.end > t);
      const limit = upper(t);
      if (active.length > Math.max(0, limit)) this.row(columns(active), limit);
    }
  }
}

export const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};
