// The support unit's writes to a summit's details and lists (rooms, segments, delegations, people,
// sessions) and to a session's participants: the API's own routes, one mutation each. A write may
// change what any page of the summit shows (a room's name, a session's conflicts), so each
// refreshes the whole summit's data.
import { type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { participantWithIdSchema } from '../../../../shared/schemas/api.ts';
import type { ParticipantItem } from '../../../../shared/schemas/summit-file.ts';
import { getJson, send, summitApi } from '../../lib/api.ts';
import { keys, type ListName } from '../../lib/query-keys.ts';

export type ParticipantWithId = z.output<typeof participantWithIdSchema>;
/** The lists the setup pages edit; sessions have their own editor. */
export const SETUP_LISTS = ['rooms', 'segments', 'delegations', 'people'] as const;
export type SetupList = (typeof SETUP_LISTS)[number];
export const isSetupList = (list: string): list is SetupList =>
  (SETUP_LISTS as readonly string[]).includes(list);

const summitChanged = (qc: QueryClient, slug: string) =>
  Promise.all([
    qc.invalidateQueries({ queryKey: keys.summit(slug) }),
    // The summits' list shows names and dates too.
    qc.invalidateQueries({ queryKey: keys.summits }),
  ]);

/** Creates an item (`key` null) or changes one with a JSON merge patch (null removes a field). */
export function useSaveItem(slug: string, list: ListName) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, body }: { key: string | null; body: Record<string, unknown> }) =>
      key === null
        ? send<Record<string, unknown>>('POST', summitApi(slug, list), body)
        : send<Record<string, unknown>>('PATCH', summitApi(slug, list, key), body),
    onSuccess: () => summitChanged(qc, slug),
  });
}

export function useDeleteItem(slug: string, list: ListName) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => send('DELETE', summitApi(slug, list, key)),
    onSuccess: () => summitChanged(qc, slug),
  });
}

export function useSaveSummit(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => send('PATCH', summitApi(slug), body),
    onSuccess: () => summitChanged(qc, slug),
  });
}

export const participantsQuery = (slug: string, session: string) =>
  queryOptions({
    queryKey: [...keys.session(slug, session), 'participants'],
    queryFn: ({ signal }) =>
      getJson<ParticipantWithId[]>(summitApi(slug, 'sessions', session, 'participants'), signal),
  });

export function useAddParticipant(slug: string, session: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ParticipantItem) =>
      send<ParticipantWithId>('POST', summitApi(slug, 'sessions', session, 'participants'), body),
    onSuccess: () => summitChanged(qc, slug),
  });
}

export function useRemoveParticipant(slug: string, session: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      send('DELETE', summitApi(slug, 'sessions', session, 'participants', String(id))),
    onSuccess: () => summitChanged(qc, slug),
  });
}

/** Optional fields as a merge patch reads them: what the form left empty is removed (null). */
export const asPatch = (values: Record<string, unknown>, fields: readonly string[]) =>
  Object.fromEntries(fields.map((f) => [f, values[f] === undefined || values[f] === '' ? null : values[f]]));
