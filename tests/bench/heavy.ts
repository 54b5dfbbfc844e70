// A heavy summit against a real server process (issue 8's measures): the first page of the conflict
// report of a 10,000-session pile (20 one-hour slots, 4 rooms, every session naming one speaker:
// about three million conflicts), the server's peak RSS, and the p99 of a GET /api/summits loop
// running meanwhile; then a 3 s placement of 1,500 unplaced sessions: its wall time and the same p99.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemActor } from '../../server/core/actor.ts';
import { openPglite } from '../../server/db/client.ts';
import { importSummit } from '../../server/modules/summits/summits.service.ts';
import type { SummitFileInput } from '../../shared/schemas/summit-file.ts';
import { pileSummitFile } from '../factories/pile.ts';

const TOKEN = 'bench-admin-token-0123456789';
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);

/** 1,500 one-hour side events with no room or time, around the pile's first day. */
function unplacedSummitFile(): SummitFileInput {
  const base = pileSummitFile({ slots: 1, perSlot: 1, rooms: 12, slug: 'to-place' });
  return {
    ...base,
    summit: { ...base.summit, endDate: '2018-12-07' },
    sessions: Array.from({ length: 1_500 }, (_, i) => ({
      key: `se-${i}`,
      kind: 'side_event' as const,
      title: `Side event ${i}`,
      durationMinutes: 60,
    })),
  };
}

/** GET /api/summits in a loop until `until` settles; the latencies seen meanwhile. */
async function latencies<T>(base: string, until: Promise<T>): Promise<{ result: T; times: number[] }> {
  let done = false;
  const times: number[] = [];
  const loop = (async () => {
    while (!done) {
      const t0 = performance.now();
      await (await fetch(`${base}/api/summits`)).arrayBuffer();
      times.push(performance.now() - t0);
    }
  })();
  const result = await until.finally(() => {
    done = true;
  });
  await loop;
  return { result, times };
}

export async function benchHeavy() {
  const dir = mkdtempSync(join(tmpdir(), 'convene-heavy-'));
  const database = await openPglite({ dataDir: dir });
  await database.migrate();
  for (const file of [pileSummitFile({ slots: 20, perSlot: 500, rooms: 4 }), unplacedSummitFile()]) {
    const imported = await importSummit(database.db, systemActor('bench'), file, { replace: false });
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors.slice(0, 3)));
  }
  await database.close();
  const port = 42000 + Math.floor(Math.random() * 1000);
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, DATA_DIR: dir, PORT: String(port), LOAD_DEMO: 'false', ADMIN_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => d.toString().includes('Convene on') && resolve());
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const timed = async (path: string, init?: RequestInit) => {
      const t0 = performance.now();
      const res = await fetch(`${base}${path}`, { headers, ...init });
      const body = (await res.json()) as Record<string, unknown>;
      if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      return { wall: performance.now() - t0, body };
    };
    const report = await latencies(base, timed('/api/summits/pile/conflicts?limit=1000'));
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const peak = Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024;
    const placing = await latencies(
      base,
      timed('/api/summits/to-place/place', { method: 'POST', body: JSON.stringify({ timeLimitMs: 3_000 }) }),
    );
    const placed = (placing.result.body.placed as unknown[]).length;
    return [
      {
        measure: `first page of conflicts, 10,000-session pile (${(report.result.body.total as number).toLocaleString('en')} conflicts)`,
        result: ms(report.result.wall),
        worst: '',
        runs: 1,
        goal: '',
      },
      {
        measure: 'server peak RSS (VmHWM) after it',
        result: `${peak.toFixed(0)} MB`,
        worst: '',
        runs: 1,
        goal: '',
      },
      {
        measure: 'GET /api/summits while the report ran: median / p99',
        result: `${ms(quantile(report.times, 0.5))} / ${ms(quantile(report.times, 0.99))}`,
        worst: ms(Math.max(...report.times)),
        runs: report.times.length,
        goal: 'p99 < 100 ms',
      },
      {
        measure: `POST /place, 1,500 unplaced, limit 3 s (${placed} placed)`,
        result: ms(placing.result.wall),
        worst: '',
        runs: 1,
        goal: '≤ 3.30 s',
      },
      {
        measure: 'GET /api/summits while placing: median / p99',
        result: `${ms(quantile(placing.times, 0.5))} / ${ms(quantile(placing.times, 0.99))}`,
        worst: ms(Math.max(...placing.times)),
        runs: placing.times.length,
        goal: 'p99 < 100 ms',
      },
    ];
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}
