// Inviting people and giving them roles in a summit; the invitation mail leaves with the grant.
import type { GrantedRole } from '../../../shared/domain/vocabulary.ts';
import type { GrantBody } from '../../../shared/schemas/accounts.ts';
import { actorLabel } from '../../core/actor.ts';
import { record } from '../../core/audit.ts';
import { conflict, invalidField, notFound, type Outcome } from '../../core/outcome.ts';
import type { SummitContext } from '../../core/summit-context.ts';
import type { Db, Executor } from '../../db/client.ts';
import { ensureUser } from '../auth/auth.service.ts';
import { inviteMail, languageOf, type Mailer } from '../mail/mail.service.ts';
import { findDelegation } from '../programme/programme.service.ts';
import { rolesPolicy } from './roles.policy.ts';
import { deleteGrant, type Grant, insertGrant, listGrants } from './roles.repo.ts';

export type { Grant };
type GrantInput = Omit<GrantBody, 'invite'> & { invite: boolean };
const ROLE_NAME: Record<GrantedRole, string> = {
  support_unit: 'support unit',
  focal_point: 'focal point',
  delegate: 'delegate',
  visitor: 'visitor',
};

export async function grants(db: Db, ctx: SummitContext): Promise<Outcome<Grant[]>> {
  const verdict = rolesPolicy.mayManage(ctx.roles);
  return verdict.ok ? { ok: true, value: await listGrants(db, ctx.summit.id) } : verdict;
}

export async function grant(
  db: Db,
  mailer: Mailer,
  ctx: SummitContext,
  input: GrantInput,
): Promise<Outcome<Grant>> {
  const verdict = rolesPolicy.mayManage(ctx.roles);
  if (!verdict.ok) return verdict;
  const needsDelegation = input.role === 'focal_point' || input.role === 'delegate';
  if (needsDelegation !== (input.delegation !== undefined)) {
    const message = needsDelegation
      ? `a ${ROLE_NAME[input.role]} role names a delegation`
      : `a ${ROLE_NAME[input.role]} role names no delegation`;
    return invalidField(message, 'delegation');
  }
  return db.transaction(async (tx): Promise<Outcome<Grant>> => {
    const delegation =
      input.delegation === undefined ? null : await findDelegation(tx, ctx.summit.id, input.delegation);
    if (input.delegation !== undefined && delegation === null) {
      return invalidField(`unknown delegation "${input.delegation}"`, 'delegation', 'unknownKey', {
        kind: 'delegation',
        key: input.delegation,
      });
    }
    const delegationId = delegation?.id ?? null;
    const user = await ensureUser(tx, input.email);
    const id = await insertGrant(tx, {
      summitId: ctx.summit.id,
      userId: user.id,
      role: input.role,
      delegationId,
    });
    if (id === null)
      return conflict(`${user.email} already has this role`, 'role', 'roleTaken', { email: user.email });
    const value: Grant = {
      id,
      userId: user.id,
      email: user.email,
      role: input.role,
      delegation: input.delegation ?? null,
    };
    await record(tx, {
      summit: ctx.summit,
      actor: actorLabel(ctx.actor),
      action: 'grant',
      entity: 'role',
      key: String(id),
      after: value,
    });
    if (input.invite) {
      const mail = inviteMail(
        await languageOf(tx, ctx.summit, user.email),
        ctx.summit.name,
        { role: input.role, delegation: delegation && { name: delegation.name, size: delegation.size } },
        `${mailer.publicUrl}/sign-in?email=${encodeURIComponent(user.email)}`,
      );
      await mailer.enqueue(tx, { kind: 'invite', summitId: ctx.summit.id, to: user.email, ...mail });
    }
    return { ok: true, value };
  });
}

export async function revoke(db: Db, ctx: SummitContext, id: number): Promise<Outcome<null>> {
  const verdict = rolesPolicy.mayManage(ctx.roles);
  if (!verdict.ok) return verdict;
  return db.transaction(async (tx) => {
    const removed = await deleteGrant(tx, ctx.summit.id, id);
    if (!removed) return notFound(`role ${id} not found`);
    await record(tx, {
      summit: ctx.summit,
      actor: actorLabel(ctx.actor),
      action: 'revoke',
      entity: 'role',
      key: String(id),
      before: removed,
    });
    return { ok: true, value: null };
  });
}

/**
 * Replacing a summit's programme keeps the roles given in it: grants tied to a delegation follow it
 * by key (`carryOver` before the old programme goes, `restore` once the new one has ids).
 */
export const grantsToCarryOver = async (tx: Executor, summitId: number): Promise<Grant[]> =>
  (await listGrants(tx, summitId)).filter((g) => g.delegation !== null);

export async function restoreGrants(
  tx: Executor,
  summitId: number,
  grants: readonly Grant[],
  delegationIds: ReadonlyMap<string, number>,
): Promise<void> {
  for (const g of grants) {
    const delegationId = delegationIds.get(g.delegation!);
    if (delegationId !== undefined)
      await insertGrant(tx, { summitId, userId: g.userId, role: g.role, delegationId });
  }
}
