// The database itself refuses what is never valid, whatever code writes to it.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlState, type Database } from '../../server/db/client.ts';
import { importSummit } from '../../server/modules/summits/summits.service.ts';
import { smallSummitFile } from '../factories/summit-file.ts';
import { system } from '../support/app.ts';
import { testDatabase } from '../support/db.ts';

let database: Database;
const stateOf = async (statement: ReturnType<typeof sql>) => {
  try {
    await database.db.execute(statement);
    return 'accepted';
  } catch (e) {
    return sqlState(e);
  }
};

beforeAll(async () => {
  database = await testDatabase();
  await importSummit(database.db, system, smallSummitFile(), { replace: false });
  await importSummit(
    database.db,
    system,
    smallSummitFile({ summit: { ...smallSummitFile().summit, slug: 'other' } }),
    { replace: false },
  );
});
afterAll(async () => {
  await database.close();
});

const summit = (slug: string) => sql`(select id from summits where slug = ${slug})`;
const roomOf = (slug: string) =>
  sql`(select id from rooms where key = 'orangeraie' and summit_id = ${summit(slug)})`;

describe('database constraints', () => {
  it('refuse a session ending before it starts (23514)', async () => {
    expect(
      await stateOf(sql`insert into sessions (summit_id, key, kind, title, start_at, end_at, duration_minutes)
      values (${summit('gfmd-2018-small')}, 'x', 'meeting', 'X', '2018-12-07T09:00Z', '2018-12-07T08:00Z', 60)`),
    ).toBe('23514');
  });

  it("refuse a session in another summit's room (23503)", async () => {
    expect(
      await stateOf(sql`insert into sessions (summit_id, key, kind, title, room_id, duration_minutes)
      values (${summit('gfmd-2018-small')}, 'y', 'meeting', 'Y', ${roomOf('other')}, 60)`),
    ).toBe('23503');
  });

  it('refuse a negative capacity, an unknown equipment and an unknown role (23514)', async () => {
    expect(await stateOf(sql`update rooms set capacity = -1 where id = ${roomOf('other')}`)).toBe('23514');
    expect(
      await stateOf(sql`update rooms set equipment = array['teleporter'] where id = ${roomOf('other')}`),
    ).toBe('23514');
    expect(await stateOf(sql`update session_participants set role = 'king'`)).toBe('23514');
  });

  it('accept a valid change', async () => {
    expect(await stateOf(sql`update rooms set capacity = 250 where id = ${roomOf('other')}`)).toBe(
      'accepted',
    );
  });
});
