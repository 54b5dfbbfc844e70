// Writing a proposal's form (a draft, a merge patch), its comments and the report after the event.
import { EDITABLE, statusText } from '../../../shared/domain/proposals.ts';
import type { CommentView, ProposalReport, ProposalView } from '../../../shared/schemas/proposal-api.ts';
import { actorLabel } from '../../core/actor.ts';
import { record } from '../../core/audit.ts';
import { mergePatchDeep } from '../../core/merge-patch.ts';
import { conflict, invalidField, type Outcome, stale } from '../../core/outcome.ts';
import type { Db, Executor } from '../../db/client.ts';
import { type Mailer, proposalCommentMail, proposalOrganiserCommentMail } from '../mail/mail.service.ts';
import type { ProposalContext } from './proposals.context.ts';
import { contactEmails, filterColumns, readForm, showForm, type StoredForm } from './proposals.form.ts';
import { mailOrganisers, mailSupportUnit, whoIs } from './proposals.mail.ts';
import { proposalsPolicy } from './proposals.policy.ts';
import { delegationNames, ok, viewOf, visible } from './proposals.reads.ts';
import * as repo from './proposals.repo.ts';
import { proposalMissing } from './proposals.transitions.ts';
import { momentText, statusOf } from './proposals.view.ts';

/** A new draft; its creator becomes its organiser. */
export async function createProposal(db: Db, ctx: ProposalContext, body: unknown, now: number) {
  // No body at all is an empty draft, as `{}` is.
  const read = readForm(body ?? {}, ctx.summit.timeZone);
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

/** Two JSON documents alike whatever the order of their keys (the database keeps its own). */
function sameDocument(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
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
    // An autosave that changes nothing writes nothing: the version stays, If-Match keeps matching.
    if (sameDocument(form, row.form)) return ok(await viewOf(tx, ctx, row, opts.now));
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

/** A comment; the support unit's is mailed to the organisers (theirs is read on the desk). */
export async function addComment(
  db: Db,
  mailer: Mailer,
  ctx: ProposalContext,
  id: number,
  body: string,
): Promise<Outcome<CommentView>> {
  return db.transaction(async (tx) => {
    const found = await forComments(tx, ctx, id);
    if (!found.ok) return found;
    const proposal = { id, form: found.value.row.form as StoredForm };
    const names = await delegationNames(tx, ctx.summit.id);
    if (ctx.roles.supportUnit)
      await mailOrganisers(tx, mailer, ctx, proposal, names, 'proposal_comment', (f) =>
        proposalCommentMail(f, body),
      );
    else
      await mailSupportUnit(tx, mailer, ctx, proposal, names, 'proposal_comment_to_support_unit', (f) =>
        proposalOrganiserCommentMail(f, whoIs(ctx, proposal.form), body),
      );
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
