import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api.ts';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Long enough that two parts of a page asking for the same list (the programme grid and the
        // conflict engine both read the rooms) share one request; writes invalidate what they change.
        staleTime: 30_000,
        // A refusal (404, 403) will not change by asking again; a dropped connection might.
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      },
    },
  });
}
