// The Marketplace booking rush (issue 11, "Measured"), PostgreSQL only: a generated summit
// (tests/factories/marketplace-bench.ts) imported through the API, TWO server processes on one
// database, driven from this process over loopback with keep-alive connections, alternating servers.
// 200 providers sign in; then
//   throughput: 1,000 simulated delegates (200 providers × 5 loops) book random needs on the 400
//   slots of the first day as fast as they can (a 409's alternatives are tried next) until every
//   slot is taken or 3 s pass without a booking;
//   latency: an open loop of 1,000 requests a second for 10 s on the other days' fresh slots, each
//   sent at its planned time whatever the answers, its latency counted from that planned time;
//   checks: double bookings, delegations over their size, and answers besides 201/409, in SQL;
//   ceiling: pgbench's single-row update (8 clients, 10 s) on a scratch database, when installed.
import postgres from 'postgres';
import { BENCH_MARKET_SLUG, marketplaceBenchFile, providerEmail } from '../factories/marketplace-bench.ts';
import { random } from '../factories/large-summit.ts';
import { checks, pgbenchCeiling } from './marketplace-checks.ts';
import {
  type Answer,
  call,
  cpuMeter,
  renewAgent,
  type Server,
  type Session,
  signIn,
  startServer,
  stopServer,
} from './marketplace-client.ts';

const PROVIDERS = 200;
const LOOPS_PER_PROVIDER = 5;
const THROUGHPUT_SLOTS = 400;
const IDLE_STOP_MS = 3_000;
const RATE = Number(process.env.BENCH_MARKET_RATE ?? 1_000); // requests a second, latency phase
const SECONDS = Number(process.env.BENCH_MARKET_SECONDS ?? 10);
const DRAIN_MS = Number(process.env.BENCH_MARKET_DRAIN_MS ?? 60_000); // the latency phase's wait for its last answers
const ADMIN = 'bench-marketplace-admin';
const M = `/api/summits/${BENCH_MARKET_SLUG}/marketplace`;

const UNANSWERED = `no answer within ${DRAIN_MS / 1000} s`;

export type MarketRow = { measure: string; result: string; detail: string; goal: string };

const quantile = (xs: number[], q: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]! : NaN;
const ms = (x: number) =>
  !Number.isFinite(x)
    ? `> ${DRAIN_MS / 1000} s`
    : x >= 1000
      ? `${(x / 1000).toFixed(2)} s`
      : `${x.toFixed(1)} ms`;
