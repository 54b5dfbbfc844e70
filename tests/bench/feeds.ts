// npm run bench -- feeds: calendar feeds and the whole-summit calendar.ics of a generated summit of
// 2,000 published sessions, through a real HTTP server: a delegation's private feed (about 50 of
// them) and calendar.ics, each warm (fetched again, the programme unchanged) and right after a
// change (one of its sessions moved five minutes; the first fetch after it).
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { createApp } from '../../server/app.ts';
import { findSummit } from '../../server/core/summit-context.ts';
import { summitRoles, users } from '../../server/db/schema.ts';
import type { Database } from '../../server/db/client.ts';
import { createFeed } from '../../server/modules/feeds/feeds.service.ts';
import { importSummit } from '../../server/modules/summits/summits.service.ts';
import { largeSummitFile } from '../factories/large-summit.ts';

const SIZE = { sessions: 2_000, people: 600, delegations: 120, rooms: 40, sessionsPerDay: 400 };
const RUNS = Number(process.env.BENCH_FEED_RUNS ?? 40);
const ADMIN = 'bench-admin-token';
const PUBLIC_URL = 'http://convene.bench';

export type FeedRow = { measure: string; median: string; spread: string; runs: number; goal: string };

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);

/** The delegation whose feed shows the number of sessions closest to 50, and those sessions. */
function delegationOf(file: ReturnType<typeof largeSummitFile>) {
  const delegationOfPerson = new Map(file.people!.map((p) => [p.key, p.delegation]));
  const shown = new Map<string, Set<string>>();
  for (const s of file.sessions!)
    for (const p of s.participants ?? []) {
      const d =
        'person' in p && p.person
          ? delegationOfPerson.get(p.person)
          : (p as { delegation?: string }).delegation;
      if (!d) continue;
      if (!shown.has(d)) shown.set(d, new Set());
      shown.get(d)!.add(s.key);
    }
  const [key, sessions] = [...shown].sort((a, b) => Math.abs(a[1].size - 50) - Math.abs(b[1].size - 50))[0]!;
  return { key, sessions: [...sessions] };
}

export async function benchFeeds(database: Database, engine: string): Promise<FeedRow[]> {
  const file = largeSummitFile(SIZE, 12, 'feeds-bench');
  const imported = await importSummit(database.db, { kind: 'admin', label: 'bench' }, file, {
    replace: false,
  });
  if (!imported.ok) throw new Error(`import: ${JSON.stringify(imported)}`);
  const summitId = (await findSummit(database.db, 'feeds-bench'))!.id;
  // A member of the support unit makes the feed (the access check runs on every fetch all the same).
  const [user] = await database.db.insert(users).values({ email: 'support@example.org' }).returning();
  const userId = user!.id;
  await database.db.insert(summitRoles).values({ summitId, userId, role: 'support_unit' });
  const delegation = delegationOf(file);
  const feed = await createFeed(
    database.db,
    PUBLIC_URL,
    { kind: 'user', userId, email: 'support@example.org', admin: false, label: 'support@example.org' },
    'feeds-bench',
    { delegation: delegation.key },
  );
  if (!feed.ok) throw new Error(`feed: ${JSON.stringify(feed)}`);

  const app = createApp({ db: database.db, adminToken: ADMIN });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const feedPath = new URL(feed.value.url).pathname;
  const calendarPath = '/api/summits/feeds-bench/calendar.ics';

  let events = 0;
  const fetchOnce = async (path: string) => {
    const t0 = performance.now();
    const res = await fetch(base + path);
    const text = await res.text();
    const took = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${text.slice(0, 200)}`);
    events = text.split('BEGIN:VEVENT').length - 1;
    return took;
  };
  // Moves one of the delegation's sessions five minutes, back and forth.
  let moves = 0;
  const move = async () => {
    const shift = ++moves % 2 ? '5 minutes' : '-5 minutes';
    await database.db.execute(
      sql`update sessions set start_at = start_at + ${shift}::interval, end_at = end_at + ${shift}::interval
          where summit_id = ${summitId} and key = ${delegation.sessions[0]!}`,
    );
  };
  const measure = async (path: string, changed: boolean) => {
    await fetchOnce(path);
    await fetchOnce(path); // warm-up
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      if (changed) await move();
      times.push(await fetchOnce(path));
    }
    return times;
  };

  const out: FeedRow[] = [];
  const row = (measure: string, times: number[], goal: string) =>
    out.push({
      measure,
      median: ms(quantile(times, 0.5)),
      spread: `worst ${ms(Math.max(...times))}`,
      runs: times.length,
      goal,
    });
  try {
    const warmFeed = await measure(feedPath, false);
    const feedEvents = events;
    row(`a delegation's feed (${feedEvents} sessions), warm`, warmFeed, '< 5 ms');
    row(`a delegation's feed (${feedEvents} sessions), after a move`, await measure(feedPath, true), '');
    const warmCalendar = await measure(calendarPath, false);
    row(`calendar.ics (${events} sessions), warm`, warmCalendar, '< 150 ms');
    row(`calendar.ics (${events} sessions), after a move`, await measure(calendarPath, true), '< 150 ms');
  } finally {
    await new Promise((r) => server.close(r));
  }
  return out.map((r) => ({ ...r, measure: `${r.measure} [${engine}]` }));
}
