import { describe, expect, it, vi } from 'vitest';
import { unavailable } from '../../../../server/core/outcome.ts';
import { ndjsonLines, type ProgressRun } from '../../../../server/http/ndjson.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every line the stream yields, each checked to end its line and parsed. */
async function lines(
  run: ProgressRun<number, string>,
  signal = new AbortController().signal,
  everyMs = 1_000,
) {
  const out: unknown[] = [];
  for await (const line of ndjsonLines('proposal', signal, run, everyMs)) {
    expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n')).toBe(true);
    out.push(JSON.parse(line));
  }
  return out;
}

describe('a long task streamed as NDJSON', () => {
  it('sends the first progress at once and the outcome last, leaving out what the outcome makes needless', async () => {
    const out = await lines(async (report) => {
      report(1);
      await sleep(1);
      report(2);
      report(3);
      return { ok: true, value: 'done' };
    });
    expect(out).toEqual([{ progress: 1 }, { proposal: 'done' }]);
  });

  it('sends only the newest of what was reported within the interval, once it has passed', async () => {
    const out = await lines(
      async (report) => {
        report(1);
        await sleep(1);
        report(2);
        report(3);
        await sleep(300);
        return { ok: true, value: 'done' };
      },
      undefined,
      50,
    );
    expect(out).toEqual([{ progress: 1 }, { progress: 3 }, { proposal: 'done' }]);
  });

  it('says a failure found after the 200 was sent in its last line, with the status a JSON answer would have had', async () => {
    const out = await lines(async (report) => {
      report(1);
      return unavailable('placement did not finish within 100 ms; try again with a longer limit');
    });
    expect(out).toEqual([
      { progress: 1 },
      {
        errors: [
          { path: '', message: 'placement did not finish within 100 ms; try again with a longer limit' },
        ],
        status: 503,
      },
    ]);
  });

  it('ends a task that threw with an internal error, its cause kept for the log', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const out = await lines(async () => {
      throw new Error('the worker thread died');
    });
    expect([out, log.mock.calls.map((c) => String(c[1]))]).toEqual([
      [{ errors: [{ path: '', message: 'internal error' }], status: 500 }],
      ['Error: the worker thread died'],
    ]);
    log.mockRestore();
  });

  it('ends without a word when the client went away and the task was stopped for it', async () => {
    const gone = new AbortController();
    const out = await lines(async (report) => {
      report(1);
      await sleep(1);
      gone.abort();
      throw new DOMException('The operation was aborted', 'AbortError');
    }, gone.signal);
    expect(out).toEqual([{ progress: 1 }]);
  });
});
