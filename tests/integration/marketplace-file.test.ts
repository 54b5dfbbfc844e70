// The summit file's `marketplace`: kept through an import and an export, and every bad reference
// refused on its JSON path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKET_SLUG, marketplaceSummitFile } from '../factories/marketplace.ts';
import { admin, testApi, type TestApi } from '../support/app.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.close();
});

describe('the marketplace of a summit file', () => {
  it('round-trips: the export holds the Marketplace as imported', async () => {
    const file = marketplaceSummitFile();
    expect((await api.http.post('/api/summits/import').set(admin).send(file)).status).toBe(201);
    const exported = await api.http.get(`/api/summits/${MARKET_SLUG}/export`).set(admin);
    expect(exported.status).toBe(200);
    expect(exported.body.marketplace).toEqual({
      slotMinutes: 30,
      tables: ['table-1', 'table-2'],
      segments: ['mp'],
      needs: [
        {
          key: 'mda-diaspora',
          owner: 'MDA',
          title: 'Diaspora engagement strategy',
          description: 'Help to draft a strategy for engaging the diaspora.',
          objectives: [19],
          assistance: ['technical'],
        },
        {
          key: 'gmb-reintegration',
          owner: 'GMB',
          title: 'Reintegration of returnees',
          objectives: [21],
          assistance: ['financial', 'operational'],
        },
      ],
    });
    // Imported again (replacing), the export is the same.
    expect(
      (await api.http.post('/api/summits/import?replace=true').set(admin).send(exported.body)).status,
    ).toBe(201);
    const again = await api.http.get(`/api/summits/${MARKET_SLUG}/export`).set(admin);
    expect(again.body).toEqual(exported.body);
  });

  it('takes null for the marketplace as no Marketplace', async () => {
    const file = {
      ...marketplaceSummitFile(),
      summit: { ...marketplaceSummitFile().summit, slug: 'no-market' },
      marketplace: null,
    };
    expect((await api.http.post('/api/summits/import').set(admin).send(file)).status).toBe(201);
    const exported = await api.http.get('/api/summits/no-market/export').set(admin);
    expect(exported.body.marketplace).toBeUndefined();
  });

  it('refuses each unknown reference on its path', async () => {
    const file = marketplaceSummitFile({
      marketplace: {
        slotMinutes: 30,
        tables: ['table-1', 'x'],
        segments: ['nowhere'],
        needs: [
          { key: 'n1', owner: 'ZZZ', title: 'One', objectives: [24] },
          { key: 'n1', owner: 'MDA', title: 'Two', assistance: ['moral'] },
        ],
      },
    } as never);
    const res = await api.http.post('/api/summits/import?replace=true').set(admin).send(file);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'marketplace.needs[0].objectives[0]',
      'marketplace.needs[1].assistance[0]',
    ]);
    const refs = await api.http
      .post('/api/summits/import?replace=true')
      .set(admin)
      .send(
        marketplaceSummitFile({
          marketplace: {
            tables: ['table-1', 'x'],
            segments: ['nowhere'],
            needs: [
              { key: 'n1', owner: 'ZZZ', title: 'One' },
              { key: 'n1', owner: 'MDA', title: 'Two' },
            ],
          },
        } as never),
      );
    expect([refs.status, refs.body.errors]).toEqual([
      400,
      [
        {
          path: 'marketplace.tables[1]',
          message: 'unknown room "x"',
          code: 'unknownKey',
          params: { kind: 'room', key: 'x' },
        },
        {
          path: 'marketplace.segments[0]',
          message: 'unknown segment "nowhere"',
          code: 'unknownKey',
          params: { kind: 'segment', key: 'nowhere' },
        },
        {
          path: 'marketplace.needs[0].owner',
          message: 'unknown delegation "ZZZ"',
          code: 'unknownKey',
          params: { kind: 'delegation', key: 'ZZZ' },
        },
        {
          path: 'marketplace.needs[1].key',
          message: 'duplicate key "n1" (also marketplace.needs[0])',
          code: 'duplicateKey',
          params: { key: 'n1' },
        },
      ],
    ]);
  });
});
