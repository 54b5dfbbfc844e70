// Reading proposals: one as its caller may see it, the review desk's list, and what the form
// needs of the summit. What a caller may not see does not exist for them.
import { PROPOSAL_FORMATS } from '../../../shared/domain/proposals.ts';
import { datesBetween, dayBounds, formatTime, zoneOffsets } from '../../../shared/domain/time.ts';
import { EQUIPMENT } from '../../../shared/domain/vocabulary.ts';
import type {
  ProposalCall,
  ProposalList,
  ProposalListQuery,
  ProposalView,
} from '../../../shared/schemas/proposal-api.ts';
import type { Outcome } from '../../core/outcome.ts';
import type { Db, Executor } from '../../db/client.ts';
import { loadDelegations } from '../programme/programme.service.ts';
import type { ProposalContext } from './proposals.context.ts';
import { delegationTag, organisationTag, proposalsPolicy } from './proposals.policy.ts';
import * as repo from './proposals.repo.ts';
import { proposalMissing, standingFor } from './proposals.transitions.ts';
import { proposalView, submissionOpen, summaryView } from './proposals.view.ts';

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });

export const delegationNames = async (db: Executor, summitId: number) =>
  new Map((await loadDelegations(db, summitId)).map((d) => [d.key, d.name]));

/** The proposal as this caller may see it, with their standing; null: it does not exist for them. */
export async function visible(db: Executor, ctx: ProposalContext, id: number) {
  const row = await repo.findProposal(db, ctx.summit.id, id);
  if (!row) return null;
  const standing = await standingFor(db, ctx, row);
  return proposalsPolicy.sees(standing) ? { row, standing } : null;
}

export async function viewOf(
  db: Executor,
  ctx: ProposalContext,
  row: repo.ProposalRow,
  now: number,
): Promise<ProposalView> {
  const standing = await standingFor(db, ctx, row);
  return proposalView(row, {
    summit: ctx.summit,
    delegationNames: await delegationNames(db, ctx.summit.id),
    standing,
    now,
  });
}

/** What the form needs of the summit: its days and zone, its delegations, the deadline. */
export async function proposalCall(db: Db, ctx: ProposalContext, now: number): Promise<ProposalCall> {
  const { summit } = ctx;
  const from = dayBounds(summit.startDate, summit.timeZone)[0] - 7 * 86_400_000;
  const to = dayBounds(summit.endDate, summit.timeZone)[1] + 7 * 86_400_000;
  return {
    summit: {
      slug: summit.slug,
      name: summit.name,
      timeZone: summit.timeZone,
      days: datesBetween(summit.startDate, summit.endDate),
      offsets: zoneOffsets(summit.timeZone, Math.min(from, summit.proposalDeadline ?? from), to),
    },
    deadline: summit.proposalDeadline === null ? null : formatTime(summit.proposalDeadline, summit.timeZone),
    open: submissionOpen(summit.proposalDeadline, now),
    delegations: (await loadDelegations(db, summit.id)).map((d) => ({
      key: d.key,
      name: d.name,
      kind: d.kind,
    })),
    organisations: proposalsPolicy.listsAll(ctx.roles) ? await repo.organisationNames(db, summit.id) : [],
    formats: [...PROPOSAL_FORMATS],
    equipment: [...EQUIPMENT],
  };
}

export async function getProposal(db: Db, ctx: ProposalContext, id: number, now: number) {
  const found = await visible(db, ctx, id);
  return found ? ok(await viewOf(db, ctx, found.row, now)) : proposalMissing(id);
}

/** The review desk's list (the support unit: all; anyone else: those they organise or read). */
export async function listProposals(
  db: Db,
  ctx: ProposalContext,
  q: ProposalListQuery,
): Promise<Outcome<ProposalList>> {
  const { summit, roles } = ctx;
  const filter: repo.ListFilter = {
    statuses: q.status,
    formats: q.format,
    day: q.day,
    organiserTags: q.organiser ? [delegationTag(q.organiser), organisationTag(q.organiser)] : undefined,
    visibleTo: proposalsPolicy.listsAll(roles)
      ? null
      : { email: ctx.email, delegationTags: [...roles.delegateOf].map(delegationTag) },
  };
  const page = await repo.listProposals(db, summit.id, filter, { limit: q.limit, beforeId: q.before });
  const counted = await repo.countByStatus(db, summit.id, filter);
  const counts = Object.fromEntries(
    (
      ['draft', 'submitted', 'changes_requested', 'accepted', 'scheduled', 'rejected', 'withdrawn'] as const
    ).map((s) => [s, counted.get(s) ?? 0]),
  ) as ProposalList['counts'];
  const statuses = q.status ?? Object.keys(counts);
  const names = await delegationNames(db, summit.id);
  return ok({
    proposals: page.rows.map((r) => summaryView(r, summit, names)),
    counts,
    total: statuses.reduce((n, s) => n + (counts[s as keyof typeof counts] ?? 0), 0),
    ...(page.more && { next: page.rows.at(-1)!.id }),
  });
}
