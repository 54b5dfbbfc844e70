// npm run bench: medians over several runs, in one table.
//   programme: import of a generated 10,000-session summit (2,000 people, 300 delegations, 60 rooms);
//   reading one day's programme of 500 sessions through the API; the server's RSS with it loaded.
//   mail: outbox throughput to a local SMTP server (one and two workers); delay from a change to
//   its message reaching the SMTP server.
//   conflicts: full reports of 5,000 and 50,000 sessions, one moved session re-checked, a naive
//   all-pairs check for comparison.
//   placement: sessions placed, time and cost against the maximum HiGHS proves with a long limit,
//   on generated instances of five shapes and three sizes (placement.ts, placement-instances.ts).
//   BENCH_PLACEMENT_SIZES=S,M and BENCH_PLACEMENT_SEEDS=21,22 choose; BENCH_REFERENCE_S caps each
//   reference solve.
//   invites: a release's invitations, 500 sessions × 10 attendees queued in one transaction.
//   proposals: the review desk's list of 2,000 side-event proposals with its filters, through the API.
//   feeds: a delegation's private calendar feed (about 50 sessions) and the whole-summit calendar.ics
//   of a generated summit of 2,000 published sessions, through a real HTTP server: warm, and the
//   first fetch right after one session moved (tests/bench/feeds.ts). BENCH_FEED_RUNS sets the runs.
//   languages: the client bundle's gzip size, and the time from choosing another language to the
//   next frame painted in it on the demo's Friday rooms grid (first switch and warm), in Chromium.
//   pool: the worker pool's round trip, and conflict reports inline vs in the pool.
//   heavy: a 10,000-session pile's first page of conflicts, RSS and other requests' p99 meanwhile;
//   a 3 s placement of 1,500 sessions: its wall time and the same p99.
//   marketplace (PostgreSQL only): a booking rush on two server processes: 1,000 delegates' answers/s
//   and bookings/s on 400 slots, p50/p99 of an open loop at 1,000 requests/s, double bookings and
//   delegations over their size in SQL, and pgbench's single-row update TPS as the ceiling.
//   BENCH_MARKET_RATE, BENCH_MARKET_SECONDS and BENCH_MARKET_DRAIN_MS shape the open loop.
// PGlite always; PostgreSQL too when DATABASE_URL names a database on a server we may create
// databases on (each run gets a fresh one, dropped at the end).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import supertest from 'supertest';
import { createApp } from '../../server/app.ts';
import { openPglite, openPostgres, type Database } from '../../server/db/client.ts';
import { importSummit } from '../../server/modules/summits/summits.service.ts';
import { largeSummitFile } from '../factories/large-summit.ts';
import { benchConflicts } from './conflicts.ts';
import { benchFeeds } from './feeds.ts';
import { benchHeavy } from './heavy.ts';
import { benchInvites } from './invites.ts';
import { benchMail } from './mail.ts';
import { benchLanguages } from './languages.ts';
import { benchMarketplace } from './marketplace.ts';
import { benchPlacement } from './placement.ts';
import { benchPool } from './pool.ts';
import { benchProposals } from './proposals.ts';

const SIZE = { sessions: 10_000, people: 2_000, delegations: 300, rooms: 60, sessionsPerDay: 500 };
const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3);
const READ_RUNS = Number(process.env.BENCH_READ_RUNS ?? 50);
const file = largeSummitFile(SIZE, 7, 'bench');
const days = Array.from({ length: SIZE.sessions / SIZE.sessionsPerDay }, (_, i) =>
  new Date(Date.UTC(2026, 11, 1 + i)).toISOString().slice(0, 10),
);

type Row = { measure: string; engine: string; median: string; spread: string; runs: number; goal: string };
const rows: Row[] = [];
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);

type Engine = {
  name: string;
  fresh(): Promise<{ database: Database; serverEnv: Record<string, string>; dispose(): Promise<void> }>;
};

