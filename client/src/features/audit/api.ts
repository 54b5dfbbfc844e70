import { queryOptions } from '@tanstack/react-query';
import type { AuditEntry } from '../../../../shared/schemas/outbox.ts';
import { getJson, summitApi } from '../../lib/api.ts';
import { keys } from '../../lib/query-keys.ts';

export const auditQuery = (slug: string) =>
  queryOptions({
    queryKey: keys.audit(slug),
    queryFn: ({ signal }) => getJson<AuditEntry[]>(summitApi(slug, 'audit'), signal),
  });
