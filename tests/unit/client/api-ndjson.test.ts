import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, ndjsonValues, sendStreamed, setCsrfToken } from '../../../client/src/lib/api.ts';

/** A body that arrives in exactly these chunks. */
const body = (chunks: (string | Uint8Array)[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(typeof c === 'string' ? new TextEncoder().encode(c) : c);
      controller.close();
    },
  });

const read = async (values: AsyncIterable<unknown>) => {
  const out: unknown[] = [];
  for await (const v of values) out.push(v);
  return out;
};

describe('reading NDJSON as it arrives', () => {
  it('reads a line split across chunks once it is whole', async () => {
    const values = await read(
      ndjsonValues(body(['{"progress":{"placed":48,', '"bound":52}}\n{"prop', 'osal":{"placed":[]}}\n'])),
    );
    expect(values).toEqual([{ progress: { placed: 48, bound: 52 } }, { proposal: { placed: [] } }]);
  });

  it('reads a character of several bytes split across chunks as itself', async () => {
    // "é" is 2 bytes in UTF-8, "—" 3 and "🙂" 4: one byte a chunk splits each of them.
    const bytes = new TextEncoder().encode('{"reason":"La Réunion — 🙂"}\n');
    const values = await read(ndjsonValues(body([...bytes].map((b) => Uint8Array.of(b)))));
    expect(values).toEqual([{ reason: 'La Réunion — 🙂' }]);
  });

  it('reads several lines of one chunk, passes over blank ones, and reads a last line with no newline', async () => {
    const values = await read(ndjsonValues(body(['{"a":1}\n\n{"b":2}\r\n{"c":', '3}'])));
    expect(values).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
  });
});

describe('a write answered as a stream', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  it('asks for NDJSON with the CSRF token and yields each line', async () => {
    const fetch = vi.fn(
      async () =>
        new Response(body(['{"progress":{"placed":1}}\n', '{"proposal":{}}\n']), {
          headers: { 'content-type': 'application/x-ndjson; charset=utf-8' },
        }),
    );
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('csrf-1');
    const values = await read(sendStreamed('POST', '/api/summits/gfmd-2018/place', { stepMinutes: 15 }));
    expect([values, fetch.mock.calls]).toEqual([
      [{ progress: { placed: 1 } }, { proposal: {} }],
      [
        [
          '/api/summits/gfmd-2018/place',
          {
            method: 'POST',
            headers: {
              accept: 'application/x-ndjson',
              'content-type': 'application/json',
              'x-csrf-token': 'csrf-1',
            },
            body: '{"stepMinutes":15}',
            signal: undefined,
          },
        ],
      ],
    ]);
  });

  it('throws a refusal before the stream as an ApiError with the problems, as send does', async () => {
    const refusal = {
      errors: [{ path: '', message: 'only the support unit asks for moves and placements' }],
    };
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(refusal), { status: 403 }));
    const error = await read(sendStreamed('POST', '/api/summits/gfmd-2018/place', {})).catch((e) => e);
    expect([error instanceof ApiError, error.status, error.message]).toEqual([
      true,
      403,
      'only the support unit asks for moves and placements',
    ]);
  });
});
