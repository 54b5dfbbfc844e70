// After the Marketplace rush (marketplace.ts): what the database holds, checked in SQL, and the
// ceiling pgbench sets for a single-row update on the same PostgreSQL server.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

export async function checks(sql: postgres.Sql) {
  const [double] = await sql<{ n: number }[]>`
    select count(*)::int as n from marketplace_consultations a join marketplace_consultations b
      on a.summit_id = b.summit_id and a.room_id = b.room_id and a.id < b.id
     and a.start_at < b.end_at and b.start_at < a.end_at
    where a.status in ('requested', 'accepted') and b.status in ('requested', 'accepted')`;
  // Each delegation's live consultations as owner or provider; over its size if, at the start of one
  // of them, more of them are under way than it has people (the server also counts sessions: the
  // generated summit has none).
  const [over] = await sql<{ n: number; worst: number | null }[]>`
    with taking as (
      select c.id, c.start_at, c.end_at, n.owner_id as delegation_id
        from marketplace_consultations c join marketplace_needs n on n.id = c.need_id where c.status in ('requested', 'accepted')
      union
      select c.id, c.start_at, c.end_at, p.delegation_id
        from marketplace_consultations c join marketplace_parties p on p.consultation_id = c.id
       where p.role = 'provider' and c.status in ('requested', 'accepted')
    ), peaks as (
      select a.delegation_id, d.size, count(*) as load from taking a
        join taking b on b.delegation_id = a.delegation_id and b.start_at <= a.start_at and a.start_at < b.end_at
        join delegations d on d.id = a.delegation_id
       group by a.delegation_id, a.id, d.size
    )
    select count(distinct delegation_id)::int as n, max(load - size)::int as worst from peaks where load > size`;
  const [held] = await sql<
    { n: number }[]
  >`select count(*)::int as n from marketplace_consultations where status in ('requested', 'accepted')`;
  return { double: double!.n, over: over!.n, live: held!.n };
}

function findPgbench(): string | null {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/lib/postgresql/15/bin'])
    if (dir && existsSync(join(dir, 'pgbench'))) return join(dir, 'pgbench');
  return null;
}

/** pgbench's TPS for a single-row update, 8 clients, 10 s, on a scratch database; null when absent. */
export async function pgbenchCeiling(url: string): Promise<{ tps: number; binary: string } | null> {
  const binary = findPgbench();
  if (!binary) return null;
  const admin = postgres(Object.assign(new URL(url), { pathname: '/postgres' }).toString(), { max: 1 });
  const name = `convene_pgbench_${process.pid}`;
  const dir = mkdtempSync(join(tmpdir(), 'convene-pgbench-'));
  try {
    await admin.unsafe(`create database "${name}"`);
    const target = Object.assign(new URL(url), { pathname: `/${name}` }).toString();
    execFileSync(binary, ['-i', '-s', '1', '-q', target], { stdio: 'ignore' });
    const script = join(dir, 'update.sql');
    writeFileSync(
      script,
      '\\set aid random(1, 100000)\nupdate pgbench_accounts set abalance = abalance + 1 where aid = :aid;\n',
    );
    const out = execFileSync(binary, ['-n', '-c', '8', '-j', '2', '-T', '10', '-f', script, target], {
      encoding: 'utf8',
    });
    const tps = /tps = ([\d.]+)/.exec(out);
    if (!tps) throw new Error(`pgbench said: ${out}`);
    return { tps: Number(tps[1]), binary };
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
