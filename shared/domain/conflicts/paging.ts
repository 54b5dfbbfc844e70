// One page of the report, with exact counts of the whole of it, in memory bounded by the page.
import { type Found, findAll, finish } from './engine.ts';
import { compare, encodeCursor, type Position, positionOf } from './order.ts';
import { type Conflict, type ConflictCode, type ConflictInput, SEVERITY } from './types.ts';

export type ConflictCounts = Partial<Record<ConflictCode, number>>;
export type ConflictPage = { conflicts: Conflict[]; counts: ConflictCounts; total: number; next?: string };
export type ConflictPageOptions = {
  limit: number;
  /** The position the previous page ended at (decodeCursor of its `next`). */
  after?: Position | null;
  /** Only hard (or only soft) conflicts: counts and pages then cover those alone. */
  severity?: 'hard' | 'soft';
  /** Only conflicts naming this delegation or one of these people (a delegation's agenda). */
  concerning?: { delegation: string; people: readonly string[] };
};

/**
 * One page of the report: the first `limit` conflicts after `after` (a position from a cursor) in
 * the report's order, with exact counts for the whole report. Memory is bounded by the page: every
 * conflict is counted and compared as it is found, only the page's best `limit` are kept (a
 * max-heap), and only they get their sentences.
 */
export function conflictPage(input: ConflictInput, opts: ConflictPageOptions): ConflictPage {
  const people = new Set(opts.concerning?.people);
  const concerns = (f: Found) =>
    f.delegation === opts.concerning!.delegation || (f.person !== undefined && people.has(f.person));
  const counts: ConflictCounts = {};
  let total = 0;
  let beyond = false;
  const heap: { f: Found; at: Position }[] = [];
  const worse = (i: number, j: number) => compare(heap[i]!.at, heap[j]!.at) > 0;
  const swap = (i: number, j: number) => {
    const t = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = t;
  };
  findAll(input, (f) => {
    if (opts.severity && SEVERITY[f.code] !== opts.severity) return;
    if (opts.concerning && !concerns(f)) return;
    counts[f.code] = (counts[f.code] ?? 0) + 1;
    total++;
    const at = positionOf(f);
    if (opts.after && compare(at, opts.after) <= 0) return;
    if (heap.length === opts.limit) {
      beyond = true;
      if (opts.limit === 0 || compare(at, heap[0]!.at) >= 0) return;
      // Replace the worst kept conflict and sift down.
      heap[0] = { f, at };
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && worse(l, m)) m = l;
        if (r < heap.length && worse(r, m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
      return;
    }
    heap.push({ f, at });
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!worse(i, parent)) break;
      swap(i, parent);
      i = parent;
    }
  });
  const conflicts = finish(heap.map((h) => h.f));
  const last = heap.reduce<Position | null>((m, h) => (m === null || compare(h.at, m) > 0 ? h.at : m), null);
  return { conflicts, counts, total, ...(beyond && last ? { next: encodeCursor(last) } : {}) };
}
