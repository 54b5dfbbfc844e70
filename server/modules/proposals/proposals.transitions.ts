// The one function that moves a proposal from one status to another (as pretalx's
// set_submission_state): under the proposal's row lock, it checks who may and from which status,
// does what the step brings (the submit check and the deadline; the session of an accepted
// proposal), and writes the change, the audit log, the message and the organisers' e-mail in the
// caller's transaction, so that all of it happens or none.
import { localDate } from '../../../shared/domain/time.ts';
import { type TransitionName, TRANSITIONS, refusal } from '../../../shared/domain/proposals.ts';
import type { Delegation } from '../../../shared/domain/programme.ts';
import { sessionToItem } from '../../../shared/domain/summit-file.ts';
import { actorLabel } from '../../core/actor.ts';
import { record } from '../../core/audit.ts';
import { lockSummit } from '../../core/summit-context.ts';
import {
  conflict,
  failure,
  forbidden,
  invalid,
  invalidField,
  notFound,
  type Outcome,
} from '../../core/outcome.ts';
import type { Executor } from '../../db/client.ts';
import {
  type Mailer,
  type ProposalFacts,
  proposalAcceptedMail,
  proposalChangesRequestedMail,
  proposalRejectedMail,
  proposalSubmittedMail,
  proposalWithdrawnMail,
} from '../mail/mail.service.ts';
import {
  findId,
  insertSession,
  loadDelegations,
  loadPeople,
  loadSegments,
  removeSession,
} from '../programme/programme.service.ts';
import type { ProposalContext } from './proposals.context.ts';
import { type StoredForm, submitCheck } from './proposals.form.ts';
import { mailOrganisers, whoIs } from './proposals.mail.ts';
import { proposalsPolicy, type Standing, standingOf } from './proposals.policy.ts';
import * as repo from './proposals.repo.ts';
import { sessionOfProposal } from './proposals.session.ts';
import { deadlineOf, momentText, statusOf, submissionOpen } from './proposals.view.ts';

export type TransitionRequest = { name: TransitionName; message: string | null };
export type TransitionDeps = { mailer: Mailer; ctx: ProposalContext; now: number };

export const proposalMissing = (id: number) => notFound(`proposal ${id} not found`);

/** How the caller stands to this proposal (its organisers are looked up by address). */
export async function standingFor(
  db: Executor,
  ctx: ProposalContext,
  p: { id: number; status: string; organiserTags: string[] },
): Promise<Standing> {
  const organiser = ctx.email !== null && (await repo.isOrganiser(db, p.id, ctx.email));
  return standingOf(ctx.roles, p, organiser);
}

/** A session key of its own for the proposal's session: "proposal-12", or "proposal-12-2" if taken. */
async function freeKey(tx: Executor, summitId: number, id: number): Promise<string> {
  for (let n = 1; ; n++) {
    const key = n === 1 ? `proposal-${id}` : `proposal-${id}-${n}`;
    if ((await findId(tx, summitId, 'sessions', key)) === null) return key;
  }
}

/** Makes the unplaced side-event session of an accepted proposal; answers its id and key. */
async function makeSession(
  tx: Executor,
  ctx: ProposalContext,
  row: repo.ProposalRow,
  delegations: Delegation[],
): Promise<Outcome<{ id: number; key: string }>> {
  const { summit } = ctx;
  const form = row.form as StoredForm;
  // Submitted, it passed; a delegation it names may have gone since.
  const problems = submitCheck(form, summit, new Set(delegations.map((d) => d.key)));
  if (problems.length) return failure('conflict', problems);
  const key = await freeKey(tx, summit.id, row.id);
  const [people, segments] = [await loadPeople(tx, summit.id), await loadSegments(tx, summit.id)];
  const session = sessionOfProposal(key, form, people, delegations, segments);
  await insertSession(tx, summit.id, session);
  await record(tx, {
    summit,
    actor: actorLabel(ctx.actor),
    action: 'create',
    entity: 'session',
    key,
    after: sessionToItem(session, summit.timeZone),
  });
  return { ok: true, value: { id: (await findId(tx, summit.id, 'sessions', key))!, key } };
}

