// What a user is in a summit: the roles the support unit granted, and those that follow from the
// programme (a person of the summit file with the user's address, an organiser of a side event, a
// Marketplace owner or provider). Every module's policy decides from this.
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import {
  delegations,
  marketplaceNeeds,
  marketplaceOffers,
  marketplaceParties,
  participants,
  people,
  proposalOrganisers,
  proposals,
  sessions,
  summitRoles,
  summits,
  users,
} from '../db/schema.ts';
import { type Actor, isAdmin } from './actor.ts';

/** What one user is in one summit: granted roles, and roles that follow from the programme. */
export type SummitRoles = {
  supportUnit: boolean;
  focalPointOf: Set<string>;
  /** Delegations the user belongs to: granted, or as a person of the summit file with their address. */
  delegateOf: Set<string>;
  personKeys: Set<string>;
  /** Side events that name one of the user's people as organiser. */
  organiserOf: Set<string>;
  /** Whether the user organises a side-event proposal of the summit (its creator, or a contact). */
  proposes: boolean;
  marketplace: { owner: boolean; provider: boolean; visitor: boolean };
};

export const noRoles = (): SummitRoles => ({
  supportUnit: false,
  focalPointOf: new Set(),
  delegateOf: new Set(),
  personKeys: new Set(),
  organiserOf: new Set(),
  proposes: false,
  marketplace: { owner: false, provider: false, visitor: false },
});

type User = { userId: number; email: string };

/** A grant of the support unit: its role and, for a delegate or focal point, the delegation's key. */
export type Grant = { role: string; delegation: string | null };
/** A person of the summit file with the caller's address, and the key of their delegation. */
export type PersonOfUser = { key: string; delegation: string | null };

/** The roles that membership gives: from the grants, and the people with the caller's address. */
export function membershipOf(grants: readonly Grant[], mine: readonly PersonOfUser[]): SummitRoles {
  const roles = noRoles();
  for (const g of grants) {
    if (g.role === 'support_unit') roles.supportUnit = true;
    if (g.role === 'focal_point' && g.delegation) {
      roles.focalPointOf.add(g.delegation);
      roles.delegateOf.add(g.delegation);
    }
    if (g.role === 'delegate' && g.delegation) roles.delegateOf.add(g.delegation);
    if (g.role === 'visitor') roles.marketplace.visitor = true;
  }
  for (const p of mine) {
    roles.personKeys.add(p.key);
    if (p.delegation) roles.delegateOf.add(p.delegation);
  }
  return roles;
}

/**
 * Who the user is in the summit by membership alone: the roles granted, and the delegations of the
 * people of the summit file with their address. Two queries; the roles that follow from the
 * programme (organiser, Marketplace owner or provider) are left out.
 */
async function membership(
  db: Executor,
  summitId: number,
  user: User,
): Promise<{ roles: SummitRoles; personIds: number[] }> {
  // Grants and the people of the summit file with the caller's address: two reads sent at once.
  const [grants, mine] = await Promise.all([
    db
      .select({ role: summitRoles.role, delegation: delegations.key })
      .from(summitRoles)
      .leftJoin(delegations, eq(delegations.id, summitRoles.delegationId))
      .where(and(eq(summitRoles.summitId, summitId), eq(summitRoles.userId, user.userId))),
    db
      .select({ id: people.id, key: people.key, delegation: delegations.key })
      .from(people)
      .leftJoin(delegations, eq(delegations.id, people.delegationId))
      .where(and(eq(people.summitId, summitId), sql`lower(${people.email}) = ${user.email}`)),
  ]);
  const roles = membershipOf(grants, mine);
  return { roles, personIds: mine.map((p) => p.id) };
}

