// The proposal routes of docs/proposals.md: the call, the form's drafts (created, patched with
// If-Match), the steps (submit with an Idempotency-Key, decide, withdraw), comments, the report and
// the review desk's list. Each write puts the proposal it answers with in the cache.
import { type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProposalDraftInput } from '../../../../shared/schemas/proposal.ts';
import type {
  CommentView,
  DecisionBody,
  ProposalCall,
  ProposalList,
  ProposalReport,
  ProposalView,
} from '../../../../shared/schemas/proposal-api.ts';
import { getJson, send, summitApi } from '../../lib/api.ts';
import { keys } from '../../lib/query-keys.ts';
import type { Saved } from './draft-saver.ts';

export type { CommentView, ProposalCall, ProposalList, ProposalView };

const proposalPath = (slug: string, id: number, ...rest: string[]) =>
  summitApi(slug, 'proposals', String(id), ...rest);

export const proposalCallQuery = (slug: string) =>
  queryOptions({
    queryKey: keys.proposalCall(slug),
    queryFn: ({ signal }) => getJson<ProposalCall>(summitApi(slug, 'proposal-call'), signal),
  });

export const proposalQuery = (slug: string, id: number) =>
  queryOptions({
    queryKey: keys.proposal(slug, id),
    queryFn: ({ signal }) => getJson<ProposalView>(proposalPath(slug, id), signal),
  });

/** The desk's filters and page, as the list route takes them. */
export type ListQuery = {
  status?: string;
  format?: string;
  day?: string;
  organiser?: string;
  before?: string;
};

export const proposalListQuery = (slug: string, query: ListQuery) =>
  queryOptions({
    queryKey: keys.proposalList(slug, query),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams(
        Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
      );
      return getJson<ProposalList>(
        `${summitApi(slug, 'proposals')}${params.size ? `?${params}` : ''}`,
        signal,
      );
    },
  });

export const commentsQuery = (slug: string, id: number) =>
  queryOptions({
    queryKey: keys.comments(slug, id),
    queryFn: ({ signal }) => getJson<CommentView[]>(proposalPath(slug, id, 'comments'), signal),
  });

const saved = (view: ProposalView): Saved<ProposalView> => ({ id: view.id, version: view.version, view });

/** Autosave's two writes: the first keystroke creates the draft, the next ones patch its version. */
export const draftTransport = (slug: string) => ({
  create: async (draft: ProposalDraftInput) =>
    saved(await send<ProposalView>('POST', summitApi(slug, 'proposals'), draft)),
  patch: async (id: number, patch: Record<string, unknown>, version: number) =>
    saved(await send<ProposalView>('PATCH', proposalPath(slug, id), patch, { 'if-match': `"${version}"` })),
});

/** A step changed the proposal: show its answer, and refresh the lists and messages around it. */
export function stepped(qc: QueryClient, slug: string, view: ProposalView) {
  qc.setQueryData(keys.proposal(slug, view.id), view);
  return Promise.all([
    qc.invalidateQueries({ queryKey: keys.proposals(slug), predicate: (q) => q.queryKey[3] !== view.id }),
    qc.invalidateQueries({ queryKey: keys.comments(slug, view.id) }),
  ]);
}

/** A key for one intent to submit, reused when that intent is retried. */
export function idempotencyKey(): string {
  // randomUUID needs a secure context; getRandomValues does not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function useSubmit(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, key }: { id: number; key: string }) =>
      send<ProposalView>('POST', proposalPath(slug, id, 'submit'), undefined, { 'idempotency-key': key }),
    onSuccess: (view) => stepped(qc, slug, view),
  });
}

export function useWithdraw(slug: string, id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => send<ProposalView>('POST', proposalPath(slug, id, 'withdraw')),
    onSuccess: (view) => stepped(qc, slug, view),
  });
}

export function useDecision(slug: string, id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DecisionBody) => send<ProposalView>('POST', proposalPath(slug, id, 'decision'), body),
    // An accepted proposal is a new session of the programme.
    onSuccess: (view) =>
      Promise.all([stepped(qc, slug, view), qc.invalidateQueries({ queryKey: keys.list(slug, 'sessions') })]),
  });
}

export function useComment(slug: string, id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { body: string }) =>
      send<CommentView>('POST', proposalPath(slug, id, 'comments'), body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.comments(slug, id) }),
  });
}

export function useReport(slug: string, id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProposalReport) => send<ProposalView>('PUT', proposalPath(slug, id, 'report'), body),
    onSuccess: (view) => stepped(qc, slug, view),
  });
}
