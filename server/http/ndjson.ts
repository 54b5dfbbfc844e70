// A long task's answer as NDJSON (one JSON object a line), for a client that asks for it with
// Accept: application/x-ndjson: `{"progress": …}` lines while the task runs, then `{"<name>": value}`
// or, when it fails, `{"errors": [...], "status": n}` with the status a JSON answer would have had.
// The 200 goes out before the outcome is known, which is why a failure is a line.
import type { Outcome } from '../core/outcome.ts';
import { failureReply, type Reply } from './route.ts';

export const NDJSON = 'application/x-ndjson';

/** At most five progress lines a second: the first goes at once, then the newest of each 200 ms. */
export const PROGRESS_EVERY_MS = 200;

export type ProgressRun<P, T> = (report: (progress: P) => void) => Promise<Outcome<T>>;

/**
 * Runs the task and streams what it reports, then its outcome as `name`. Aborting `signal` (the
 * client went away) must stop the task; its rejection then ends the stream without a word.
 */
export function ndjsonReply<P, T>(
  name: string,
  signal: AbortSignal,
  run: ProgressRun<P, T>,
  everyMs = PROGRESS_EVERY_MS,
): Reply {
  return {
    status: 200,
    type: `${NDJSON}; charset=utf-8`,
    // Proxies that buffer (nginx) would hold the progress back until the end.
    headers: { 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
    stream: ndjsonLines(name, signal, run, everyMs),
  };
}

const line = (value: unknown) => `${JSON.stringify(value)}\n`;

export async function* ndjsonLines<P, T>(
  name: string,
  signal: AbortSignal,
  run: ProgressRun<P, T>,
  everyMs = PROGRESS_EVERY_MS,
): AsyncGenerator<string> {
  let newest: { progress: P } | null = null;
  let done = false;
  let wake = () => {};
  const end = run((progress) => {
    newest = { progress };
    wake();
  }).then(
    (outcome) => ({ outcome }),
    (error: unknown) => ({ error }),
  );
  void end.finally(() => {
    done = true;
    wake();
  });
  /** Until the task reports or ends, or `ms` pass. */
  const nap = (ms?: number) =>
    new Promise<void>((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  let sentAt = -Infinity;
  while (!done) {
    const due = sentAt + everyMs - Date.now();
    if (newest && due <= 0) {
      const next: { progress: P } = newest;
      newest = null;
      sentAt = Date.now();
      yield line(next);
    } else await nap(newest ? due : undefined);
  }
  const settled = await end;
  if ('error' in settled) {
    if (signal.aborted) return;
    console.error(`streamed ${name}:`, settled.error);
    yield line({ errors: [{ path: '', message: 'internal error' }], status: 500 });
  } else if (settled.outcome.ok) yield line({ [name]: settled.outcome.value });
  else {
    const failed = failureReply(settled.outcome);
    yield line({ ...(failed.body as object), status: failed.status });
  }
}
