// The one fetcher of the API. Reads and writes throw ApiError with the server's problems, so that a
// form can put each one on its field and everything else can show the message as it is. A long
// write may be read as it runs (sendStreamed: NDJSON, one JSON value a line).
import { errorsSchema } from '../../../shared/schemas/api.ts';
import type { Problem } from '../../../shared/schemas/problems.ts';
import { joinProblems } from './problem-text.ts';

/** A refused or failed request: its status and the server's `{ path, message }` problems. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problems: readonly Problem[],
    fallback = `HTTP ${status}`,
    /** The whole answer, for what a route adds to its problems (a refused booking's alternatives). */
    readonly body: unknown = null,
  ) {
    super(describeProblems(problems) || fallback);
    this.name = 'ApiError';
  }

  /** Reads the problems from a failed response; a body that is not `{ errors }` leaves none. */
  static async fromResponse(res: Response): Promise<ApiError> {
    const body: unknown = await res.json().catch(() => null);
    const parsed = errorsSchema.safeParse(body);
    return new ApiError(
      res.status,
      parsed.success ? parsed.data.errors : [],
      `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`,
      body,
    );
  }
}

/**
 * The problems in one line for people: "token: this sign-in link is unknown…; email: …", each said
 * by `say` (problem-text.ts says it in the reader's language; the English message by default).
 */
export const describeProblems = (
  problems: readonly Problem[],
  say: (problem: Problem) => string = (p) => p.message,
): string => joinProblems(problems.map((p) => (p.path ? `${p.path}: ${say(p)}` : say(p))));

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) throw await ApiError.fromResponse(res);
  return (await res.json()) as T;
}

let csrfToken: string | null = null;
/** The session's CSRF token, sent with every write (see GET /api/auth/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A write's request: its body as JSON, with the session's CSRF token (the cookie goes as for any
 * same-origin fetch) and any headers a route declares (If-Match, Idempotency-Key).
 */
const write = (
  method: Method,
  accept: string,
  body: unknown,
  signal?: AbortSignal,
  headers: Record<string, string> = {},
): RequestInit => ({
  method,
  headers: {
    accept,
    ...(body !== undefined && { 'content-type': 'application/json' }),
    ...(csrfToken && { 'x-csrf-token': csrfToken }),
    ...headers,
  },
  body: body === undefined ? undefined : JSON.stringify(body),
  signal,
});

/** A write: JSON in, JSON out, with the session's CSRF token. */
export async function send<T = void>(
  method: Method,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<T> {
  const res = await fetch(path, write(method, 'application/json', body, undefined, headers));
  if (!res.ok) throw await ApiError.fromResponse(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/**
 * A write answered as it runs (Accept: application/x-ndjson): each line's value as it arrives. A
 * refusal before the answer starts throws ApiError, as `send` does; what the lines mean, a failure
 * among them included, is the caller's to read.
 */
export async function* sendStreamed(
  method: Method,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): AsyncGenerator<unknown> {
  const res = await fetch(path, write(method, 'application/x-ndjson', body, signal));
  if (!res.ok) throw await ApiError.fromResponse(res);
  if (!res.body) return;
  yield* ndjsonValues(res.body);
}

/**
 * The values of an NDJSON stream, one a line, each as soon as its line is whole: a chunk may end
 * inside a line, or inside a character of several bytes. Blank lines are passed over.
 */
export async function* ndjsonValues(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      pending += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const lines = pending.split('\n');
      pending = done ? '' : lines.pop()!;
      for (const line of lines) if (line.trim()) yield JSON.parse(line);
      if (done) return;
    }
  } finally {
    // A reader that stops early (the caller had what it wanted, or a line was not JSON) lets the
    // connection go.
    reader.cancel().catch(() => {});
  }
}

/** The path of a summit's API resource, each part encoded: summitApi('gfmd-2018', 'sessions', key). */
export const summitApi = (slug: string, ...parts: string[]): string =>
  ['/api/summits', slug, ...parts].map((p, i) => (i === 0 ? p : encodeURIComponent(p))).join('/');
