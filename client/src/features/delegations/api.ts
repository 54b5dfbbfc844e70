import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { agendaSchema } from '../../../../shared/schemas/api.ts';
import { getJson, summitApi } from '../../lib/api.ts';
import { keys } from '../../lib/query-keys.ts';

export type Agenda = z.output<typeof agendaSchema>;

export const agendaQuery = (slug: string, delegation: string) =>
  queryOptions({
    queryKey: keys.agenda(slug, delegation),
    queryFn: ({ signal }) => getJson<Agenda>(summitApi(slug, 'delegations', delegation, 'agenda'), signal),
  });
