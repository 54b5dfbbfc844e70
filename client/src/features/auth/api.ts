// Signing in and out, and the caller's API tokens.
import { type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { z } from 'zod';
import type {
  ApiToken,
  linkRequestSchema,
  Me,
  newTokenBodySchema,
  newTokenSchema,
  signedInSchema,
  tokenBodySchema,
} from '../../../../shared/schemas/accounts.ts';
import { getJson, send } from '../../lib/api.ts';
import { meQuery, useMe } from '../../lib/auth.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { LOCALES } from '../../locales/index.ts';
import { PSEUDO_LOCALE } from '../../locales/pseudo.ts';
import { keys } from '../../lib/query-keys.ts';

type SignedIn = z.output<typeof signedInSchema>;

/**
 * After signing in or out every answer may differ (drafts, one's delegation, the support unit's
 * pages): drop them all, refetch what is on screen, and return the new caller.
 */
async function afterAuthChange(qc: QueryClient): Promise<Me> {
  await qc.resetQueries();
  return qc.fetchQuery(meQuery);
}

export const useRequestLink = () =>
  useMutation({
    mutationFn: (body: z.input<typeof linkRequestSchema>) => send('POST', '/api/auth/link', body),
  });

export function useTokenSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof tokenBodySchema>) => send<SignedIn>('POST', '/api/auth/token', body),
    onSuccess: () => afterAuthChange(qc),
  });
}

/** Uses a sign-in link; resolves to the new caller and where the link asked to go. */
export function useVerifyLink() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: z.input<typeof tokenBodySchema>) => {
      const { next } = await send<SignedIn>('POST', '/api/auth/verify', body);
      return { next, me: await afterAuthChange(qc) };
    },
  });
}

export function useSignOut(where: 'here' | 'everywhere') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => send('POST', where === 'here' ? '/api/auth/sign-out' : '/api/auth/sign-out-everywhere'),
    onSuccess: () => afterAuthChange(qc),
  });
}

export const tokensQuery = queryOptions({
  queryKey: keys.tokens,
  queryFn: ({ signal }) => getJson<ApiToken[]>('/api/tokens', signal),
});

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof newTokenBodySchema>) =>
      send<z.output<typeof newTokenSchema>>('POST', '/api/tokens', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.tokens }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => send('DELETE', `/api/tokens/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.tokens }),
  });
}

/**
 * Chooses the language the pages are in: at once on this page and in this browser, and, for a
 * signed-in person, on their account too, so that other browsers and Convene's e-mails follow.
 */
export function useChooseLanguage(): (code: string) => void {
  const qc = useQueryClient();
  const { setLocale } = useI18n();
  const me = useMe();
  const remember = useMutation({
    mutationFn: (language: string) => send<Me>('PATCH', '/api/auth/me', { language }),
    onSuccess: (updated) => qc.setQueryData(meQuery.queryKey, updated),
  });
  return (code) => {
    setLocale(code);
    if (me?.kind === 'user' && me.language !== code && code in LOCALES) remember.mutate(code);
  };
}

/**
 * A signed-in person's remembered language wins over this browser's when their account loads (or
 * changes); the pseudo-locale, a tester's choice, stays.
 */
export function useAccountLanguage(): void {
  const me = useMe();
  const { locale, setLocale } = useI18n();
  const language = me?.kind === 'user' ? me.language : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the account's language is the trigger.
  useEffect(() => {
    if (language && language !== locale && locale !== PSEUDO_LOCALE) setLocale(language);
  }, [language]);
}
