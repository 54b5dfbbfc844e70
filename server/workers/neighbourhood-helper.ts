// A second thread for placement (exact-placement.ts). HiGHS is single-threaded and blocks its thread,
// so the placing thread solves one model at a time; with this helper a second solve runs on another
// core meanwhile:
// - while the placing thread proves the most sessions (step 1), the helper races it on the same
//   model with another random seed: whichever proves it first ends both, and each one's best bound
//   and count count for both (the count takes a run-to-run varying time to prove, up to twice as
//   long on one seed as another);
// - during the neighbourhood search, it solves neighbourhoods the placing thread sends it.
// The placing thread reads the helper's messages between its own steps and in its solver's
// callbacks (receiveMessageOnPort: no event loop turn is needed, it stays synchronous). One helper
// per placing thread, started with it and kept; none on a machine of one core.
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
  /** HiGHS's options for this solve. */
  options?: Record<string, number>;
  /**
   * A race on the most sessions (step 1): the helper reports its bounds as they move, stops once the
   * count is proven (countBound), and stops when told to.
   */
  race?: boolean;
  /** Stops once the count is proven (countProven on its model), like a race but without its bounds (count-by-parts.ts). */
  count?: boolean;
};
export type HelperAnswer = { id: number; solved: Solved; took: number; budget: number };
/** A race's bounds as they move: the solver's dual and primal bounds (objective values). */
export type HelperProgress = { id: number; dual: number; primal: number | null };
/** What the placing thread sends: a job, or the end of a race. */
export type ToHelper = HelperJob | { stop: number };
type FromHelper = HelperAnswer | HelperProgress | { ready: boolean };

/** What the neighbourhood search asks of a helper (Helper; the tests give it others). */
export type NeighbourhoodHelper = {
  readonly usable: boolean;
  readonly waiting: number;
  send(job: Omit<HelperJob, 'id'>): number;
  answers(): HelperAnswer[];
  /** Whether the answer to job `id` has arrived (without taking it). */
  answered(id: number): boolean;
  forget(): void;
};

const ENTRY = new URL('./neighbourhood-entry.mjs', import.meta.url);
const pause = new Int32Array(new SharedArrayBuffer(4));

export class Helper implements NeighbourhoodHelper {
  private nextId = 1;
  /** Jobs sent and not answered yet, by id. */
  private readonly out = new Set<number>();
  /** Answers that arrived, not handed on yet. */
  private readonly arrived: HelperAnswer[] = [];
  /** The latest bounds of each race under way. */
  private readonly bounds = new Map<number, HelperProgress>();
  private alive = true;
  private loaded = false;

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

  /** Whether the helper has loaded its solver (a job sent before waits until it has). */
  get ready(): boolean {
    this.read();
    return this.alive && this.loaded;
  }

  /** Jobs under way or queued (races included). */
  get waiting(): number {
    return this.out.size;
  }

  /** Queues a job; its id comes back with the answer. */
  send(job: Omit<HelperJob, 'id'>): number {
    const id = this.nextId++;
    this.out.add(id);
    this.port.postMessage({ ...job, id } satisfies ToHelper);
    return id;
  }

  /** The answers that have arrived (races' aside), without waiting; answers to jobs forgotten are dropped. */
  answers(): HelperAnswer[] {
    this.read();
    const got = this.arrived.filter((a) => !this.bounds.has(a.id));
    this.arrived.splice(0, this.arrived.length, ...this.arrived.filter((a) => this.bounds.has(a.id)));
    return got;
  }

  answered(id: number): boolean {
    this.read();
    return this.arrived.some((a) => a.id === id);
  }

  /** Starts a race on the most sessions (see HelperJob.race). */
  race(job: Omit<HelperJob, 'id' | 'race'>): number {
    const id = this.send({ ...job, race: true });
    this.bounds.set(id, { id, dual: Number.NEGATIVE_INFINITY, primal: null });
    return id;
  }

  /** A race's latest bounds, as far as they have arrived. */
  progress(id: number): HelperProgress | undefined {
    this.read();
    return this.bounds.get(id);
  }

  /**
   * Ends a race: tells the helper to stop and waits up to `waitMs` for its answer (its best
   * arrangement and bounds), or null (the helper was not done in time: its answer will be dropped).
   */
  finish(id: number, waitMs: number): HelperAnswer | null {
    if (!this.out.has(id) && !this.arrived.some((a) => a.id === id)) return null;
    this.port.postMessage({ stop: id } satisfies ToHelper);
    const end = performance.now() + waitMs;
    let answer: HelperAnswer | undefined;
    for (;;) {
      this.read();
      answer = this.arrived.find((a) => a.id === id);
      if (answer || !this.alive || performance.now() >= end) break;
      Atomics.wait(pause, 0, 0, 2);
    }
    this.bounds.delete(id);
    this.out.delete(id);
    if (answer) this.arrived.splice(this.arrived.indexOf(answer), 1);
    return answer ?? null;
  }

  /**
   * Stops and forgets every job under way (a search ending at its deadline or proven): the helper
   * is free for the next placement at once, and their answers will be dropped.
   */
  forget(): void {
    this.read();
    for (const id of this.out) this.port.postMessage({ stop: id } satisfies ToHelper);
    this.out.clear();
    this.arrived.length = 0;
    this.bounds.clear();
  }

  /** Stops the thread (the tests; a placing thread's helper ends with it). */
  async close(): Promise<void> {
    this.end();
    await this.worker.terminate();
  }

  private read(): void {
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      const message = m.message as FromHelper;
      if ('ready' in message) {
        this.loaded = message.ready;
        if (!message.ready) this.end();
      } else if ('solved' in message) {
        if (this.out.delete(message.id)) this.arrived.push(message);
      } else if (this.bounds.has(message.id)) this.bounds.set(message.id, message);
    }
  }

  private end(): void {
    this.alive = false;
    this.out.clear();
    this.arrived.length = 0;
    this.bounds.clear();
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
