// The lifecycle's steps as use cases: each one transaction around the one transition function
// (proposals.transitions.ts); submitting honours an Idempotency-Key. And the deadline's extension.
import type { DecisionBody, ProposalView } from '../../../shared/schemas/proposal-api.ts';
import { parseTime } from '../../../shared/domain/time.ts';
import { actorLabel } from '../../core/actor.ts';
import { record } from '../../core/audit.ts';
import { conflict, invalidField, type Outcome } from '../../core/outcome.ts';
import type { Db } from '../../db/client.ts';
import { type Mailer, proposalDeadlineExtendedMail } from '../mail/mail.service.ts';
import type { ProposalContext } from './proposals.context.ts';
import type { StoredForm } from './proposals.form.ts';
import { mailOrganisers } from './proposals.mail.ts';
import { proposalsPolicy } from './proposals.policy.ts';
import { delegationNames, ok, viewOf, visible } from './proposals.reads.ts';
import * as repo from './proposals.repo.ts';
import * as keys from './idempotency.repo.ts';
import { proposalMissing, transition, type TransitionRequest } from './proposals.transitions.ts';
import { statusOf } from './proposals.view.ts';

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
    const claim = await keys.claimKey(tx, accountOf(ctx), opts.key!, route);
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
      await keys.releaseKey(tx, claim.id);
      return done;
    }
    const value = await viewOf(tx, ctx, done.value, opts.now);
    await keys.keepResponse(tx, claim.id, 200, value);
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
      await mailOrganisers(
        tx,
        mailer,
        ctx,
        { id, form: found.row.form as StoredForm },
        await delegationNames(tx, summit.id),
        'proposal_deadline',
        (f) => proposalDeadlineExtendedMail(f, ms),
      );
    }
    return ok(await viewOf(tx, ctx, (await repo.findProposal(tx, summit.id, id))!, now));
  });
}
