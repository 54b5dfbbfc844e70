import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { sessionPageSchema } from '../../../../shared/schemas/api.ts';
import { getJson, summitApi } from '../../lib/api.ts';
import { keys } from '../../lib/query-keys.ts';

export type SessionPageData = z.output<typeof sessionPageSchema>;

export const sessionPageQuery = (slug: string, key: string) =>
  queryOptions({
    queryKey: keys.session(slug, key),
    queryFn: ({ signal }) => getJson<SessionPageData>(summitApi(slug, 'programme', 'sessions', key), signal),
  });
