import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closePool,
  configurePool,
  graceFor,
  OFF_THREAD_SESSIONS,
  offThread,
  poolStats,
  runTask,
  threadCount,
} from '../../../../server/workers/pool.ts';
import { type PlacementTask, withinBudget } from '../../../../server/workers/tasks.ts';
import { detectConflicts, prepare } from '../../../../shared/domain/conflicts/engine.ts';
import type { ConflictInput } from '../../../../shared/domain/conflicts/types.ts';
import { splitForPlacement } from '../../../../shared/domain/resolution/candidates.ts';
import { type PlacementProgress, placeExactly } from '../../../../server/workers/exact-placement.ts';
import { conflictInput } from '../../../factories/conflicts.ts';
import { largeSummitFile } from '../../../factories/large-summit.ts';
import { demoSummitFile } from '../../../factories/summit-file.ts';

/** A generated summit with every `every`-th session taken out of its room and time. */
function summit(sessions: number, rooms: number, sessionsPerDay: number, every = 0): ConflictInput {
  const size = { sessions, people: sessions / 5, delegations: 40, rooms, sessionsPerDay };
  const input = conflictInput(largeSummitFile(size, 3, 'pool'));
  if (every === 0) return input;
  return {
    ...input,
    sessions: input.sessions.map((s, i) =>
      i % every === 0 ? { ...s, room: null, start: null, end: null } : s,
    ),
  };
}

/**
 * 100 sessions to place among 1,900: listing their candidate spots alone takes minutes of CPU
 * (placement does not yet watch its deadline while listing), so this task is running for as long
 * as a test looks at it.
 */
const longPlacement = (): PlacementTask => ({
  input: summit(2_000, 10, 100, 20),
  opts: { stepMinutes: 15, timeLimitMs: 600_000 },
});

/** Main-thread turns until the pool has handed every queued task to a thread. */
async function untilDispatched() {
  while (poolStats().queued > 0) await new Promise((r) => setImmediate(r));
}

const outcome = (p: Promise<unknown>) =>
  p.then(
    (value) => ({ value }),
    (e: Error) => ({ error: { name: e.name, message: e.message } }),
  );

// One thread: a task still running would hold up the next one, so "the next task runs" proves
// that aborting ended the first.
beforeAll(async () => {
  await closePool();
  configurePool({ threads: 1 });
  await runTask('echo', null); // started and warm
});
afterAll(closePool);

