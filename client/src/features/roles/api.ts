import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Grant, GrantBody } from '../../../../shared/schemas/accounts.ts';
import { getJson, send, summitApi } from '../../lib/api.ts';
import { keys } from '../../lib/query-keys.ts';

export const grantsQuery = (slug: string) =>
  queryOptions({
    queryKey: keys.roles(slug),
    queryFn: ({ signal }) => getJson<Grant[]>(summitApi(slug, 'roles'), signal),
  });

/** A role changes the list, the log, the outbox (an invitation) and, given to oneself, the caller. */
function useRolesWrite<V>(slug: string, write: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () =>
      Promise.all(
        [keys.roles(slug), keys.audit(slug), keys.outboxes, keys.me].map((queryKey) =>
          qc.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export const useGrant = (slug: string) =>
  useRolesWrite(slug, (body: GrantBody) => send<Grant>('POST', summitApi(slug, 'roles'), body));

export const useTakeBack = (slug: string) =>
  useRolesWrite(slug, (id: number) => send('DELETE', summitApi(slug, 'roles', String(id))));
