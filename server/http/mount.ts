import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
  type Router,
} from 'express';
import { zodProblems } from '../../shared/schemas/problems.ts';
import { sqlState } from '../db/client.ts';
import type { Caller, RequestInfo } from './route.ts';
import { errorsReply, type Reply, type Route } from './route.ts';

function send(res: Response, reply: Reply): Promise<void> | undefined {
  res.status(reply.status);
  for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
  if (reply.cookies?.length) res.setHeader('set-cookie', reply.cookies);
  if ('stream' in reply) return sendStream(res.type(reply.type), reply.stream);
  if ('text' in reply) res.type(reply.type).send(reply.text);
  else if (reply.body === undefined) res.end();
  else res.json(reply.body);
}

/** Until the client has taken what was written (or gone away). */
const drained = (res: Response) =>
  new Promise<void>((resolve) => {
    const go = () => {
      res.off('drain', go);
      res.off('close', go);
      resolve();
    };
    res.on('drain', go);
    res.on('close', go);
  });

/**
 * Writes each piece as the stream yields it, waiting for a slow client to take the last (no piece
 * piles up in memory). A client that goes away stops the writing (the handler's signal tells the
 * task); a stream that throws cuts the answer short, so that the client sees it incomplete.
 */
async function sendStream(res: Response, stream: AsyncIterable<string>): Promise<void> {
  res.flushHeaders();
  try {
    for await (const piece of stream) {
      if (res.destroyed) break;
      if (!res.write(piece)) await drained(res);
    }
    if (!res.destroyed) res.end();
  } catch (e) {
    console.error(`${res.req.method} ${res.req.originalUrl}: the stream failed:`, e);
    res.destroy();
  }
}

/**
 * The route's coarse gate, before its body is read: a caller who may not call the route at all is
 * answered at once, and their body (up to 5 MB of JSON) is discarded unparsed.
 */
const gate =
  (r: Route): RequestHandler =>
  (_req, res, next) => {
    const decision = r.access.decide((res.locals.caller as Caller).actor);
    if (decision === 'allow') return next();
    send(
      res,
      errorsReply(decision === 'unauthenticated' ? 401 : 403, [
        { path: 'Authorization', message: `${r.method.toUpperCase()} ${r.path} needs ${r.access.name}` },
      ]),
    );
  };

/** Mounts the routes; authenticate() must have run before them. */
export function mountRoutes(routes: readonly Route[]): Router {
  const router = express.Router();
  const parsers = { '100kb': express.json({ limit: '100kb' }), '5mb': express.json({ limit: '5mb' }) };
  for (const r of routes) {
    router[r.method](
      r.path,
      gate(r),
      parsers[r.bodyLimit ?? '100kb'],
      async (req: Request, res: Response) => {
        const caller = res.locals.caller as Caller;
        const { actor } = caller;
        if (
          (r.body || r.rawBody) &&
          req.body === undefined &&
          req.get('content-length') !== '0' &&
          req.get('content-type')
        ) {
          return send(
            res,
            errorsReply(415, [
              { path: '', message: 'the body must be JSON (Content-Type: application/json)' },
            ]),
          );
        }
        const parts = [
          ['params', r.params, req.params],
          ['query', r.query, req.query],
          ['headers', r.headers, req.headers],
          ['', r.body, req.body],
        ] as const;
        const gone = new AbortController();
        res.on('close', () => {
          if (!res.writableFinished) gone.abort();
        });
        const request: RequestInfo = {
          ip: req.ip ?? '',
          secure: req.secure,
          prefers: (types) => req.accepts([...types]) || types[0],
          signal: gone.signal,
        };
        const input: Record<string, unknown> = { actor, caller, body: req.body, request };
        for (const [where, schema, value] of parts) {
          if (!schema) continue;
          const parsed = schema.safeParse(value ?? (where === '' ? undefined : {}));
          if (!parsed.success) {
            // A header's problem is named by the header alone ("idempotency-key"), as a client sets it.
            const problems = zodProblems(parsed.error, where === 'headers' ? '' : where);
            return send(res, errorsReply(400, problems));
          }
          input[where || 'body'] = parsed.data;
        }
        await send(res, await r.handle(input as never));
      },
    );
  }
  return router;
}

const formatBytes = (n: number) => (n >= 1 << 20 ? `${n / (1 << 20)}MB` : `${Math.round(n / 1024)}KB`);

/** What the client did wrong, or what the database refused; null for a fault of ours. */
function replyForError(err: unknown): Reply | null {
  const e = err as { type?: string; status?: number; message?: string; limit?: number };
  const answer = (status: number, message: string) => errorsReply(status, [{ path: '', message }]);
  if (e.type === 'entity.too.large')
    return answer(413, `the body is larger than ${formatBytes(e.limit ?? 0)}`);
  if (e.type === 'entity.parse.failed') return answer(400, `the body is not valid JSON: ${e.message}`);
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
    return answer(415, e.message ?? 'unsupported encoding');
  }
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    return answer(e.status, e.message ?? 'bad request');
  }
  // A race the services' own checks could not see (two writers at once): the database refused it.
  const state = sqlState(err);
  if (state === '23505') return answer(409, 'an item with that key already exists');
  if (state === '23503') {
    return answer(409, 'the item is referenced by, or refers to, another that changed meanwhile');
  }
  if (state === '23514' || state === '22P02' || state === '22007' || state === '22008') {
    return answer(400, 'the database refused a value as invalid');
  }
  return null;
}

/** The last error handler: malformed bodies become 4xx answers, database refusals 409/400, the rest 500. */
export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  const reply = replyForError(err);
  if (reply) {
    send(res, reply);
    return;
  }
  console.error(`${req.method} ${req.originalUrl}:`, err);
  send(res, errorsReply(500, [{ path: '', message: 'internal error' }]));
}
