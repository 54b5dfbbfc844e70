// The programme's lists and days, as everyone may read them (drafts too, for the support unit).
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { programmeDaySchema } from '../../../../shared/schemas/api.ts';
import type {
  DelegationItem,
  PersonItem,
  RoomItem,
  SegmentItem,
  SessionItem,
} from '../../../../shared/schemas/summit-file.ts';
import { getJson, summitApi } from '../../lib/api.ts';
import { keys, type ListName } from '../../lib/query-keys.ts';

export type ProgrammeDay = z.output<typeof programmeDaySchema>;
type Items = {
  rooms: RoomItem;
  segments: SegmentItem;
  delegations: DelegationItem;
  people: PersonItem;
  sessions: SessionItem;
};

export const listQuery = <L extends ListName>(slug: string, list: L) =>
  queryOptions({
    queryKey: keys.list(slug, list),
    queryFn: ({ signal }) => getJson<Items[L][]>(summitApi(slug, list), signal),
  });

export const programmeDayQuery = (slug: string, day: string) =>
  queryOptions({
    queryKey: keys.programme(slug, day),
    queryFn: ({ signal }) =>
      getJson<ProgrammeDay>(`${summitApi(slug, 'programme')}?${new URLSearchParams({ day })}`, signal),
  });
