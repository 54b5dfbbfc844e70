import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Message, Outbox } from '../../../../shared/schemas/outbox.ts';
import { getJson, send, summitApi } from '../../lib/api.ts';
import { keys } from '../../lib/query-keys.ts';

/** One summit's messages, or every message (null); polled, as the worker changes their status. */
export const outboxQuery = (slug: string | null) =>
  queryOptions({
    queryKey: keys.outbox(slug),
    queryFn: ({ signal }) => getJson<Outbox>(slug ? summitApi(slug, 'outbox') : '/api/outbox', signal),
    refetchInterval: 5_000,
  });

export function useResend() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => send<Message>('POST', `/api/outbox/${id}/resend`),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.outboxes }),
  });
}