export async function transition(
  tx: Executor,
  deps: TransitionDeps,
  id: number,
  req: TransitionRequest,
): Promise<Outcome<repo.ProposalRow>> {
  const { ctx, mailer, now } = deps;
  const { summit } = ctx;
  // As every change of the programme: the summit's lock first (shared; placement and publishing
  // take it alone), then the proposal's row and its session's, so that where the session is cannot
  // change between reading it and acting on it (withdrawing deletes only an unplaced session).
  await lockSummit(tx, summit.id, 'share');
  if (!(await repo.lockProposal(tx, summit.id, id, { withSession: true }))) return proposalMissing(id);
  const row = (await repo.findProposal(tx, summit.id, id))!;
  const standing = await standingFor(tx, ctx, row);
  if (!proposalsPolicy.sees(standing)) return proposalMissing(id);
  const status = statusOf(row);
  // Accepted, its session since deleted (by hand, or with the programme it was in).
  const sessionLost = status === 'accepted' && row.sessionKey === null;
  const refused = refusal(req.name, status, standing, sessionLost);
  if (refused)
    return refused.reason === 'forbidden'
      ? forbidden(refused.message)
      : conflict(refused.message, '', refused.code, refused.params);

  const form = row.form as StoredForm;
  const delegations = await loadDelegations(tx, summit.id);
  const names = new Map(delegations.map((d) => [d.key, d.name]));
  const at = new Date(now);
  const set: Parameters<typeof repo.updateProposal>[2] = { status: TRANSITIONS[req.name].to };
  const deadline = deadlineOf(row, summit);
  // The deadline closes first submissions; an answer to a change request is not bound by it.
  const closed = status === 'draft' && !submissionOpen(deadline, now);
  let session: { id: number; key: string } | null = null;
  switch (req.name) {
    case 'submit': {
      if (closed && !standing.supportUnit) {
        return conflict(
          `the deadline for proposals to ${summit.name} passed on ${momentText(deadline!, summit.timeZone)}: ask the support unit to extend it for this proposal`,
          '',
          'deadlinePassed',
          { summit: summit.name, day: localDate(deadline!, summit.timeZone) },
        );
      }
      const problems = submitCheck(form, summit, new Set(names.keys()));
      if (problems.length) return invalid(problems);
      Object.assign(set, { submittedAt: at, late: row.late || closed });
      break;
    }
    case 'request_changes':
      if (!req.message)
        return invalidField('say what should change, in a message to the organisers', 'message');
      set.decidedAt = at;
      break;
    case 'reject':
      set.decidedAt = at;
      break;
    case 'accept': {
      const made = await makeSession(tx, ctx, row, delegations);
      if (!made.ok) return made;
      session = made.value;
      Object.assign(set, { decidedAt: at, sessionId: session.id });
      break;
    }
    case 'withdraw':
      // Accepted but not yet placed: its session is nobody's commitment yet, and goes with it.
      if (row.sessionKey !== null) {
        await removeSession(tx, summit.id, row.sessionKey);
        await record(tx, {
          summit,
          actor: actorLabel(ctx.actor),
          action: 'delete',
          entity: 'session',
          key: row.sessionKey,
        });
        set.sessionId = null;
      }
      break;
  }
  await repo.updateProposal(tx, id, set);

  const late = req.name === 'submit' && closed;
  await record(tx, {
    summit,
    actor: actorLabel(ctx.actor),
    action: req.name,
    entity: 'proposal',
    key: String(id),
    before: { status },
    after: {
      status: set.status,
      ...(req.message && { message: req.message }),
      ...(session && { session: session.key }),
      ...(late && { late: true }),
    },
  });
  if (late)
    await record(tx, {
      summit,
      actor: actorLabel(ctx.actor),
      action: 'accept_late',
      entity: 'proposal',
      key: String(id),
      after: { deadline: momentText(deadline!, summit.timeZone) },
    });
  if (req.message)
    await repo.insertComment(tx, {
      proposalId: id,
      author: ctx.roles.supportUnit ? 'Support unit' : (ctx.email ?? actorLabel(ctx.actor)),
      fromSupportUnit: ctx.roles.supportUnit,
      body: req.message,
      transition: req.name,
    });
  const note = req.message;
  const compose: Record<TransitionName, (f: ProposalFacts) => ReturnType<typeof proposalAcceptedMail>> = {
    submit: (f) => proposalSubmittedMail(f, late),
    request_changes: (f) => proposalChangesRequestedMail(f, note!),
    accept: (f) => proposalAcceptedMail(f, note),
    reject: (f) => proposalRejectedMail(f, note),
    withdraw: (f) => proposalWithdrawnMail(f, whoIs(ctx, form), note),
  };
  // Accepted again after its session was deleted: the organisers were told it is accepted already.
  if (sessionLost) return { ok: true, value: (await repo.findProposal(tx, summit.id, id))! };
  await mailOrganisers(
    tx,
    mailer,
    ctx,
    { id, form },
    names,
    `proposal_${TRANSITIONS[req.name].to}`,
    compose[req.name],
  );
  return { ok: true, value: (await repo.findProposal(tx, summit.id, id))! };
}

export type { Standing };
