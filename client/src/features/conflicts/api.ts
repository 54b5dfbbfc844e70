// The support unit's planning writes: moving a session, placing the unplaced, publishing.
import { type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  applyBodySchema,
  movedSchema,
  moveBodySchema,
  movesSchema,
  placeBodySchema,
  placementResultSchema,
  proposalSchema,
  publishBodySchema,
  publishedSchema,
} from '../../../../shared/schemas/api.ts';
import { getJson, send, summitApi } from '../../lib/api.ts';
import { keys } from '../../lib/query-keys.ts';

export type Moves = z.output<typeof movesSchema>;
export type Proposal = z.output<typeof proposalSchema>;
export type MoveBody = z.input<typeof moveBodySchema>;

/** What a change of times or rooms shows up in: sessions (and their pages), days, agendas, the log. */
const scheduleChanged = (qc: QueryClient, slug: string) =>
  Promise.all(
    [keys.list(slug, 'sessions'), keys.programme(slug), keys.agenda(slug), keys.audit(slug)].map((queryKey) =>
      qc.invalidateQueries({ queryKey }),
    ),
  );

export const movesQuery = (slug: string, key: string) =>
  queryOptions({
    queryKey: keys.moves(slug, key),
    queryFn: ({ signal }) => getJson<Moves>(summitApi(slug, 'sessions', key, 'moves'), signal),
  });

export function useMove(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, ...body }: MoveBody & { key: string }) =>
      send<z.output<typeof movedSchema>>('POST', summitApi(slug, 'sessions', key, 'move'), body),
    onSuccess: () => scheduleChanged(qc, slug),
  });
}

/** A proposal only: nothing changes until it is applied. */
export const usePlace = (slug: string) =>
  useMutation({
    mutationFn: (body: z.input<typeof placeBodySchema>) =>
      send<Proposal>('POST', summitApi(slug, 'place'), body),
  });

export function useApplyPlacement(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof applyBodySchema>) =>
      send<z.output<typeof placementResultSchema>>('POST', summitApi(slug, 'place', 'apply'), body),
    onSuccess: () => scheduleChanged(qc, slug),
  });
}

export function usePublish(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof publishBodySchema>) =>
      send<z.output<typeof publishedSchema>>('POST', summitApi(slug, 'publish'), body),
    // Publishing also decides which summits visitors see listed.
    onSuccess: () =>
      Promise.all([scheduleChanged(qc, slug), qc.invalidateQueries({ queryKey: keys.summits })]),
  });
}
