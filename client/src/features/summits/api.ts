import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { summitViewSchema } from '../../../../shared/schemas/api.ts';
import type { releaseStateSchema } from '../../../../shared/schemas/invites.ts';
import { getJson, summitApi } from '../../lib/api.ts';
import { keys } from '../../lib/query-keys.ts';

export type SummitView = z.output<typeof summitViewSchema>;

export const summitsQuery = queryOptions({
  queryKey: keys.summits,
  queryFn: ({ signal }) => getJson<SummitView[]>('/api/summits', signal),
});

export const summitQuery = (slug: string) =>
  queryOptions({
    queryKey: keys.summit(slug),
    queryFn: ({ signal }) => getJson<SummitView>(summitApi(slug), signal),
  });

export type ReleaseState = z.output<typeof releaseStateSchema>;

export const releaseQuery = (slug: string) =>
  queryOptions({
    queryKey: keys.release(slug),
    queryFn: ({ signal }) => getJson<ReleaseState>(summitApi(slug, 'release'), signal),
  });
