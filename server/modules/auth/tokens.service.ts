// API tokens: support units and administrators make them for their scripts. A token acts as its
// maker, is shown once and stored only as a hash; authentication reads it (auth.service.ts).
import { type Actor, actorLabel, isAdmin, type UserActor } from '../../core/actor.ts';
import { record } from '../../core/audit.ts';
import { forbidden, notFound, type Outcome } from '../../core/outcome.ts';
import { rolesOf, summitsOf } from '../../core/roles.ts';
import { adminFingerprint, hashToken, newToken } from '../../core/secrets.ts';
import type { Db } from '../../db/client.ts';
import * as repo from './auth.repo.ts';

/**
 * Support units and administrators make tokens for their scripts; a token acts as its maker. The
 * administrator's tokens are tied to the ADMIN_TOKEN they were made with (`adminToken`, the current
 * one): they stop working when it changes.
 */
export async function createApiToken(
  db: Db,
  actor: Actor,
  name: string,
  adminToken: string | undefined,
): Promise<Outcome<{ id: number; name: string; token: string }>> {
  if (actor.kind === 'anonymous') return forbidden('sign in first');
  if (actor.kind === 'user' && !actor.admin && !(await isSupportUnitSomewhere(db, actor))) {
    return forbidden('only a support unit or an administrator may create API tokens');
  }
  if (actor.kind === 'admin' && !adminToken) {
    return forbidden(
      'the administrator makes tokens only while ADMIN_TOKEN is set: they end when it changes',
    );
  }
  const token = newToken('cvn_');
  return db.transaction(async (tx) => {
    const id = await repo.insertApiToken(tx, {
      name,
      tokenHash: hashToken(token),
      userId: actor.kind === 'user' ? actor.userId : null,
      adminFingerprint: actor.kind === 'admin' ? adminFingerprint(adminToken!) : null,
      createdBy: actorLabel(actor),
    });
    await record(tx, {
      summit: null,
      actor: actorLabel(actor),
      action: 'create',
      entity: 'api token',
      key: String(id),
      after: { name },
    });
    return { ok: true, value: { id, name, token } };
  });
}

async function isSupportUnitSomewhere(db: Db, actor: UserActor): Promise<boolean> {
  for (const s of await summitsOf(db, actor)) if ((await rolesOf(db, s.id, actor)).supportUnit) return true;
  return false;
}

export async function listApiTokens(db: Db, actor: Actor) {
  const rows = await repo.listApiTokens(
    db,
    isAdmin(actor) ? 'all' : actor.kind === 'user' ? actor.userId : null,
  );
  return rows.map(({ userId: _, ...r }) => r);
}

export async function revokeApiToken(db: Db, actor: Actor, id: number): Promise<Outcome<null>> {
  const mine = (
    await repo.listApiTokens(db, isAdmin(actor) ? 'all' : actor.kind === 'user' ? actor.userId : -1)
  ).some((t) => t.id === id);
  if (!mine) return notFound(`token ${id} not found`);
  return db.transaction(async (tx) => {
    if (!(await repo.revokeApiToken(tx, id))) return notFound(`token ${id} is already revoked`);
    // The browser sessions it opened end with it (findCookieSession also checks, for one opened meanwhile).
    const sessions = await repo.deleteSessionsOfToken(tx, id);
    await record(tx, {
      summit: null,
      actor: actorLabel(actor),
      action: 'revoke',
      entity: 'api token',
      key: String(id),
      after: { sessions },
    });
    return { ok: true, value: null };
  });
}
