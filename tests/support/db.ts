// A fresh, migrated database for one test file: a clone of the run's template.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openPglite, openPostgres, sqlState, type Database } from '../../server/db/client.ts';

let counter = 0;

/** A test database, and the environment a child process (the server, a CLI) needs to open it. */
export type TestDatabase = Database & { env: Record<string, string> };

export async function testDatabase(): Promise<TestDatabase> {
  const url = inject('databaseUrl');
  if (!url) {
    // An in-memory clone cannot be shared with a child process: give it a folder of its own.
    const database = await openPglite({ dump: new Blob([readFileSync(inject('pgliteDump'))]) });
    const dir = mkdtempSync(join(tmpdir(), 'convene-data-'));
    return {
      ...database,
      env: { DATA_DIR: dir },
      close: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const template = new URL(url).pathname.slice(1);
  const name = `${template}_${process.pid}_${++counter}`.slice(0, 63);
  const admin = postgres(Object.assign(new URL(url), { pathname: '/postgres' }).toString(), {
    max: 1,
    onnotice: () => {},
  });
  try {
    // Two files may copy the template at the same moment; PostgreSQL refuses the second (55006).
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.unsafe(`create database "${name}" template "${template}"`);
        break;
      } catch (e) {
        if (sqlState(e) !== '55006' || attempt > 50) throw e;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const cloneUrl = Object.assign(new URL(url), { pathname: `/${name}` }).toString();
  const database = await openPostgres(cloneUrl, { max: 4 });
  return {
    ...database,
    env: { DATABASE_URL: cloneUrl },
    close: async () => {
      await database.close();
      const drop = postgres(Object.assign(new URL(url), { pathname: '/postgres' }).toString(), {
        max: 1,
        onnotice: () => {},
      });
      await drop.unsafe(`drop database if exists "${name}" with (force)`);
      await drop.end();
    },
  };
}
