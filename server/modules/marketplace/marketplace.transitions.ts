// The one function that moves a consultation from one status to another: under its row lock it
// checks who may and from which status, does what the step brings (the session of an accepted
// one, or its removal), and writes the change, the audit log and the e-mail in one transaction.
import type { ConsultationStatus, Outcome as FollowUp } from '../../../shared/domain/marketplace.ts';
import { actorLabel } from '../../core/actor.ts';
import { record } from '../../core/audit.ts';
import { conflict, type Outcome, type Verdict } from '../../core/outcome.ts';
import { lockSummit } from '../../core/summit-context.ts';
import type { Db, Executor } from '../../db/client.ts';
import type { Mailer } from '../mail/mail.service.ts';
import { consultationMissing, withRetry } from './marketplace.bookings.ts';
import type { MarketContext } from './marketplace.context.ts';
import { mailAbout } from './marketplace.mail.ts';
import { marketplacePolicy, type Standing, standingOf } from './marketplace.policy.ts';
import * as repo from './marketplace.repo.ts';
import { dropSession, makeSession } from './marketplace.session.ts';
import { consultationView, type ConsultationView, statusAt } from './marketplace.view.ts';

export type Step = 'accept' | 'decline' | 'cancel';

const STEPS: Record<
  Step,
  {
    from: readonly ConsultationStatus[];
    to: ConsultationStatus;
    may: (s: Standing) => Verdict;
    event: 'accepted' | 'declined' | 'cancelled';
  }
> = {
  accept: { from: ['requested'], to: 'accepted', may: marketplacePolicy.mayDecide, event: 'accepted' },
  decline: { from: ['requested'], to: 'declined', may: marketplacePolicy.mayDecide, event: 'declined' },
  cancel: {
    from: ['requested', 'accepted'],
    to: 'cancelled',
    may: marketplacePolicy.mayCancel,
    event: 'cancelled',
  },
};

const STATUS_TEXT: Record<ConsultationStatus, string> = {
  requested: 'is still a request',
  accepted: 'has already been accepted',
  declined: 'was declined',
  cancelled: 'was cancelled',
  expired: 'has expired: the request no longer holds its slot',
};

/** Locks the consultation, checks that the caller sees it and may act, then runs `act`. */
async function underLock<T>(
  db: Db,
  ctx: MarketContext,
  id: number,
  may: (s: Standing) => Verdict,
  act: (tx: Executor, c: repo.ConsultationRow) => Promise<Outcome<T>>,
): Promise<Outcome<T>> {
  return withRetry(db, async (tx) => {
    await lockSummit(tx, ctx.summit.id, 'share');
    if (!(await repo.lockConsultation(tx, ctx.summit.id, id))) return consultationMissing(id);
    const c = (await repo.findConsultation(tx, ctx.summit.id, id))!;
    const standing = standingOf(ctx, c);
    if (!marketplacePolicy.sees(standing)) return consultationMissing(id);
    const verdict = may(standing);
    if (!verdict.ok) return verdict;
    return act(tx, c);
  });
}

export async function transition(
  db: Db,
  mailer: Mailer,
  ctx: MarketContext,
  id: number,
  step: Step,
  now: number,
): Promise<Outcome<ConsultationView>> {
  const { from, to, may, event } = STEPS[step];
  const done = await underLock(db, ctx, id, may, async (tx, c) => {
    const status = statusAt(c, now);
    if (!from.includes(status))
      return conflict(
        `This consultation ${STATUS_TEXT[status]}: it cannot be ${to} now`,
        '',
        'consultationStatus',
        {
          status,
          to,
        },
      );
    let sessionId: number | null = c.sessionId;
    if (step === 'accept') sessionId = await makeSession(tx, ctx, c);
    if (step === 'cancel' && c.session) {
      await dropSession(tx, ctx, c.session);
      sessionId = null;
    }
    await repo.updateConsultation(tx, id, { status: to, sessionId });
    await record(tx, {
      summit: ctx.summit,
      actor: actorLabel(ctx.actor),
      action: step,
      entity: 'consultation',
      key: String(id),
      before: { status },
      after: { status: to, ...(step === 'accept' && { session: `mc-${id}` }) },
    });
    await mailAbout(tx, mailer, ctx, c, event);
    return { ok: true, value: null };
  });
  if (!done.ok) return done;
  return {
    ok: true,
    value: consultationView(ctx, (await repo.findConsultation(db, ctx.summit.id, id))!, now),
  };
}

export type OutcomeBody = { outcome: FollowUp; fundingSources: string[]; note?: string };

/** What came of a held consultation: its outcome, funding sources and a note. */
export async function recordOutcome(
  db: Db,
  ctx: MarketContext,
  id: number,
  body: OutcomeBody,
  now: number,
): Promise<Outcome<ConsultationView>> {
  const done = await underLock(db, ctx, id, marketplacePolicy.mayRecord, async (tx, c) => {
    const status = statusAt(c, now);
    if (status !== 'accepted')
      return conflict(`This consultation ${STATUS_TEXT[status]}: only a held consultation has an outcome`);
    const set = {
      outcome: body.outcome,
      fundingSources: body.fundingSources,
      outcomeNote: body.note ?? null,
    };
    await repo.updateConsultation(tx, id, set);
    await record(tx, {
      summit: ctx.summit,
      actor: actorLabel(ctx.actor),
      action: 'record_outcome',
      entity: 'consultation',
      key: String(id),
      before: { outcome: c.outcome, fundingSources: c.fundingSources, note: c.outcomeNote },
      after: set,
    });
    return { ok: true, value: null };
  });
  if (!done.ok) return done;
  return {
    ok: true,
    value: consultationView(ctx, (await repo.findConsultation(db, ctx.summit.id, id))!, now),
  };
}