export async function rolesOf(db: Executor, summitId: number, user: User): Promise<SummitRoles> {
  const { roles, personIds } = await membership(db, summitId, user);
  const [proposing] = await db
    .select({ id: proposals.id })
    .from(proposalOrganisers)
    .innerJoin(proposals, eq(proposals.id, proposalOrganisers.proposalId))
    .where(and(eq(proposals.summitId, summitId), eq(proposalOrganisers.email, user.email)))
    .limit(1);
  roles.proposes = proposing !== undefined;
  if (personIds.length) {
    const organised = await db
      .selectDistinct({ key: sessions.key })
      .from(participants)
      .innerJoin(sessions, eq(sessions.id, participants.sessionId))
      .where(
        and(
          inArray(participants.personId, personIds),
          eq(participants.role, 'organiser'),
          eq(sessions.kind, 'side_event'),
        ),
      );
    for (const s of organised) roles.organiserOf.add(s.key);
  }
  if (roles.delegateOf.size || personIds.length) {
    const delegationIds =
      roles.delegateOf.size === 0
        ? []
        : (
            await db
              .select({ id: delegations.id })
              .from(delegations)
              .where(and(eq(delegations.summitId, summitId), inArray(delegations.key, [...roles.delegateOf])))
          ).map((d) => d.id);
    const parts = await db
      .selectDistinct({ role: participants.role })
      .from(participants)
      .innerJoin(sessions, eq(sessions.id, participants.sessionId))
      .where(
        and(
          eq(sessions.summitId, summitId),
          eq(sessions.kind, 'marketplace_consultation'),
          or(
            delegationIds.length ? inArray(participants.delegationId, delegationIds) : undefined,
            personIds.length ? inArray(participants.personId, personIds) : undefined,
          ),
        ),
      );
    for (const p of parts) {
      if (p.role === 'owner' || p.role === 'provider' || p.role === 'visitor')
        roles.marketplace[p.role] = true;
    }
    if (delegationIds.length) await marketplaceRoles(db, delegationIds, roles);
  }
  return roles;
}

/** Owner of a posted need; provider with an offer or a part in a consultation (the Marketplace's tables). */
async function marketplaceRoles(db: Executor, delegationIds: number[], roles: SummitRoles): Promise<void> {
  const [owns] = await db
    .select({ id: marketplaceNeeds.id })
    .from(marketplaceNeeds)
    .where(inArray(marketplaceNeeds.ownerId, delegationIds))
    .limit(1);
  if (owns) roles.marketplace.owner = true;
  const [offers] = await db
    .select({ id: marketplaceOffers.id })
    .from(marketplaceOffers)
    .where(inArray(marketplaceOffers.providerId, delegationIds))
    .limit(1);
  const [takesPart] = await db
    .select({ id: marketplaceParties.consultationId })
    .from(marketplaceParties)
    .where(
      and(inArray(marketplaceParties.delegationId, delegationIds), eq(marketplaceParties.role, 'provider')),
    )
    .limit(1);
  if (offers || takesPart) roles.marketplace.provider = true;
}

/** The caller's roles in a summit: administrators are its support unit, anonymous callers nobody. */
export async function rolesIn(db: Executor, summitId: number, actor: Actor): Promise<SummitRoles> {
  if (isAdmin(actor)) return { ...noRoles(), supportUnit: true };
  return actor.kind === 'user' ? rolesOf(db, summitId, actor) : noRoles();
}

/**
 * The caller's roles by membership alone (granted, or as a person of the summit file): for a
 * module whose rules need no more (the Marketplace), at two queries instead of rolesIn's nine.
 */
export async function membershipIn(db: Executor, summitId: number, actor: Actor): Promise<SummitRoles> {
  if (isAdmin(actor)) return { ...noRoles(), supportUnit: true };
  return actor.kind === 'user' ? (await membership(db, summitId, actor)).roles : noRoles();
}

/** Summits where a user has a granted role, is a person of the programme or organises a proposal. */
export async function summitsOf(
  db: Executor,
  user: { userId: number; email: string },
): Promise<{ id: number; slug: string; name: string }[]> {
  return db
    .selectDistinct({ id: summits.id, slug: summits.slug, name: summits.name })
    .from(summits)
    .where(
      or(
        sql`exists (select 1 from ${summitRoles} where ${summitRoles.summitId} = ${summits.id} and ${summitRoles.userId} = ${user.userId})`,
        sql`exists (select 1 from ${people} where ${people.summitId} = ${summits.id} and lower(${people.email}) = ${user.email})`,
        sql`exists (select 1 from ${proposalOrganisers} join ${proposals} on ${proposals.id} = ${proposalOrganisers.proposalId} where ${proposals.summitId} = ${summits.id} and ${proposalOrganisers.email} = ${user.email})`,
      ),
    )
    .orderBy(asc(summits.id));
}

/** The addresses of the people the support unit of a summit is made of (granted the role). */
export async function supportUnitAddresses(db: Executor, summitId: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ email: users.email })
    .from(summitRoles)
    .innerJoin(users, eq(users.id, summitRoles.userId))
    .where(and(eq(summitRoles.summitId, summitId), eq(summitRoles.role, 'support_unit')))
    .orderBy(asc(users.email));
  return rows.map((r) => r.email);
}
