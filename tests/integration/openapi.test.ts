import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { testApi, type TestApi } from '../support/app.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.close();
});

type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };

/** Every (method, path) the Express app actually serves under /api. */
function servedRoutes(stack: Layer[]): string[] {
  return stack
    .flatMap((layer) => {
      if (layer.route) {
        return Object.keys(layer.route.methods)
          .filter((m) => m !== '_all')
          .map((m) => `${m.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`);
      }
      return layer.handle?.stack ? servedRoutes(layer.handle.stack) : [];
    })
    .filter((r) => r.includes(' /api/'));
}

describe('GET /api/openapi.json', () => {
  it('describes every route the app serves, and nothing else', async () => {
    const res = await api.http.get('/api/openapi.json');
    expect([res.status, res.body.openapi]).toEqual([200, '3.1.0']);
    const documented = Object.entries(res.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const app = createApp({ db: api.database.db }) as unknown as { router: { stack: Layer[] } };
    expect(documented).toEqual(servedRoutes(app.router.stack).sort());
    // 7 summit routes, 5 per list for 5 lists, 4 for participants, 3 programme reads, 10 for sign-in
    // and tokens, 3 for roles, 4 for the outbox, 2 for the audit log, 6 for conflicts, 12 for
    // side-event proposals, 24 for the Marketplace, 4 exports, 3 for invitations' RSVP links and the
    // programme's release state, 5 for calendar feeds, this document.
    expect(documented).toHaveLength(114);
  });

  it('documents the import body from the summit-file schema and marks writes as needing the token', async () => {
    const res = await api.http.get('/api/openapi.json');
    const importOp = res.body.paths['/api/summits/import'].post;
    expect(importOp.security).toEqual([{ bearer: [] }]);
    expect(importOp.parameters).toEqual([
      {
        name: 'replace',
        in: 'query',
        required: false,
        schema: { default: 'false', type: 'string', enum: ['true', 'false'] },
      },
    ]);
    const file = importOp.requestBody.content['application/json'].schema;
    expect(file.required).toEqual(['format', 'summit']);
    // Optional fields may be null (meaning "not set"): the list is one of an array or null.
    const sessions = file.properties.sessions.anyOf.find((s: { type: string }) => s.type === 'array');
    expect(file.properties.sessions.anyOf[1]).toEqual({ type: 'null' });
    expect(sessions.items.properties.kind.enum).toEqual([
      'plenary',
      'roundtable',
      'side_event',
      'marketplace_consultation',
      'special_session',
      'meeting',
    ]);
    expect(res.body.paths['/api/summits/{slug}/programme'].get.security).toEqual([]);
  });

  it('documents each export with its media type, the conditional header and no sign-in', async () => {
    const res = await api.http.get('/api/openapi.json');
    const types = ['schedule.xml', 'schedule.json', 'calendar.ics', 'schedule.csv'].map((file) => {
      const op = res.body.paths[`/api/summits/{slug}/${file}`].get;
      expect(op.security).toEqual([]);
      expect(op.parameters.find((p: { name: string }) => p.name === 'if-none-match')).toEqual({
        name: 'if-none-match',
        in: 'header',
        required: false,
        schema: { type: 'string' },
      });
      // Only the CSV has words to translate: its headings' language (?lang=) can be refused.
      expect(Object.keys(op.responses)).toEqual(
        file === 'schedule.csv' ? ['200', '304', '400', '404'] : ['200', '304', '404'],
      );
      return Object.keys(op.responses['200'].content);
    });
    expect(types).toEqual([
      ['application/xml'],
      ['application/json'],
      ['text/calendar; charset=utf-8'],
      ['text/csv; charset=utf-8'],
    ]);
  });

  it("documents placement's answer as JSON, or as a stream of lines for a client that asks for one", async () => {
    const res = await api.http.get('/api/openapi.json');
    const content = res.body.paths['/api/summits/{slug}/place'].post.responses['200'].content;
    expect(Object.keys(content)).toEqual(['application/json', 'application/x-ndjson']);
    expect(content['application/json'].schema.required).toEqual([
      'placed',
      'unplaced',
      'cost',
      'bound',
      'optimal',
    ]);
    // Each line: progress, the proposal (the JSON answer's schema), or the errors with their status.
    const lines = content['application/x-ndjson'].schema.anyOf;
    expect(lines.map((l: { required: string[] }) => l.required)).toEqual([
      ['progress'],
      ['proposal'],
      ['errors', 'status'],
    ]);
    expect(lines[0].properties.progress.required).toEqual(['placed', 'bound', 'total', 'elapsedMs', 'stage']);
    expect(lines[1].properties.proposal).toEqual(content['application/json'].schema);
  });
});
