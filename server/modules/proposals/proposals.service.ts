// Use cases on side-event proposals, with explicit ids: create and change the form, list and read,
// the lifecycle's steps (through proposals.transitions.ts), comments, the deadline, the report.
import { EDITABLE, PROPOSAL_FORMATS, statusText } from '../../../shared/domain/proposals.ts';
import { datesBetween, parseTime, zoneOffsets, dayBounds, formatTime } from '../../../shared/domain/time.ts';
import { EQUIPMENT } from '../../../shared/domain/vocabulary.ts';
import type {
  CommentView,
  DecisionBody,
  ProposalCall,
  ProposalList,
  ProposalListQuery,
  ProposalReport,
  ProposalView,
} from '../../../shared/schemas/proposal-api.ts';
import { actorLabel } from '../../core/actor.ts';
import { record } from '../../core/audit.ts';
import { mergePatchDeep } from '../../core/merge-patch.ts';
import { conflict, invalidField, type Outcome, stale } from '../../core/outcome.ts';
import type { Db, Executor } from '../../db/client.ts';
import { type Mailer, proposalDeadlineExtendedMail } from '../mail/mail.service.ts';
import { loadDelegations } from '../programme/programme.service.ts';
import type { ProposalContext } from './proposals.context.ts';
import { contactEmails, filterColumns, readForm, showForm, type StoredForm } from './proposals.form.ts';
import { mailOrganisers } from './proposals.mail.ts';
import { delegationTag, organisationTag, proposalsPolicy, type Standing } from './proposals.policy.ts';
import * as repo from './proposals.repo.ts';
import { proposalMissing, standingFor, transition, type TransitionRequest } from './proposals.transitions.ts';
import { momentText, proposalView, statusOf, submissionOpen, summaryView } from './proposals.view.ts';

export { openProposals, type ProposalContext } from './proposals.context.ts';

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const delegationNames = async (db: Executor, summitId: number) =>
  new Map((await loadDelegations(db, summitId)).map((d) => [d.key, d.name]));

/** The proposal as this caller may see it, with their standing; null: it does not exist for them. */
async function visible(db: Executor, ctx: ProposalContext, id: number) {
  const row = await repo.findProposal(db, ctx.summit.id, id);
  if (!row) return null;
  const standing = await standingFor(db, ctx, row);
  return proposalsPolicy.sees(standing) ? { row, standing } : null;
}

async function viewOf(
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
    formats: [...PROPOSAL_FORMATS],
    equipment: [...EQUIPMENT],
  };
}

/** A new draft; its creator becomes its organiser. */
export async function createProposal(db: Db, ctx: ProposalContext, body: unknown, now: number) {
  const read = readForm(body, ctx.summit.timeZone);
  if (!read.ok) return read;
  const form = read.value;
  return db.transaction(async (tx): Promise<Outcome<ProposalView>> => {
    const id = await repo.insertProposal(tx, {
      summitId: ctx.summit.id,
      form,
      ...filterColumns(form, ctx.summit.timeZone),
      createdBy: actorLabel(ctx.actor),
      createdByUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    });
    if (ctx.email) await repo.addCreator(tx, id, ctx.email);
    await repo.setContactOrganisers(tx, id, contactEmails(form));
    await record(tx, {
      summit: ctx.summit,
      actor: actorLabel(ctx.actor),
      action: 'create',
      entity: 'proposal',
      key: String(id),
      after: form,
    });
    return ok(await viewOf(tx, ctx, (await repo.findProposal(tx, ctx.summit.id, id))!, now));
  });
}

/** "3", "\"3\"", "W/\"3\"" or "*"; null when it names no version. */
function versionOf(ifMatch: string): number | 'any' | null {
  const value = ifMatch.trim();
  if (value === '*') return 'any';
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value);
  return m ? Number(m[1]) : null;
}

/**
 * A JSON merge patch on the form (RFC 7396: nested objects merge, lists are replaced), in a draft
 * or after a change request. With `ifMatch`, only if the proposal is still at that version.
 */