function pgliteEngine(): Engine {
  return {
    name: 'PGlite',
    async fresh() {
      const dir = mkdtempSync(join(tmpdir(), 'convene-bench-'));
      const database = await openPglite({ dataDir: dir });
      await database.migrate();
      return {
        database,
        serverEnv: { DATA_DIR: dir },
        dispose: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  };
}

function postgresEngine(url: string): Engine {
  let n = 0;
  const admin = postgres(Object.assign(new URL(url), { pathname: '/postgres' }).toString(), {
    max: 1,
    onnotice: () => {},
  });
  return {
    name: 'PostgreSQL',
    async fresh() {
      const name = `convene_bench_${process.pid}_${++n}`;
      await admin.unsafe(`create database "${name}"`);
      const dbUrl = Object.assign(new URL(url), { pathname: `/${name}` }).toString();
      const database = await openPostgres(dbUrl);
      await database.migrate();
      return {
        database,
        serverEnv: { DATABASE_URL: dbUrl },
        dispose: async () => {
          if (!process.env.BENCH_KEEP_DATABASE)
            await admin.unsafe(`drop database if exists "${name}" with (force)`);
        },
      };
    },
  };
}

async function benchImport(engine: Engine) {
  const times: number[] = [];
  let last: Awaited<ReturnType<Engine['fresh']>> | null = null;
  for (let i = 0; i < IMPORT_RUNS; i++) {
    if (last) {
      await last.database.close();
      await last.dispose();
    }
    last = await engine.fresh();
    const t0 = performance.now();
    const result = await importSummit(last.database.db, { kind: 'admin', label: 'bench' }, file, {
      replace: false,
    });
    times.push(performance.now() - t0);
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
  }
  rows.push({
    measure: 'import 10,000 sessions (validate + write)',
    engine: engine.name,
    median: ms(quantile(times, 0.5)),
    spread: `min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))}`,
    runs: IMPORT_RUNS,
    goal: engine.name === 'PostgreSQL' ? '< 5 s' : '',
  });
  return last!;
}

async function benchDayRead(engine: Engine, database: Database) {
  const http = supertest(createApp({ db: database.db }));
  for (const day of days.slice(0, 3)) await http.get(`/api/summits/bench/programme?day=${day}`); // warm-up
  const times: number[] = [];
  for (let i = 0; i < READ_RUNS; i++) {
    const day = days[i % days.length]!;
    const t0 = performance.now();
    const res = await http.get(`/api/summits/bench/programme?day=${day}`);
    times.push(performance.now() - t0);
    if (res.status !== 200 || res.body.sessions.length !== SIZE.sessionsPerDay)
      throw new Error(`day ${day}: ${res.status} ${res.body.sessions?.length}`);
  }
  rows.push({
    measure: `read one day (${SIZE.sessionsPerDay} sessions) via the API`,
    engine: engine.name,
    median: ms(quantile(times, 0.5)),
    spread: `p95 ${ms(quantile(times, 0.95))}`,
    runs: READ_RUNS,
    goal: engine.name === 'PostgreSQL' ? '< 30 ms' : '',
  });
}

/** Starts the real server on the loaded database, reads every day once, and reads its RSS. */
async function benchMemory(engine: Engine, serverEnv: Record<string, string>) {
  const port = 41000 + Math.floor(Math.random() * 1000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, ...serverEnv, PORT: String(port), LOAD_DEMO: 'false' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        if (d.toString().includes('Convene on')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    for (const day of days)
      await (await fetch(`http://127.0.0.1:${port}/api/summits/bench/programme?day=${day}`)).arrayBuffer();
    await (await fetch(`http://127.0.0.1:${port}/api/summits/bench/people`)).arrayBuffer();
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kib = Number(/VmRSS:\s+(\d+)/.exec(status)![1]);
    const peak = Number(/VmHWM:\s+(\d+)/.exec(status)![1]);
    rows.push({
      measure: 'server RSS, summit loaded, every day read',
      engine: engine.name,
      median: `${(kib / 1024).toFixed(0)} MB`,
      spread: `peak ${(peak / 1024).toFixed(0)} MB`,
      runs: 1,
      goal: '< 300 MB',
    });
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

// "programme", "mail", "conflicts", "placement", "pool", "heavy", "proposals", "invites", "feeds"
// or "marketplace" runs one part
const only = process.argv[2];
const wants = (part: string) => only === undefined || only === part;
const engines = [
  pgliteEngine(),
  ...(process.env.DATABASE_URL ? [postgresEngine(process.env.DATABASE_URL)] : []),
];
if (wants('programme'))
  console.log(
    `Summit file: ${SIZE.sessions} sessions, ${SIZE.people} people, ${SIZE.delegations} delegations, ${SIZE.rooms} rooms, ` +
      `${file.sessions!.reduce((n, s) => n + (s.participants?.length ?? 0), 0)} participations, ${(JSON.stringify(file).length / 1e6).toFixed(1)} MB of JSON.`,
  );
if (!process.env.DATABASE_URL)
  console.log(
    'PostgreSQL skipped: set DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres to include it.',
  );
if (wants('conflicts')) {
  console.log('\nConflict engine (medians):');
  console.table(benchConflicts());
}
if (wants('placement')) {
  console.log('\nPlacement against the proven maximum (HiGHS, long limit), five shapes × two seeds a size:');
  const { instances, summary } = await benchPlacement();
  console.table(instances);
  console.table(summary);
}
if (wants('heavy')) {
  console.log('\nA heavy summit on a real server process (PGlite):');
  console.table(await benchHeavy());
}
if (wants('languages')) {
  console.log('\nThe client in three languages: bundle size and the cost of switching language:');
  console.table(await benchLanguages());
}
if (wants('pool')) {
  console.log('\nWorker pool (medians; inline / pooled):');
  console.table(await benchPool());
}
for (const engine of wants('programme') || wants('mail') || wants('proposals') || wants('invites')
  ? engines
  : []) {
  if (wants('programme')) {
    const loaded = await benchImport(engine);
    await benchDayRead(engine, loaded.database);
    await loaded.database.close();
    await benchMemory(engine, loaded.serverEnv);
    await loaded.dispose();
  }
  if (wants('proposals')) {
    const fresh = await engine.fresh();
    const proposalRows = await benchProposals(fresh.database, engine.name);
    rows.push(...proposalRows.map((r) => ({ ...r, engine: engine.name })));
    await fresh.database.close();
    await fresh.dispose();
  }
  if (wants('invites')) {
    const fresh = await engine.fresh();
    rows.push(...(await benchInvites(fresh.database)).map((r) => ({ ...r, engine: engine.name })));
    await fresh.database.close();
    await fresh.dispose();
  }
  if (wants('mail')) {
    const mailRows = await benchMail(async () => {
      const fresh = await engine.fresh();
      // A second connection pool for a second worker; PGlite has one connection, shared.
      const second = async () =>
        fresh.serverEnv.DATABASE_URL ? openPostgres(fresh.serverEnv.DATABASE_URL) : fresh.database;
      return { database: fresh.database, second, dispose: fresh.dispose };
    });
    rows.push(...mailRows.map((r) => ({ ...r, engine: engine.name, goal: '' })));
  }
}
if (wants('feeds')) {
  const feedRows = [];
  for (const engine of engines) {
    const fresh = await engine.fresh();
    try {
      feedRows.push(...(await benchFeeds(fresh.database, engine.name)));
    } finally {
      await fresh.database.close();
      await fresh.dispose();
    }
  }
  console.log('\nCalendar feeds and calendar.ics of 2,000 published sessions, over HTTP (medians, worst):');
  console.table(feedRows);
}
if (wants('marketplace')) {
  const postgresql = engines.find((e) => e.name === 'PostgreSQL');
  if (!postgresql)
    console.log('\nMarketplace booking rush skipped: it runs on PostgreSQL only (DATABASE_URL).');
  else {
    const fresh = await postgresql.fresh();
    await fresh.database.close();
    try {
      console.log('\nMarketplace booking rush (PostgreSQL, two server processes, this process driving):');
      console.table(await benchMarketplace(fresh.serverEnv.DATABASE_URL!));
    } finally {
      await fresh.dispose();
    }
  }
}
if (rows.length) {
  console.log('\nProgramme, mail, invitations and proposals (medians):');
  console.table(rows);
}
process.exit(0);