describe('worker pool', () => {
  it("reports the demo summit's conflicts as detectConflicts does", async () => {
    const input = conflictInput(demoSummitFile());
    const direct = detectConflicts(input);
    expect(direct.length).toEqual(3);
    expect(await runTask('conflicts', input)).toEqual(direct);
  });

  it('reports the same conflicts as detectConflicts on a generated summit', async () => {
    const input = summit(2_000, 20, 200);
    const direct = detectConflicts(input);
    expect(direct.length).toBeGreaterThan(0);
    expect(await runTask('conflicts', input)).toEqual(direct);
  });

  it('places as the exact stage does inline, when the solver proves its optimum well before the limit', async () => {
    // Ten sessions among a hundred: HiGHS proves the optimum in a fraction of the limit, and the
    // search before it is seeded, so the result does not depend on time.
    const input = summit(100, 5, 50, 10);
    const opts = { stepMinutes: 30, timeLimitMs: 60_000 };
    const { fixed, toPlace } = splitForPlacement(input.sessions);
    const direct = await placeExactly(prepare({ ...input, sessions: fixed }), toPlace, opts);
    expect([direct.placed.length, direct.solver.count, direct.solver.cost]).toEqual([
      10,
      'Optimal',
      'Optimal',
    ]);
    expect(await runTask('placement', { input, opts })).toEqual(direct);
  });

  it('answers HTTP requests on the main thread while a placement runs in the pool', async () => {
    const server = createServer((_req, res) => res.end('still here'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const abort = new AbortController();
    let settled = false;
    const task = outcome(runTask('placement', longPlacement(), { signal: abort.signal })).finally(() => {
      settled = true;
    });
    await untilDispatched();
    let turns = 0;
    for (; turns < 20; turns++) await new Promise((r) => setImmediate(r));
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await (await fetch(url)).text());
    expect({ settled, turns, answers }).toEqual({
      settled: false,
      turns: 20,
      answers: ['still here', 'still here', 'still here'],
    });
    abort.abort();
    expect(await task).toEqual({ error: { name: 'AbortError', message: 'The task has been aborted' } });
    await new Promise((r) => server.close(r));
  });

  it('an aborted task rejects with an AbortError and the pool runs the next task', async () => {
    const abort = new AbortController();
    const task = outcome(runTask('placement', longPlacement(), { signal: abort.signal }));
    await untilDispatched();
    expect(poolStats()).toEqual({ threads: 1, queued: 0 });
    abort.abort();
    expect(await task).toEqual({ error: { name: 'AbortError', message: 'The task has been aborted' } });
    expect(await runTask('echo', { after: 'abort' })).toEqual({ after: 'abort' });
  });

  it('a task past its time limit is stopped with a TimeoutError and the pool runs the next task', async () => {
    // Placement keeps to its own limit; the pool's deadline is for work that does not.
    const result = await outcome(runTask('busy', 5_000, { timeLimitMs: 200 }));
    expect(result).toEqual({
      error: {
        name: 'TimeoutError',
        message: 'busy ran past its time limit of 200 ms (+100 ms grace) and was stopped',
      },
    });
    expect(await runTask('echo', 'next')).toEqual('next');
  });

  it('hands on what a task reported before its hard deadline stopped it', async () => {
    const heard: unknown[] = [];
    const result = await outcome(
      runTask('busy', 5_000, { timeLimitMs: 200, onProgress: (m) => heard.push(m) }),
    );
    expect([result, heard]).toEqual([
      {
        error: {
          name: 'TimeoutError',
          message: 'busy ran past its time limit of 200 ms (+100 ms grace) and was stopped',
        },
      },
      [{ busyFor: 5_000 }],
    ]);
  });

  it("reports a placement's heuristic answer before its solver's", async () => {
    const input = summit(100, 5, 50, 10);
    const heard: PlacementProgress[] = [];
    const result = await runTask(
      'placement',
      { input, opts: { stepMinutes: 30, timeLimitMs: 60_000 } },
      { onProgress: (m) => heard.push(m as PlacementProgress) },
    );
    const first = heard[0]!;
    expect(first.stage).toEqual('heuristic');
    if (first.stage !== 'heuristic') return;
    const countOf = (h: PlacementProgress) => (h.stage === 'heuristic' ? h.result.placed.length : h.placed);
    const placedBefore = (i: number) => countOf(heard[i]!);
    // Its answer is a whole proposal, what the caller gives if the pool's deadline strikes.
    expect([
      first.result.placed.length + first.result.unplaced.length,
      first.result.placed.length <= result.placed.length,
      heard.slice(1).every((h) => h.stage === 'solver' && h.bound >= result.placed.length),
      // The solver's count never falls, and never passes its bound.
      heard
        .slice(1)
        .every((h, i) => h.stage === 'solver' && h.placed <= h.bound && h.placed >= placedBefore(i)),
    ]).toEqual([10, true, true, true]);
  });

  it('an error thrown in a task rejects with its message', async () => {
    // A programme without sessions: the engine throws on reading them, in the pool as inline.
    const broken = { ...summit(10, 2, 10), sessions: undefined } as unknown as ConflictInput;
    const inline = (() => {
      try {
        detectConflicts(broken);
        return null;
      } catch (e) {
        return { error: { name: (e as Error).name, message: (e as Error).message } };
      }
    })();
    expect(inline?.error.name).toEqual('TypeError');
    expect(await outcome(runTask('conflicts', broken))).toEqual(inline);
  });

  it('an unknown task rejects with its name', async () => {
    expect(await outcome(runTask('nothing' as 'echo', 1))).toEqual({
      error: { name: 'Error', message: 'unknown task "nothing"' },
    });
  });
});

describe('placement in a thread', () => {
  it('searches only for what is left of its budget when it starts late', () => {
    const task = { input: summit(10, 2, 10), opts: { stepMinutes: 15, timeLimitMs: 3_000 } };
    const limits = [500, -20, 5_000].map((left) => withinBudget(task, 1_000_000 + left, 1_000_000).opts);
    expect(limits).toEqual([
      { stepMinutes: 15, timeLimitMs: 500 },
      { stepMinutes: 15, timeLimitMs: 0 },
      { stepMinutes: 15, timeLimitMs: 3_000 },
    ]);
  });
});

describe('pool sizing', () => {
  it('takes one thread fewer than the cores, at least one', () => {
    expect([1, 2, 8, 20].map(threadCount)).toEqual([1, 1, 7, 19]);
  });

  it('gives a time limit 5% grace, at least 100 ms', () => {
    expect([200, 3_000, 10_000].map(graceFor)).toEqual([100, 150, 500]);
  });

  it('runs programmes below the threshold inline and the rest in the pool', () => {
    expect([0, OFF_THREAD_SESSIONS - 1, OFF_THREAD_SESSIONS, 10_000].map(offThread)).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });
});
