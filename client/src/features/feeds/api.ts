// Calendar feeds (docs/feeds.md): the caller's own, one made for a delegation or a person, revoking one.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { feedViewSchema, newFeedSchema } from '../../../../shared/schemas/feeds.ts';
import { getJson, send, summitApi } from '../../lib/api.ts';
import { keys } from '../../lib/query-keys.ts';

export type FeedView = z.output<typeof feedViewSchema>;
export type NewFeed = z.output<typeof newFeedSchema>;

export const feedsQuery = queryOptions({
  queryKey: keys.feeds,
  queryFn: ({ signal }) => getJson<FeedView[]>('/api/feeds', signal),
});

export function useMakeFeed(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { delegation: string } | { person: string }) =>
      send<NewFeed>('POST', summitApi(slug, 'feeds'), body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.feeds }),
  });
}

export function useRevokeFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => send('DELETE', `/api/feeds/${id}`),
    onSettled: () => qc.invalidateQueries({ queryKey: keys.feeds }),
  });
}
