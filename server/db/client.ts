// One database handle for both engines: embedded PGlite (a folder on disk, or a dump loaded into
// memory for tests) and PostgreSQL through postgres.js. Both speak the same SQL and migrations.
import { PGlite, types } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Db | Tx;

export type Database = {
  db: Db;
  engine: 'pglite' | 'postgres';
  /**
   * Brings the schema up to date, then runs `then` (e.g. loading the demo into an empty database)
   * before letting another process do the same: on PostgreSQL, processes starting together take
   * turns under one advisory lock, so the second sees the first one's work.
   */
  migrate(then?: (db: Db) => Promise<void>): Promise<void>;
  /** Calls `onNotify` for each NOTIFY on `channel` (from any process, once its transaction commits). */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** The embedded engine, when it is PGlite (tests dump it to clone databases). */
  pglite?: PGlite;
};

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export async function openPglite(
  source: { dataDir: string } | { dump: Blob } | { memory: true },
): Promise<Database> {
  // btree_gist: the Marketplace's exclusion constraint compares room ids (=) beside time ranges (&&).
  const extensions = { btree_gist };
  let client: PGlite;
  if ('dataDir' in source) {
    mkdirSync(source.dataDir, { recursive: true });
    client = await PGlite.create(source.dataDir, { extensions });
  } else if ('dump' in source) {
    client = await PGlite.create({ loadDataDir: source.dump, extensions });
  } else {
    client = await PGlite.create({ extensions });
  }
  const db = drizzlePglite({ client, schema });
  return {
    db: db as unknown as Db,
    engine: 'pglite',
    // One process owns a PGlite folder: nobody to take turns with.
    migrate: async (then) => {
      await migratePglite(db, { migrationsFolder });
      await then?.(db as unknown as Db);
    },
    listen: (channel, onNotify) => client.listen(channel, () => onNotify()),
    close: () => client.close(),
    pglite: client,
  };
}

/**
 * Connections a server process keeps to PostgreSQL by default: as many as this machine has cores (at
 * least two). A process is one thread; more connections than the database has cores to run them
 * only make its backends wait for each other (locks, CPU), while few connections carry many queries
 * each (postgres.js pipelines them, several in one write). On two cores the booking rush answered
 * ~880 requests a second at p99 3 s with 10 connections a process, ~1,050 at p99 0.14–0.17 s with 2
 * (docs/marketplace.md). DATABASE_POOL_SIZE sets it.
 */
export const defaultPoolSize = (): number => Math.max(2, availableParallelism());

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const client = postgres(url, { max: options.max ?? defaultPoolSize(), onnotice: () => {} });
  // drizzle asks postgres.js for unnamed statements unless a query is given a name, so PostgreSQL
  // parses and plans every statement anew: most of its time on a busy server (issue 11's rush).
  // Named ones are parsed once per connection (postgres.js names and keeps them by their text;
  // connections are renewed every 30–60 minutes, which bounds how many a connection keeps).
  const unsafe = client.unsafe.bind(client);
  client.unsafe = ((query: string, params?: unknown[], queryOptions?: object) =>
    unsafe(query, params as never, { ...queryOptions, prepare: true })) as typeof client.unsafe;
  const db = drizzlePostgres({ client, schema });
  return {
    db: db as unknown as Db,
    engine: 'postgres',
    migrate: async (then) => {
      // Several server processes may start at once: one migrates (and loads the demo), the others
      // wait for it. The lock is a session lock on a connection of its own, released by closing it.
      const lock = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await lock`select pg_advisory_lock(7312005)`;
        await migratePostgres(drizzlePostgres({ client: lock }), { migrationsFolder });
        await then?.(db as unknown as Db);
      } finally {
        await lock.end();
      }
    },
    listen: async (channel, onNotify) => {
      // postgres.js listens on a connection of its own and listens again after a reconnect.
      const { unlisten } = await client.listen(channel, () => onNotify());
      return unlisten;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

export async function openDatabase(env: {
  DATABASE_URL?: string;
  DATA_DIR?: string;
  /** PostgreSQL connections for this process (defaultPoolSize when not given). */
  poolSize?: number;
}): Promise<Database> {
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL, { max: env.poolSize });
  return openPglite({ dataDir: env.DATA_DIR || './data' });
}

/** The SQLSTATE of a database error, looking through drizzle's wrapper. */
export function sqlState(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

/** The rows of `db.execute` on either engine (postgres.js answers an array, PGlite `{ rows }`). */
export const resultRows = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;

/**
 * The rows of a fixed statement (positional parameters $1…), run by the engine's own client, on the
 * database or in a transaction, without drizzle building it: for the statements every booking of a
 * Marketplace rush makes (issue 11), where building each anew from its template cost an eighth of
 * the servers' time. The text never varies, so postgres.js prepares it once per connection; values
 * are read as drizzle's `execute` reads them (json parsed, dates as text).
 */
export async function fixedRows<T>(db: Executor, text: string, params: readonly unknown[]): Promise<T[]> {
  const client = (db as unknown as { session: { client: RawClient } }).session.client;
  if ('unsafe' in client) return (await client.unsafe(text, params as never[], { prepare: true })) as T[];
  return (await client.query<T>(text, params as unknown[], { parsers: DATES_AS_TEXT })).rows;
}

type RawClient =
  | { unsafe(text: string, params: never[], options: { prepare: boolean }): Promise<unknown> }
  | { query<T>(text: string, params: unknown[], options: { parsers: object }): Promise<{ rows: T[] }> };

const asText = (value: string) => value;
/** As drizzle has PGlite read them: dates, times and intervals (and their arrays) as text. */
const DATES_AS_TEXT = Object.fromEntries(
  [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map((t) => [
    t,
    asText,
  ]),
);
