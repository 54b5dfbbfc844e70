// The summit a Marketplace request names, and who the caller is in its Marketplace: the support unit
// (everything), a participant (a delegate or focal point of one of its delegations), a visitor
// (granted the role: reads only). Anyone else signed in finds no such summit (404).
import { type Actor, isAdmin } from '../../core/actor.ts';
import { invalidField, notFound, forbidden, type Outcome } from '../../core/outcome.ts';
import { membershipOf, noRoles, type SummitRoles } from '../../core/roles.ts';
import type { SummitRecord } from '../../core/summit-context.ts';
import type { Executor } from '../../db/client.ts';
import * as repo from './marketplace.repo.ts';

export type MarketContext = {
  summit: SummitRecord;
  actor: Actor;
  roles: SummitRoles;
  /** The caller's own delegations (as delegate or focal point). */
  mine: repo.DelegationRef[];
  /** Granted the visitor role and nothing more: reads, never writes. */
  visitorOnly: boolean;
};

export async function openMarketplace(
  db: Executor,
  slug: string,
  actor: Actor,
): Promise<Outcome<MarketContext>> {
  // Membership is all its rules ask (support unit, delegations, the visitor's grant): read with the
  // summit and the caller's delegations in one round trip, as every Marketplace request does it.
  return contextFrom(await repo.contextOf(db, slug, userOf(actor)), slug, actor);
}

/**
 * openMarketplace for a booking, with the booking's facts (contextAndFacts) read in the same round trip;
 * the facts are the caller's only once the context is.
 */
export async function openMarketplaceToBook(
  db: Executor,
  slug: string,
  actor: Actor,
  need: { key: string; withId: boolean },
): Promise<Outcome<{ ctx: MarketContext; facts: repo.BookingFacts }>> {
  const { context, facts } = await repo.contextAndFacts(db, slug, userOf(actor), need.key, need.withId);
  const opened = contextFrom(context, slug, actor);
  return opened.ok ? { ok: true, value: { ctx: opened.value, facts } } : opened;
}

const userOf = (actor: Actor) =>
  actor.kind === 'user' && !isAdmin(actor) ? { userId: actor.userId, email: actor.email } : null;

function contextFrom(found: repo.ContextRow, slug: string, actor: Actor): Outcome<MarketContext> {
  const summit = found.summit;
  if (!summit) return notFound(`summit "${slug}" not found`);
  const roles = isAdmin(actor)
    ? { ...noRoles(), supportUnit: true }
    : membershipOf(found.grants, found.people);
  const mine = isAdmin(actor) ? [] : found.mine;
  const visitorOnly = !roles.supportUnit && mine.length === 0 && roles.marketplace.visitor;
  if (!roles.supportUnit && mine.length === 0 && !visitorOnly) return notFound(`summit "${slug}" not found`);
  return { ok: true, value: { summit, actor, roles, mine, visitorOnly } };
}

/**
 * The delegation the caller acts for: the one `as` names (the support unit may name any), or
 * their only one. Several and no `as`: 400 on `as`.
 */
export async function actingDelegation(
  db: Executor,
  ctx: MarketContext,
  as: string | undefined,
  path = 'as',
): Promise<Outcome<repo.DelegationRef>> {
  if (ctx.visitorOnly) return forbidden('visitors read the Marketplace; they do not write in it');
  if (as !== undefined) {
    const own = ctx.mine.find((d) => d.key === as);
    if (own) return { ok: true, value: own };
    if (!ctx.roles.supportUnit) return forbidden(`you do not belong to the delegation "${as}"`, path);
    const [any] = await repo.delegationsByKey(db, ctx.summit.id, [as]);
    return any
      ? { ok: true, value: any }
      : invalidField(`unknown delegation "${as}"`, path, 'unknownKey', { kind: 'delegation', key: as });
  }
  if (ctx.mine.length === 1) return { ok: true, value: ctx.mine[0]! };
  return invalidField(
    ctx.mine.length === 0
      ? 'say which delegation acts, with its key'
      : `you belong to several delegations (${ctx.mine.map((d) => d.key).join(', ')}): say which acts`,
    path,
  );
}