export async function patchProposal(
  db: Db,
  ctx: ProposalContext,
  id: number,
  patch: Record<string, unknown>,
  opts: { ifMatch?: string; now: number },
): Promise<Outcome<ProposalView>> {
  return db.transaction(async (tx) => {
    if (!(await repo.lockProposal(tx, ctx.summit.id, id))) return proposalMissing(id);
    const found = await visible(tx, ctx, id);
    if (!found) return proposalMissing(id);
    const { row, standing } = found;
    const may = proposalsPolicy.mayEdit(standing);
    if (!may.ok) return may;
    const status = statusOf(row);
    if (!EDITABLE.includes(status))
      return conflict(
        `the proposal is ${statusText(status)}: only a draft or a proposal with changes requested can be changed`,
      );
    if (opts.ifMatch !== undefined) {
      const wanted = versionOf(opts.ifMatch);
      if (wanted === null) return invalidField('If-Match names a version: "3"', 'if-match');
      if (wanted !== 'any' && wanted !== row.version)
        return stale(
          `the proposal has changed since version ${wanted} (it is at version ${row.version}): load it again`,
          'if-match',
        );
    }
    if ('status' in patch)
      return invalidField('the status changes through submit, withdraw and decision, not by PATCH', 'status');
    const { summit } = ctx;
    const current = showForm(row.form as StoredForm, summit.timeZone, true);
    const read = readForm(mergePatchDeep(current, patch), summit.timeZone);
    if (!read.ok) return read;
    const form = read.value;
    await repo.updateProposal(tx, id, { form, ...filterColumns(form, summit.timeZone) });
    await repo.setContactOrganisers(tx, id, contactEmails(form));
    await record(tx, {
      summit,
      actor: actorLabel(ctx.actor),
      action: 'update',
      entity: 'proposal',
      key: String(id),
      before: row.form,
      after: form,
    });
    return ok(await viewOf(tx, ctx, (await repo.findProposal(tx, summit.id, id))!, opts.now));
  });
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

// ---- the lifecycle's steps ----

async function step(
  db: Db,
  mailer: Mailer,
  ctx: ProposalContext,
  id: number,
  req: TransitionRequest,
  now: number,
) {
  return db.transaction(async (tx): Promise<Outcome<ProposalView>> => {
    const done = await transition(tx, { mailer, ctx, now }, id, req);
    return done.ok ? ok(await viewOf(tx, ctx, done.value, now)) : done;
  });
}

const accountOf = (ctx: ProposalContext) =>
  ctx.actor.kind === 'user' ? `user:${ctx.actor.userId}` : actorLabel(ctx.actor);

/**
 * Submits the proposal. With an Idempotency-Key, a repeat (a double click, a retry after a
 * timeout) gets the first answer again, even while the first is still running: it waits for it.
 */
export async function submitProposal(
  db: Db,
  mailer: Mailer,
  ctx: ProposalContext,
  id: number,
  opts: { key?: string; now: number },
): Promise<Outcome<ProposalView>> {
  if (opts.key === undefined) return step(db, mailer, ctx, id, { name: 'submit', message: null }, opts.now);
  const route = `POST /api/summits/${ctx.summit.slug}/proposals/${id}/submit`;
  return db.transaction(async (tx): Promise<Outcome<ProposalView>> => {
    const claim = await repo.claimKey(tx, accountOf(ctx), opts.key!, route);
    if ('prior' in claim) {
      const { prior } = claim;
      if (prior.route !== route)
        return conflict(
          `this Idempotency-Key was used for another request (${prior.route})`,
          'idempotency-key',
        );
      return prior.status === null
        ? conflict('a request with this Idempotency-Key is still running', 'idempotency-key')
        : ok(prior.response as ProposalView);
    }
    const done = await transition(tx, { mailer, ctx, now: opts.now }, id, { name: 'submit', message: null });
    if (!done.ok) {
      await repo.releaseKey(tx, claim.id);
      return done;
    }
    const value = await viewOf(tx, ctx, done.value, opts.now);
    await repo.keepResponse(tx, claim.id, 200, value);
    return ok(value);
  });
}

export const decideProposal = (
  db: Db,
  mailer: Mailer,
  ctx: ProposalContext,
  id: number,
  body: DecisionBody,
  now: number,
) => step(db, mailer, ctx, id, { name: body.decision, message: body.message ?? null }, now);

export const withdrawProposal = (
  db: Db,
  mailer: Mailer,
  ctx: ProposalContext,
  id: number,
  message: string | undefined,
  now: number,
) => step(db, mailer, ctx, id, { name: 'withdraw', message: message ?? null }, now);

// ---- around the lifecycle ----

/** Extends (or, with null, ends the extension of) a draft's deadline: the support unit. */
export async function extendDeadline(
  db: Db,
  mailer: Mailer,
  ctx: ProposalContext,
  id: number,
  until: string | null,
  now: number,
): Promise<Outcome<ProposalView>> {
  const { summit } = ctx;
  return db.transaction(async (tx) => {
    if (!(await repo.lockProposal(tx, summit.id, id))) return proposalMissing(id);
    const found = await visible(tx, ctx, id);
    if (!found) return proposalMissing(id);
    const may = proposalsPolicy.mayExtend(found.standing);
    if (!may.ok) return may;
    if (statusOf(found.row) !== 'draft')
      return conflict('only the deadline of a draft can be extended: this proposal was submitted');
    const ms = until === null ? null : parseTime(until, summit.timeZone);
    if (until !== null && ms === null) return invalidField(`"${until}" is not a time`, 'until');
    await repo.updateProposal(tx, id, { deadlineExtendedTo: ms === null ? null : new Date(ms) });
    await record(tx, {
      summit,
      actor: actorLabel(ctx.actor),
      action: 'extend_deadline',
      entity: 'proposal',
      key: String(id),
      before: { deadline: found.row.deadlineExtendedTo?.toISOString() ?? null },
      after: { deadline: ms === null ? null : new Date(ms).toISOString() },
    });
    if (ms !== null) {
      const text = momentText(ms, summit.timeZone);
      await mailOrganisers(
        tx,
        mailer,
        ctx,
        { id, form: found.row.form as StoredForm },
        await delegationNames(tx, summit.id),
        'proposal_deadline',
        (f) => proposalDeadlineExtendedMail(f, text),
      );
    }
    return ok(await viewOf(tx, ctx, (await repo.findProposal(tx, summit.id, id))!, now));
  });
}

const commentView = (c: repo.CommentRow): CommentView => ({
  id: c.id,
  author: c.author,
  fromSupportUnit: c.fromSupportUnit,
  body: c.body,
  transition: c.transition as CommentView['transition'],
  createdAt: c.createdAt.toISOString(),
});

async function forComments(db: Executor, ctx: ProposalContext, id: number) {
  const found = await visible(db, ctx, id);
  if (!found) return proposalMissing(id);
  const may = proposalsPolicy.mayComment(found.standing);
  return may.ok ? ok(found) : may;
}

export async function comments(db: Db, ctx: ProposalContext, id: number): Promise<Outcome<CommentView[]>> {
  const found = await forComments(db, ctx, id);
  return found.ok ? ok((await repo.listComments(db, id)).map(commentView)) : found;
}

export async function addComment(
  db: Db,
  ctx: ProposalContext,
  id: number,
  body: string,
): Promise<Outcome<CommentView>> {
  return db.transaction(async (tx) => {
    const found = await forComments(tx, ctx, id);
    if (!found.ok) return found;
    const c = await repo.insertComment(tx, {
      proposalId: id,
      author: ctx.roles.supportUnit ? 'Support unit' : (ctx.email ?? actorLabel(ctx.actor)),
      fromSupportUnit: ctx.roles.supportUnit,
      body,
    });
    await record(tx, {
      summit: ctx.summit,
      actor: actorLabel(ctx.actor),
      action: 'comment',
      entity: 'proposal',
      key: String(id),
      after: { comment: c.id },
    });
    return ok(commentView(c));
  });
}

/** The organisers' report after the event: once it is scheduled and its session has ended. */
export async function fileReport(
  db: Db,
  ctx: ProposalContext,
  id: number,
  report: ProposalReport,
  now: number,
): Promise<Outcome<ProposalView>> {
  const { summit } = ctx;
  return db.transaction(async (tx) => {
    if (!(await repo.lockProposal(tx, summit.id, id))) return proposalMissing(id);
    const found = await visible(tx, ctx, id);
    if (!found) return proposalMissing(id);
    const may = proposalsPolicy.mayReport(found.standing);
    if (!may.ok) return may;
    const { row } = found;
    if (statusOf(row) !== 'scheduled')
      return conflict('a report follows the event: this proposal has no room and time in the programme yet');
    if (row.placement!.end.getTime() > now)
      return conflict(
        `a report follows the event, which ends on ${momentText(row.placement!.end.getTime(), summit.timeZone)}`,
      );
    await repo.updateProposal(tx, id, { report });
    await record(tx, {
      summit,
      actor: actorLabel(ctx.actor),
      action: 'report',
      entity: 'proposal',
      key: String(id),
      before: row.report,
      after: report,
    });
    return ok(await viewOf(tx, ctx, (await repo.findProposal(tx, summit.id, id))!, now));
  });
}

/** Idempotency keys are kept a day: a retry comes within minutes, not days. */
export const purgeIdempotencyKeys = (db: Db) => repo.purgeKeys(db, 24 * 3_600_000);

export type { Standing };
