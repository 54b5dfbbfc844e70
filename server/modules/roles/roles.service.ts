// Inviting people and giving them roles in a summit; the invitation mail leaves with the grant.
import type { Db } from '../../db/client.ts';
import { actorLabel } from '../../http/access.ts';
import type { Failure } from '../../http/route.ts';
import { record } from '../audit/audit.repo.ts';
import { ensureUser } from '../auth/auth.repo.ts';
import type { Mailer } from '../mail/mailer.ts';
import { inviteMail } from '../mail/templates.ts';
import { findId } from '../programme/programme.repo.ts';
import type { SummitContext } from '../summits/summit-access.ts';
import { rolesPolicy } from './roles.policy.ts';
import { deleteGrant, insertGrant, listGrants, type Grant, type GrantedRole } from './roles.repo.ts';

type Outcome<T> = { ok: true; value: T } | Failure;
const ROLE_TEXT: Record<GrantedRole, string> = {
  support_unit: 'support unit',
  focal_point: 'focal point of',
  delegate: 'delegate of',
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
  input: { email: string; role: GrantedRole; delegation?: string; invite: boolean },
): Promise<Outcome<Grant>> {
  const verdict = rolesPolicy.mayManage(ctx.roles);
  if (!verdict.ok) return verdict;
  const needsDelegation = input.role === 'focal_point' || input.role === 'delegate';
  if (needsDelegation !== (input.delegation !== undefined)) {
    return {
      ok: false,
      reason: 'invalid',
      errors: [
        {
          path: 'delegation',
          message: needsDelegation
            ? `a ${input.role} role names a delegation`
            : `a ${input.role} role names no delegation`,
        },
      ],
    };
  }
  return db.transaction(async (tx): Promise<Outcome<Grant>> => {
    const delegationId =
      input.delegation === undefined
        ? null
        : await findId(tx, ctx.summit.id, 'delegations', input.delegation);
    if (input.delegation !== undefined && delegationId === null)
      return {
        ok: false,
        reason: 'invalid',
        errors: [{ path: 'delegation', message: `unknown delegation "${input.delegation}"` }],
      };
    const user = await ensureUser(tx, input.email);
    const id = await insertGrant(tx, {
      summitId: ctx.summit.id,
      userId: user.id,
      role: input.role,
      delegationId,
    });
    if (id === null)
      return {
        ok: false,
        reason: 'conflict',
        errors: [{ path: 'role', message: `${user.email} already has this role` }],
      };
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
      const roleText = `${ROLE_TEXT[input.role]}${input.delegation ? ` ${input.delegation}` : ''}`;
      const mail = inviteMail(
        ctx.summit.name,
        roleText,
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
    if (!removed)
      return { ok: false, reason: 'not_found', errors: [{ path: '', message: `role ${id} not found` }] };
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