const tally = (counts: Map<string, number>) =>
  [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k}: ${n}`)
    .join(', ') || 'none';
const bump = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

type World = { servers: Server[]; sessions: Session[]; needs: string[]; rnd: () => number };

async function throughput(w: World, slots: string[]) {
  const free = new Set(slots);
  const counts = new Map<string, number>();
  let sent = 0;
  let done = false;
  const t0 = performance.now();
  const meter = cpuMeter(w.servers);
  let lastBooking = t0;
  let stoppedAt = t0;
  const pickFree = () => {
    const left = [...free];
    return left[Math.floor(w.rnd() * left.length)];
  };
  const loop = async (provider: number) => {
    let slot = pickFree();
    while (!done && slot) {
      const need = w.needs[Math.floor(w.rnd() * w.needs.length)]!;
      const server = w.servers[sent++ % w.servers.length]!;
      let answer: Answer;
      try {
        answer = await call(server, 'POST', `${M}/consultations`, w.sessions[provider]!.headers, {
          need,
          slot,
        });
      } catch (e) {
        answer = { status: 0, body: { error: (e as Error).message } };
      }
      bump(counts, answer.status === 0 ? 'connection error' : String(answer.status));
      const now = performance.now();
      if (answer.status === 201) {
        free.delete(slot);
        lastBooking = now;
        if (free.size === 0) done = true;
      } else if (now - lastBooking > IDLE_STOP_MS) done = true;
      if (done) stoppedAt = Math.max(stoppedAt, now);
      const offered = ((answer.body.alternatives as string[] | undefined) ?? []).filter((s) => free.has(s));
      slot = offered.length ? offered[Math.floor(w.rnd() * offered.length)] : pickFree();
    }
  };
  await Promise.all(Array.from({ length: PROVIDERS * LOOPS_PER_PROVIDER }, (_, i) => loop(i % PROVIDERS)));
  const answers = (counts.get('201') ?? 0) + (counts.get('409') ?? 0);
  const elapsed = (stoppedAt - t0) / 1000;
  return {
    counts,
    cpu: meter(),
    answersPerSecond: answers / elapsed,
    bookings: counts.get('201') ?? 0,
    untilLast: lastBooking - t0,
    elapsed,
  };
}

async function openLoop(w: World, slots: string[]) {
  const total = RATE * SECONDS;
  const latencies: number[] = [];
  /** The latencies of each kind of answer: bookings (201) wait for locks and write; refusals do not. */
  const byStatus = new Map<string, number[]>();
  const counts = new Map<string, number>();
  const start = performance.now() + 20;
  const meter = cpuMeter(w.servers);
  let next = 0;
  let answered = 0;
  let cutOff = false;
  let allAnswered!: () => void;
  const finished = new Promise<void>((r) => {
    allAnswered = r;
  });
  const send = (i: number, planned: number) => {
    const provider = i % PROVIDERS;
    const body = { need: w.needs[Math.floor(w.rnd() * w.needs.length)]!, slot: slots[i % slots.length]! };
    call(w.servers[i % w.servers.length]!, 'POST', `${M}/consultations`, w.sessions[provider]!.headers, body)
      .then(
        (a) => String(a.status),
        () => 'connection error',
      )
      .then((status) => {
        if (cutOff) return;
        const latency = performance.now() - planned;
        latencies.push(latency);
        const mine = byStatus.get(status) ?? [];
        mine.push(latency);
        byStatus.set(status, mine);
        bump(counts, status);
        if (++answered === total) allAnswered();
      });
  };
  // Every request leaves at its planned time (or as soon after as the timer lets us), answers or not.
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && start + (next * 1000) / RATE <= now) {
        send(next, start + (next * 1000) / RATE);
        next++;
      }
      if (next < total) setTimeout(tick, 1);
      else resolve();
    };
    setTimeout(tick, 1);
  });
  const sentFor = performance.now() - start;
  const drained = await Promise.race([
    finished.then(() => true),
    new Promise<boolean>((r) => setTimeout(() => r(false), DRAIN_MS).unref()),
  ]);
  // Whatever is still unanswered counts as never answered: its latency is infinite.
  cutOff = true;
  if (!drained) counts.set(UNANSWERED, total - answered);
  const cpu = meter();
  for (let i = answered; i < total; i++) latencies.push(Number.POSITIVE_INFINITY);
  return { total, latencies, byStatus, counts, sentFor, drainedAfter: performance.now() - start, cpu };
}

/** The whole rush on a fresh, migrated PostgreSQL database at `url` (pgbench gets a scratch one beside it). */
export async function benchMarketplace(url: string): Promise<MarketRow[]> {
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const env = { DATABASE_URL: url, ADMIN_TOKEN: ADMIN };
  const connections = (PROVIDERS * LOOPS_PER_PROVIDER) / 2;
  const servers: Server[] = [];
  try {
    servers.push(await startServer(env, connections));
    servers.push(await startServer(env, connections));
    const admin = { authorization: `Bearer ${ADMIN}` };
    const file = marketplaceBenchFile();
    const imported = await call(servers[0]!, 'POST', '/api/summits/import', admin, file);
    if (imported.status !== 201)
      throw new Error(`import: ${imported.status} ${JSON.stringify(imported.body)}`);
    const sessions: Session[] = [];
    for (let i = 0; i < PROVIDERS; i++)
      sessions.push(
        await signIn(servers[i % 2]!, sql, providerEmail(i), `127.0.0.${2 + Math.floor(i / 15)}`),
      );
    const needs = file.marketplace!.needs!.map((n) => n.key);
    const listed = await call(servers[1]!, 'GET', `${M}/slots?need=${needs[0]}`, sessions[0]!.headers);
    const all = ((listed.body.slots as { id: string; start: string; room: string }[] | undefined) ?? [])
      .slice()
      .sort(
        (a, b) => a.start.localeCompare(b.start) || a.room.localeCompare(b.room, 'en', { numeric: true }),
      );
    if (all.length < THROUGHPUT_SLOTS + 1000) throw new Error(`only ${all.length} slots: ${listed.status}`);
    const w: World = { servers, sessions, needs, rnd: random(5) };
    const rush = await throughput(
      w,
      all.slice(0, THROUGHPUT_SLOTS).map((s) => s.id),
    );
    const fresh = all.slice(THROUGHPUT_SLOTS).map((s) => s.id);
    for (const s of servers) renewAgent(s, connections);
    const open = await openLoop(w, fresh);
    // The servers stop before the checks and pgbench: the database is then final and quiet.
    const logged = servers.reduce((n, s) => n + s.errors.length, 0);
    const firstLogged = servers.flatMap((s) => s.errors)[0] ?? '';
    for (const s of servers) await stopServer(s);
    const found = await checks(sql);
    const ceiling = await pgbenchCeiling(url);
    const others = (counts: Map<string, number>) =>
      [...counts]
        .filter(([k]) => k !== '201' && k !== '409' && k !== UNANSWERED)
        .reduce((n, [, v]) => n + v, 0);
    const otherCount = others(rush.counts) + others(open.counts);
    const booked = (open.counts.get('201') ?? 0) + rush.bookings;
    const rushAnswers = (rush.counts.get('201') ?? 0) + (rush.counts.get('409') ?? 0);
    const perAnswer = (seconds: number, answers = rushAnswers) => ((1000 * seconds) / answers).toFixed(2);
    return [
      {
        measure: `throughput: ${PROVIDERS * LOOPS_PER_PROVIDER} delegates, ${THROUGHPUT_SLOTS} slots, 2 servers`,
        result: `${rush.answersPerSecond.toFixed(0)} answers/s`,
        detail: `${tally(rush.counts)} in ${rush.elapsed.toFixed(2)} s; this driver used ${rush.cpu.driver.toFixed(1)} s of CPU`,
        goal: '≥ 25 % of pgbench',
      },
      {
        measure: 'throughput: CPU per answer (servers + database + this driver)',
        result: `${perAnswer(rush.cpu.servers + rush.cpu.database + rush.cpu.driver)} ms`,
        detail: `servers ${perAnswer(rush.cpu.servers)} ms, database ${perAnswer(rush.cpu.database)} ms, driver ${perAnswer(rush.cpu.driver)} ms (from /proc)`,
        goal: '',
      },
      {
        measure: 'throughput: bookings',
        result: `${(rush.bookings / (rush.untilLast / 1000)).toFixed(0)} bookings/s`,
        detail: `${rush.bookings} of ${THROUGHPUT_SLOTS} slots taken`,
        goal: '',
      },
      {
        measure: 'throughput: time until the last slot went',
        result: ms(rush.untilLast),
        detail: rush.bookings < THROUGHPUT_SLOTS ? `stopped: ${IDLE_STOP_MS / 1000} s without a booking` : '',
        goal: '',
      },
      {
        measure: `latency: open loop, ${RATE}/s for ${SECONDS} s, ${fresh.length} fresh slots: p50 / p99`,
        result: `${ms(quantile(open.latencies, 0.5))} / ${ms(quantile(open.latencies, 0.99))}`,
        detail: `${tally(open.counts)}; sent in ${ms(open.sentFor)}, last answer at ${ms(open.drainedAfter)}`,
        goal: 'p99 < 100 ms',
      },
      {
        measure: 'latency: CPU per answer (servers + database + this driver)',
        result: `${perAnswer(open.cpu.servers + open.cpu.database + open.cpu.driver, open.total)} ms`,
        detail: `servers ${perAnswer(open.cpu.servers, open.total)} ms, database ${perAnswer(open.cpu.database, open.total)} ms, driver ${perAnswer(open.cpu.driver, open.total)} ms`,
        goal: '',
      },
      ...['201', '409'].map((status) => {
        const xs = open.byStatus.get(status) ?? [];
        return {
          measure: `latency: open loop, the ${status}s alone: p50 / p99`,
          result: `${ms(quantile(xs, 0.5))} / ${ms(quantile(xs, 0.99))}`,
          detail: `${xs.length} answers`,
          goal: '',
        };
      }),
      {
        measure: 'double bookings (live, same table, overlapping)',
        result: String(found.double),
        detail: `${found.live} live consultations, ${booked} answered 201${found.live > booked ? ' (the others: requests answered too late to count)' : ''}`,
        goal: '0',
      },
      {
        measure: 'delegations over their size at any instant',
        result: String(found.over),
        detail: '',
        goal: '0',
      },
      {
        measure: 'answers besides 201 and 409',
        result: String(otherCount),
        detail: `server stderr lines while running: ${logged}${firstLogged && ` (first: ${firstLogged.slice(0, 80)})`}`,
        goal: '0',
      },
      ceiling
        ? {
            measure: 'pgbench single-row update, 8 clients, 10 s',
            result: `${ceiling.tps.toFixed(0)} TPS`,
            detail: `our answers/s = ${((100 * rush.answersPerSecond) / ceiling.tps).toFixed(1)} % of it`,
            goal: '≥ 25 %',
          }
        : {
            measure: 'pgbench single-row update',
            result: 'pgbench not installed',
            detail: 'not on PATH nor /usr/lib/postgresql/15/bin',
            goal: '',
          },
    ];
  } finally {
    for (const s of servers) await stopServer(s);
    await sql.end();
  }
}
