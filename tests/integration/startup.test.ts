// Server processes starting together on one empty PostgreSQL database: they take turns migrating
// and loading the demo, and every one of them comes up (PostgreSQL only: a PGlite folder belongs to
// one process).
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';

const url = inject('databaseUrl');
const root = join(import.meta.dirname, '../..');

/** Starts `npm start`'s server (without the client build) and resolves when it listens, or rejects when it exits. */
function startServer(databaseUrl: string): { child: ChildProcess; ready: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', ADMIN_TOKEN: '', SMTP_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Convene on http')) resolve(output);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
  });
  return { child, ready };
}

describe.skipIf(!url)('servers starting together on an empty PostgreSQL database', () => {
  const name = `convene_startup_${process.pid}`;
  const admin = () => postgres(Object.assign(new URL(url), { pathname: '/postgres' }).toString(), { max: 1 });
  const children: ChildProcess[] = [];

  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    const sql = admin();
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
    await sql.end();
  });

  it('brings up all three, migrated, with the demo summit loaded once', async () => {
    const sql = admin();
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
    await sql.unsafe(`create database "${name}"`);
    await sql.end();
    const databaseUrl = Object.assign(new URL(url), { pathname: `/${name}` }).toString();
    const servers = [startServer(databaseUrl), startServer(databaseUrl), startServer(databaseUrl)];
    children.push(...servers.map((s) => s.child));
    const outputs = await Promise.all(servers.map((s) => s.ready));
    expect(outputs.filter((o) => o.includes('Loaded the demo summit "gfmd-2018".'))).toHaveLength(1);
    const db = postgres(databaseUrl, { max: 1 });
    const summits = await db<{ slug: string }[]>`select slug from summits`;
    await db.end();
    expect(summits.map((s) => s.slug)).toEqual(['gfmd-2018']);
  }, 90_000);
});
