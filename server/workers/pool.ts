// Pure CPU work off the request thread: full conflict reports of large summits and placement run in
// a pool of worker threads (piscina; docs/decisions/0011-worker-pool.md), so that other requests
// keep answering. One pool per process, started on first use: one thread kept warm, up to one fewer
// than the cores, extra threads closed when idle. Aborting a task, or its time running out,
// terminates the thread running it (piscina replaces the thread), so no work outlives its caller.
import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Envelope, PlacementTask, TaskInput, TaskName, TaskOutput } from './tasks.ts';

export type PoolOptions = {
  /** Most threads at once; by default one fewer than the cores, at least one. */
  threads?: number;
  /** How long a thread beyond the first may stay idle before it is closed. */
  idleTimeoutMs?: number;
};

export type RunOptions = {
  signal?: AbortSignal;
  /**
   * Ends the task after this long plus a small grace (graceFor), however far it got. A placement
   * task defaults to its own opts.timeLimitMs, and searches only for what is left of it.
   */
  timeLimitMs?: number;
  /**
   * Called with what the task reports while it runs (placement: its heuristic's answer, then the
   * solver's count and bound), on the main thread. What was reported before a hard deadline still arrives.
   */
  onProgress?: (message: unknown) => void;
};

/** A task stopped by its hard deadline (the caller's own abort rejects with piscina's AbortError). */
export class TaskTimeoutError extends Error {
  override name = 'TimeoutError';
  constructor(task: TaskName, limitMs: number, graceMs: number) {
    super(`${task} ran past its time limit of ${limitMs} ms (+${graceMs} ms grace) and was stopped`);
  }
}

export const threadCount = (parallelism: number) => Math.max(1, parallelism - 1);

/** Time after the limit for the last move under way and copying the result back. */
export const graceFor = (limitMs: number) => Math.max(100, Math.round(limitMs * 0.05));

// What the pool costs the main thread is not the round trip (0.03 ms warm) but the copies: it
// serialises the programme in and deserialises the report out. Main-thread time of a report, inline
// vs pooled (`npm run bench -- pool`, 2 cores, Node 20.20, four runs; summits as the bench imports):
// 1,000 sessions 3.9–4.2 vs 4.9–8.1 ms, 2,000: 8.9–12.4 vs 7.2–12.1 ms, 10,000: 37–53 vs 29–35 ms.
// Below 2,000 sessions inline costs the main thread less, when the programme is ordinary. But a
// report's work grows with the pairs of sessions close in time, not with their number: 1,999
// sessions piled into one hour take seconds. The paged report sends back one page, so pooling
// costs the main thread only the copy in (about 1 ms a 1,000 sessions): from 200 sessions, where a
// pile's worst is some 20 ms inline, every report is worth sending.
export const OFF_THREAD_SESSIONS = 200;

/** Whether a programme of this many sessions is worth a worker's round trip. */
export const offThread = (sessions: number) => sessions >= OFF_THREAD_SESSIONS;

const ENTRY = new URL('./entry.mjs', import.meta.url).href;
const defaults = (): Required<PoolOptions> => ({
  threads: threadCount(availableParallelism()),
  idleTimeoutMs: 60_000,
});

let settings = defaults();
let pool: Piscina<Envelope, unknown> | null = null;

/** Sets the pool's size before its first use (or after closePool()). */
export function configurePool(options: PoolOptions): void {
  if (pool) throw new Error('the worker pool is running: close it before configuring it');
  settings = { ...defaults(), ...options };
}

function current(): Piscina<Envelope, unknown> {
  if (!pool) {
    pool = new Piscina<Envelope, unknown>({
      filename: ENTRY,
      minThreads: 1,
      maxThreads: settings.threads,
      idleTimeout: settings.idleTimeoutMs,
    });
    // A thread that fails outside a task (e.g. while loading) has no caller to reject.
    pool.on('error', (e: Error) => console.error('worker pool:', e.message));
  }
  return pool;
}

/** Runs a task of tasks.ts in the pool; its errors reject with their message. */
export async function runTask<N extends TaskName>(
  name: N,
  input: TaskInput<N>,
  options: RunOptions = {},
): Promise<TaskOutput<N>> {
  const limit =
    options.timeLimitMs ?? (name === 'placement' ? (input as PlacementTask).opts.timeLimitMs : undefined);
  const channel = options.onProgress ? new MessageChannel() : null;
  if (channel) channel.port1.on('message', options.onProgress!);
  const progress = channel ? { progress: channel.port2 } : {};
  const transferList = channel ? [channel.port2] : undefined;
  if (limit === undefined) {
    try {
      return (await current().run(
        { name, input, ...progress },
        { signal: options.signal ?? null, transferList },
      )) as TaskOutput<N>;
    } finally {
      channel?.port1.close();
    }
  }
  const grace = graceFor(limit);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new TaskTimeoutError(name, limit, grace)), limit + grace);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
  try {
    return (await current().run(
      { name, input, until: Date.now() + limit, ...progress },
      { signal, transferList },
    )) as TaskOutput<N>;
  } catch (e) {
    if (deadline.signal.aborted && !options.signal?.aborted) throw deadline.signal.reason;
    throw e;
  } finally {
    clearTimeout(timer);
    channel?.port1.close();
  }
}

/** Threads alive and tasks waiting for one (zeros before the pool's first use). */
export function poolStats(): { threads: number; queued: number } {
  return { threads: pool?.threads.length ?? 0, queued: pool?.queueSize ?? 0 };
}

/** Ends every thread now, rejecting tasks still running or queued; the next runTask starts afresh. */
export async function closePool(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.destroy();
}
