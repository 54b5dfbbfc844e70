// The client's view of the API: typed fetches of the shapes in shared/schemas.
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { programmeDaySchema, sessionPageSchema, summitViewSchema } from '../../../shared/schemas/api.ts';
import type { RoomItem, SegmentItem } from '../../../shared/schemas/summit-file.ts';

export type SummitView = z.output<typeof summitViewSchema>;
export type ProgrammeDay = z.output<typeof programmeDaySchema>;
export type SessionPage = z.output<typeof sessionPageSchema>;
export type { RoomItem, SegmentItem };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new ApiError(res.status, body?.errors?.[0]?.message ?? res.statusText);
  }
  // An aborted or unreadable body is an error, never `null` data.
  return (await res.json()) as T;
}

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'error'; error: ApiError | Error }
  | { state: 'ready'; data: T };

/** Fetches a path and re-fetches when it (or `version`) changes; stale answers are dropped. */
export function useApi<T>(path: string | null, version = 0): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    if (path === null) return;
    const abort = new AbortController();
    setLoaded({ state: 'loading' });
    getJson<T>(path, abort.signal).then(
      (data) => {
        if (!abort.signal.aborted) setLoaded({ state: 'ready', data });
      },
      (error: Error) => {
        if (!abort.signal.aborted) setLoaded({ state: 'error', error });
      },
    );
    return () => abort.abort();
  }, [path, version]);
  return loaded;
}

let csrfToken: string | null = null;
/** The session's CSRF token, sent with every write (see GET /api/auth/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** A write: JSON in, JSON out, with the session's CSRF token. */
export async function send<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: {
      accept: 'application/json',
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(csrfToken && { 'x-csrf-token': csrfToken }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  if (!res.ok) {
    const json = await res.json().catch(() => null);
    throw new ApiError(
      res.status,
      json?.errors
        ?.map((e: { path: string; message: string }) => (e.path ? `${e.path}: ${e.message}` : e.message))
        .join('; ') ?? res.statusText,
    );
  }
  return (await res.json()) as T;
}
