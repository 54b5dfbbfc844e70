// Who is signed in, shared by every page. The key names no user: signing in or out resets the
// whole cache instead (features/auth/api.ts), so no page keeps another user's answers.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Me } from '../../../shared/schemas/accounts.ts';
import { getJson, setCsrfToken } from './api.ts';
import { keys } from './query-keys.ts';

export type { Me };

export const meQuery = queryOptions({
  queryKey: keys.me,
  queryFn: async ({ signal }) => {
    const me = await getJson<Me>('/api/auth/me', signal);
    setCsrfToken(me.csrfToken);
    return me;
  },
});

/** The caller, or undefined while it loads. */
export const useMe = (): Me | undefined => useQuery(meQuery).data;

/** Whether the signed-in caller is the support unit of a summit (administrators are, everywhere). */
export const isSupportUnit = (me: Me | undefined, slug: string): boolean =>
  !!me && (me.admin || me.summits.some((s) => s.slug === slug && s.roles.includes('support_unit')));
