// What a placement running on the pool has said so far (exact-placement.ts reports it through the
// pool's progress port): how far it got, for a streamed answer, and enough to answer if the pool's
// hard deadline stops it before it returns.
import type { PlacementResult } from '../../shared/domain/resolution/placement.ts';
import type { PlacementProgress } from './exact-placement.ts';

export type { PlacementProgress };

export class PlacementSoFar {
  private heuristic: PlacementResult | null = null;
  private bound = Infinity;
  private placed = 0;

  hear(progress: PlacementProgress): void {
    if (progress.stage === 'heuristic') {
      this.heuristic = progress.result;
      this.bound = Math.min(this.bound, progress.result.bound);
      this.placed = Math.max(this.placed, progress.result.placed.length);
    } else {
      this.bound = Math.min(this.bound, progress.bound);
      this.placed = Math.max(this.placed, progress.placed);
    }
  }

  /** The most sessions an arrangement heard of places and the least bound heard; null before the heuristic's answer. */
  soFar(): { placed: number; bound: number } | null {
    return this.heuristic && { placed: this.placed, bound: this.bound };
  }

  /** The heuristic's answer with the best bound heard (the solver's may be lower), or null. */
  answer(): PlacementResult | null {
    if (!this.heuristic) return null;
    const bound = Math.max(this.heuristic.placed.length, Math.min(this.bound, this.heuristic.bound));
    return { ...this.heuristic, bound, optimal: this.heuristic.placed.length === bound };
  }
}
