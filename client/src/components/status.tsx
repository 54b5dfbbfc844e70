import type { ReactNode } from 'react';
import { ApiError } from '../lib/api.ts';
import { type Translate, useI18n } from '../lib/i18n.tsx';
import { joinProblems, problemText } from '../lib/problem-text.ts';
import { en, type MessageKey } from '../locales/en.ts';

/** What a query hands over: TanStack Query's result has these fields. */
type Loaded<T> = { status: 'pending' | 'error' | 'success'; data: T | undefined; error: unknown };

/**
 * Renders a query's loading and error states, and its data once ready. A failed refetch (the
 * outbox polls) keeps the last data on screen, under the reason it could not be refreshed.
 */
export function Await<T>({ query, children }: { query: Loaded<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (query.status === 'pending') return <p role="status">{t('app.loading')}</p>;
  const failure = query.status === 'error' && (
    <p role="alert">
      {query.error instanceof ApiError && query.error.status === 404
        ? t('app.notFound')
        : t('app.error', { message: query.error instanceof Error ? query.error.message : '' })}
    </p>
  );
  return (
    <>
      {failure}
      {query.data !== undefined && children(query.data)}
    </>
  );
}

/**
 * A refusal's problems in the reader's language (the server's words where it gave no code);
 * anything else (a dropped connection) as "something went wrong".
 */
export function errorText(t: Translate, error: unknown, dateLocale?: string): string {
  if (error instanceof ApiError) {
    // Signed out, not allowed, gone: the status says it all, in the reader's words, unless a
    // problem's code says more.
    const coded = error.problems.some((p) => p.code !== undefined && `problem.${p.code}` in en);
    const plain = STATUS_WORDS[error.status];
    if (plain && !coded) return t(plain);
    // Sentences, without the JSON paths they came with (a field's name is the form's to say).
    return joinProblems(error.problems.map((p) => problemText(t, p, dateLocale))) || t('error.server');
  }
  return t('app.error', { message: error instanceof Error ? error.message : String(error) });
}

const STATUS_WORDS: Record<number, MessageKey> = {
  401: 'error.signedOut',
  403: 'error.forbidden',
  404: 'error.gone',
  429: 'error.tooMany',
};

/** Why a write failed, next to the control that made it; nothing when it did not fail. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t, dateLocale } = useI18n();
  if (!error) return null;
  return <p role="alert">{errorText(t, error, dateLocale)}</p>;
}

/** What a page says of an address that names nothing (or nothing the caller may see). */
export function NotFound() {
  const { t } = useI18n();
  return <h1>{t('app.notFound')}</h1>;
}
