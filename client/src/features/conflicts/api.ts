// The support unit's planning writes: moving a session, placing the unplaced, publishing.
import { type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  applyBodySchema,
  conflictReportSchema,
  movedSchema,
  moveBodySchema,
  movesSchema,
  placeBodySchema,
  placementLineSchema,
  placementProgressSchema,
  placementResultSchema,
  proposalSchema,
  publishBodySchema,
  publishedSchema,
} from '../../../../shared/schemas/api.ts';
import { ApiError, getJson, send, sendStreamed, summitApi } from '../../lib/api.ts';
import { keys } from '../../lib/query-keys.ts';

export type Moves = z.output<typeof movesSchema>;
export type ConflictReport = z.output<typeof conflictReportSchema>;

/** Conflicts a page of the panel shows: enough to read, few enough to render at once. */
export const REPORT_PAGE = 100;

/** A page of the server's report, with counts of the whole of it ('' : the first page). */
export const conflictReportQuery = (slug: string, after: string) =>
  queryOptions({
    queryKey: keys.conflicts(slug, after),
    queryFn: ({ signal }) =>
      getJson<ConflictReport>(
        `${summitApi(slug, 'conflicts')}?limit=${REPORT_PAGE}${after ? `&after=${encodeURIComponent(after)}` : ''}`,
        signal,
      ),
  });
export type Proposal = z.output<typeof proposalSchema>;
export type MoveBody = z.input<typeof moveBodySchema>;

/**
 * What a change of times or rooms shows up in: sessions (and their pages), days, agendas, the log,
 * and side-event proposals (scheduled once their session has a room and a time).
 */
const scheduleChanged = (qc: QueryClient, slug: string) =>
  Promise.all(
    [
      keys.list(slug, 'sessions'),
      keys.proposals(slug),
      keys.programme(slug),
      keys.agenda(slug),
      keys.audit(slug),
      keys.conflicts(slug),
    ].map((queryKey) => qc.invalidateQueries({ queryKey })),
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

export type PlacementProgress = z.output<typeof placementProgressSchema>;
type PlacementLine = z.output<typeof placementLineSchema>;

/**
 * Asks for a proposal as a stream: `onProgress` hears how far placement got while it runs. The
 * proposal ends it, or a failure the server met after it began answering (an ApiError like any).
 */
async function placeStreamed(
  slug: string,
  body: z.input<typeof placeBodySchema>,
  onProgress: (progress: PlacementProgress) => void,
): Promise<Proposal> {
  for await (const value of sendStreamed('POST', summitApi(slug, 'place'), body)) {
    const line = value as PlacementLine;
    if ('progress' in line) onProgress(line.progress);
    else if ('proposal' in line) return line.proposal;
    else throw new ApiError(line.status, line.errors);
  }
  throw new Error('the server stopped answering before its proposal');
}

/** A proposal only: nothing changes until it is applied. */
export const usePlace = (slug: string, onProgress: (progress: PlacementProgress) => void) =>
  useMutation({
    mutationFn: (body: z.input<typeof placeBodySchema>) => placeStreamed(slug, body, onProgress),
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
      Promise.all([
        scheduleChanged(qc, slug),
        qc.invalidateQueries({ queryKey: keys.summits }),
        qc.invalidateQueries({ queryKey: keys.release(slug) }),
      ]),
  });
}
