import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../server/db/client.ts';
import { findSummit } from '../../server/core/summit-context.ts';
import { smallSummitFile } from '../factories/summit-file.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';

const run = promisify(execFile);
let database: TestDatabase;
let dir: string;

beforeAll(async () => {
  database = await testDatabase();
  dir = mkdtempSync(join(tmpdir(), 'convene-files-'));
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

async function importCli(file: string, ...flags: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'server/import-cli.ts', file, ...flags],
      {
        env: { ...process.env, ...database.env },
        cwd: join(import.meta.dirname, '../..'),
      },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('npm run import -- FILE.json', () => {
  it('lists every problem of a bad file, exits 1 and writes nothing', async () => {
    const file = smallSummitFile();
    file.sessions![0]!.room = 'orangery';
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify(file));
    const result = await importCli(path);
    expect([result.code, result.stderr.split('\n').filter((l) => l.startsWith('sessions'))]).toEqual([
      1,
      ['sessions[0].room: unknown room "orangery"'],
    ]);
  });

  it('imports a good file, and refuses it again without --replace', async () => {
    const path = join(dir, 'good.json');
    writeFileSync(path, JSON.stringify(smallSummitFile()));
    const first = await importCli(path);
    expect([first.code, first.stdout.trim()]).toEqual([0, 'Imported summit "gfmd-2018-small".']);
    const second = await importCli(path);
    expect([second.code, second.stderr.includes('summit "gfmd-2018-small" already exists')]).toEqual([
      1,
      true,
    ]);
    const replaced = await importCli(path, '--replace');
    expect([replaced.code, replaced.stdout.trim()]).toEqual([0, 'Replaced summit "gfmd-2018-small".']);
  });

  it('wrote to the database the server uses', async () => {
    if (database.env.DATA_DIR) {
      const onDisk = await openPglite({ dataDir: database.env.DATA_DIR });
      expect((await findSummit(onDisk.db, 'gfmd-2018-small'))?.timeZone).toBe('Africa/Casablanca');
      await onDisk.close();
    } else {
      expect((await findSummit(database.db, 'gfmd-2018-small'))?.timeZone).toBe('Africa/Casablanca');
    }
  });
});
