// The one fetcher of the API. Reads and writes throw ApiError with the server's problems, so that a
// form can put each one on its field and everything else can show the message as it is.
import { errorsSchema } from '../../../shared/schemas/api.ts';
import type { Problem } from '../../../shared/schemas/problems.ts';

/** A refused or failed request: its status and the server's `{ path, message }` problems. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problems: readonly Problem[],
    fallback = `HTTP ${status}`,
  ) {
    super(describeProblems(problems) || fallback);
    this.name = 'ApiError';
  }

  /** Reads the problems from a failed response; a body that is not `{ errors }` leaves none. */
  static async fromResponse(res: Response): Promise<ApiError> {
    const parsed = errorsSchema.safeParse(await res.json().catch(() => null));
    return new ApiError(
      res.status,
      parsed.success ? parsed.data.errors : [],
      `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`,
    );
  }
}

/** The problems in one line for people: "token: this sign-in link is unknown…; email: …". */
export const describeProblems = (problems: readonly Problem[]): string =>
  problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');

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

/** A write: JSON in, JSON out, with the session's CSRF token. */
export async function send<T = void>(
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: {
      accept: 'application/json',
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(csrfToken && { 'x-csrf-token': csrfToken }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw await ApiError.fromResponse(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** The path of a summit's API resource, each part encoded: summitApi('gfmd-2018', 'sessions', key). */
export const summitApi = (slug: string, ...parts: string[]): string =>
  ['/api/summits', slug, ...parts].map((p, i) => (i === 0 ? p : encodeURIComponent(p))).join('/');
