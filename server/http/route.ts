// Routes are declared as data: method, path, zod schemas, access policy and a thin handler. The
// same declarations mount the Express routes and generate /api/openapi.json, so the document
// cannot drift from what is served.
import type { z } from 'zod';
import type { Problem } from '../../shared/schemas/problems.ts';
import type { Actor, Access } from './access.ts';
import type { Caller } from './authenticate.ts';

type ReplyMeta = { headers?: Record<string, string>; cookies?: string[] };
export type Reply =
  | ({ status: number; body?: unknown } & ReplyMeta)
  | ({ status: number; text: string; type: string } & ReplyMeta);

/** What a handler may know of the HTTP request besides its validated parts. */
export type RequestInfo = { ip: string; secure: boolean };

export type RouteInput<P, Q, B> = {
  params: P;
  query: Q;
  body: B;
  actor: Actor;
  caller: Caller;
  request: RequestInfo;
};

export type Route<P = any, Q = any, B = any> = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express style: /api/summits/:slug */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** A body documented here but checked by the service, which reports more than a schema can. */
  rawBody?: z.ZodType;
  /** Largest body accepted (default 100kb): a summit file may be 5mb, a sign-in request need not. */
  bodyLimit?: '100kb' | '5mb';
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  handle(input: RouteInput<P, Q, B>): Promise<Reply>;
};

export function route<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  r: Route<P, Q, B>,
): Route<P, Q, B> {
  return r;
}

export const errorsReply = (status: number, errors: Problem[]): Reply => ({ status, body: { errors } });
export const notFound = (what: string): Reply =>
  errorsReply(404, [{ path: '', message: `${what} not found` }]);

/** Maps a service's expected failure to its HTTP status; statuses live only in the HTTP layer. */
export type Failure = {
  ok: false;
  reason: 'not_found' | 'invalid' | 'conflict' | 'forbidden' | 'too_many';
  errors: Problem[];
};
const statusOf: Record<Failure['reason'], number> = {
  not_found: 404,
  invalid: 400,
  conflict: 409,
  forbidden: 403,
  too_many: 429,
};
export const forbidden = (message: string, path = ''): Failure => ({
  ok: false,
  reason: 'forbidden',
  errors: [{ path, message }],
});
export const failureReply = (f: Failure): Reply => errorsReply(statusOf[f.reason], f.errors);

/** A service's outcome as a reply: `status` with the value, or the failure's status. */
export const outcomeReply = <T>(status: number, outcome: { ok: true; value: T } | Failure): Reply =>
  outcome.ok ? { status, body: outcome.value ?? undefined } : failureReply(outcome);
