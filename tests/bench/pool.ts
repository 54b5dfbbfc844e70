// The worker pool: a thread's start and the round trip of an empty task; conflict reports inline and
// in the pool by size, with the main thread's busy time for each (where the pool starts to pay:
// OFF_THREAD_SESSIONS); a pile as in issue 8, whose report costs more to copy back than to compute;
// for a large summit, the main thread's event-loop delay while the report runs inline and while it
// runs in the pool; and placements with a 3 s limit in the pool: wall time and the loop's delay.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { closePool, OFF_THREAD_SESSIONS, runTask } from '../../server/workers/pool.ts';
import { detectConflicts } from '../../shared/domain/conflicts/engine.ts';
import type { ConflictInput } from '../../shared/domain/conflicts/types.ts';
import { conflictInput } from '../factories/conflicts.ts';
import { largeSummitFile } from '../factories/large-summit.ts';
import { placementInstance } from './placement-instances.ts';

export type PoolRow = { measure: string; median: string; spread: string; runs: number; goal: string };

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? Number.NaN;
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 1 ? 3 : 1)} ms`);

/** The bench's imported summit (10,000 sessions, 2,000 people, 300 delegations, 60 rooms), scaled. */
function summitOf(sessions: number): ConflictInput {
  const sessionsPerDay = Math.min(500, sessions);
  const size = {
    sessions,
    people: Math.max(10, sessions / 5),
    delegations: Math.max(5, Math.round(sessions * 0.03)),
    rooms: Math.ceil((sessionsPerDay * 60) / 500),
    sessionsPerDay,
  };
  return conflictInput(largeSummitFile(size, 7, 'pool'));
}

async function timed(runs: number, f: () => unknown): Promise<{ times: number[]; busy: number[] }> {
  const times: number[] = [];
  const busy: number[] = [];
  for (let i = 0; i < runs; i++) {
    const elu = performance.eventLoopUtilization();
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
    busy.push(performance.eventLoopUtilization(elu).active);
  }
  return { times, busy };
}

/** The main thread's event-loop delay (p99 and worst, ms) while `f` runs `runs` times. */
async function loopDelay(runs: number, f: () => unknown) {
  const h = monitorEventLoopDelay({ resolution: 1 });
  // Something else to do on the main thread: a timer every millisecond, as requests would arrive.
  let ticks = 0;
  const ticker = setInterval(() => ticks++, 1);
  h.enable();
  for (let i = 0; i < runs; i++) {
    await f();
    await new Promise((r) => setTimeout(r, 20)); // a pause between reports, as between requests
  }
  h.disable();
  clearInterval(ticker);
  return { p99: h.percentile(99) / 1e6, max: h.max / 1e6, ticks };
}

/** The same summit with every `every`-th session out of its room and time. */
const unplace = (input: ConflictInput, every: number): ConflictInput => ({
  ...input,
  sessions: input.sessions.map((s, i) =>
    i % every === 0 ? { ...s, room: null, start: null, end: null } : s,
  ),
});

/** The same summit with every session piled into 20 hourly slots of 4 rooms (issue 8). */
function pileOf(sessions: number): ConflictInput {
  const input = summitOf(sessions);
  const first = input.sessions[0]?.start ?? 0;
  const hour = 3_600_000;
  return {
    ...input,
    sessions: input.sessions.map((s, i) => {
      const start = first + (Math.floor(i / 4) % 20) * hour;
      return { ...s, room: `room-${i % 4}`, start, end: start + 50 * 60_000 };
    }),
  };
}

/** Wall time (ms) of each placement with a 3 s limit, and the loop's delay meanwhile. */
async function placements(input: ConflictInput, runs: number) {
  const walls: number[] = [];
  const outcomes: string[] = [];
  const delay = await loopDelay(runs, async () => {
    const t0 = performance.now();
    const result = await runTask('placement', { input, opts: { stepMinutes: 30, timeLimitMs: 3_000 } }).then(
      (r) => `${r.placed.length} placed`,
      (e: Error) => e.name,
    );
    walls.push(performance.now() - t0);
    outcomes.push(result);
  });
  return { walls, outcomes: [...new Set(outcomes)].join(', '), delay };
}

export async function benchPool(): Promise<PoolRow[]> {
  const rows: PoolRow[] = [];
  const cold: number[] = [];
  for (let i = 0; i < 5; i++) {
    await closePool();
    const t0 = performance.now();
    await runTask('echo', null);
    cold.push(performance.now() - t0);
  }
  rows.push({
    measure: 'first task of a new pool (thread start, tsx, tasks loaded)',
    median: ms(quantile(cold, 0.5)),
    spread: `min ${ms(Math.min(...cold))}, max ${ms(Math.max(...cold))}`,
    runs: cold.length,
    goal: '',
  });
  for (let i = 0; i < 200; i++) await runTask('echo', null); // thread started and warm
  const empty = await timed(2_000, () => runTask('echo', null));
  rows.push({
    measure: 'round trip of an empty task (warm thread)',
    median: ms(quantile(empty.times, 0.5)),
    spread: `p99 ${ms(quantile(empty.times, 0.99))}; main thread busy ${ms(quantile(empty.busy, 0.5))}`,
    runs: empty.times.length,
    goal: '',
  });

  // By size: where the pool's cost to the main thread (copying the programme in and the report
  // out, messages) falls below running the report there.
  const cases = [50, 200, 500, 1_000, 2_000, 5_000].map((n) => ({ n, pile: false, input: summitOf(n) }));
  for (const { n, pile, input } of [...cases, { n: 2_000, pile: true, input: pileOf(2_000) }]) {
    const found = detectConflicts(input).length;
    for (let i = 0, t0 = performance.now(); i < 5 || performance.now() - t0 < 500; i++) {
      detectConflicts(input);
      await runTask('conflicts', input);
    }
    const runs = n <= 1_000 ? 200 : 30;
    const inline = await timed(runs, () => detectConflicts(input));
    const pooled = await timed(runs, () => runTask('conflicts', input));
    rows.push({
      measure: `report of ${n} sessions${pile ? ' piled' : ''} (${found} conflicts)${n === OFF_THREAD_SESSIONS && !pile ? ' ← OFF_THREAD_SESSIONS' : ''}`,
      median: `${ms(quantile(inline.times, 0.5))} / ${ms(quantile(pooled.times, 0.5))}`,
      spread: `main thread busy ${ms(quantile(inline.busy, 0.5))} / ${ms(quantile(pooled.busy, 0.5))}`,
      runs,
      goal: '',
    });
  }

  // A large summit: the report inline blocks the loop for its whole length; in the pool, the loop
  // waits only for the copies.
  const large = summitOf(10_000);
  const found = detectConflicts(large).length;
  for (let i = 0; i < 5; i++) {
    detectConflicts(large);
    await runTask('conflicts', large);
  }
  const inline = await timed(11, () => detectConflicts(large));
  const pooled = await timed(11, () => runTask('conflicts', large));
  rows.push({
    measure: `report of 10,000 sessions (${found} conflicts)`,
    median: `${ms(quantile(inline.times, 0.5))} / ${ms(quantile(pooled.times, 0.5))}`,
    spread: `main thread busy ${ms(quantile(inline.busy, 0.5))} / ${ms(quantile(pooled.busy, 0.5))}`,
    runs: 11,
    goal: '',
  });
  const inlineDelay = await loopDelay(11, () => detectConflicts(large));
  const pooledDelay = await loopDelay(11, () => runTask('conflicts', large));
  rows.push({
    measure: 'event-loop delay p99 during 10,000-session reports: inline / pooled',
    median: `${ms(inlineDelay.p99)} / ${ms(pooledDelay.p99)}`,
    spread: `worst ${ms(inlineDelay.max)} / ${ms(pooledDelay.max)}`,
    runs: 11,
    goal: 'pooled < 100 ms',
  });

  // Placement: the L instance of the placement bench searches until its deadline; 100 sessions
  // among 2,000 spend longer than the limit listing candidates, which does not watch the deadline,
  // so the pool's hard deadline stops them.
  const toPlace = [
    { what: '300 sessions (placement bench L, mixed)', input: placementInstance('L', 'mixed', 1) },
    { what: '100 sessions among 2,000', input: unplace(summitOf(2_000), 20) },
  ];
  for (const { what, input } of toPlace) {
    const { walls, outcomes, delay } = await placements(input, 3);
    rows.push({
      measure: `placement of ${what}, 3 s limit, in the pool (${outcomes})`,
      median: ms(quantile(walls, 0.5)),
      spread: `max ${ms(Math.max(...walls))}; loop delay p99 ${ms(delay.p99)}, worst ${ms(delay.max)}`,
      runs: walls.length,
      goal: '≤ 3.3 s; p99 < 100 ms',
    });
  }
  await closePool();
  return rows;
}
