// A second thread for placement's neighbourhood search (exact-placement.ts). HiGHS is single-threaded
// and blocks its thread, so the placing thread solves one neighbourhood at a time; with this helper it
// keeps a second one solving on another core meanwhile, and reads the helper's answers between its own
// solves (receiveMessageOnPort: no event loop turn is needed, the placing thread stays synchronous).
// One helper per placing thread, started with it and kept; none on a machine of one core.
import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { PlacementModel } from '../../shared/domain/resolution/placement-model.ts';
import type { Solved } from './highs-solve.ts';

export type HelperJob = {
  id: number;
  model: PlacementModel;
  start: Float64Array;
  /** When the job must be done, epoch ms (Date.now(), which threads share). */
  until: number;
  /** The longest it may take, and the least time worth starting it with. */
  longestMs: number;
  shortestMs: number;
};
export type HelperAnswer = { id: number; solved: Solved; took: number; budget: number };

/** What the neighbourhood search asks of a helper (Helper; the tests give it others). */
export type NeighbourhoodHelper = {
  readonly usable: boolean;
  readonly waiting: number;
  send(job: Omit<HelperJob, 'id'>): number;
  answers(): HelperAnswer[];
  forget(): void;
};

const ENTRY = new URL('./neighbourhood-entry.mjs', import.meta.url);

export class Helper implements NeighbourhoodHelper {
  private nextId = 1;
  /** Jobs sent and not answered yet, by id. */
  private readonly out = new Set<number>();
  private alive = true;

  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
  ) {
    worker.on('error', () => this.end());
    worker.on('exit', () => this.end());
    worker.unref();
  }

  static start(): Helper {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(ENTRY, { workerData: { port: port2 }, transferList: [port2] });
    return new Helper(worker, port1);
  }

  /** Whether the helper can take jobs (it did not fail or exit). */
  get usable(): boolean {
    return this.alive;
  }

  /** Jobs under way or queued. */
  get waiting(): number {
    return this.out.size;
  }

  /** Queues a job; its id comes back with the answer. */
  send(job: Omit<HelperJob, 'id'>): number {
    const id = this.nextId++;
    this.out.add(id);
    this.port.postMessage({ ...job, id });
    return id;
  }

  /** The answers that have arrived, without waiting; answers to jobs forgotten are dropped. */
  answers(): HelperAnswer[] {
    const got: HelperAnswer[] = [];
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      const answer = m.message as HelperAnswer | { ready: boolean };
      if ('ready' in answer) {
        if (!answer.ready) this.end();
      } else if (this.out.delete(answer.id)) got.push(answer);
    }
    return got;
  }

  /** Forgets every job under way: their answers will be dropped (a search ending at its deadline). */
  forget(): void {
    this.answers();
    this.out.clear();
  }

  /** Stops the thread (the tests; a placing thread's helper ends with it). */
  async close(): Promise<void> {
    this.end();
    await this.worker.terminate();
  }

  private end(): void {
    this.alive = false;
    this.out.clear();
    if (shared === this) shared = null;
    this.port.close();
  }
}

let shared: Helper | null = null;

/** This thread's helper, started on first use; null where there is no second core for it. */
export function neighbourhoodHelper(): Helper | null {
  if (availableParallelism() < 2) return null;
  shared ??= Helper.start();
  return shared;
}
