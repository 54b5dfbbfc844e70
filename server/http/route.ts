// Routes are declared as data: method, path, zod schemas, access policy and a thin handler. The
// same declarations mount the Express routes and generate /api/openapi.json, so the document
// cannot drift from what is served. Status codes live here and in the routes, nowhere below.
import type { z } from 'zod';
import { errorsSchema } from '../../shared/schemas/api.ts';
import type { Actor } from '../core/actor.ts';
import type { Failure, FailureReason, Outcome, Problem } from '../core/outcome.ts';
import type { Access } from './access.ts';

type ReplyMeta = { headers?: Record<string, string>; cookies?: string[] };
export type JsonReply = { status: number; body?: unknown } & ReplyMeta;
export type Reply =
  | JsonReply
  | ({ status: number; text: string; type: string } & ReplyMeta)
  /**
   * Sent piece by piece as `stream` yields them (a long task's progress, then its result), each
   * once the client has taken the one before; the status and headers go first, so a failure found
   * later has to be said in the stream itself.
   */
  | ({ status: number; stream: AsyncIterable<string>; type: string } & ReplyMeta);

/** Who made the request, and how they proved it (see authenticate.ts). */
export type Caller = {
  actor: Actor;
  via: 'bearer' | 'cookie' | 'none';
  /** The session cookie's value, to end that session on sign-out. */
  cookieToken?: string;
  csrfToken?: string;
};

/** What a handler may know of the HTTP request besides its validated parts. */
export type RequestInfo = {
  ip: string;
  secure: boolean;
  /** Of these media types, the one the Accept header ranks first; the first of them when it says nothing. */
  prefers(types: readonly [string, ...string[]]): string;
  /** Aborted when the client goes away before its answer is complete. */
  signal: AbortSignal;
};

export type RouteInput<P, Q, B, H = Record<string, never>> = {
  params: P;
  query: Q;
  body: B;
  /** The headers `headers` declares, by their lower-case names. */
  headers: H;
  actor: Actor;
  caller: Caller;
  request: RequestInfo;
};

// biome-ignore lint/suspicious/noExplicitAny: a list of routes holds routes of every shape; each is typed where declared
export type Route<P = any, Q = any, B = any, H = any> = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express style: /api/summits/:slug */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Request headers the route reads (Idempotency-Key, If-Match), by their lower-case names. */
  headers?: z.ZodType<H>;
  /** A body documented here but checked by the service, which reports more than a schema can. */
  rawBody?: z.ZodType;
  /** Largest body accepted (default 100kb): a summit file may be 5mb, a sign-in request need not. */
  bodyLimit?: '100kb' | '5mb';
  responses: Record<
    number,
    {
      description: string;
      schema?: z.ZodType;
      /** The same answer in another media type, asked for with Accept: a stream, one `line` a line. */
      streamed?: { type: string; line: z.ZodType };
      /** A body that is not JSON (a calendar, a CSV file): its media type, documented as a string. */
      media?: string;
    }
  >;
  handle(input: RouteInput<P, Q, B, H>): Promise<Reply>;
};

export function route<
  P = Record<string, never>,
  Q = Record<string, never>,
  B = undefined,
  H = Record<string, never>,
>(r: Route<P, Q, B, H>): Route<P, Q, B, H> {
  return r;
}

/** A documented error response: `{ errors: [{ path, message }] }`. */
export const errorResponse = (description: string) => ({ description, schema: errorsSchema });

export const errorsReply = (status: number, errors: Problem[]): Reply => ({ status, body: { errors } });

const statusOf: Record<FailureReason, number> = {
  not_found: 404,
  invalid: 400,
  conflict: 409,
  forbidden: 403,
  stale: 412,
  too_many: 429,
  unavailable: 503,
};
export const failureReply = (f: Failure): JsonReply => ({
  status: statusOf[f.reason],
  body: { errors: f.errors, ...f.details },
});

/** A service's outcome as a reply: `status` with the value, or the failure's status. */
export const outcomeReply = <T>(status: number, outcome: Outcome<T>): Reply =>
  outcome.ok ? { status, body: outcome.value ?? undefined } : failureReply(outcome);

/** A value that may be missing (a read the caller may not see answers as missing). */
export const foundReply = <T>(value: T | null, what: string): Reply =>
  value === null
    ? errorsReply(404, [{ path: '', message: `${what} not found` }])
    : { status: 200, body: value };
