// A streamed reply as mount.ts writes it, over a real socket: piece by piece, at the client's pace,
// and no further once the client has gone.
import express from 'express';
import { request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyone } from '../../../../server/http/access.ts';
import { mountRoutes } from '../../../../server/http/mount.ts';
import { type RequestInfo, route } from '../../../../server/http/route.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const aborted = (signal: AbortSignal) =>
  new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));

/** What each test's stream does, given the request's info; set before the request. */
let streamOf: (request: RequestInfo) => AsyncIterable<string> = async function* () {};

let server: Server;
let base = '';
beforeAll(async () => {
  const app = express();
  app.use((_req, res, next) => {
    res.locals.caller = { actor: { kind: 'anonymous' }, via: 'none' };
    next();
  });
  app.use(
    mountRoutes([
      route({
        method: 'get',
        path: '/api/stream',
        tag: 'test',
        summary: 'a stream',
        access: anyone,
        responses: { 200: { description: 'lines' } },
        handle: async ({ request }) => ({ status: 200, type: 'text/plain', stream: streamOf(request) }),
      }),
    ]),
  );
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const get = () =>
  new Promise<IncomingMessage>((resolve, reject) => {
    httpRequest(`${base}/api/stream`, resolve).on('error', reject).end();
  });
const nextChunk = (res: IncomingMessage) =>
  new Promise<string>((resolve) => res.once('data', (chunk: Buffer) => resolve(chunk.toString())));

describe('a streamed reply', () => {
  it('sends each piece as it is yielded, before the stream ends', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    streamOf = async function* () {
      yield 'first\n';
      await held;
      yield 'last\n';
    };
    const res = await get();
    const first = await nextChunk(res);
    release();
    const rest = await new Promise<string>((resolve) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      res.on('end', () => resolve(text));
    });
    expect([res.statusCode, res.headers['content-type'], first, rest]).toEqual([
      200,
      'text/plain; charset=utf-8',
      'first\n',
      'last\n',
    ]);
  });

  it("aborts the handler's signal when the client goes away, and pulls nothing more", async () => {
    const events: string[] = [];
    let ended = () => {};
    const done = new Promise<void>((resolve) => {
      ended = resolve;
    });
    streamOf = async function* (request) {
      try {
        yield 'first\n';
        await aborted(request.signal);
        events.push('aborted');
        yield 'after the client went away\n';
        events.push('pulled after that');
      } finally {
        events.push('ended');
        ended();
      }
    };
    const res = await get();
    await nextChunk(res);
    res.destroy();
    await done;
    expect(events).toEqual(['aborted', 'ended']);
  });

  it('waits for a client that does not read before pulling more', async () => {
    const piece = 'x'.repeat(1 << 20);
    let pulled = 0;
    let ended = () => {};
    const done = new Promise<void>((resolve) => {
      ended = resolve;
    });
    streamOf = async function* () {
      try {
        for (;;) {
          pulled++;
          yield piece;
        }
      } finally {
        ended();
      }
    };
    const res = await get();
    res.pause();
    await sleep(300);
    // Without waiting, hundreds of megabytes would pile up in memory by now; with it, the socket's
    // buffers hold a few.
    const pulledWhilePaused = pulled;
    res.destroy();
    await done;
    expect(pulledWhilePaused).toBeLessThan(64);
  });
});
